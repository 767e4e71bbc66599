import SQLite

/// When Docket first stored a row and when it last changed what the OParl API shows of it
/// (migration 0014: kept by triggers in every write's own transaction).
public struct RowStamp: Hashable, Sendable {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`; nil for a row stored before Docket kept stamps (schema 14) and
    /// changed since: its creation time is not known.
    public var created: String?
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var modified: String

    public init(created: String?, modified: String) {
        self.created = created
        self.modified = modified
    }
}

extension Store {
    /// The kinds of rows that carry stamps: the tables behind OParl's objects.
    public enum StampedKind: String, CaseIterable, Sendable {
        case organisation
        case body
        case person
        case membership
        case meeting
        case agendaItem = "agenda_item"
        case attachment
    }

    /// The stamps of every stamped row of `kind`, by row id. Rows stored before schema 14 and not
    /// changed since have none.
    public func rowStamps(_ kind: StampedKind) throws -> [Int64: RowStamp] {
        var stamps: [Int64: RowStamp] = [:]
        try db.forEachRow("SELECT row_id, created, modified FROM row_stamp WHERE kind = ?", [kind.rawValue]) { row in
            stamps[try row.decode(at: 0)] = RowStamp(created: String.fromDatabaseValue(row[1]), modified: try row.decode(at: 2))
        }
        return stamps
    }

    /// The stamp of one row, or nil when it has none.
    public func rowStamp(_ kind: StampedKind, id: Int64) throws -> RowStamp? {
        guard let row = try db.fetchOne("SELECT created, modified FROM row_stamp WHERE kind = ? AND row_id = ?", [kind.rawValue, id]) else {
            return nil
        }
        return RowStamp(created: String.fromDatabaseValue(row[0]), modified: try row.decode(at: 1))
    }

    /// The earliest creation and the latest change of any stamped row: the store's own span, for
    /// what stands for the whole store (OParl's System and Body). nil when no row has a stamp.
    public func rowStampSpan() throws -> (created: String?, modified: String)? {
        guard let row = try db.fetchOne("SELECT min(created), max(modified) FROM row_stamp"),
              let modified = String.fromDatabaseValue(row[1]) else { return nil }
        return (String.fromDatabaseValue(row[0]), modified)
    }

    /// Whether the store holds rows whose creation time is not known: stored before Docket kept
    /// stamps (a body or meeting without a stamp) or changed since (a stamp without `created`).
    public func hasRowsWithoutCreationStamp() throws -> Bool {
        try db.fetchValue(Bool.self, """
            SELECT EXISTS (SELECT 1 FROM row_stamp WHERE created IS NULL)
                OR EXISTS (SELECT 1 FROM body WHERE id NOT IN (SELECT row_id FROM row_stamp WHERE kind = 'body'))
                OR EXISTS (SELECT 1 FROM meeting WHERE id NOT IN (SELECT row_id FROM row_stamp WHERE kind = 'meeting'))
            """) ?? false
    }
}
