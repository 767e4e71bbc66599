import CNorwegianTokenizer
import CSQLite
import DocketModel
import Foundation
import SQLite

/// The one place that reads and writes meetings in SQL.
///
/// Every write method is one transaction that leaves the store consistent: it commits whole or
/// changes nothing. Opening a store migrates it to the schema this binary knows.
public final class Store {
    public let db: Database

    /// Opens (creating if needed) the store at `path` and migrates it.
    /// - throws: ``StoreError/newerDatabase(found:supported:)`` for a file from a newer Docket, left untouched.
    public init(path: String, mustExist: Bool = false) throws {
        var configuration = Database.Configuration()
        configuration.mustExist = mustExist
        // WAL is switched on only after the version check: it writes the file header, and a
        // database from a newer Docket must be left byte for byte as it was.
        configuration.usesWAL = false
        db = try Database(path: path, configuration: configuration)
        try Store.prepareConnection(db)
        try Migrator.embedded.checkVersion(of: db)
        try db.enableWAL()
        try Migrator.embedded.migrate(db)
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
        // Reads through memory-mapped pages instead of read() into SQLite's small page cache: a broad
        // search reads megabytes of index, and the kernel's copies were a fifth of its time.
        _ = try db.fetchAll("PRAGMA mmap_size = 1073741824")
    }

    /// The schema version of the open file.
    public var schemaVersion: Int {
        get throws { try Migrator.embedded.currentVersion(of: db) }
    }

    /// Runs `body` as one transaction.
    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
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
