import Foundation
import Testing

/// Findings 7 and 8 of issue 12: commands that only read open the database read-only and never
/// write a byte to it; only `docket init` creates, and no command turns another program's SQLite
/// file into a Docket database.
@Suite(.serialized) struct DatabaseOpeningTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    static let readCommands: [[String]] = [
        ["body", "list"], ["body", "show", "styringsgruppen"], ["meeting", "list"], ["meeting", "show", "styringsgruppen@2025-02-12"],
        ["item", "list", "styringsgruppen@2025-02-12"], ["show", "styringsgruppen 5/25"], ["search", "budsjett"],
        ["decisions", "--body", "styringsgruppen", "--year", "2024"], ["export", "--format", "csv"], ["export", "--format", "json"],
        ["summons", "styringsgruppen@2025-02-12"], ["org", "list"], ["member", "list", "styringsgruppen"],
    ]

    /// The sample in rollback-journal mode, so that any write (switching to WAL, a migration)
    /// shows in the file's own bytes.
    func sampleWithoutWAL() throws {
        try buildSampleCooperation(docket)
        let result = try shell("sqlite3 \(shellQuoted(docket.database)) 'PRAGMA journal_mode = DELETE;'")
        try #require(result.status == 0, "\(result.output)")
        try #require(!FileManager.default.fileExists(atPath: docket.database + "-wal"))
    }

    @Test func readCommandsLeaveTheFileByteForByteAsItWas() throws {
        try sampleWithoutWAL()
        let before = try databaseBytes(docket.database)
        for command in Self.readCommands {
            let result = try docket.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try databaseBytes(docket.database) == before)
        #expect(!FileManager.default.fileExists(atPath: docket.database + "-wal"))
    }

    @Test func anImmutableFileIsReadAndAWriteCommandSaysItIsReadOnly() throws {
        try sampleWithoutWAL()
        let before = try databaseBytes(docket.database)
        // Tests run as root, whom file modes do not stop; an immutable file stops root too.
        try #require(try shell("chattr +i \(shellQuoted(docket.database))").status == 0, "chattr +i is not supported here")
        defer { _ = try? shell("chattr -i \(shellQuoted(docket.database))") }
        for command in Self.readCommands {
            let result = try docket.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let write = try docket.run("body", "add", "fg-ny", "--name", "Faggruppe ny")
        #expect(write.status != 0)
        #expect(write.stderr.contains("'\(docket.database)' is read-only"), "\(write.stderr)")
        #expect(!write.stderr.contains("SQLite error"))
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func aWALDatabaseInAFolderNoOneMayWriteIsReadByAnotherUser() throws {
        try buildSampleCooperation(docket)
        let folder = dir.url.appending(path: "arkiv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appending(path: "docket.sqlite").path
        try #require(try shell("sqlite3 \(shellQuoted(docket.database)) \(shellQuoted(".backup '\(copy)'"))").status == 0)
        try #require(try shell("sqlite3 \(shellQuoted(copy)) 'PRAGMA journal_mode = WAL;'").output.contains("wal"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let before = try databaseBytes(copy)
        let asNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups \(shellQuoted(DocketProcess.binary.path))"
        let read = try shell("\(asNobody) meeting list --db \(shellQuoted(copy))")
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output.contains("styringsgruppen@2025-02-12"))
        let write = try shell("\(asNobody) body add fg-ny --name 'Faggruppe ny' --db \(shellQuoted(copy))")
        #expect(write.status != 0)
        #expect(write.output.contains("is read-only"), "\(write.output)")
        #expect(try databaseBytes(copy) == before)
        #expect(!FileManager.default.fileExists(atPath: copy + "-shm"))
    }

    @Test func anotherProgramsDatabaseIsRefusedByEveryCommandNamingWhatItHolds() throws {
        let path = docket.database
        try #require(try shell("sqlite3 \(shellQuoted(path)) 'CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, \"Kari\");'").status == 0)
        let before = try databaseBytes(path)
        for command in [["init"], ["body", "list"], ["search", "x"], ["body", "add", "styringsgruppen", "--name", "Styringsgruppen"]] {
            let result = try docket.run(command)
            #expect(result.status != 0, "\(command) accepted another program's file")
            #expect(result.stderr.contains("is not a Docket database"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("customers") && result.stderr.contains("user_version 0"), "\(result.stderr)")
        }
        #expect(try databaseBytes(path) == before)
    }

    @Test(arguments: ["PRAGMA user_version = -1;", "PRAGMA user_version = 2;", "PRAGMA user_version = 2; CREATE TABLE body(id);"])
    func aUserVersionDocketNeverWroteIsRefusedNotHalfMigrated(setup: String) throws {
        let path = docket.database
        try #require(try shell("sqlite3 \(shellQuoted(path)) \(shellQuoted(setup))").status == 0)
        let before = try databaseBytes(path)
        for command in [["init"], ["meeting", "list"], ["body", "add", "styringsgruppen", "--name", "Styringsgruppen"]] {
            let result = try docket.run(command)
            #expect(result.status != 0, "\(command) accepted \(setup)")
            #expect(result.stderr.contains("is not a Docket database"), "\(command): \(result.stderr)")
        }
        #expect(try databaseBytes(path) == before)
    }

    @Test func anEmptyFileBecomesADocketDatabaseOnlyThroughInit() throws {
        FileManager.default.createFile(atPath: docket.database, contents: Data())
        let list = try docket.run("body", "list")
        #expect(list.status != 0)
        #expect(list.stderr.contains("docket init"), "\(list.stderr)")
        let add = try docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen")
        #expect(add.status != 0)
        #expect(try databaseBytes(docket.database).isEmpty)
        #expect(try docket.run("init").status == 0)
        #expect(try docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen").status == 0)
    }
}
