import SQLite

/// Writes imported rows one table at a time: a row whose natural key is new is inserted; a row
/// whose key the store already has is left as the store has it, and any column that differs is
/// reported as a conflict. An import therefore never overwrites.
///
/// Table and column names come from the importer's code, never from the file; every value is bound.
struct RowMerger {
    let db: Database
    /// When the store held nothing before the import, nothing needs looking up: the file's own
    /// duplicates are caught before they get here, so every row is new.
    let storeWasEmpty: Bool
    private(set) var report = ImportReport()

    init(db: Database) throws {
        self.db = db
        storeWasEmpty = try db.fetchOne("""
            SELECT 1 WHERE EXISTS (SELECT 1 FROM organisation) OR EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM body)
                OR EXISTS (SELECT 1 FROM case_file) OR EXISTS (SELECT 1 FROM stored_file)
            """) == nil
    }

    enum Outcome {
        case inserted(Int64)
        case existing(Int64, Row)

        var id: Int64 {
            switch self {
            case let .inserted(id), let .existing(id, _): id
            }
        }
        var isNew: Bool { if case .inserted = self { true } else { false } }
    }

    /// Inserts the row, or finds the one with the same `key`.
    ///
    /// - parameter insertOnly: values written only when the row is new (an approved meeting is
    ///   first written as held, so that its decisions can go in before its minutes are final).
    /// - parameter what: how the conflict report names the row.
    @discardableResult
    mutating func merge(_ table: String, key: [(String, DatabaseValue)], values: [(String, DatabaseValue)],
                        insertOnly: [(String, DatabaseValue)] = [], what: @autoclosure () -> String) throws -> Outcome {
        if !storeWasEmpty, let row = try existing(table, key: key) {
            let differing = values.filter { row[$0.0] != $0.1 }.map(\.0)
            if !differing.isEmpty {
                report.conflicts.append("\(what()): the store's \(differing.map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")) "
                                        + "differ from the file's; kept the store's")
            }
            return .existing(row.hasColumn("id") ? try row.decode("id") : 0, row)
        }
        let written = values.map { column, value in insertOnly.first { $0.0 == column } ?? (column, value) }
        let added = insertOnly.filter { column, _ in !values.contains { $0.0 == column } }
        return .inserted(try insert(table, key + written + added))
    }

    func existing(_ table: String, key: [(String, DatabaseValue)]) throws -> Row? {
        let condition = key.map { "\($0.0) IS ?" }.joined(separator: " AND ")
        return try db.fetchOne("SELECT * FROM \(table) WHERE \(condition)", StatementArguments(key.map { $0.1 as (any DatabaseValueConvertible)? }))
    }

    /// The INSERT last built for each table, with its columns: an import writes thousands of rows
    /// of one table with the same columns, and building the SQL each time cost a tenth of it.
    private var insertSQL: [String: (columns: [String], sql: String)] = [:]

    /// Inserts a row and counts it; returns its rowid (0 for tables without one).
    @discardableResult
    mutating func insert(_ table: String, _ values: [(String, DatabaseValue)]) throws -> Int64 {
        let columns = values.map(\.0)
        let sql: String
        if let cached = insertSQL[table], cached.columns == columns {
            sql = cached.sql
        } else {
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
            insertSQL[table] = (columns, sql)
        }
        var arguments = StatementArguments()
        arguments.positional = values.map(\.1)
        try db.execute(sql, arguments)
        report.inserted[table, default: 0] += 1
        return db.lastInsertedRowID
    }

    mutating func conflict(_ message: String) {
        report.conflicts.append(message)
    }

    mutating func warn(_ message: String) {
        report.warnings.append(message)
    }
}

/// What an import did: rows inserted per table, conflicts (rows the store already had, kept as
/// they were) and warnings (links the file makes to things neither it nor the store has).
public struct ImportReport: Codable, Sendable, Equatable {
    public var inserted: [String: Int] = [:]
    public var conflicts: [String] = []
    public var warnings: [String] = []

    public init() {}

    public var insertedCount: Int { inserted.values.reduce(0, +) }
}
