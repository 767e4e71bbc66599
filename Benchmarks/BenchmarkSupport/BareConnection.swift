import CNorwegianTokenizer
import CSQLite

/// SQLite's "copy the bytes now" destructor, which the C headers define as a macro Swift cannot import.
nonisolated(unsafe) public let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A connection through SQLite's C API alone: the ceiling every benchmark measures Docket against.
///
/// Docket's schema indexes items through its tokenizer and ranks with `docket_bm25`, so both are
/// registered here as the store registers them; nothing else of Docket is involved. Any failure
/// stops the benchmark with SQLite's message, since a ceiling that half ran measures nothing.
public final class BareConnection {
    public let handle: OpaquePointer

    public init(path: String, flags: Int32 = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else { fatalError("cannot open \(path)") }
        handle = db
        precondition(docket_register_norwegian_tokenizer(db) == SQLITE_OK, "cannot register the Norwegian tokenizer")
        precondition(docket_register_bm25(db) == SQLITE_OK, "cannot register docket_bm25")
        precondition(docket_register_topk(db) == SQLITE_OK, "cannot register docket_topk")
    }

    deinit { sqlite3_close_v2(handle) }

    public var message: String { String(cString: sqlite3_errmsg(handle)) }

    public func exec(_ sql: String) {
        precondition(sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK, message)
    }

    /// A prepared statement, to finalize when done. `persistent` for statements run many times.
    public func prepare(_ sql: String, persistent: Bool = false) -> OpaquePointer {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        precondition(sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil) == SQLITE_OK, message)
        return statement!
    }

    /// Binds text, or NULL for nil.
    public func bind(_ statement: OpaquePointer, _ index: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(statement, index, value, -1, sqliteTransient) } else { sqlite3_bind_null(statement, index) }
    }

    /// Runs a statement that returns no rows, and resets it for the next use.
    public func step(_ statement: OpaquePointer) {
        precondition(sqlite3_step(statement) == SQLITE_DONE, message)
        sqlite3_reset(statement)
    }
}
