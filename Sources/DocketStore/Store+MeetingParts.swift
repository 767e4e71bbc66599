import DocketModel
import Foundation
import SQLite

/// What a meeting's papers and page show of one of its items besides the item itself: its
/// decision, conflicts of interest, alternative proposals (with their named votes), named vote
/// and attachments.
public struct ItemParts: Hashable, Sendable {
    public var decision: Decision?
    public var conflicts: [ConflictOfInterest] = []
    public var proposals: [AlternativeProposal] = []
    public var ballots: [MemberBallot] = []
    public var attachments: [Attachment] = []

    public init() {}
}

extension Store {
    /// The parts of every item of a meeting, by item id, in six statements whatever the number of
    /// items: a meeting page read each part of each item on its own, about five statements an item
    /// (a meeting of 20 items, a hundred). Each part comes in the order its one-item reader gives
    /// (``decision(itemID:)``, ``conflictsOfInterest(itemID:)``, ``proposals(itemID:)``,
    /// ``ballots(itemID:)``, ``attachments(itemID:)``), and is the same value. An item without
    /// parts has none in the dictionary.
    public func itemParts(meetingID: Int64) throws -> [Int64: ItemParts] {
        var parts: [Int64: ItemParts] = [:]
        let items = "SELECT id FROM agenda_item WHERE meeting_id = ?"
        try db.forEachRow("""
            SELECT d.*, b.slug AS referred_to FROM decision d LEFT JOIN body b ON b.id = d.referred_to_body_id
            WHERE d.item_id IN (\(items))
            """, [meetingID]) { row in
            let itemID: Int64 = try row.decode("item_id")
            parts[itemID, default: ItemParts()].decision = try Decision(row: row, itemID: itemID)
        }
        try db.forEachRow("""
            SELECT c.item_id, p.name, c.legal_basis, r.name AS replaced_by FROM conflict_of_interest c JOIN person p ON p.id = c.person_id
            LEFT JOIN person r ON r.id = c.replaced_by_id WHERE c.item_id IN (\(items)) ORDER BY p.name
            """, [meetingID]) { row in
            parts[try row.decode("item_id", as: Int64.self), default: ItemParts()].conflicts.append(try ConflictOfInterest(row: row))
        }
        var proposalBallots: [Int64: [NamedBallot]] = [:]
        try db.forEachRow("""
            SELECT v.proposal_id, p.name, v.ballot FROM proposal_vote v JOIN person p ON p.id = v.person_id
            WHERE v.proposal_id IN (SELECT id FROM proposal WHERE item_id IN (\(items))) ORDER BY v.ballot, p.name
            """, [meetingID]) { row in
            proposalBallots[try row.decode("proposal_id"), default: []].append(NamedBallot(person: try row.decode("name"), ballot: try row.decode("ballot")))
        }
        try db.forEachRow("""
            SELECT pr.item_id, \(Self.proposalColumns) FROM proposal pr JOIN person p ON p.id = pr.proposer_id
            WHERE pr.item_id IN (\(items)) ORDER BY pr.number
            """, [meetingID]) { row in
            let proposal = try AlternativeProposal(row: row, ballots: proposalBallots[try row.decode("id")] ?? [])
            parts[try row.decode("item_id", as: Int64.self), default: ItemParts()].proposals.append(proposal)
        }
        try db.forEachRow("""
            SELECT v.item_id, p.name, v.ballot, v.represents FROM vote v JOIN person p ON p.id = v.person_id
            WHERE v.item_id IN (\(items)) ORDER BY p.name, p.id
            """, [meetingID]) { row in
            parts[try row.decode("item_id", as: Int64.self), default: ItemParts()].ballots.append(try MemberBallot(row: row))
        }
        try db.forEachRow(Store.attachmentSelect + " WHERE a.item_id IN (\(items)) ORDER BY a.position, a.id", [meetingID]) { row in
            parts[try row.decode("item_id", as: Int64.self), default: ItemParts()].attachments.append(try Attachment(row: row))
        }
        return parts
    }
}
