import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `docket serve` as a user starts it: on the database every command finds, on the port asked for,
/// stopped by SIGTERM; a missing database is an error that says what to do.
@Suite(.serialized) struct ServeCommandTests {
    @Test func serveStartsOnTheDatabaseAndStopsOnSigterm() async throws {
        let folder = try SampleData.folder()
        let database = folder.appending(path: "docket.sqlite").path
        try SampleData.docket(database, ["init"])
        try SampleData.docket(database, ["body", "add", "styret", "--name", "Styret", "--kind", "steering-group"])
        let process = Process()
        process.executableURL = SampleData.binary
        process.arguments = ["serve", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": database]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // The first line names the address: "Serving PATH at http://127.0.0.1:PORT/ (Ctrl-C stops)".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("Serving \(database) at http://127.0.0.1:"))
        let address = try #require(text.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+\//)?.0)
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: String(address))))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("Styret"))
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning, "SIGTERM stops the server")
    }

    @Test func aMissingDatabaseIsRefusedWithAHint() throws {
        let folder = try SampleData.folder()
        let process = Process()
        process.executableURL = SampleData.binary
        process.arguments = ["serve", "--db", folder.appending(path: "none.sqlite").path, "--port", "0"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("no database at"))
        #expect(message.contains("docket init"))
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "none.sqlite").path))
    }

    @Test func aPortOutOfRangeIsRefused() throws {
        let process = Process()
        process.executableURL = SampleData.binary
        process.arguments = ["serve", "--port", "70000"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("--port takes 0 to 65535"))
    }
}
