import BenchmarkSupport
import DocketModel
import DocketServer
import DocketStore
import Foundation

// ServeBenchmark: `docket serve`'s public pages under load, beside a static file served by the same
// server (the ceiling), with wrk on loopback at 32 connections.
//
// Honest: every run asks for many DISTINCT pages: each meeting of a generated archive (the sample
// cooperation plus --meetings meetings of a dozen bodies, each with items, decisions and attendance),
// a sample of its items, and distinct searches drawn from the corpus' vocabulary (wrk's Lua script
// rotates through the lists, each thread from its own place). Each list is measured twice: with the
// page cache on and warm (every page visited once before), as `docket serve` runs, and with the
// cache off (`docket serve --no-page-cache`), every page read and rendered for its request.
//
// Usage: swift run -c release ServeBenchmark [--seconds 10] [--meetings 600] [--corpus ../shared/corpus]
//        [--only "meeting page, no cache"] (one list beside the static file, e.g. under `perf record`)
//        [--keep DIR] (the archive and its lists of paths (meetings.txt, items.txt, searches.txt) kept in DIR)
// (needs wrk; the sample is made by the `docket` binary built beside this one: swift build -c release)
// Goals: the meeting page at >= 0.5x the static file's requests/s; search p99 under 50 ms.

var secondsArgument = 10
var meetingCount = 600
/// Only the lists whose name contains this text (and the static file): for profiling one page kind.
var onlyName: String?
/// Keep the archive and the lists of paths in this folder (for profiling `docket serve` on them).
var keptFolder: String?
var corpusPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../shared/corpus").standardized.path
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": secondsArgument = Int(arguments.next() ?? "") ?? secondsArgument
    case "--meetings": meetingCount = Int(arguments.next() ?? "") ?? meetingCount
    case "--corpus": corpusPath = arguments.next() ?? corpusPath
    case "--only": onlyName = arguments.next()
    case "--keep": keptFolder = arguments.next()
    default: print("unknown argument \(argument)"); exit(64)
    }
}

/// Seconds of each measured run.
let duration = secondsArgument
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

func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

// MARK: The archive

// The sample cooperation, as the tests build it, then a generated archive in the same file.
let folder = keptFolder.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appending(path: "serve-benchmark-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if keptFolder == nil { try? FileManager.default.removeItem(at: folder) } }
let database = folder.appending(path: "sample.sqlite").path
_ = run("/bin/bash", [root.appending(path: "Samples/cooperation.sh").path, docket.path], environment: ["DOCKET_DB": database])
_ = run(docket.path, ["decision", "record", "styringsgruppen 6/25", "--text", "Styringsgruppen ber faggruppen utrede saken.",
                      "--outcome", "amended", "--for", "4", "--against", "1"], environment: ["DOCKET_DB": database])

let vocabulary = Vocabulary(corpus: corpusPath)
var random = SplitMix64(state: 2025)
var meetingPaths = ["/mote/styringsgruppen/2025-02-12"]
var itemPaths = ["/sak/fg-helse/5-25"]
let buildTime = try seconds {
    let store = try Store(path: database, access: .readWrite)
    let bodies = (1...12).map { "organ-\($0)" }
    let perBody = max(1, meetingCount / bodies.count)
    try store.write {
        for body in bodies {
            try store.addBody(slug: body, BodyDraft(name: "Organ \(body.dropFirst(6)) \(vocabulary.sentence(1...2, &random, title: true))",
                                                    kind: .committee))
            for seat in 1...7 {
                try store.addMember(name: "Medlem \(seat) \(body)", bodySlug: body, role: seat == 1 ? .chair : .member, organisation: nil)
            }
        }
    }
    for body in bodies {
        try store.write {
            for index in 0..<perBody {
                let date = CalendarDate(year: 2010 + index / 10, month: 1 + index % 10, day: 10)!
                let reference = MeetingReference(bodySlug: body, date: date)
                try store.createMeeting(bodySlug: body, date: date, MeetingDraft(place: "Rådhuset, møterom \(index % 7 + 1)"))
                meetingPaths.append("/mote/\(body)/\(date)")
                for _ in 0..<(6 + random.below(5)) {
                    let item = try store.addItem(to: reference, ItemDraft(
                        title: vocabulary.sentence(3...8, &random, title: true), kind: .decision,
                        caseText: (0..<3).map { _ in vocabulary.paragraph(&random) }.joined(separator: "\n\n"),
                        proposal: vocabulary.sentence(8...20, &random)))
                    if random.below(4) == 0 { itemPaths.append("/sak/\(body)/\(item.number.description.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "/", with: "-"))") }
                    try store.recordDecision(item.reference, DecisionDraft(
                        text: random.below(3) == 0 ? vocabulary.sentence(8...20, &random) : nil,
                        outcome: random.below(5) == 0 ? .amended : .adopted,
                        tally: random.below(2) == 0 ? .unanimous : .counted(for: 5, against: 2, abstaining: 0)))
                }
                try store.recordAttendance(meeting: reference, present: (1...6).map { "Medlem \($0) \(body)" }, apologies: ["Medlem 7 \(body)"])
            }
        }
    }
    precondition(store.updateSearchIndex(), "the derived search index could not be built")
}
// The searches: distinct words and pairs of words as people search, from the corpus' vocabulary
// (common words, rare words, and words the archive does not have).
var searchSet = Set<String>()
while searchSet.count < 1000 {
    let query = random.below(3) == 0 ? vocabulary.word(&random) + " " + vocabulary.word(&random) : vocabulary.word(&random)
    searchSet.insert(query)
}
let allowed = CharacterSet.alphanumerics
let searchPaths = searchSet.sorted().map { "/sok?q=" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) }
// At most 1500 items: the three lists fit the page cache (2000 pages) one at a time.
itemPaths = Array(itemPaths.prefix(1500))
if keptFolder != nil {
    for (name, paths) in [("meetings", meetingPaths), ("items", itemPaths), ("searches", searchPaths)] {
        try paths.joined(separator: "\n").write(to: folder.appending(path: name + ".txt"), atomically: true, encoding: .utf8)
    }
}
print(String(format: "archive: %d meetings, %d items sampled, %d distinct searches; built in %.1f s", meetingPaths.count,
             itemPaths.count, searchPaths.count, buildTime))

// MARK: Servers

/// A server on the archive, on a free loopback port: as `docket serve` runs it (page cache on), or
/// with every page rendered for every request (`--no-page-cache`).
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

// MARK: wrk

/// Each wrk thread reads the list and walks it from its own place, one path a request.
let script = folder.appending(path: "rotate.lua").path
try """
    local counter = 0
    function setup(thread)
        counter = counter + 1
        thread:set("id", counter)
    end
    function init(args)
        paths = {}
        for line in io.lines(args[1]) do paths[#paths + 1] = line end
        index = math.floor(#paths * (id - 1) / 2)
    end
    function request()
        index = index % #paths + 1
        return wrk.format("GET", paths[index])
    end
    """.write(toFile: script, atomically: true, encoding: .utf8)

struct Figure {
    var name: String
    var requestsPerSecond: Double
    var p99: String
    var p99Milliseconds: Double
    var distinct: Int
}

func measure(_ name: String, _ paths: [String], port: Int, warm: Bool = false) throws -> Figure {
    let list = folder.appending(path: "paths-\(UUID().uuidString).txt").path
    try paths.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
    func wrk(_ duration: Int) -> String {
        run("/usr/bin/wrk", ["-t", "2", "-c", "32", "-d", "\(duration)s", "--latency", "-s", script, "http://127.0.0.1:\(port)", "--", list])
    }
    // Warm: every path asked for before the measured run (more than once over), so the cache holds it.
    if warm { _ = wrk(max(3, paths.count / 150)) }
    let output = wrk(duration)
    let rps = output.firstMatch(of: /Requests\/sec:\s+([0-9.]+)/).flatMap { Double($0.1) } ?? 0
    let p99 = output.firstMatch(of: /99%\s+([0-9.]+)(us|ms|s)/)
    var milliseconds = 0.0
    if let p99, let value = Double(p99.1) {
        milliseconds = p99.2 == "us" ? value / 1000 : p99.2 == "s" ? value * 1000 : value
    }
    if let bad = output.firstMatch(of: /Non-2xx or 3xx responses: ([0-9]+)/) { print("  warning: \(name) had \(bad.1) non-2xx responses") }
    return Figure(name: name, requestsPerSecond: rps, p99: p99.map { "\($0.1)\($0.2)" } ?? "?", p99Milliseconds: milliseconds,
                  distinct: paths.count)
}

print("ServeBenchmark: wrk -t 2 -c 32, \(duration) s a list, server and wrk on the same \(ProcessInfo.processInfo.activeProcessorCount) cores; "
      + "load average before: \(loadAverage())")
let ceiling = try measure("static file (ceiling)", ["/static/site.css"], port: cached.port)
let lists: [(name: String, paths: [String], port: Int, warm: Bool)] = [
    ("meeting page, cache warm", meetingPaths, cached.port, true),
    ("item page, cache warm", itemPaths, cached.port, true),
    ("search, cache warm", searchPaths, cached.port, true),
    ("meeting page, no cache", meetingPaths, uncached.port, false),
    ("item page, no cache", itemPaths, uncached.port, false),
    ("search, no cache", searchPaths, uncached.port, false),
    ("static file, again", ["/static/site.css"], uncached.port, false),
]
var figures = [ceiling]
for list in lists where onlyName.map({ list.name.contains($0) }) ?? true {
    figures.append(try measure(list.name, list.paths, port: list.port, warm: list.warm))
}
for figure in figures {
    let ratio = figure.requestsPerSecond / max(ceiling.requestsPerSecond, 1)
    print(String(format: "  %-26@ %5d paths %9.0f req/s  p99 %8@  %.2fx static", figure.name as NSString, figure.distinct,
                 figure.requestsPerSecond, figure.p99 as NSString, ratio))
}
guard figures.count == lists.count + 1 else { exit(0) }
let warmMeeting = figures[1], coldMeeting = figures[4], warmSearch = figures[3], coldSearch = figures[6]
func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
print(String(format: "Goals: meeting page >= 0.5x static: warm %.2fx %@, no cache %.2fx %@; "
             + "search p99 < 50 ms (distinct queries): warm %.1f ms %@, no cache %.1f ms %@",
             warmMeeting.requestsPerSecond / max(ceiling.requestsPerSecond, 1), verdict(warmMeeting.requestsPerSecond >= 0.5 * ceiling.requestsPerSecond),
             coldMeeting.requestsPerSecond / max(ceiling.requestsPerSecond, 1), verdict(coldMeeting.requestsPerSecond >= 0.5 * ceiling.requestsPerSecond),
             warmSearch.p99Milliseconds, verdict(warmSearch.p99Milliseconds < 50),
             coldSearch.p99Milliseconds, verdict(coldSearch.p99Milliseconds < 50)))
print("load average after: \(loadAverage())")
cached.task.cancel()
uncached.task.cancel()
