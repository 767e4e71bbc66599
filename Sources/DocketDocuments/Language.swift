import DocketModel

/// The language of the fixed phrases in the papers. User text (titles, case text, decisions) is
/// printed as written, whatever the language.
public enum Language: String, CaseIterable, Sendable, Codable {
    /// Norwegian bokmål, the default.
    case norwegian = "nb"
    /// Norwegian nynorsk.
    case nynorsk = "nn"
    case english = "en"

    /// Reads `nb`, `no`, `nob`, `norsk`, `bokmål`, `nn`, `nno`, `nynorsk`, `en`, `eng`, `english` in any case.
    public init?(code: String) {
        switch code.lowercased() {
        case "nb", "no", "nob", "nb-no", "norsk", "bokmål", "bokmal", "norwegian": self = .norwegian
        case "nn", "nno", "nn-no", "nynorsk": self = .nynorsk
        case "en", "eng", "en-gb", "en-us", "english", "engelsk": self = .english
        default: return nil
        }
    }

    /// Every fixed phrase of the papers in this language.
    public var phrases: Phrases {
        switch self {
        case .norwegian: .norwegian
        case .nynorsk: .nynorsk
        case .english: .english
        }
    }
}

/// All the fixed text of the papers in one language, in one place. Templates reach the labels as
/// `{{t.NAME}}`; sentences that take values are built here and given to templates ready made.
public struct Phrases: Sendable {
    /// BCP 47 tag for HTML `lang` and Word's `w:lang`: "nb-NO".
    public var languageTag: String
    public var months: [String]
    /// "Til" before each addressee.
    public var addresseePrefix: String
    public var agendaHeading: String
    public var numberColumn: String
    public var itemColumn: String
    public var basisColumn: String
    public var kindColumn: String
    public var greeting: String
    public var closing: String
    public var attachments: String
    public var casePapers: String
    public var proposal: String
    public var decision: String
    public var remarks: String
    public var vote: String
    public var exemptPlaceholder: String
    public var publicVersion: String
    public var time: String
    public var place: String
    public var present: String
    public var apologies: String
    public var substitutes: String
    public var others: String
    public var minuteTaker: String
    public var item: String
    public var page: String
    public var pageOf: String
    public var notApproved: String
    /// Above the names of those who sign the approved minutes.
    public var signedBy: String
    public var attendance: String
    public var items: String

    /// "Innkalling til møte i Digi Rogalands styringsgruppe".
    public var summonsTitle: @Sendable (_ body: String) -> String
    /// "Dagsorden for møte i …".
    public var agendaTitle: @Sendable (_ body: String) -> String
    /// "Saksframlegg til møte i …".
    public var casePapersTitle: @Sendable (_ body: String) -> String
    /// "Referat fra møte i …".
    public var minutesTitle: @Sendable (_ body: String) -> String
    /// "Det innkalles med dette til møte i styringsgruppen den 13. februar 2019 på … fra klokken 13.00 til 15.00."
    public var invitation: @Sendable (_ shortName: String, _ date: String, _ place: String, _ start: String?, _ end: String?) -> String
    /// "Unntatt offentlighet, jf. offl. § 13".
    public var exemptNotice: @Sendable (_ legalBasis: String?) -> String
    public var kind: @Sendable (ItemKind) -> String
    public var section: @Sendable (Section) -> String
    public var role: @Sendable (Role) -> String
    public var voteText: @Sendable (VoteTally) -> String
    /// "Ekstraordinært møte"; nil for an ordinary meeting.
    public var meetingKind: @Sendable (MeetingKind) -> String?
    /// "Saken ble utsatt til møte 20. mars 2019."; nil for outcomes the decision text says enough about.
    public var outcomeSentence: @Sendable (_ outcome: Outcome, _ continuation: Continuation?, _ formatDate: (CalendarDate) -> String) -> String?
    /// "Kari Nordmann (Sola kommune, varamedlem), møtt for Ola Nordmann".
    public var substitution: @Sendable (_ substitute: String, _ member: String) -> String
    /// "Referatet ble godkjent i møte 20. mars 2019, sak 2/19."
    public var approvalLine: @Sendable (_ date: String, _ body: String?, _ item: String?) -> String
    /// The body's kind as a sentence names it, definite form: "styringsgruppen", "styringsgruppa", "the steering group".
    public var definiteBodyName: @Sendable (BodyKind) -> String
    /// The signer's title under the summons: "Leder i styringsgruppen", "Chair of the steering group".
    public var chairTitle: @Sendable (_ definiteBodyName: String) -> String
    /// Whom the summons goes to when the meeting names nobody: "styringsgruppens medlemmer".
    public var defaultAddressees: @Sendable (_ definiteBodyName: String) -> String
    /// "Oversendt fra Faggruppe helse, sak 5/25.", "Utsatt fra sak 5/19."
    public var origin: @Sendable (_ body: String, _ item: String, _ referred: Bool) -> String
    /// Separator between hours and minutes: "13.00" in Norwegian, "13:00" in English.
    public var timeSeparator: String
    /// Between a date and its time range: "13. februar 2019 kl. 13.00–15.00", "13 February 2019, 13:00–15:00".
    public var dateTimeSeparator: String
    /// "kl. 13.00–15.00".
    public var timeRange: @Sendable (_ start: String, _ end: String?) -> String
    /// "13. februar 2019".
    public var date: @Sendable (_ day: Int, _ month: String, _ year: Int) -> String

    /// Formats a date: "13. februar 2019", "13 February 2019".
    public func format(_ value: CalendarDate) -> String {
        date(value.day, months[value.month - 1], value.year)
    }

    /// Formats a time: "13.00", "13:00".
    public func format(_ value: TimeOfDay) -> String {
        value.formatted(separator: timeSeparator)
    }

    /// Norwegian bokmål.
    public static let norwegian = Phrases(
        languageTag: "nb-NO",
        months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
        addresseePrefix: "Til",
        agendaHeading: "Dagsorden:",
        numberColumn: "Nr",
        itemColumn: "Sak",
        basisColumn: "Saksunderlag",
        kindColumn: "Type sak",
        greeting: "Vel møtt!",
        closing: "Med vennlig hilsen",
        attachments: "Vedlegg",
        casePapers: "Saksframlegg",
        proposal: "Forslag til vedtak:",
        decision: "Vedtak:",
        remarks: "Behandling:",
        vote: "Votering:",
        exemptPlaceholder: "Unntatt offentlighet",
        publicVersion: "Offentlig versjon",
        time: "Tid:",
        place: "Sted:",
        present: "Til stede:",
        apologies: "Forfall:",
        substitutes: "Møtende varamedlemmer:",
        others: "Andre til stede:",
        minuteTaker: "Referent:",
        item: "Sak",
        page: "Side",
        pageOf: "av",
        notApproved: "Referatet er ikke godkjent.",
        signedBy: "Referatet er signert av:",
        attendance: "Deltakere",
        items: "Saker",
        summonsTitle: { "Innkalling til møte i \($0)" },
        agendaTitle: { "Dagsorden for møte i \($0)" },
        casePapersTitle: { "Saksframlegg til møte i \($0)" },
        minutesTitle: { "Referat fra møte i \($0)" },
        invitation: { shortName, date, place, start, end in
            var sentence = "Det innkalles med dette til møte i \(shortName) den \(date) på \(place)"
            if let start, let end {
                sentence += " fra klokken \(start) til \(end)"
            } else if let start {
                sentence += " klokken \(start)"
            }
            return sentence + "."
        },
        exemptNotice: { basis in basis.map { "Unntatt offentlighet, jf. \($0)" } ?? "Unntatt offentlighet" },
        kind: { $0.norwegian },
        section: { $0.norwegian },
        role: { $0.norwegian },
        voteText: { $0.norwegian },
        meetingKind: { kind in
            switch kind {
            case .ordinary: nil
            case .extraordinary: "Ekstraordinært møte"
            case .circulation: "Møte ved sirkulasjon (e-postmøte)"
            }
        },
        outcomeSentence: { outcome, continuation, formatDate in
            switch (outcome, continuation) {
            case let (_, .postponed(date?)): "Saken ble utsatt til møte \(formatDate(date))."
            case (_, .postponed(nil)), (.postponed, nil): "Saken ble utsatt."
            case let (_, .referred(body)): "Saken ble oversendt til \(body)."
            case (.referred, nil): "Saken ble oversendt."
            case (.withdrawn, _): "Saken ble trukket."
            case (.rejected, _): "Forslaget falt."
            // Said in so many words, so that a reader of the minutes (Docket's own included) can
            // tell a noted item from one whose decision differs from the proposal.
            case (.noted, _): "Tatt til orientering."
            default: nil
            }
        },
        substitution: { "\($0), møtt for \($1)" },
        approvalLine: { date, body, item in
            var line = "Referatet ble godkjent i møte"
            if let body { line += " i \(body)" }
            line += " \(date)"
            if let item { line += ", sak \(item)" }
            return line + "."
        },
        definiteBodyName: { $0.norwegianDefinite },
        chairTitle: { "Leder i \($0)" },
        defaultAddressees: { "\($0)s medlemmer" },
        origin: { body, item, referred in referred ? "Oversendt fra \(body), sak \(item)." : "Utsatt fra \(body), sak \(item)." },
        timeSeparator: ".",
        dateTimeSeparator: " ",
        timeRange: { start, end in end.map { "kl. \(start)–\($0)" } ?? "kl. \(start)" },
        date: { day, month, year in "\(day). \(month) \(year)" }
    )

    /// British English.
    public static let english = Phrases(
        languageTag: "en-GB",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        addresseePrefix: "To",
        agendaHeading: "Agenda:",
        numberColumn: "No.",
        itemColumn: "Item",
        basisColumn: "Documents",
        kindColumn: "Type",
        greeting: "See you there!",
        closing: "Kind regards",
        attachments: "Attachments",
        casePapers: "Case papers",
        proposal: "Proposed decision:",
        decision: "Decision:",
        remarks: "Discussion:",
        vote: "Vote:",
        exemptPlaceholder: "Exempt from public access",
        publicVersion: "Public version",
        time: "Time:",
        place: "Place:",
        present: "Present:",
        apologies: "Apologies:",
        substitutes: "Attending deputies:",
        others: "Also present:",
        minuteTaker: "Minutes:",
        item: "Item",
        page: "Page",
        pageOf: "of",
        notApproved: "These minutes are not yet approved.",
        signedBy: "Signed by:",
        attendance: "Attendance",
        items: "Items",
        summonsTitle: { "Notice of meeting: \($0)" },
        agendaTitle: { "Agenda: meeting of \($0)" },
        casePapersTitle: { "Case papers: meeting of \($0)" },
        minutesTitle: { "Minutes of the meeting of \($0)" },
        invitation: { shortName, date, place, start, end in
            var sentence = "You are hereby called to a meeting of \(shortName) on \(date) at \(place)"
            if let start, let end {
                sentence += " from \(start) to \(end)"
            } else if let start {
                sentence += " at \(start)"
            }
            return sentence + "."
        },
        exemptNotice: { basis in basis.map { "Exempt from public access under \($0)" } ?? "Exempt from public access" },
        kind: { kind in
            switch kind {
            case .decision: "Decision"
            case .information: "Information"
            case .discussion: "Discussion"
            }
        },
        section: { section in
            switch section {
            case .standing: "Standing items"
            case .forConsideration: "Items for consideration"
            }
        },
        role: { role in
            switch role {
            case .chair: "chair"
            case .deputyChair: "deputy chair"
            case .member: "member"
            case .deputy: "deputy"
            case .adviser: "adviser"
            case .unionRepresentative: "union representative"
            case .observer: "observer"
            case .secretary: "secretariat"
            }
        },
        voteText: { tally in
            switch tally {
            case .unanimous:
                return "Adopted unanimously"
            case let .counted(votesFor, against, abstaining):
                let base: String
                if votesFor > against {
                    base = against == 0 ? "Adopted with \(votesFor) vote\(votesFor == 1 ? "" : "s")" : "Adopted by \(votesFor) votes to \(against)"
                } else {
                    base = "Rejected by \(against) votes to \(votesFor)"
                }
                return abstaining > 0 ? "\(base), \(abstaining) abstaining" : base
            }
        },
        meetingKind: { kind in
            switch kind {
            case .ordinary: nil
            case .extraordinary: "Extraordinary meeting"
            case .circulation: "Meeting by circulation (by e-mail)"
            }
        },
        outcomeSentence: { outcome, continuation, formatDate in
            switch (outcome, continuation) {
            case let (_, .postponed(date?)): "The item was postponed to the meeting of \(formatDate(date))."
            case (_, .postponed(nil)), (.postponed, nil): "The item was postponed."
            case let (_, .referred(body)): "The item was referred to \(body)."
            case (.referred, nil): "The item was referred to another body."
            case (.withdrawn, _): "The item was withdrawn."
            case (.rejected, _): "The proposal was rejected."
            case (.noted, _): "Noted."
            default: nil
            }
        },
        substitution: { "\($0), attending for \($1)" },
        approvalLine: { date, body, item in
            var line = "These minutes were approved at the meeting"
            if let body { line += " of \(body)" }
            line += " of \(date)"
            if let item { line += ", item \(item)" }
            return line + "."
        },
        definiteBodyName: { kind in
            switch kind {
            case .steeringGroup: "the steering group"
            case .expertGroup: "the expert group"
            case .coGovernanceCommittee: "the co-governance committee"
            case .portfolioBoard: "the portfolio board"
            case .council: "the council"
            case .committee: "the committee"
            case .other: "the body"
            }
        },
        chairTitle: { "Chair of \($0)" },
        defaultAddressees: { "the members of \($0)" },
        origin: { body, item, referred in referred ? "Referred from \(body), item \(item)." : "Postponed from \(body), item \(item)." },
        timeSeparator: ":",
        dateTimeSeparator: ", ",
        timeRange: { start, end in end.map { "\(start)–\($0)" } ?? start },
        date: { day, month, year in "\(day) \(month) \(year)" }
    )

    /// Norwegian nynorsk: the same papers in the words a nynorsk municipality writes.
    public static let nynorsk = Phrases(
        languageTag: "nn-NO",
        months: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
        addresseePrefix: "Til",
        agendaHeading: "Saksliste:",
        numberColumn: "Nr",
        itemColumn: "Sak",
        basisColumn: "Saksgrunnlag",
        kindColumn: "Type sak",
        greeting: "Vel møtt!",
        closing: "Med venleg helsing",
        attachments: "Vedlegg",
        casePapers: "Saksframlegg",
        proposal: "Framlegg til vedtak:",
        decision: "Vedtak:",
        remarks: "Handsaming:",
        vote: "Røysting:",
        exemptPlaceholder: "Unnateke offentlegheit",
        publicVersion: "Offentleg versjon",
        time: "Tid:",
        place: "Stad:",
        present: "Til stades:",
        apologies: "Forfall:",
        substitutes: "Møtande varamedlemmer:",
        others: "Andre til stades:",
        minuteTaker: "Referent:",
        item: "Sak",
        page: "Side",
        pageOf: "av",
        notApproved: "Referatet er ikkje godkjent.",
        signedBy: "Referatet er underskrive av:",
        attendance: "Deltakarar",
        items: "Saker",
        summonsTitle: { "Innkalling til møte i \($0)" },
        agendaTitle: { "Saksliste for møte i \($0)" },
        casePapersTitle: { "Saksframlegg til møte i \($0)" },
        minutesTitle: { "Referat frå møte i \($0)" },
        invitation: { shortName, date, place, start, end in
            var sentence = "Det vert med dette kalla inn til møte i \(shortName) den \(date) på \(place)"
            if let start, let end {
                sentence += " frå klokka \(start) til \(end)"
            } else if let start {
                sentence += " klokka \(start)"
            }
            return sentence + "."
        },
        exemptNotice: { basis in basis.map { "Unnateke offentlegheit, jf. \($0)" } ?? "Unnateke offentlegheit" },
        kind: { kind in
            switch kind {
            case .decision: "Avgjerd"
            case .information: "Orientering"
            case .discussion: "Drøfting"
            }
        },
        section: { section in
            switch section {
            case .standing: "Faste saker"
            case .forConsideration: "Saker til handsaming"
            }
        },
        role: { role in
            switch role {
            case .chair: "leiar"
            case .deputyChair: "nestleiar"
            case .member: "medlem"
            case .deputy: "varamedlem"
            case .adviser: "rådgjevar"
            case .unionRepresentative: "tillitsvald"
            case .observer: "observatør"
            case .secretary: "sekretariat"
            }
        },
        voteText: { tally in
            func votes(_ count: Int) -> String { count == 1 ? "1 røyst" : "\(count) røyster" }
            switch tally {
            case .unanimous:
                return "Samrøystes vedteke"
            case let .counted(votesFor, against, abstaining):
                let base: String
                if votesFor > against {
                    base = against == 0 ? "Vedteke med \(votes(votesFor))" : "Vedteke med \(votesFor) mot \(votes(against))"
                } else {
                    base = "Fall med \(votesFor) mot \(votes(against))"
                }
                return abstaining > 0 ? "\(base), \(abstaining) avstod" : base
            }
        },
        meetingKind: { kind in
            switch kind {
            case .ordinary: nil
            case .extraordinary: "Ekstraordinært møte"
            case .circulation: "Møte ved sirkulasjon (e-postmøte)"
            }
        },
        outcomeSentence: { outcome, continuation, formatDate in
            switch (outcome, continuation) {
            case let (_, .postponed(date?)): "Saka vart utsett til møte \(formatDate(date))."
            case (_, .postponed(nil)), (.postponed, nil): "Saka vart utsett."
            case let (_, .referred(body)): "Saka vart send over til \(body)."
            case (.referred, nil): "Saka vart send over."
            case (.withdrawn, _): "Saka vart trekt."
            case (.rejected, _): "Framlegget fall."
            case (.noted, _): "Teke til orientering."
            default: nil
            }
        },
        substitution: { "\($0), møtte for \($1)" },
        approvalLine: { date, body, item in
            var line = "Referatet vart godkjent i møte"
            if let body { line += " i \(body)" }
            line += " \(date)"
            if let item { line += ", sak \(item)" }
            return line + "."
        },
        definiteBodyName: { kind in
            switch kind {
            case .steeringGroup: "styringsgruppa"
            case .expertGroup: "faggruppa"
            case .coGovernanceCommittee: "samstyringsutvalet"
            case .portfolioBoard: "porteføljerådet"
            case .council: "rådet"
            case .committee: "utvalet"
            case .other: "organet"
            }
        },
        chairTitle: { "Leiar i \($0)" },
        defaultAddressees: { "medlemmene i \($0)" },
        origin: { body, item, referred in referred ? "Send over frå \(body), sak \(item)." : "Utsett frå \(body), sak \(item)." },
        timeSeparator: ".",
        dateTimeSeparator: " ",
        timeRange: { start, end in end.map { "kl. \(start)–\($0)" } ?? "kl. \(start)" },
        date: { day, month, year in "\(day). \(month) \(year)" }
    )
}

// The sentences of conflicts of interest, alternative proposals and named votes.
extension Phrases {
    private var isEnglish: Bool { languageTag.hasPrefix("en") }

    /// "Dag Eng erklærte seg inhabil (styreleder i søkerorganisasjonen) og fratrådte."
    public func conflictSentence(_ person: String, _ reason: String?) -> String {
        let because = reason.map { " (\($0))" } ?? ""
        return isEnglish ? "\(person) declared a conflict of interest\(because) and left the meeting for the item."
            : "\(person) erklærte seg inhabil\(because) og fratrådte."
    }

    /// The vote line of a decision. A tie adopted is adopted by the chair's vote (kommuneloven
    /// § 11-9 third paragraph) and says so, where the count alone would read as fallen.
    public func decisionVote(_ tally: VoteTally, _ outcome: Outcome) -> String {
        guard case let .counted(votesFor, against, abstaining) = tally, votesFor == against, [.adopted, .amended].contains(outcome) else {
            return voteText(tally)
        }
        let rest = abstaining > 0 ? (isEnglish ? ", \(abstaining) abstaining" : ", \(abstaining) avsto") : ""
        return isEnglish ? "Adopted by \(votesFor) votes to \(against) on the chair's casting vote\(rest)"
            : "Vedtatt med \(votesFor) mot \(VoteTally.votes(against)) ved møteleders dobbeltstemme\(rest)"
    }

    /// "Rettet 20.06.2019: Feil beløp i vedtaket." The line of a correction of approved minutes.
    public func correctionLine(_ date: CalendarDate, _ reason: String) -> String {
        if isEnglish { return "Corrected \(format(date)): \(reason)" }
        return "\(languageTag.hasPrefix("nn") ? "Retta" : "Rettet") \(date.numeric): \(reason)"
    }

    /// The label over the text a correction replaced.
    public var originalDecision: String {
        isEnglish ? "Original decision:" : languageTag.hasPrefix("nn") ? "Opphavleg vedtak:" : "Opprinnelig vedtak:"
    }

    /// "Forslag fra Dag Eng:".
    public func proposalHeading(_ proposer: String) -> String {
        isEnglish ? "Proposal by \(proposer):" : "Forslag fra \(proposer):"
    }

    /// "Forslaget fra Dag Eng falt med 2 mot 3 stemmer."
    public func proposalVote(_ tally: VoteTally, _ proposer: String, _ adopted: Bool) -> String {
        guard isEnglish else { return tally.norwegian(proposalBy: proposer, adopted: adopted) + "." }
        let subject = "The proposal by \(proposer)"
        switch tally {
        case .unanimous:
            return adopted ? "\(subject) was adopted unanimously." : "\(subject) was rejected unanimously."
        case let .counted(votesFor, against, abstaining):
            let count = adopted ? "by \(votesFor) vote\(votesFor == 1 ? "" : "s") to \(against)" : "by \(against) vote\(against == 1 ? "" : "s") to \(votesFor)"
            let base = "\(subject) was \(adopted ? "adopted" : "rejected") \(count)"
            return (abstaining > 0 ? "\(base), \(abstaining) abstaining" : base) + "."
        }
    }

    /// "For: Ingrid Fjeld, Kari Nord. Mot: Dag Eng."
    public func namedVote(_ votesFor: [String], _ against: [String], _ abstaining: [String]) -> String {
        var parts: [String] = []
        if !votesFor.isEmpty { parts.append("For: \(votesFor.joined(separator: ", ")).") }
        if !against.isEmpty { parts.append("\(isEnglish ? "Against" : "Mot"): \(against.joined(separator: ", ")).") }
        if !abstaining.isEmpty { parts.append("\(isEnglish ? "Abstaining" : "Avsto"): \(abstaining.joined(separator: ", ")).") }
        return parts.joined(separator: " ")
    }
}
