import CNorwegianTokenizer
import CSQLite
import DocketModel
import Foundation
import SQLite

/// The one place that reads and writes meetings in SQL.
///
/// Every write method is one transaction that leaves the store consistent: it commits whole or
/// changes nothing. How a store is opened (``Access``) decides whether it may be created or
/// migrated: only Docket's own files ever are.
public final class Store {
    /// The connection. Internal: SQL is written only in this module, which callers reach through
    /// named methods (tests reach it with `@testable import`).
    let db: Database
    /// The database file's path (":memory:" for an in-memory store): the derived search index lives beside it.
    let path: String
    /// The derived search index (Xapian), opened on the first search; see Store+SearchIndex.swift.
    var searchIndex: SearchIndex?
    /// The bodies as ``bodiesUntilChanged()`` last read them, and when (see Store+DataVersion.swift).
    var keptBodies: (moment: ChangeMoment, bodies: [Body])?

    /// Opens the store at `path`.
    ///
    /// Nothing is written to the file before it is known to be Docket's (or empty, for
    /// ``Access/create``): another program's file, a newer Docket's, or any file opened
    /// ``Access/readOnly`` is left byte for byte as it was.
    /// - throws: ``StoreOpeningError`` for a file that is not Docket's, empty (unless creating),
    ///   older (when only reading) or read-only (when writing); ``StoreError/newerDatabase(found:supported:)``
    ///   for a file from a newer Docket.
    public init(path: String, access: Access = .create, busyTimeout: Duration = Store.defaultBusyTimeout) throws {
        var configuration = Database.Configuration()
        configuration.mustExist = access != .create
        configuration.readOnly = access == .readOnly
        configuration.busyTimeout = busyTimeout
        // WAL is switched on only after the checks: it writes the file header.
        configuration.usesWAL = false
        self.path = path
        var db = try Database(path: path, configuration: configuration)
        try Store.prepareConnection(db)
        let migrator = Migrator.embedded
        let identity: DatabaseIdentity
        do {
            identity = try DatabaseIdentity(of: db, latestVersion: migrator.latestVersion)
        } catch let error as SQLiteError where Store.cannotMakeSharedMemoryFile(error) {
            guard access == .readOnly else { throw StoreOpeningError(path: path, reason: .readOnly) }
            // A WAL database in a folder this user cannot write to: SQLite cannot make its -shm
            // file, so no other connection has it open either. Read it as a file nothing changes.
            db.close()
            configuration.immutable = true
            db = try Database(path: path, configuration: configuration)
            try Store.prepareConnection(db)
            identity = try DatabaseIdentity(of: db, latestVersion: migrator.latestVersion)
        }
        self.db = db
        switch identity {
        case .empty:
            guard access == .create else { throw StoreOpeningError(path: path, reason: .empty) }
        case let .docket(version):
            if version < migrator.latestVersion, access == .readOnly {
                throw StoreOpeningError(path: path, reason: .olderSchema(found: version, latest: migrator.latestVersion))
            }
        case let .newer(version):
            throw StoreError.newerDatabase(found: version, supported: migrator.latestVersion)
        case let .foreign(tables, userVersion):
            throw StoreOpeningError(path: path, reason: .notDocket(tables: tables, userVersion: userVersion))
        }
        guard access != .readOnly else { return }
        if db.isReadOnly, path != ":memory:" {
            throw StoreOpeningError(path: path, reason: .readOnly)
        }
        do {
            try db.enableWAL()
        } catch let error as SQLiteError where error.code == SQLITE_READONLY || error.code == SQLITE_CANTOPEN {
            // The file may be written, but not its folder, where the WAL's files go.
            throw StoreOpeningError(path: path, reason: .readOnly)
        }
        try migrator.migrate(db)
    }

    deinit {
        // The index holds a tokenizer of this connection: closed before it.
        searchIndex?.close()
    }

    /// Opens an existing store for writing (`mustExist`) or creates one; kept for callers that
    /// predate ``Access``.
    public convenience init(path: String, mustExist: Bool) throws {
        try self.init(path: path, access: mustExist ? .readWrite : .create)
    }

    /// SQLITE_READONLY_DIRECTORY or SQLITE_CANTOPEN: the `-shm` file of a WAL database cannot be made.
    private static func cannotMakeSharedMemoryFile(_ error: SQLiteError) -> Bool {
        error.extendedCode == SQLITE_READONLY | (6 << 8) || error.code == SQLITE_CANTOPEN
    }

    /// A fresh in-memory store, for tests and dry runs.
    public static func inMemory() throws -> Store {
        try Store(path: ":memory:")
    }

    /// What every connection needs before use, whoever opens it.
    static func prepareConnection(_ db: Database) throws {
        let code = docket_register_norwegian_tokenizer(db.sqliteConnection)
        guard code == SQLITE_OK else {
            throw SQLiteError(extendedCode: code, message: "cannot register the Norwegian search tokenizer")
        }
        let rankCode = docket_register_bm25(db.sqliteConnection)
        guard rankCode == SQLITE_OK else {
            throw SQLiteError(extendedCode: rankCode, message: "cannot register the search ranking function")
        }
        let topCode = docket_register_topk(db.sqliteConnection)
        guard topCode == SQLITE_OK else {
            throw SQLiteError(extendedCode: topCode, message: "cannot register the search top-k function")
        }
        let snippetCode = docket_register_snippet(db.sqliteConnection)
        guard snippetCode == SQLITE_OK else {
            throw SQLiteError(extendedCode: snippetCode, message: "cannot register the search snippet function")
        }
        // Reads through memory-mapped pages instead of read() into SQLite's small page cache: a broad
        // search reads megabytes of index, and the kernel's copies were a fifth of its time.
        _ = try db.fetchAll("PRAGMA mmap_size = 1073741824")
    }

    /// The schema version of the open file.
    public var schemaVersion: Int {
        get throws { try Migrator.embedded.currentVersion(of: db) }
    }

    /// Runs `body` as one transaction (`BEGIN IMMEDIATE`: it holds the write lock from the
    /// start, so what it reads stays true until it commits). Store methods called inside join it.
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(.immediate) { _ in try body() }
    }

    /// Runs `body` as one transaction that keeps its work when `body` answers `.commit` and
    /// undoes it when `.rollback` (a dry run: everything done and counted, then not kept).
    public func inTransaction(_ body: () throws -> Database.TransactionCompletion) throws {
        try db.inTransaction(.immediate) { _ in try body() }
    }

    /// Runs `body` in one read transaction: everything it reads is one moment's store.
    @discardableResult
    public func read<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(.deferred) { _ in try body() }
    }

    /// The store's own methods write with the connection at hand.
    @discardableResult
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try db.transaction(.immediate, body)
    }
}

// Model enumerations are stored by their raw values, as the schema's CHECK constraints list them.
extension Role: DatabaseValueConvertible {}
extension ItemKind: DatabaseValueConvertible {}
extension Section: DatabaseValueConvertible {}
extension MeetingKind: DatabaseValueConvertible {}
extension MeetingStatus: DatabaseValueConvertible {}
extension AttendanceStatus: DatabaseValueConvertible {}
extension Outcome: DatabaseValueConvertible {}
extension HandlingStatus: DatabaseValueConvertible {}
extension Ballot: DatabaseValueConvertible {}
extension BodyKind: DatabaseValueConvertible {}
extension OrganisationKind: DatabaseValueConvertible {}
extension StandingItem.Purpose: DatabaseValueConvertible {}

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(description) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(value).flatMap(CalendarDate.init)
    }
}

extension TimeOfDay: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(description) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> TimeOfDay? {
        String.fromDatabaseValue(value).flatMap(TimeOfDay.init)
    }
}

extension CalendarDate {
    /// Today in the local calendar.
    public static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
