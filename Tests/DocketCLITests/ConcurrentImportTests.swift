@testable import DocketStore
import Foundation
import Testing

/// Several `docket import` processes on one database at once, as when a secretary and an
/// archivist start the same batch: each document is stored once, and the processes that find it
/// stored report it unchanged. Before, the check for "imported before" ran outside the write
/// transaction, and a process that lost the race failed with a raw UNIQUE error.
@Suite(.serialized) struct ConcurrentImportTests {
    static let minutes = DocketProcess.packageRoot.appending(path: "../shared/corpus/minutes").standardized


    @Test
    func fourProcessesImportingTheSameMinutesInDifferentOrdersStoreEachOnce() throws {
        let dir = try TemporaryDirectory()
        let docket = DocketProcess(database: dir.path("docket.sqlite"))
        #expect(try docket.run("init").status == 0)
        let documents = try FileManager.default.contentsOfDirectory(at: Self.minutes, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        try #require(documents.count >= 8)

        // `docket import` reads a folder's files sorted by name: each process gets a folder whose
        // names put the same documents in another order (as given, reversed, and two rotations).
        func rotated(by offset: Int) -> [URL] { Array(documents[offset...]) + Array(documents[..<offset]) }
        let orders: [[URL]] = [documents, documents.reversed(), rotated(by: documents.count / 3), rotated(by: 2 * documents.count / 3)]
        var processes: [(Process, output: URL, errors: URL)] = []
        for (index, order) in orders.enumerated() {
            let folder = dir.url.appending(path: "batch-\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (rank, document) in order.enumerated() {
                try FileManager.default.copyItem(at: document, to: folder.appending(path: String(format: "%03d-", rank) + document.lastPathComponent))
            }
            let process = Process()
            process.executableURL = docket.executable
            process.arguments = ["import", folder.path, "--json"]
            var environment = ProcessInfo.processInfo.environment
            environment["DOCKET_DB"] = docket.database
            process.environment = environment
            let output = dir.url.appending(path: "out-\(index).json"), errors = dir.url.appending(path: "err-\(index).txt")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            processes.append((process, output, errors))
        }
        for (process, _, _) in processes { try process.run() }

        var imported = 0
        for (index, (process, output, errors)) in processes.enumerated() {
            process.waitUntilExit()
            let stdout = try Data(contentsOf: output), stderr = try String(contentsOf: errors, encoding: .utf8)
            #expect(process.terminationStatus == 0, "process \(index): \(stderr) \(String(decoding: stdout.suffix(2000), as: UTF8.self))")
            let json = try JSONSerialization.jsonObject(with: stdout) as? [String: Any] ?? [:]
            let summary = try #require(json["summary"] as? [String: Any], "process \(index): \(stderr)")
            #expect(summary["failed"] as? Int == 0, "process \(index): \(summary["failures"] ?? "")")
            #expect((summary["imported"] as? Int ?? 0) + (summary["unchanged"] as? Int ?? 0) == documents.count)
            imported += summary["imported"] as? Int ?? 0
        }
        #expect(imported == documents.count, "each document imported by exactly one process")

        let store = try Store(path: docket.database, mustExist: true)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM imported_document") == documents.count)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM attachment WHERE meeting_id IS NOT NULL") == documents.count)
        #expect(try store.db.fetchValue(String.self, "PRAGMA integrity_check") == "ok")
    }
}
