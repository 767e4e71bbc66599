import DocketServer
import DocketStore
import Foundation

// ServeBenchmark: `docket serve`'s public pages under load, beside a static file served by the same
// server (the ceiling), with wrk on loopback at 32 connections.
//
// Usage: swift run -c release ServeBenchmark [SECONDS]   (default 10 s a URL; needs wrk and the
// `docket` binary built beside this one: swift build -c release)
// Goals: the meeting page at >= 0.5x the static file's requests/s; search p99 under 50 ms.

let seconds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10
let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let docket = here.appending(path: "docket")
guard FileManager.default.isExecutableFile(atPath: docket.path) else {
    FileHandle.standardError.write(Data("ServeBenchmark: build docket first (swift build -c release)\n".utf8))
    exit(1)
}
guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
    FileHandle.standardError.write(Data("ServeBenchmark: wrk is missing (scripts/setup installs it)\n".utf8))
    exit(1)
}

func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try! process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

// The sample cooperation, as the tests build it.
let folder = FileManager.default.temporaryDirectory.appending(path: "serve-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let database = folder.appending(path: "sample.sqlite").path
_ = run("/bin/bash", [root.appending(path: "Samples/cooperation.sh").path, docket.path], environment: ["DOCKET_DB": database])
_ = run(docket.path, ["decision", "record", "styringsgruppen 6/25", "--text", "Styringsgruppen ber faggruppen utrede saken.",
                      "--outcome", "amended", "--for", "4", "--against", "1"], environment: ["DOCKET_DB": database])

/// A server on the sample, on a free loopback port: as `docket serve` runs it (page cache on), or
/// with every page rendered for every request.
func startServer(cachesPages: Bool) async throws -> (port: Int, task: Task<Void, any Error>) {
    let store = try ServerStore(path: database, readers: 4)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, cachesPages: cachesPages)
    let app = try buildApplication(store: store, configuration: configuration) { continuation.yield($0) }
    let task = Task { try await app.runService(gracefulShutdownSignals: []) }
    var iterator = ports.makeAsyncIterator()
    return (await iterator.next()!, task)
}
let cached = try await startServer(cachesPages: true)
let uncached = try await startServer(cachesPages: false)

struct Figure {
    var name: String
    var requestsPerSecond: Double
    var p99: String
    var p99Milliseconds: Double
}

func measure(_ name: String, _ path: String, port: Int = cached.port) -> Figure {
    let output = run("/usr/bin/wrk", ["-t", "2", "-c", "32", "-d", "\(seconds)s", "--latency", "http://127.0.0.1:\(port)\(path)"])
    let rps = output.firstMatch(of: /Requests\/sec:\s+([0-9.]+)/).flatMap { Double($0.1) } ?? 0
    let p99 = output.firstMatch(of: /99%\s+([0-9.]+)(us|ms|s)/)
    var milliseconds = 0.0
    if let p99, let value = Double(p99.1) {
        milliseconds = p99.2 == "us" ? value / 1000 : p99.2 == "s" ? value * 1000 : value
    }
    if output.contains("Non-2xx") { print("  warning: \(name) had non-2xx responses") }
    return Figure(name: name, requestsPerSecond: rps, p99: p99.map { "\($0.1)\($0.2)" } ?? "?", p99Milliseconds: milliseconds)
}

print("ServeBenchmark: wrk, 32 connections, \(seconds) s a URL, sample cooperation, server and wrk on the same 2 cores")
let ceiling = measure("static file (ceiling)", "/static/site.css")
let figures = [
    ceiling,
    measure("meeting page", "/mote/styringsgruppen/2025-02-12"),
    measure("item page", "/sak/fg-helse/5-25"),
    measure("search", "/sok?q=velferdsteknologi"),
    measure("meeting page, no cache", "/mote/styringsgruppen/2025-02-12", port: uncached.port),
    measure("item page, no cache", "/sak/fg-helse/5-25", port: uncached.port),
    measure("search, no cache", "/sok?q=velferdsteknologi", port: uncached.port),
]
for figure in figures {
    let ratio = figure.requestsPerSecond / max(ceiling.requestsPerSecond, 1)
    print(String(format: "  %-24@ %9.0f req/s  p99 %8@  %.2fx static", figure.name as NSString, figure.requestsPerSecond,
                 figure.p99 as NSString, ratio))
}
let meeting = figures[1], search = figures[6]
print(String(format: "Goals: meeting page >= 0.5x static: %.2fx %@; search p99 < 50 ms (uncached): %.1f ms %@",
             meeting.requestsPerSecond / max(ceiling.requestsPerSecond, 1),
             meeting.requestsPerSecond >= 0.5 * ceiling.requestsPerSecond ? "met" : "NOT met",
             search.p99Milliseconds, search.p99Milliseconds < 50 ? "met" : "NOT met"))
cached.task.cancel()
uncached.task.cancel()
try? FileManager.default.removeItem(at: folder)
