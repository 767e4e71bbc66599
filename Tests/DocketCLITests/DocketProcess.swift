import Foundation
import Testing

/// Runs the built `docket` binary as a user would, and captures what it prints.
struct DocketProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Killed by a signal (a trap such as SIGILL from a `try!`, SIGSEGV) rather than exiting.
        var crashed = false
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle, where `swift build` put it.
    static let binary: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "docket")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let buildFolder = packageRoot.appending(path: ".build")
        let candidates = (try? FileManager.default.contentsOfDirectory(at: buildFolder, includingPropertiesForKeys: nil)) ?? []
        for folder in candidates {
            let binary = folder.appending(path: "debug/docket")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return buildFolder.appending(path: "debug/docket")
    }()

    var database: String
    var executable: URL = DocketProcess.binary

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Result {
        try run(arguments, stdin: stdin)
    }

    /// Runs with standard output going to the file at `standardOutputPath` (e.g. /dev/full)
    /// instead of a pipe; `stdout` of the result is then empty.
    func run(_ arguments: [String], standardOutputPath: String) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKET_DB"] = database
        process.environment = environment
        let output = try #require(FileHandle(forWritingAtPath: standardOutputPath))
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try output.close()
        return Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self),
                      crashed: process.terminationReason == .uncaughtSignal)
    }

    func run(_ arguments: [String], stdin: String? = nil, workingDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKET_DB"] = database
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }
}

/// A temporary folder removed at the end of the test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "docket-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appending(path: name).path }
}

/// The database file's bytes, its WAL folded in first, so two states can be compared exactly.
func databaseBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

/// Records a failure, with what the command printed on standard error, unless it exited 0.
func expectSuccess(_ result: DocketProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

extension DocketProcess {
    /// Starts the binary and kills it with SIGKILL `milliseconds` later (if it has not ended by then),
    /// as the OOM killer or an operator's kill -9 would: what it left behind is what the test examines.
    func runKilled(_ arguments: [String], after milliseconds: Int) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": database]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(milliseconds * 1000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
