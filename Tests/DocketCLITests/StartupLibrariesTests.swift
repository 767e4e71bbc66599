import Foundation
import Testing

/// What `docket` loads when it starts: a search, a listing or `--version` never sends a request,
/// so libcurl (and the TLS, HTTP/2, LDAP and Kerberos libraries it brings) is loaded only by
/// `docket publish einnsyn`, when it sends its first request (issue 17: ~3.4 ms CPU a start).
struct StartupLibrariesTests {
    /// The shared libraries the dynamic loader loads for `docket ARGUMENTS`, by file name.
    func loadedLibraries(_ arguments: [String], database: String) throws -> (status: Int32, libraries: [String]) {
        let process = Process()
        process.executableURL = DocketProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKET_DB"] = database
        environment["LD_DEBUG"] = "files"
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // ld.so: "     12345:	file=libcurl.so.4 [0];  needed by /usr/lib/…/libFoundationNetworking.so [0]"
        let libraries = stderr.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "file=") else { return nil }
            return String(line[range.upperBound...].prefix { !$0.isWhitespace })
        }
        return (process.terminationStatus, libraries)
    }

    @Test func searchingLoadsNeitherLibcurlNorFoundationNetworking() throws {
        let dir = try TemporaryDirectory()
        let database = dir.path("startup.sqlite")
        #expect(try DocketProcess(database: database).run("init").status == 0)
        for arguments in [["--version"], ["search", "budsjett"]] {
            let (status, libraries) = try loadedLibraries(arguments, database: database)
            #expect(status == 0, "docket \(arguments.joined(separator: " ")) failed")
            // The loader names what it loads: an empty list would mean LD_DEBUG said nothing.
            #expect(libraries.contains { $0.hasPrefix("libsqlite3") }, "LD_DEBUG=files listed no libsqlite3: \(libraries)")
            let networking = libraries.filter { $0.contains("libcurl") || $0.contains("FoundationNetworking") }
            #expect(networking.isEmpty, "docket \(arguments.joined(separator: " ")) loaded \(networking)")
        }
    }
}
