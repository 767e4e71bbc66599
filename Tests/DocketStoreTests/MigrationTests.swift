import Foundation
import SQLite
import Testing
@testable import DocketStore

@Suite struct MigrationTests {
    @Test func theMigrationsAreEmbeddedAndNumbered() {
        let migrator = Migrator.embedded
        #expect(!migrator.migrations.isEmpty)
        // Numbered from 1, in order, none twice. A gap is allowed: a change made beside another takes
        // the number after the one the other change will use (0007 while 0006 is being written).
        let versions = migrator.migrations.map(\.version)
        #expect(versions.first == 1 && versions == versions.sorted() && Set(versions).count == versions.count)
        #expect(migrator.migrations[0].sql.contains("CREATE TABLE agenda_item"))
    }

    @Test func aNewStoreIsAtTheLatestVersion() throws {
        let store = try Store.inMemory()
        #expect(try store.schemaVersion == Migrator.embedded.latestVersion)
    }

    @Test func reopeningChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("docket.sqlite")
        _ = try Store(path: path)
        let store = try Store(path: path)
        #expect(try store.schemaVersion == Migrator.embedded.latestVersion)
    }

    @Test func aNewerDatabaseIsRefusedAndLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("newer.sqlite")
        do {
            let db = try Database(path: path)
            try db.execute(script: "PRAGMA journal_mode = DELETE; CREATE TABLE future(x); PRAGMA user_version = 999;")
            db.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error == .newerDatabase(found: 999, supported: Migrator.embedded.latestVersion))
        #expect(error?.description.contains("999") == true)
        #expect(error?.description.contains("up to \(Migrator.embedded.latestVersion)") == true)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after)
    }

    @Test func aFailingMigrationLeavesTheVersionWhereItWas() throws {
        let db = try Database(path: ":memory:")
        let migrator = Migrator(files: [("0001_ok.sql", "CREATE TABLE a(x);"), ("0002_bad.sql", "CREATE TABLE b(x); SELEKT;")])
        #expect(throws: SQLiteError.self) { try migrator.migrate(db) }
        #expect(try migrator.currentVersion(of: db) == 1)
        #expect(try db.fetchOne("SELECT 1 FROM sqlite_master WHERE name = 'b'") == nil)
    }
}
