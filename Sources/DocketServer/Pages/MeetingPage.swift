import DocketDocuments
import DocketModel
import DocketStore

/// The page of one meeting: its agenda with the papers' texts, attendance, decisions and votes,
/// and the papers to download. Built from the papers' own view model, redacted for the public
/// (`MeetingPapers.redactedForPublic()`, which takes every item's `ItemFacts.publicForm`): the page
/// shows what the public papers show, no more.
enum MeetingPage {
    static func values(meeting reference: MeetingReference, store: Store, page: PageContext) throws -> (title: String, values: [String: Any]) {
        let meeting = try store.meeting(reference)
        let papers = try MeetingPapers(store: store, meetingID: meeting.id, language: page.language).redactedForPublic()
        let phrases = page.language.phrases
        let formatDate: (CalendarDate) -> String = { phrases.format($0) }
        let items = papers.items.map { item in
            var decision: (text: String, lines: [String], remarks: String)?
            if let decided = item.decision {
                var lines: [String] = []
                if let sentence = phrases.outcomeSentence(decided.outcome, decided.continuation, formatDate) { lines.append(sentence) }
                if let vote = decided.vote { lines.append(phrases.decisionVote(vote, decided.outcome)) }
                decision = (decided.text ?? item.proposal ?? "", lines, decided.remarks ?? "")
            }
            return AgendaHTML.Item(
                anchor: "sak-" + Paths.segment(item.number), href: page.link(Paths.item(meeting.body, item.number)),
                number: item.number.description, title: item.title, isExempt: item.isExempt,
                exemptNotice: item.isExempt ? phrases.exemptNotice(item.exemptionBasis) : "",
                kind: item.kind.map { phrases.kind($0) } ?? "", documentBasis: item.documentBasis ?? "",
                caseText: item.caseText ?? "", proposal: item.proposal ?? "",
                conflicts: item.conflicts.map { phrases.conflictSentence($0.person, $0.reason) },
                alternatives: item.alternatives.map { proposal in
                    (phrases.proposalHeading(proposal.proposer), proposal.text,
                     proposal.vote.map { phrases.proposalVote($0, proposal.proposer, proposal.isAdopted ?? false) } ?? "")
                },
                decision: decision,
                namedVote: item.namedVote.map { phrases.namedVote($0.votesFor, $0.against, $0.abstaining) } ?? "")
        }
        func people(_ list: [Attendee]) -> [String] {
            list.map { person in
                var text = person.name
                let extra = [person.role.flatMap { $0 == .member ? nil : phrases.role($0) }, person.organisation].compactMap { $0 }
                if !extra.isEmpty { text += " (" + extra.joined(separator: ", ") + ")" }
                return text
            }
        }
        let attendance = papers.attendance
        let substitutes = attendance.substitutes.map { phrases.substitution($0.substitute.name, $0.member) }
        let hasAttendance = !(attendance.present.isEmpty && attendance.apologies.isEmpty && substitutes.isEmpty && attendance.others.isEmpty)
        let held = meeting.status == .held || meeting.status == .minutesApproved || papers.items.contains { $0.decision != nil }
        let base = Paths.meeting(meeting.body, meeting.date)
        var time = ""
        if let start = meeting.start { time = phrases.timeRange(phrases.format(start), meeting.end.map { phrases.format($0) }) }
        let title = "\(page.text["meetingOf"]) \(meeting.bodyName) \(phrases.format(meeting.date))"
        return (title, [
            "heading": title, "bodyName": meeting.bodyName, "bodyHref": page.link(Paths.body(meeting.body)),
            "date": phrases.format(meeting.date), "time": time, "place": meeting.place ?? "",
            "cancelled": meeting.status == .cancelled, "approved": meeting.status == .minutesApproved,
            "items": AgendaHTML(items: items, phrases: AgendaHTML.Phrases(page.text)), "hasItems": !items.isEmpty,
            "present": people(attendance.present), "apologies": people(attendance.apologies), "substitutes": substitutes,
            "others": people(attendance.others), "hasAttendance": hasAttendance,
            "hasPresent": !attendance.present.isEmpty, "hasApologies": !attendance.apologies.isEmpty,
            "hasSubstitutes": !substitutes.isEmpty, "hasOthers": !attendance.others.isEmpty,
            "summons": downloads(base + "/innkalling", page), "minutes": held ? downloads(base + "/protokoll", page) : [],
            "hasMinutes": held, "icsURL": base + "/mote.ics", "feedURL": Paths.body(meeting.body) + "/feed.atom",
        ])
    }

    static func downloads(_ base: String, _ page: PageContext) -> [[String: String]] {
        [("html", page.text["html"]), ("pdf", page.text["pdf"]), ("docx", page.text["docx"])].map { format, label in
            ["href": page.link(base + "." + format), "label": label, "format": format]
        }
    }
}
