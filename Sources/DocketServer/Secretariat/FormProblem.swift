import DocketModel
import DocketStore
import Foundation

/// A form the web layer or the store refused: the message is shown beside form `form` (and
/// `field`, when one field is at fault), with what was typed.
struct FormProblem: Error, Sendable {
    var form: String
    var message: String
    var values: [String: String]
    var field: String?

    init(form: String, message: String, values: [String: Any], field: String? = nil) {
        self.form = form
        self.message = message
        self.values = values.compactMapValues { $0 as? String }
        self.field = field
    }
}

extension FormData {
    func date(_ name: String, form: String) throws -> CalendarDate? {
        guard let text = self[name] else { return nil }
        guard let date = CalendarDate(text) else {
            throw FormProblem(form: form, message: self.say("Skriv datoen som ÅÅÅÅ-MM-DD, ikke «\(text)».", nn: "Skriv datoen som ÅÅÅÅ-MM-DD, ikkje «\(text)».", en: "Write the date as YYYY-MM-DD, not «\(text)»."), values: values, field: name)
        }
        return date
    }

    func time(_ name: String, form: String) throws -> TimeOfDay? {
        guard let text = self[name] else { return nil }
        guard let time = TimeOfDay(text) else {
            throw FormProblem(form: form, message: self.say("Skriv klokkeslettet som TT:MM, ikke «\(text)».", nn: "Skriv klokkeslettet som TT:MM, ikkje «\(text)».", en: "Write the time as HH:MM, not «\(text)»."), values: values, field: name)
        }
        return time
    }
}

/// The vote fields of the decision form, read as the CLI reads `--for/--against/--abstaining`:
/// a number, or names separated by commas (a named vote).
struct VoteForm {
    var tally: VoteTally?
    var ballots: [NamedBallot] = []

    /// `key` is the form the problems are shown beside (the decision's, or a proposal's vote).
    init(_ form: FormData, key: String = "vedtak") throws {
        func count(_ name: String, _ ballot: Ballot) throws -> Int? {
            guard let text = form[name] else { return nil }
            if let number = Int(text) {
                guard number >= 0 else { throw FormProblem(form: key, message: form.say("Antallet kan ikke være negativt.", nn: "Talet kan ikkje vere negativt.", en: "A count cannot be negative."), values: form.values, field: name) }
                return number
            }
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            ballots += names.map { NamedBallot(person: $0, ballot: ballot) }
            return names.count
        }
        let votesFor = try count("for", .for), against = try count("against", .against), abstaining = try count("abstaining", .blank)
        if form["unanimous"] != nil {
            if votesFor != nil || (against ?? 0) > 0 {
                throw FormProblem(form: key, message: form.say("En votering er enten enstemmig eller telt (for/mot), ikke begge.", nn: "Ei røysting er anten samrøystes eller talt (for/mot), ikkje begge.", en: "A vote is either unanimous or counted (for/against), not both."), values: form.values, field: "for")
            }
            tally = .unanimous
        } else if let votesFor {
            tally = .counted(for: votesFor, against: against ?? 0, abstaining: abstaining ?? 0)
        } else if against != nil || abstaining != nil {
            throw FormProblem(form: key, message: form.say("En telt votering trenger også stemmer for.", nn: "Ei talt røysting treng også røyster for.", en: "A counted vote needs votes for as well."), values: form.values, field: "for")
        }
    }
}
