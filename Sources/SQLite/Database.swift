import CSQLite
import Foundation

/// A connection to one SQLite database file (or `:memory:`).
///
/// Opening sets up what Docket relies on: WAL journaling (readers never block the writer),
/// foreign keys enforced, a busy timeout so two processes wait for each other instead of failing,
/// extended result codes and no double-quoted string literals.
///
/// A connection is not thread-safe; use it from one task at a time.
public final class Database {
    /// How the connection is opened.
    public struct Configuration: Sendable {
        /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
        public var busyTimeout: Duration = .seconds(5)
        public var readOnly = false
        /// Open only an existing file: a mistyped path is an error, not a new empty database.
        public var mustExist = false
        /// Switch a file database to WAL journaling on open. Turn it off to inspect a file without
        /// writing to it (the journal mode is kept in the file header); see ``enableWAL()``.
        public var usesWAL = true
        /// Read the file as one that nothing changes while it is open (SQLite's `immutable`): no
        /// locks, no `-shm` file. Only for a read-only file in a folder no one can write to, where
        /// SQLite cannot make the `-shm` file a WAL database needs and no writer can be at work.
        public var immutable = false
        public init() {}
    }

    /// The raw connection, for registering C extensions such as FTS5 tokenizers.
    public private(set) var sqliteConnection: OpaquePointer?
    public let path: String
    var handle: OpaquePointer? { sqliteConnection }

    private var statementCache: [String: Statement] = [:]
    private var savepointDepth = 0
    private var tracer: ((String) -> Void)?

    /// Opens (and, unless `mustExist`, creates) the database at `path`.
    /// - throws: ``SQLiteError`` naming the path when the file cannot be opened.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if configuration.readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if !configuration.mustExist { flags |= SQLITE_OPEN_CREATE }
        }
        var name = path
        if configuration.immutable {
            flags |= SQLITE_OPEN_URI
            // A URI's path escapes '%', '?' and '#'; the rest is taken as it is.
            let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
                .replacingOccurrences(of: "#", with: "%23")
            name = "file:\(escaped)?immutable=1"
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(name, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(connection)
            throw SQLiteError(extendedCode: code, message: "\(message): \(path)")
        }
        sqliteConnection = connection
        do {
            try setUp(configuration)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private func setUp(_ configuration: Configuration) throws {
        sqlite3_extended_result_codes(handle, 1)
        docket_sqlite3_disable_dqs(handle)
        let milliseconds = configuration.busyTimeout.components.seconds * 1000
            + configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        try execute("PRAGMA foreign_keys = ON")
        if configuration.usesWAL && !configuration.readOnly {
            try enableWAL()
        }
    }

    /// Switches a file database to WAL journaling: readers never block the writer.
    public func enableWAL() throws {
        guard path != ":memory:", !path.isEmpty else { return }
        _ = try fetchAll("PRAGMA journal_mode = WAL")
    }

    /// Finalizes every statement and closes the connection. Later calls fail with a clear error.
    public func close() {
        statementCache.removeAll()
        if let handle = sqliteConnection {
            sqlite3_close_v2(handle)
            sqliteConnection = nil
        }
    }

    public var isClosed: Bool { sqliteConnection == nil }

    /// Whether writes will fail: opened read-only, or SQLite fell back to read-only because the
    /// file cannot be written (a read-only file or file system, an immutable file).
    public var isReadOnly: Bool {
        guard let handle else { return true }
        return sqlite3_db_readonly(handle, "main") == 1
    }

    // MARK: Statements

    /// A prepared statement for `sql`, from the cache when this SQL was prepared before.
    ///
    /// A statement that is still being stepped (a nested use of the same SQL) is not shared:
    /// a fresh one is prepared for the inner use.
    public func makeStatement(_ sql: String) throws -> Statement {
        guard !isClosed else { throw SQLiteError.misuse("the database is closed", sql: sql) }
        if let cached = statementCache[sql] {
            if sqlite3_stmt_busy(cached.handle) == 0 { return cached }
            return try Statement(database: self, sql: sql)
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound arguments.
    public func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try makeStatement(sql).execute(arguments)
    }

    /// Runs a script of several statements that take no arguments (migrations, schema).
    public func execute(script sql: String) throws {
        guard !isClosed else { throw SQLiteError.misuse("the database is closed", sql: sql) }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) }
            sqlite3_free(errorMessage)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    public func fetchAll(_ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try makeStatement(sql).fetchAll(arguments)
    }

    public func fetchOne(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try makeStatement(sql).fetchOne(arguments)
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func fetchValue<T: DatabaseValueConvertible>(_ type: T.Type = T.self, _ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        guard let row = try fetchOne(sql, arguments), row.count > 0 else { return nil }
        return T.fromDatabaseValue(row[0])
    }

    /// Streams rows without collecting them.
    public func forEachRow(_ sql: String, _ arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try makeStatement(sql).forEachRow(arguments, body)
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changesCount: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed by every INSERT, UPDATE and DELETE on this connection since it was opened: with
    /// `PRAGMA data_version` (other connections' commits), whether anything changed since a moment.
    public var totalChangesCount: Int { Int(sqlite3_total_changes(handle)) }

    // MARK: Transactions

    public enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so a writer never fails half-way on a lock it could not upgrade.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    public var isInsideTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    /// Runs `body` in a transaction that commits if it returns and rolls back whole if it throws.
    ///
    /// Inside another transaction it runs in a savepoint, so a nested failure undoes only its own
    /// work and the outer transaction decides. The first error is the one rethrown.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> T) throws -> T {
        guard !isClosed else { throw SQLiteError.misuse("the database is closed") }
        if isInsideTransaction {
            return try inSavepoint(body)
        }
        try execute(script: "BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
        } catch {
            if isInsideTransaction { try? execute(script: "ROLLBACK TRANSACTION") }
            throw error
        }
        do {
            try execute(script: "COMMIT TRANSACTION")
        } catch {
            if isInsideTransaction { try? execute(script: "ROLLBACK TRANSACTION") }
            throw error
        }
        return result
    }

    /// What a transaction's body asks for when it ends: keep its work, or undo it.
    public enum TransactionCompletion: Sendable {
        case commit
        case rollback
    }

    /// Runs `body` in a transaction that commits or rolls back as `body` answers, and rolls back
    /// whole if it throws: for work that is done and then kept or not (a dry run), without an
    /// error thrown only to undo it.
    ///
    /// Inside another transaction it runs in a savepoint, and `.rollback` undoes only its own work.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: (Database) throws -> TransactionCompletion) throws {
        guard !isClosed else { throw SQLiteError.misuse("the database is closed") }
        if isInsideTransaction {
            savepointDepth += 1
            defer { savepointDepth -= 1 }
            let name = "docket_savepoint_\(savepointDepth)"
            try execute("SAVEPOINT \(name)")
            let completion: TransactionCompletion
            do {
                completion = try body(self)
            } catch {
                try? execute("ROLLBACK TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
                throw error
            }
            if completion == .rollback { try execute("ROLLBACK TO SAVEPOINT \(name)") }
            try execute("RELEASE SAVEPOINT \(name)")
            return
        }
        try execute(script: "BEGIN \(kind.rawValue) TRANSACTION")
        let completion: TransactionCompletion
        do {
            completion = try body(self)
        } catch {
            if isInsideTransaction { try? execute(script: "ROLLBACK TRANSACTION") }
            throw error
        }
        do {
            try execute(script: completion == .commit ? "COMMIT TRANSACTION" : "ROLLBACK TRANSACTION")
        } catch {
            if isInsideTransaction { try? execute(script: "ROLLBACK TRANSACTION") }
            throw error
        }
    }

    private func inSavepoint<T>(_ body: (Database) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "docket_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body(self)
            try execute("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    // MARK: Errors and tracing

    func lastError(code: Int32, sql: String?) -> SQLiteError {
        guard let handle else { return SQLiteError.misuse("the database is closed", sql: sql) }
        let extended = sqlite3_extended_errcode(handle)
        let useExtended = (extended & 0xFF) == (code & 0xFF)
        return SQLiteError(extendedCode: useExtended ? extended : code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Calls `tracer` with the SQL of each statement as it starts (bound values are not expanded).
    /// Tests use it to see that a failure was followed by a rollback.
    public func trace(_ tracer: ((String) -> Void)?) {
        self.tracer = tracer
        guard let handle else { return }
        if tracer == nil {
            sqlite3_trace_v2(handle, 0, nil, nil)
            return
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_trace_v2(handle, UInt32(SQLITE_TRACE_STMT), { _, context, statement, _ in
            guard let context, let statement else { return 0 }
            let database = Unmanaged<Database>.fromOpaque(context).takeUnretainedValue()
            if let sql = sqlite3_sql(OpaquePointer(statement)) {
                database.tracer?(String(cString: sql))
            }
            return 0
        }, context)
    }
}
