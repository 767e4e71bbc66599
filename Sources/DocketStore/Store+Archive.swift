import DocketModel
import SQLite

/// A recorded change to approved minutes, as the archive's change log (endringslogg) lists it.
public struct MinutesCorrection: Codable, Hashable, Sendable {
    public var id: Int64
    public var meetingID: Int64
    public var itemID: Int64?
    /// `decision.text` or `decision.outcome`.
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var reason: String
    public var correctedOn: CalendarDate
}

/// One member's vote on an item (Ja, Nei, Blankt in eInnsyn).
public struct MemberBallot: Codable, Hashable, Sendable {
    public var person: String
    public var ballot: Ballot
    public var represents: String?
}

/// Reads the archive exports (Noark 5, eInnsyn) need beyond the rest of the store's reads.
extension Store {
    /// The corrections of a meeting's approved minutes, oldest first.
    public func corrections(meetingID: Int64) throws -> [MinutesCorrection] {
        try db.fetchAll("""
            SELECT id, meeting_id, item_id, field, old_value, new_value, reason, corrected_on
            FROM correction WHERE meeting_id = ? ORDER BY corrected_on, id
            """, [meetingID]).map { row in
            MinutesCorrection(id: try row.decode("id"), meetingID: try row.decode("meeting_id"), itemID: row["item_id", as: Int64.self],
                             field: try row.decode("field"), oldValue: row["old_value", as: String.self],
                             newValue: row["new_value", as: String.self], reason: try row.decode("reason"),
                             correctedOn: try row.decode("corrected_on"))
        }
    }

    /// The members' recorded votes on an item, by name.
    public func ballots(itemID: Int64) throws -> [MemberBallot] {
        try db.fetchAll("""
            SELECT p.name, v.ballot, v.represents FROM vote v JOIN person p ON p.id = v.person_id
            WHERE v.item_id = ? ORDER BY p.name, p.id
            """, [itemID]).map(MemberBallot.init(row:))
    }
}

extension MemberBallot {
    /// From a row with the person's `name`, `ballot` and `represents`.
    init(row: Row) throws {
        self.init(person: try row.decode("name"), ballot: try row.decode("ballot"), represents: row["represents", as: String.self])
    }
}
