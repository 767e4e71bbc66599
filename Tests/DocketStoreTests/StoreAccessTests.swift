import Foundation
import SQLite
import Testing
@testable import DocketStore

/// How a store may be opened (issue 12, findings 7 and 8): only Docket's own files are migrated,
/// and only by a command that writes; a command that only reads writes nothing.
@Suite struct StoreAccessTests {
    /// A Docket database as the previous version of Docket left it (all migrations but the last).
    func olderDocketDatabase(in dir: TemporaryDirectory) throws -> (path: String, version: Int) {
        let path = dir.path("older.sqlite")
        let files = EmbeddedMigrations.files.sorted { $0.name < $1.name }.dropLast()
        let db = try Database(path: path)
        try Store.prepareConnection(db)
        try Migrator(files: Array(files)).migrate(db)
        let version = try Migrator.embedded.currentVersion(of: db)
        try db.execute(script: "PRAGMA journal_mode = DELETE")
        db.close()
        return (path, version)
    }

    @Test func aCommandThatOnlyReadsRefusesAnOlderSchemaAndLeavesTheFileAsItWas() throws {
        let dir = try TemporaryDirectory()
        let (path, version) = try olderDocketDatabase(in: dir)
        #expect(version < Migrator.embedded.latestVersion)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreOpeningError.self) { try Store(path: path, access: .readOnly) }
        #expect(error?.reason == .olderSchema(found: version, latest: Migrator.embedded.latestVersion))
        #expect(error?.description.contains("docket init --db \(path)") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aCommandThatWritesBringsAnOlderDocketDatabaseUpToDate() throws {
        let dir = try TemporaryDirectory()
        let (path, _) = try olderDocketDatabase(in: dir)
        let store = try Store(path: path, access: .readWrite)
        #expect(try store.schemaVersion == Migrator.embedded.latestVersion)
    }

    @Test func readingOpensReadOnlyAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("docket.sqlite")
        do {
            let store = try Store(path: path)
            try store.db.execute(script: "PRAGMA journal_mode = DELETE")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try Store(path: path, access: .readOnly)
        #expect(store.db.isReadOnly)
        #expect(try store.bodies().isEmpty)
        #expect(throws: SQLiteError.self) { try store.db.execute("CREATE TABLE x(y)") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func noAccessMigratesAnotherProgramsFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("other.sqlite")
        do {
            let db = try Database(path: path, configuration: { var c = Database.Configuration(); c.usesWAL = false; return c }())
            try db.execute(script: "CREATE TABLE invoice(id INTEGER PRIMARY KEY); CREATE TABLE customer(id); PRAGMA user_version = 3;")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for access in [Store.Access.create, .readWrite, .readOnly] {
            let error = #expect(throws: StoreOpeningError.self) { try Store(path: path, access: access) }
            #expect(error?.reason == .notDocket(tables: ["customer", "invoice"], userVersion: 3))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
