@testable import DocketStore
import Foundation
import SQLite
import Testing

/// The corpus minutes the kill -9 test imports: ../shared/corpus/minutes, beside the project.
enum KillTestCorpus {
    static let minutes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../../shared/corpus/minutes").standardized
}

/// `docket import` of a folder of minutes killed with SIGKILL part-way, as a power cut or an
/// impatient `kill -9` would: every document is then either fully in the store or not at all, and
/// running the same import again completes the rest.
@Suite(.serialized)
struct KillDuringImportTests {
    static let corpus = KillTestCorpus.minutes

    /// The municipality's own record of each document's meeting (`NNNN.truth.json`).
    struct Truth: Decodable {
        var body: String
        var date: String
    }

    /// The corpus minutes copied to a folder of their own (the truth files left behind), by file name.
    static func copyMinutes(to folder: URL) throws -> [String: Truth] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var truths: [String: Truth] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil) where file.pathExtension == "txt" {
            try FileManager.default.copyItem(at: file, to: folder.appending(path: file.lastPathComponent))
            let truthFile = file.deletingPathExtension().appendingPathExtension("truth.json")
            truths[file.lastPathComponent] = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: truthFile))
        }
        return truths
    }

    /// How many documents a running import has committed, read through a read-only connection
    /// (WAL: the reader never blocks the writer); nil while the table cannot be read yet.
    static func committedDocuments(_ connection: Database) -> Int? {
        try? connection.fetchValue(Int.self, "SELECT count(*) FROM imported_document")
    }

    /// Starts `docket import FOLDER` on `database`, kills it with SIGKILL once `target` documents are
    /// committed (after a further random pause of up to a document's time, so that the kill lands
    /// anywhere in the next document: reading, inside its transaction, or committing), and returns how many
    /// documents were committed when it died and whether it died of the signal.
    ///
    /// `seen` is what the watcher saw committed just before the kill; `committed` is counted afresh after
    /// the process died, on a new connection. The two can differ by the document the kill caught between
    /// writing its commit to the WAL and updating the shared WAL index: that commit is durable, and the
    /// next connection to open the file recovers it from the WAL, while the watcher's old index still
    /// shows the count before it.
    static func importAndKill(folder: URL, database: String, after target: Int) throws -> (seen: Int, committed: Int, killed: Bool) {
        var configuration = Database.Configuration()
        configuration.readOnly = true
        configuration.usesWAL = false
        configuration.mustExist = true
        let watcher = try Database(path: database, configuration: configuration)
        defer { watcher.close() }

        let process = Process()
        process.executableURL = DocketProcess.binary
        process.arguments = ["import", folder.path]
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKET_DB"] = database
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Watch the commits, and learn how long a document takes from the time between them.
        let clock = ContinuousClock()
        let started = clock.now, deadline = started + .seconds(15)
        var first: (count: Int, at: ContinuousClock.Instant)?
        var perDocument = Duration.milliseconds(40)
        while process.isRunning, clock.now < deadline {
            if let committed = committedDocuments(watcher) {
                if first == nil, committed > 0 { first = (committed, clock.now) }
                if let first, committed > first.count { perDocument = (clock.now - first.at) / (committed - first.count) }
                if committed >= target { break }
            }
            usleep(1_000)
        }
        // Somewhere in the next document: reading it, inside its transaction, or committing.
        let pause = Double(perDocument.components.attoseconds) / 1e12 + Double(perDocument.components.seconds) * 1e6
        usleep(UInt32.random(in: 0..<UInt32(max(2_000, pause * 1.2))))
        let seen = committedDocuments(watcher) ?? 0
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        watcher.close()
        let fresh = try Database(path: database, configuration: configuration)
        defer { fresh.close() }
        return (seen, committedDocuments(fresh) ?? 0, killed)
    }

    /// Every document either fully in or fully out, the file sound; returns the file names in.
    static func expectAllOrNothing(database: String, truths: [String: Truth]) throws -> Set<String> {
        let store = try Store(path: database, mustExist: true)
        let db = store.db
        #expect(try db.fetchValue(String.self, "PRAGMA integrity_check") == "ok")
        #expect(try db.fetchAll("PRAGMA foreign_key_check").isEmpty)

        // Each recorded document: its meeting with exactly the items it read, and the source kept.
        var imported = Set<String>()
        var itemsRead = 0
        for row in try db.fetchAll("""
            SELECT d.file_name, d.items_read, m.date, b.name AS body_name,
                   (SELECT count(*) FROM agenda_item i WHERE i.meeting_id = d.meeting_id) AS items,
                   (SELECT count(*) FROM attachment a WHERE a.meeting_id = d.meeting_id AND a.sha256 = d.sha256
                        AND a.title = d.file_name) AS sources
            FROM imported_document d LEFT JOIN meeting m ON m.id = d.meeting_id LEFT JOIN body b ON b.id = m.body_id
            """) {
            let file: String = try row.decode("file_name")
            imported.insert(file)
            let date: String? = try row.decode("date")
            #expect(date != nil, "\(file) is recorded as imported but its meeting is missing")
            let truth = try #require(truths[file], "\(file) is not a corpus document")
            #expect(date == truth.date, "\(file): meeting on \(date ?? "-"), truth \(truth.date)")
            let bodyName: String? = try row.decode("body_name")
            #expect(bodyName?.lowercased() == truth.body.lowercased(), "\(file): body \(bodyName ?? "-"), truth \(truth.body)")
            let read: Int = try row.decode("items_read")
            itemsRead += read
            let stored: Int = try row.decode("items"), sources: Int = try row.decode("sources")
            #expect(stored == read, "\(file): \(stored) items stored, \(read) read")
            #expect(sources == 1, "\(file): the source document is not attached to its meeting")
        }

        // Each document not recorded: no trace of its meeting (each describes a distinct meeting).
        let meetings = try store.meetings()
        for (file, truth) in truths where !imported.contains(file) {
            let leftover = meetings.filter { $0.date.description == truth.date && $0.bodyName.lowercased() == truth.body.lowercased() }
            #expect(leftover.isEmpty, "\(file) is not recorded as imported, but its meeting \(leftover.map(\.reference)) is in the store")
        }
        // Nothing else half-stored: no meeting, item, source or body without a recorded document.
        #expect(meetings.count == imported.count, "\(meetings.count) meetings for \(imported.count) imported documents")
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM agenda_item") == itemsRead)
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM attachment") == imported.count)
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM stored_file") == imported.count)
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM body WHERE id NOT IN (SELECT body_id FROM meeting)") == 0)
        return imported
    }

    @Test func aBatchKilledWithSIGKILLLeavesEachDocumentWholeOrAbsentAndARerunCompletesIt() throws {
        let dir = try TemporaryDirectory()
        let folder = dir.url.appending(path: "minutes")
        let truths = try Self.copyMinutes(to: folder)
        try #require(truths.count == 41, "expected the 41 corpus minutes, found \(truths.count)")
        let database = dir.path("killed.sqlite")
        let docket = DocketProcess(database: database)
        let initialised = try docket.run("init")
        try #require(initialised.status == 0, "docket init: \(initialised.stderr)")

        // Killed four times: first on the fresh database, then each time a re-run resumes the batch.
        var target = Int.random(in: 4...10)
        for round in 1...4 {
            let (seen, committed, killed) = try Self.importAndKill(folder: folder, database: database, after: target)
            let imported = try Self.expectAllOrNothing(database: database, truths: truths)
            print("kill -9 round \(round): \(killed ? "killed by SIGKILL" : "had already finished") with \(committed) of \(truths.count) documents committed (\(seen) seen before the kill); store holds \(imported.count), each whole")
            #expect(imported.count == committed)
            #expect(committed >= seen, "a commit seen before the kill was lost: \(seen) seen, \(committed) after")
            target = committed + Int.random(in: 3...6)
        }

        let rerun = try docket.run("import", folder.path)
        #expect(rerun.status == 0, "the re-run failed: \(rerun.stdout.suffix(2000)) \(rerun.stderr)")
        let imported = try Self.expectAllOrNothing(database: database, truths: truths)
        #expect(imported == Set(truths.keys))
        let store = try Store(path: database, mustExist: true)
        #expect(try store.meetings().count == truths.count)
    }
}
