import DocketModel
import SQLite

/// One handling of a case: the item at one meeting of one body.
public struct CaseStep: Codable, Hashable, Sendable {
    public var item: String
    public var body: String
    public var bodyName: String
    public var meetingDate: CalendarDate
    public var title: String
    /// How the case came to this meeting: new, postponed or referred (nil for an exempt item in public).
    public var arrival: String?
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
    /// Members who declared themselves disqualified (inhabil) on the item.
    public var conflicts: [ConflictOfInterest] = []
    /// The decision's vote by name (for, against, blank), with the party or organisation each represents.
    public var ballots: [MemberBallot] = []
    /// Alternative proposals made at the meeting, each with its vote.
    public var proposals: [AlternativeProposal] = []
    /// Corrections of the decision after the minutes were approved, oldest first, each with the text it replaced.
    public var corrections: [MinutesCorrection] = []
    /// True when made for the public: every item in it is in its public form.
    public var isPublicVersion: Bool
}

extension Store {
    /// The whole story of an item. With `isPublic`, every item in it is in its public form
    /// (``ItemFacts/publicForm(placeholder:)``): an exempt item keeps its number, public title and
    /// legal basis, and its story nothing else (no decision, attachments, case path or references
    /// either way); in another item's story it is named by its number and public title only, and
    /// what its own texts refer to is left out.
    public func story(of reference: ItemReference, isPublic: Bool = false) throws -> ItemStory {
        let item = try item(reference)
        let meeting = try meeting(id: item.meetingID)
        let decision = try decision(itemID: item.id)
        if isPublic, item.facts(decision: decision).publicForm().isWithheld {
            return ItemStory(item: item.publicForm(), meeting: meeting, decision: nil, attachments: [], casePath: [], references: [],
                             referredToBy: [], isPublicVersion: true)
        }
        var story = ItemStory(item: item, meeting: meeting, decision: decision, attachments: try attachments(item: reference),
                              casePath: try caseSteps(caseID: item.caseID, isPublic: isPublic),
                              references: try references(from: reference, isPublic: isPublic),
                              referredToBy: try referringItems(to: reference, isPublic: isPublic), isPublicVersion: isPublic)
        story.conflicts = try conflictsOfInterest(itemID: item.id)
        story.proposals = try proposals(itemID: item.id)
        story.ballots = try ballots(itemID: item.id)
        story.corrections = try corrections(meetingID: item.meetingID).filter { $0.itemID == item.id }
        return story
    }

    func caseSteps(caseID: Int64, isPublic: Bool) throws -> [CaseStep] {
        try db.fetchAll("""
            SELECT b.slug, b.name, i.series, i.sequence, i.year, m.date, i.title, i.public_title, i.is_exempt, i.exemption_basis,
                   i.arrival, i.case_link, d.outcome
            FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.case_id = ?
            ORDER BY m.date, i.id
            """, [caseID]).map { row in
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let facts = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                                  publicTitle: row["public_title", as: String.self], exemptionBasis: row["exemption_basis", as: String.self],
                                  arrival: try row.decode("arrival", as: String.self), outcome: row["outcome", as: Outcome.self])
                .published(isPublic)
            let slug: String = try row.decode("slug")
            return CaseStep(item: "\(slug) \(number)", body: slug, bodyName: try row.decode("name"), meetingDate: try row.decode("date"),
                            title: facts.title, arrival: facts.arrival, outcome: facts.outcome, linkedBy: try row.decode("case_link"))
        }
    }
}

/// One line of the decision register: what a body decided on an item.
public struct RegisterEntry: Codable, Hashable, Sendable {
    public var number: ItemNumber
    public var meetingDate: CalendarDate
    public var title: String
    public var kind: ItemKind?
    /// Nil for an exempt item in the public register, as are its kind, vote and decision.
    public var outcome: Outcome?
    public var vote: String?
    public var decision: String?
    public var isExempt: Bool
    public var exemptionBasis: String?
}

extension Store {
    /// Every decision of a body in a year, in number order: what an archivist hands out when asked
    /// for "all decisions of 2019". With `isPublic`, each entry is the item's public form: an exempt item shows its
    /// number, public title and legal basis only.
    public func decisionRegister(bodySlug: String, year: Int, isPublic: Bool = false) throws -> [RegisterEntry] {
        let bodyID = try bodyID(slug: bodySlug)
        return try db.fetchAll("""
            SELECT i.series, i.sequence, i.year, m.date, i.title, i.public_title, i.kind, i.is_exempt, i.exemption_basis,
                   d.outcome, d.text, d.is_unanimous, d.votes_for, d.votes_against, d.votes_abstaining
            FROM decision d JOIN agenda_item i ON i.id = d.item_id JOIN meeting m ON m.id = i.meeting_id
            WHERE i.body_id = ? AND i.year = ?
            ORDER BY i.series, i.sequence
            """, [bodyID, year]).map { row in
            var tally: VoteTally?
            if try row.decode("is_unanimous", as: Bool.self) {
                tally = .unanimous
            } else if let votesFor = row["votes_for", as: Int.self] {
                tally = .counted(for: votesFor, against: row["votes_against", as: Int.self] ?? 0, abstaining: row["votes_abstaining", as: Int.self] ?? 0)
            }
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let facts = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                                  publicTitle: row["public_title", as: String.self], exemptionBasis: row["exemption_basis", as: String.self],
                                  kind: row["kind", as: ItemKind.self], decision: row["text", as: String.self],
                                  outcome: try row.decode("outcome", as: Outcome.self), vote: tally)
                .published(isPublic)
            return RegisterEntry(number: facts.number, meetingDate: try row.decode("date"), title: facts.title, kind: facts.kind,
                                 outcome: facts.outcome, vote: facts.vote.map { $0.norwegian(outcome: facts.outcome ?? .adopted) }, decision: facts.decision, isExempt: facts.isExempt,
                                 exemptionBasis: facts.exemptionBasis)
        }
    }
}
