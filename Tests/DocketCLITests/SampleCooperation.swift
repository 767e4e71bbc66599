import Foundation
import Testing

/// The sample cooperation (Samples/cooperation.sh) built through the binary into `docket`'s database.
func buildSampleCooperation(_ docket: DocketProcess) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [DocketProcess.packageRoot.appending(path: "Samples/cooperation.sh").path, DocketProcess.binary.path]
    var environment = ProcessInfo.processInfo.environment
    environment["DOCKET_DB"] = docket.database
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "Samples/cooperation.sh failed")
}

/// Runs a shell command line (for sqlite3, chattr, setpriv, ulimit), returning its status and output.
@discardableResult
func shell(_ command: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Quotes `text` for /bin/sh.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
