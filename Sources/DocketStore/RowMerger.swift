import DocketModel
import SQLite

/// Writes imported rows one table at a time: a row whose natural key is new is inserted; a row
/// whose key the store already has is left as the store has it, and any column that differs is
/// reported as a conflict. An import therefore never overwrites.
///
/// The interchange importer maps its records to tables and columns; the SQL is written here, so
/// the store stays the one owner of it. Tables are a closed list (``Table``); column names come
/// from the importer's code, never from a file; every value is bound. Get one from ``Store/rowMerger()`` inside
/// ``Store/write(_:)-(()->T)``: its writes are part of that transaction.
public struct RowMerger {
    let db: Database
    /// When the store held nothing before the import, nothing needs looking up: the file's own
    /// duplicates are caught before they get here, so every row is new.
    public let storeWasEmpty: Bool
    /// Rows inserted, per table.
    public private(set) var inserted: [String: Int] = [:]
    /// Rows the store already had with other values, kept as they were; and rows left out.
    public private(set) var conflicts: [String] = []
    /// Links to things neither the file nor the store has.
    public private(set) var warnings: [String] = []

    init(db: Database) throws {
        self.db = db
        storeWasEmpty = try db.fetchOne("""
            SELECT 1 WHERE EXISTS (SELECT 1 FROM organisation) OR EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM body)
                OR EXISTS (SELECT 1 FROM case_file) OR EXISTS (SELECT 1 FROM stored_file)
            """) == nil
    }

    /// The tables an import writes rows into; the raw value is the table's name.
    public enum Table: String, Sendable {
        case organisation
        case person
        case body
        case bodyAlias = "body_alias"
        case standingItem = "standing_item"
        case membership
        case meeting
        case attendance
        case minutesApproval = "minutes_approval"
        case minutesSigner = "minutes_signer"
        case caseFile = "case_file"
        case agendaItem = "agenda_item"
        case decision
        case vote
        case conflictOfInterest = "conflict_of_interest"
        case proposal
        case proposalVote = "proposal_vote"
        case storedFile = "stored_file"
        case attachment
        case correction
        case importedDocument = "imported_document"
    }

    public enum Outcome {
        case inserted(Int64)
        case existing(Int64, Row)

        public var id: Int64 {
            switch self {
            case let .inserted(id), let .existing(id, _): id
            }
        }
        public var isNew: Bool { if case .inserted = self { true } else { false } }
    }

    /// Inserts the row, or finds the one with the same `key`.
    ///
    /// - parameter insertOnly: values written only when the row is new (an approved meeting is
    ///   first written as held, so that its decisions can go in before its minutes are final).
    /// - parameter what: how the conflict report names the row.
    @discardableResult
    public mutating func merge(_ table: Table, key: [(String, DatabaseValue)], values: [(String, DatabaseValue)],
                               insertOnly: [(String, DatabaseValue)] = [], what: @autoclosure () -> String) throws -> Outcome {
        if !storeWasEmpty, let row = try existing(table, key: key) {
            let differing = values.filter { row[$0.0] != $0.1 }.map(\.0)
            if !differing.isEmpty {
                conflicts.append("\(what()): the store's \(differing.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")) "
                                 + "differ from the file's; kept the store's")
            }
            return .existing(row.hasColumn("id") ? try row.decode("id") : 0, row)
        }
        let written = values.map { column, value in insertOnly.first { $0.0 == column } ?? (column, value) }
        let added = insertOnly.filter { column, _ in !values.contains { $0.0 == column } }
        return .inserted(try insert(table, key + written + added))
    }

    /// The store's row of `table` with this natural key, if any.
    public func existing(_ table: Table, key: [(String, DatabaseValue)]) throws -> Row? {
        let condition = key.map { "\($0.0) IS ?" }.joined(separator: " AND ")
        return try db.fetchOne("SELECT * FROM \(table.rawValue) WHERE \(condition)", StatementArguments(key.map { $0.1 as (any DatabaseValueConvertible)? }))
    }

    /// The INSERT last built for each table, with its columns: an import writes thousands of rows
    /// of one table with the same columns, and building the SQL each time cost a tenth of it.
    private var insertSQL: [Table: (columns: [String], sql: String)] = [:]

    /// Inserts a row and counts it; returns its rowid (0 for tables without one).
    @discardableResult
    public mutating func insert(_ table: Table, _ values: [(String, DatabaseValue)]) throws -> Int64 {
        let columns = values.map(\.0)
        let sql: String
        if let cached = insertSQL[table], cached.columns == columns {
            sql = cached.sql
        } else {
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            sql = "INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
            insertSQL[table] = (columns, sql)
        }
        var arguments = StatementArguments()
        arguments.positional = values.map(\.1)
        try db.execute(sql, arguments)
        inserted[table.rawValue, default: 0] += 1
        return db.lastInsertedRowID
    }

    public mutating func conflict(_ message: String) {
        conflicts.append(message)
    }

    public mutating func warn(_ message: String) {
        warnings.append(message)
    }
}

// MARK: Names to row ids

extension RowMerger {
    public func bodyID(slug: String) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT id FROM body WHERE slug = ?", [slug])
    }

    /// Every person of that name, ignoring case (an import needs exactly one).
    public func personIDs(named name: String) throws -> [Int64] {
        try db.fetchAll("SELECT id FROM person WHERE name = ? COLLATE NOCASE", [name]).map { try $0.decode(at: 0, as: Int64.self) }
    }

    public func organisationID(named name: String) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT id FROM organisation WHERE name = ? COLLATE NOCASE", [name])
    }

    public func meetingID(bodySlug: String, date: CalendarDate) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.slug = ? AND m.date = ?",
                          [bodySlug, date])
    }

    /// The item numbered `sequence/year` in `series` ("" for the plain one) of a body.
    public func itemID(bodySlug: String, year: Int, series: String, sequence: Int) throws -> Int64? {
        try db.fetchValue(Int64.self, """
            SELECT i.id FROM agenda_item i JOIN body b ON b.id = i.body_id WHERE b.slug = ? AND i.year = ? AND i.series = ? AND i.sequence = ?
            """, [bodySlug, year, series, sequence])
    }

    public func caseID(archiveNumber: String) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT id FROM case_file WHERE archive_number = ?", [archiveNumber])
    }

    /// The case of the body's item with that number, if the store has the item.
    public func caseID(ofItemOfBody bodyID: Int64, year: Int, series: String, sequence: Int) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT case_id FROM agenda_item WHERE body_id = ? AND year = ? AND series = ? AND sequence = ?",
                          [bodyID, year, series, sequence])
    }

    /// Whether the meeting has an item at that place on its agenda.
    public func hasItem(meetingID: Int64, position: Int) throws -> Bool {
        try db.fetchOne("SELECT 1 FROM agenda_item WHERE meeting_id = ? AND position = ?", [meetingID, position]) != nil
    }

    /// The body an alias names, if any.
    public func bodyID(alias: String) throws -> Int64? {
        try db.fetchValue(Int64.self, "SELECT body_id FROM body_alias WHERE alias = ?", [alias])
    }
}

// MARK: Writes beyond rows

extension RowMerger {
    /// Links a body to its parent, once both are in.
    public func setParent(ofBody bodyID: Int64, to parentID: Int64) throws {
        try db.execute("UPDATE body SET parent_id = ? WHERE id = ?", [parentID, bodyID])
    }

    /// Lets numbering of a body's year and series go on after `lastSequence`, never going back.
    public func raiseNumberCounter(bodyID: Int64, year: Int, series: String, to lastSequence: Int) throws {
        try db.execute("""
            INSERT INTO number_counter (body_id, year, series, last_sequence) VALUES (?, ?, ?, ?)
            ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)
            """, [bodyID, year, series, lastSequence])
    }

    /// Lets numbering go on after the highest number of every body's items.
    public func raiseNumberCountersToItems() throws {
        try db.execute("""
            INSERT INTO number_counter (body_id, year, series, last_sequence)
            SELECT body_id, year, series, max(sequence) FROM agenda_item WHERE true GROUP BY body_id, year, series
            ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)
            """)
    }

    /// Makes a meeting's minutes final, once everything under them is in.
    public func approveMinutes(meetingID: Int64) throws {
        try db.execute("UPDATE meeting SET status = ? WHERE id = ?", [MeetingStatus.minutesApproved, meetingID])
    }
}

extension Store {
    /// A merger writing through this store's connection: call it inside ``write(_:)-(()->T)``,
    /// whose transaction its writes join.
    public func rowMerger() throws -> RowMerger {
        try RowMerger(db: db)
    }
}
