import CSQLite
import Foundation

/// SQLite needs to copy bound text and blobs that Swift may free; Swift cannot import the C macro.
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement. Made by ``Database/makeStatement(_:)`` (which caches it) and finalized
/// when the last reference goes.
///
/// Not thread-safe, like the connection it belongs to.
public final class Statement {
    public let sql: String
    let handle: OpaquePointer
    unowned let database: Database

    /// The result columns' names, in order.
    public let columnNames: [String]
    /// Column name (lowercased) → index, for reading rows by name.
    let columnIndex: [String: Int]

    init(database: Database, sql: String) throws {
        // `tail` points into the C string SQLite was given, so it is read inside `withCString`,
        // while that string is alive; reading it afterwards was a use-after-free.
        let (code, prepared, hasTrailingSQL) = sql.withCString { cSQL -> (Int32, OpaquePointer?, Bool) in
            var handle: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database.handle, cSQL, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
            let rest = tail.map { String(cString: $0) } ?? ""
            return (code, handle, !rest.allSatisfy(\.isWhitespace))
        }
        guard code == SQLITE_OK, let handle = prepared else {
            throw database.lastError(code: code, sql: sql)
        }
        if hasTrailingSQL {
            sqlite3_finalize(handle)
            throw SQLiteError.misuse("a statement holds one SQL command; use execute(script:) for several", sql: sql)
        }
        self.sql = sql
        self.handle = handle
        self.database = database
        let count = Int(sqlite3_column_count(handle))
        let names = (0..<count).map { String(cString: sqlite3_column_name(handle, Int32($0))) }
        columnNames = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name.lowercased()] == nil {
            index[name.lowercased()] = position
        }
        columnIndex = index
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of `?` and `:name` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds every parameter. Arguments must match the parameters exactly: a missing or extra
    /// value is a programming error worth a clear message, not a silent NULL.
    public func bind(_ arguments: StatementArguments) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let count = parameterCount
        if !arguments.named.isEmpty {
            guard arguments.positional.isEmpty else {
                throw SQLiteError.misuse("arguments are either positional or named, not both", sql: sql)
            }
            var used = 0
            for position in 1...max(count, 1) where position <= count {
                guard let cName = sqlite3_bind_parameter_name(handle, Int32(position)) else {
                    throw SQLiteError.misuse("parameter \(position) has no name, but named arguments were given", sql: sql)
                }
                let name = String(String(cString: cName).dropFirst())
                guard let value = arguments.named[name] else {
                    throw SQLiteError.misuse("no value for parameter :\(name)", sql: sql)
                }
                try bind(value, at: Int32(position))
                used += 1
            }
            let names = Set((1...max(count, 1)).compactMap { position -> String? in
                guard position <= count, let cName = sqlite3_bind_parameter_name(handle, Int32(position)) else { return nil }
                return String(String(cString: cName).dropFirst())
            })
            if let extra = arguments.named.keys.first(where: { !names.contains($0) }) {
                throw SQLiteError.misuse("the statement has no parameter :\(extra)", sql: sql)
            }
        } else {
            guard arguments.positional.count == count else {
                throw SQLiteError.misuse(
                    "the statement has \(count) parameter(s) but \(arguments.positional.count) value(s) were given", sql: sql)
            }
            for (offset, value) in arguments.positional.enumerated() {
                try bind(value, at: Int32(offset + 1))
            }
        }
    }

    private func bind(_ value: DatabaseValue, at position: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case let .integer(int):
            code = sqlite3_bind_int64(handle, position, int)
        case let .real(double):
            code = sqlite3_bind_double(handle, position, double)
        case let .text(text):
            code = sqlite3_bind_text(handle, position, text, -1, SQLITE_TRANSIENT)
        case let .blob(data):
            code = data.withUnsafeBytes { bytes in
                sqlite3_bind_blob(handle, position, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else { throw database.lastError(code: code, sql: sql) }
    }

    /// Runs the statement to completion, ignoring any rows.
    public func execute(_ arguments: StatementArguments = []) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Calls `body` with each row; the row is valid only during the call.
    public func forEachRow(_ arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {
            try body(currentRow())
        }
    }

    /// All rows, copied out.
    public func fetchAll(_ arguments: StatementArguments = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(arguments) { rows.append($0) }
        return rows
    }

    /// The first row, or nil; the rest are not read.
    public func fetchOne(_ arguments: StatementArguments = []) throws -> Row? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        return try step() ? currentRow() : nil
    }

    /// Advances to the next row: true when there is one, false when done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw database.lastError(code: code, sql: sql)
        }
    }

    func currentRow() -> Row {
        let count = columnNames.count
        var values: [DatabaseValue] = []
        values.reserveCapacity(count)
        for column in 0..<Int32(count) {
            values.append(value(at: column))
        }
        return Row(values: values, statement: self)
    }

    private func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            return .text(String(cString: sqlite3_column_text(handle, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        default:
            return .null
        }
    }
}
