import Foundation
import Testing

/// The `docket` binary next to the test bundle, and databases built through it as a user would.
enum SampleData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "docket")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appending(path: ".build/debug/docket")
    }()

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "docket-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Text that is markup unless escaped: a tag, an ampersand and both quotes.
    static let hostile = #"<script>alert('x')</script> & "sitat""#

    /// A store made by `docket init` in a fresh folder; called with arguments, runs `docket` on it there.
    struct NewStore {
        let database: String
        let folder: URL

        func callAsFunction(_ arguments: String...) throws { try SampleData.docket(database, arguments, in: folder) }
    }

    static func newStore() throws -> NewStore {
        let folder = try folder()
        let store = NewStore(database: folder.appending(path: "docket.sqlite").path, folder: folder)
        try store("init")
        return store
    }

    /// Runs `docket ARGUMENTS` on `database`; the test fails when it exits non-zero.
    @discardableResult
    static func docket(_ database: String, _ arguments: [String], in folder: URL? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": database]) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "docket \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))",
                sourceLocation: sourceLocation)
        return String(decoding: output, as: UTF8.self)
    }

    /// The sample cooperation (Samples/cooperation.sh) in a new database; returns its path.
    static func cooperation() throws -> String {
        let database = try folder().appending(path: "sample.sqlite").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [packageRoot.appending(path: "Samples/cooperation.sh").path, binary.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": database]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Samples/cooperation.sh failed")
        // Decisions, votes and an attachment, so that every page kind has something to show.
        try docket(database, ["decision", "record", "styringsgruppen 6/25", "--text", "Styringsgruppen ber faggruppen utrede saken.",
                              "--outcome", "amended", "--for", "4", "--against", "1"])
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        try Data("Notat om velferdsteknologi.\n".utf8).write(to: folder.appending(path: "notat.txt"))
        try docket(database, ["attach", "styringsgruppen 6/25", folder.appending(path: "notat.txt").path])
        return database
    }

    /// Runs python3 with `arguments`; returns its status and output.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
