import DocketModel
import SQLite

/// One handling of a case: the item at one meeting of one body.
public struct CaseStep: Codable, Hashable, Sendable {
    public var item: String
    public var body: String
    public var bodyName: String
    public var meetingDate: CalendarDate
    public var title: String
    /// How the case came to this meeting: new, postponed or referred.
    public var arrival: String
    public var outcome: Outcome?
    /// Why this handling is counted as the same case: set by hand, the same archive case number, or
    /// the same title in another body (a guess).
    public var linkedBy: String
}

/// Everything an archivist asks of an item: where it was handled, what was proposed and decided,
/// on what basis, where the case went, and what refers to it.
public struct ItemStory: Codable, Hashable, Sendable {
    public var item: AgendaItem
    public var meeting: Meeting
    public var decision: Decision?
    public var attachments: [Attachment]
    public var casePath: [CaseStep]
    public var references: [ResolvedReference]
    public var referredToBy: [ReferringItem]
    /// True when made for the public: an exempt item's texts are gone.
    public var isPublicVersion: Bool
}

extension Store {
    /// The whole story of an item. With `isPublic`, an exempt item keeps its number, public title and
    /// legal basis, and nothing of its text: not its title, texts, decision, references or attachments.
    public func story(of reference: String, isPublic: Bool = false) throws -> ItemStory {
        let item = try item(reference)
        var story = ItemStory(item: item, meeting: try meeting(id: item.meetingID), decision: try decision(itemID: item.id),
                              attachments: try attachments(item: reference), casePath: try caseSteps(caseID: item.caseID),
                              references: try references(from: reference), referredToBy: try referringItems(to: reference),
                              isPublicVersion: isPublic)
        if isPublic {
            story.redactExempt()
        }
        return story
    }

    func caseSteps(caseID: Int64) throws -> [CaseStep] {
        try db.fetchAll("""
            SELECT b.slug, b.name, i.series, i.sequence, i.year, m.date, i.title, i.public_title, i.is_exempt, i.arrival,
                   i.case_link, d.outcome
            FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.case_id = ?
            ORDER BY m.date, i.id
            """, [caseID]).map { row in
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let slug: String = try row.decode("slug")
            return CaseStep(item: "\(slug) \(number)", body: slug, bodyName: try row.decode("name"), meetingDate: try row.decode("date"),
                            title: try row.decode("title"), arrival: try row.decode("arrival"), outcome: row["outcome", as: Outcome.self],
                            linkedBy: try row.decode("case_link"))
        }
    }

}

extension ItemStory {
    /// Removes everything of an exempt item but its number, public title and legal basis.
    mutating func redactExempt() {
        guard item.isExempt else { return }
        let placeholder = item.publicTitle ?? "Unntatt offentlighet"
        item.title = placeholder
        item.caseText = nil
        item.proposal = nil
        item.basis = nil
        if decision != nil {
            decision?.text = nil
            decision?.remarks = nil
        }
        attachments = []
        references = []
        casePath = casePath.map { step in
            var step = step
            step.title = placeholder
            return step
        }
    }
}

/// One line of the decision register: what a body decided on an item.
public struct RegisterEntry: Codable, Hashable, Sendable {
    public var number: ItemNumber
    public var meetingDate: CalendarDate
    public var title: String
    public var kind: ItemKind?
    public var outcome: Outcome
    public var vote: String?
    public var decision: String?
    public var isExempt: Bool
    public var exemptionBasis: String?
}

extension Store {
    /// Every decision of a body in a year, in number order: what an archivist hands out when asked
    /// for "all decisions of 2019". With `isPublic`, exempt items show their public title and legal basis only.
    public func decisionRegister(bodySlug: String, year: Int, isPublic: Bool = false) throws -> [RegisterEntry] {
        let bodyID = try bodyID(slug: bodySlug)
        return try db.fetchAll("""
            SELECT i.series, i.sequence, i.year, m.date, i.title, i.public_title, i.kind, i.is_exempt, i.exemption_basis,
                   d.outcome, d.text, d.is_unanimous, d.votes_for, d.votes_against, d.votes_abstaining
            FROM decision d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
            WHERE i.body_id = ? AND i.year = ?
            ORDER BY i.series, i.sequence
            """, [bodyID, year]).map { row in
            let exempt: Bool = try row.decode("is_exempt")
            let hidden = exempt && isPublic
            var tally: VoteTally?
            if try row.decode("is_unanimous", as: Bool.self) {
                tally = .unanimous
            } else if let votesFor = row["votes_for", as: Int.self] {
                tally = .counted(for: votesFor, against: row["votes_against", as: Int.self] ?? 0, abstaining: row["votes_abstaining", as: Int.self] ?? 0)
            }
            return RegisterEntry(
                number: ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"), year: try row.decode("year")),
                meetingDate: try row.decode("date"),
                title: hidden ? (row["public_title", as: String.self] ?? "Unntatt offentlighet") : try row.decode("title"),
                kind: row["kind", as: ItemKind.self], outcome: try row.decode("outcome"), vote: tally?.norwegian,
                decision: hidden ? nil : row["text", as: String.self], isExempt: exempt,
                exemptionBasis: row["exemption_basis", as: String.self])
        }
    }
}
