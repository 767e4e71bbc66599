// Search benchmark: a synthetic archive of Norwegian agenda items (vocabulary and word frequencies
// drawn from the real documents in ../shared/corpus), searched through Docket's store (its derived
// Xapian index, snippets from the store), beside the same queries through the bare SQLite C API
// (Docket's previous paths: docket_topk in C, and every match ranked by docket_bm25 through SQL; a
// plain unicode61 FTS5 table with FTS5's bm25), and beside
// real engines on the same rows: Xapian and Tantivy (scripts/search-peers.py, run from here).
//
//   swift run -c release SearchBenchmark [--items 200000] [--corpus ../shared/corpus] [--repeat 25] [--keep DIR] [--no-peers] [--build-only] [--search-only]
//
// --search-only (with a kept archive) times the queries only: the derived index is caught up, not
// rebuilt and timed (a million items' build is most of such a run, on a shared machine).
//
// --build-only stops after the derived index's build (timed beside a plain unicode61 insert of the
// same rows in the same run): for profiling the build (`perf record -g`).
//
// --keep DIR builds the archive into DIR and leaves it there; a later run with the same DIR searches
// it again without rebuilding (the build is most of the run's time).
//
// Prints: build time, index size against the plain table, p50/p99 latency per query in-process
// (Docket and bare), and the whole-process time of `docket search`.
import CSQLite
import DocketModel
import DocketStore
import BenchmarkSupport
import Foundation

// MARK: Arguments

var itemCount = 200_000
var corpusPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../shared/corpus").standardized.path
var repetitions = 25
var keptFolder: String?
var runPeers = true
var buildOnly = false
var searchOnly = false
let usage = """
    usage: SearchBenchmark [--items N] [--corpus DIR] [--repeat N] [--keep DIR] [--no-peers] [--build-only] [--search-only]
      --items N      items in the synthetic archive (default 200000)
      --corpus DIR   the corpus whose vocabulary the archive draws on (default ../shared/corpus)
      --repeat N     runs of each query (default 25): p50 and p99 over them
      --keep DIR     build the archive into DIR and keep it; a later run with the same DIR reuses it
      --no-peers     leave out Xapian and Tantivy (scripts/search-peers.py)
      --build-only   stop after timing the derived index's build beside a plain unicode61 insert
      --search-only  with a kept archive: the derived index caught up, not rebuilt; the queries timed
    Every figure is printed with the machine's load average when it was measured.
    """
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--items": itemCount = Int(arguments.next() ?? "") ?? itemCount
    case "--corpus": corpusPath = arguments.next() ?? corpusPath
    case "--repeat": repetitions = Int(arguments.next() ?? "") ?? repetitions
    case "--keep": keptFolder = arguments.next()
    case "--no-peers": runPeers = false
    case "--build-only": buildOnly = true
    case "--search-only": searchOnly = true
    case "--help", "-h": print(usage); exit(0)
    default: print("unknown argument \(argument)\n\(usage)"); exit(64)
    }
}

// MARK: Vocabulary

func ms(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }

/// The machine's 1-minute load average, printed beside each figure: the machine is shared, and a
/// figure taken at load 4 on 2 cores is not one taken at load 0.5.
func load() -> String {
    var values = [Double](repeating: 0, count: 3)
    getloadavg(&values, 3)
    return String(format: "[load %.2f]", values[0])
}

/// CPU seconds of this process so far (every thread): beside a wall time taken on a shared
/// machine, the work itself (the derived index's build runs on every core, the plain insert on one).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

// MARK: The archive

let vocabulary = Vocabulary(corpus: corpusPath)
print("vocabulary: \(vocabulary.words.count) words from \(vocabulary.documents) documents")
let folder = keptFolder.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appending(path: "docket-search-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { if keptFolder == nil { try? FileManager.default.removeItem(at: folder) } }
let storePath = folder.appending(path: "archive.sqlite").path
let plainPath = folder.appending(path: "plain.sqlite").path
let builtMarker = folder.appending(path: "built").path
let reusing = FileManager.default.fileExists(atPath: builtMarker)
let store = try Store(path: storePath)

struct Row { var title, caseText, proposal: String; var decision: String? }
var random = SplitMix64(state: 2019)
let bodies = (1...10).map { "organ-\($0)" }
let meetingsPerYear = 8
let years = 2000...2025
let itemsPerMeeting = max(1, itemCount / (bodies.count * years.count * meetingsPerYear))
var rows: [Row] = []
rows.reserveCapacity(itemCount)

if reusing {
    print("archive: reusing the one kept in \(folder.path)")
} else {
    let buildTime = try seconds {
        try store.write {
            for body in bodies {
                try store.addBody(slug: body, BodyDraft(name: "Organ \(body)", kind: .committee), standingItems: [])
            }
            outer: for year in years {
                for body in bodies {
                    for meeting in 0..<meetingsPerYear {
                        guard let date = CalendarDate(year: year, month: 1 + meeting, day: 10) else { continue }
                        let reference = MeetingReference(bodySlug: body, date: date)
                        try store.createMeeting(bodySlug: body, date: date, withStandingItems: false)
                        for _ in 0..<itemsPerMeeting {
                            guard rows.count < itemCount else { break outer }
                            let row = Row(title: vocabulary.sentence(3...8, &random), caseText: vocabulary.sentence(40...140, &random),
                                          proposal: vocabulary.sentence(8...20, &random),
                                          decision: random.next() % 2 == 0 ? vocabulary.sentence(8...20, &random) : nil)
                            rows.append(row)
                            let item = try store.addItem(to: reference, ItemDraft(title: row.title, kind: .decision, caseText: row.caseText, proposal: row.proposal))
                            if let decision = row.decision {
                                try store.recordDecision(item.reference, DecisionDraft(text: decision, outcome: .adopted, tally: .unanimous))
                            }
                        }
                    }
                }
            }
        }
    }
    print("archive: \(rows.count) items built through the store in \(String(format: "%.1f", buildTime)) s (\(Int(Double(rows.count) / buildTime)) items/s) \(load())")
}

// MARK: The plain table, through the bare C API

let plain = BareConnection(path: plainPath)

/// The same rows into one FTS5 table through one prepared statement in one transaction.
@MainActor func bulkInsert(into table: String) -> Double {
    seconds {
        plain.exec("BEGIN")
        let insert = plain.prepare("INSERT INTO \(table) (rowid, title, case_text, proposal, decision) VALUES (?, ?, ?, ?, ?)")
        for (index, row) in rows.enumerated() {
            sqlite3_bind_int64(insert, 1, Int64(index + 1))
            plain.bind(insert, 2, row.title)
            plain.bind(insert, 3, row.caseText)
            plain.bind(insert, 4, row.proposal)
            plain.bind(insert, 5, row.decision)
            plain.step(insert)
        }
        sqlite3_finalize(insert)
        plain.exec("COMMIT")
    }
}

if !reusing {
    plain.exec("CREATE VIRTUAL TABLE item_search USING fts5(title, case_text, proposal, decision, tokenize = 'unicode61 remove_diacritics 0')")
    plain.exec("CREATE VIRTUAL TABLE norwegian_search USING fts5(title, case_text, proposal, decision, tokenize = 'norwegian_v1')")
    let plainBuild = bulkInsert(into: "item_search")
    let norwegianBuild = bulkInsert(into: "norwegian_search")
    print("bare C API inserts of the same rows: unicode61 \(String(format: "%.1f", plainBuild)) s, norwegian_v1 \(String(format: "%.1f", norwegianBuild)) s \(load())")
    plain.exec("DROP TABLE norwegian_search")
    plain.exec("INSERT INTO item_search (item_search, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 5.0)')")
    _ = FileManager.default.createFile(atPath: builtMarker, contents: Data())
} else {
    // The rows again, from the plain table, for the plain insert timed beside the derived index's build.
    let select = plain.prepare("SELECT title, case_text, proposal, decision FROM item_search ORDER BY rowid")
    func text(_ column: Int32) -> String? { sqlite3_column_text(select, column).map { String(cString: $0) } }
    while sqlite3_step(select) == SQLITE_ROW {
        rows.append(Row(title: text(0) ?? "", caseText: text(1) ?? "", proposal: text(2) ?? "", decision: text(3)))
    }
    sqlite3_finalize(select)
}

// Both indexes merged into one segment, as a large import leaves Docket's (on a kept archive that is
// merged already, this is quick).
let mergeTime = try seconds { try store.mergeSearchIndex() }
let plainMergeTime = seconds { plain.exec("INSERT INTO item_search (item_search) VALUES ('optimize')") }
print(String(format: "merged into one segment: Docket's index in %.1f s, the plain table in %.1f s ", mergeTime, plainMergeTime) + load())

func ftsBytes(_ db: OpaquePointer?, _ name: String) -> Int {
    var statement: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", -1, &statement, nil)
    sqlite3_bind_text(statement, 1, name + "%", -1, sqliteTransient)
    sqlite3_step(statement)
    let bytes = Int(sqlite3_column_int64(statement, 0))
    sqlite3_finalize(statement)
    return bytes
}
// Docket's derived index (Xapian, fed with norwegian_v1's tokens), built from the store.
func folderBytes(_ path: String) -> Int {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + "/" + $1)[.size] as? Int) ?? 0) }
}
if searchOnly {
    precondition(store.updateSearchIndex(), "the derived search index could not be brought up to date")
    print("Docket's derived index (Xapian): kept from an earlier run, caught up (--search-only) " + load())
} else {
    // The ceiling, timed just before the build at the same load: the same rows into a fresh plain
    // unicode61 table (dropped after).
    plain.exec("DROP TABLE IF EXISTS timing_copy")
    plain.exec("CREATE VIRTUAL TABLE timing_copy USING fts5(title, case_text, proposal, decision, tokenize = 'unicode61 remove_diacritics 0')")
    let plainCPUStart = cpuSeconds()
    let plainBuildTime = bulkInsert(into: "timing_copy")
    let plainCPU = cpuSeconds() - plainCPUStart
    plain.exec("DROP TABLE timing_copy")
    print(String(format: "plain unicode61 insert of the same %d rows (bare C API, one transaction): %.2f s (CPU %.2f s) ", rows.count, plainBuildTime, plainCPU) + load())
    if let indexFolder = store.searchIndexFolder { try? FileManager.default.removeItem(atPath: indexFolder) }
    let xapianCPUStart = cpuSeconds()
    let xapianBuild = seconds { precondition(store.updateSearchIndex(), "the derived search index could not be built") }
    let xapianCPU = cpuSeconds() - xapianCPUStart
    print(String(format: "Docket's derived index (Xapian, norwegian_v1 tokens): built from the store in %.2f s (CPU %.2f s on all cores; %d items/s); %.2f× the speed of the plain unicode61 insert (goal ≥ 0.5×; by CPU %.2f×) ",
                 xapianBuild, xapianCPU, Int(Double(rows.count) / xapianBuild), plainBuildTime / xapianBuild, plainCPU / xapianCPU) + load())
}
let xapianBytes = folderBytes(store.searchIndexFolder!)
if buildOnly { exit(0) }
// The store's own connection is the store's; a bare one reads the same file.
let storeReader = BareConnection(path: storePath, flags: SQLITE_OPEN_READONLY)
let storeBytes = ftsBytes(storeReader.handle, "item_search")
let plainBytes = ftsBytes(plain.handle, "item_search")
print(String(format: "index size: norwegian_v1 FTS5 %.1f MB, plain unicode61 %.1f MB, ratio %.2f×; Docket's Xapian index %.1f MB, %.2f× plain (goal ≤ 1.5×)",
             Double(storeBytes) / 1e6, Double(plainBytes) / 1e6, Double(storeBytes) / Double(plainBytes),
             Double(xapianBytes) / 1e6, Double(xapianBytes) / Double(plainBytes)) + " " + load())

// MARK: Queries

let queries = ["vedtak", "budsjett", "møteplan", "ressurspool", "\"til orientering\"", "velferdsteknologi", "saksbeh*",
               "budsjett OR økonomiplan", "høring NOT plan", "sikkerhet", "prinsipp", "styringsgruppemøte", "kommunene samarbeid"]
// The ceilings: the same two steps through the bare C API (the best 20 rowids, then the title and
// snippet of each). On the plain table, ranked two ways: FTS5's own bm25 as the table's rank (ORDER
// BY rank sorts every match), and docket_bm25 (the same scores, as Docket ranks). And on Docket's own
// index through a bare connection, so that the matches are the same and only Docket's layers differ.
let docketIndex = BareConnection(path: storePath, flags: SQLITE_OPEN_READONLY)
// The store reads through memory-mapped pages (Store.prepareConnection); the bare connections too.
for connection in [docketIndex, plain] { sqlite3_exec(connection.handle, "PRAGMA mmap_size = 1073741824", nil, nil, nil) }
let byDocketBM25 = """
    SELECT rowid FROM item_search WHERE item_search MATCH ?
    ORDER BY docket_bm25(item_search, 'item_search', 10.0, 1.0, 2.0, 5.0), rowid LIMIT 20
    """
let detail = "SELECT title, snippet(item_search, -1, '«', '»', '…', 16) FROM item_search WHERE item_search MATCH ? AND rowid = ?"
let plainByRank = plain.prepare("SELECT rowid FROM item_search WHERE item_search MATCH ? ORDER BY rank LIMIT 20", persistent: true)
let plainByDocketBM25 = plain.prepare(byDocketBM25, persistent: true)
let plainDetail = plain.prepare(detail, persistent: true)
let docketIndexTop = docketIndex.prepare("""
    SELECT docket_topk(item_search, 'item_search', 20, ?, 10.0, 1.0, 2.0, 5.0) FROM item_search WHERE item_search MATCH ? LIMIT 1
    """, persistent: true)
let plainCount = plain.prepare("SELECT count(*) FROM item_search WHERE item_search MATCH ?", persistent: true)
let docketCount = docketIndex.prepare("SELECT count(*) FROM item_search WHERE item_search MATCH ?", persistent: true)
let docketIndexRanked = docketIndex.prepare(byDocketBM25, persistent: true)
let docketIndexDetail = docketIndex.prepare(detail, persistent: true)

@MainActor func bareSearch(_ ranked: OpaquePointer, _ detail: OpaquePointer, _ expression: String) {
    sqlite3_bind_text(ranked, 1, expression, -1, sqliteTransient)
    var ids: [Int64] = []
    while sqlite3_step(ranked) == SQLITE_ROW { ids.append(sqlite3_column_int64(ranked, 0)) }
    sqlite3_reset(ranked)
    for id in ids {
        sqlite3_bind_text(detail, 1, expression, -1, sqliteTransient)
        sqlite3_bind_int64(detail, 2, id)
        if sqlite3_step(detail) == SQLITE_ROW {
            _ = sqlite3_column_text(detail, 0)
            _ = sqlite3_column_text(detail, 1)
        }
        sqlite3_reset(detail)
    }
}

@MainActor func matches(_ count: OpaquePointer, _ expression: String) -> Int {
    sqlite3_bind_text(count, 1, expression, -1, sqliteTransient)
    defer { sqlite3_reset(count) }
    return sqlite3_step(count) == SQLITE_ROW ? Int(sqlite3_column_int64(count, 0)) : 0
}

/// The best 20 rowids by docket_topk on Docket's index through the bare C API, then the snippets.
@MainActor func bareTopK(_ expression: String, _ shape: String) -> [Int64] {
    sqlite3_bind_text(docketIndexTop, 1, shape, -1, sqliteTransient)
    sqlite3_bind_text(docketIndexTop, 2, expression, -1, sqliteTransient)
    var ids: [Int64] = []
    if sqlite3_step(docketIndexTop) == SQLITE_ROW, let blob = sqlite3_column_blob(docketIndexTop, 0) {
        let count = Int(sqlite3_column_bytes(docketIndexTop, 0)) / 16
        ids = (0..<count).map { blob.loadUnaligned(fromByteOffset: $0 * 16 + 8, as: Int64.self) }
    }
    sqlite3_reset(docketIndexTop)
    for id in ids {
        sqlite3_bind_text(docketIndexDetail, 1, expression, -1, sqliteTransient)
        sqlite3_bind_int64(docketIndexDetail, 2, id)
        if sqlite3_step(docketIndexDetail) == SQLITE_ROW {
            _ = sqlite3_column_text(docketIndexDetail, 0)
            _ = sqlite3_column_text(docketIndexDetail, 1)
        }
        sqlite3_reset(docketIndexDetail)
    }
    return ids
}

/// The best 20 rowids by docket_bm25 through SQL on Docket's index (Docket's previous path).
@MainActor func bareSQLIDs(_ expression: String) -> [Int64] {
    sqlite3_bind_text(docketIndexRanked, 1, expression, -1, sqliteTransient)
    var ids: [Int64] = []
    while sqlite3_step(docketIndexRanked) == SQLITE_ROW { ids.append(sqlite3_column_int64(docketIndexRanked, 0)) }
    sqlite3_reset(docketIndexRanked)
    return ids
}

@MainActor func plainMatches(_ expression: String) -> Int { matches(plainCount, expression) }

func column(_ text: String, _ width: Int = 11) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }

// The peers, on the same rows (read from the plain table) and the same queries, in their own process.
struct PeerQuery: Decodable { var matches: Int; var times: [Double] }
struct PeerResult: Decodable { var build_s: Double?; var bytes: Int?; var queries: [String: PeerQuery]?; var error: String? }
var peers: [String: PeerResult] = [:]
let peerNames = ["xapian", "tantivy"]
if runPeers {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../scripts/search-peers.py").standardized
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let queriesJSON = String(decoding: try JSONEncoder().encode(queries), as: UTF8.self)
    process.arguments = ["python3", script.path, "--rows", plainPath, "--dir", folder.path, "--repeat", "\(repetitions)", "--queries", queriesJSON]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    peers = (try? JSONDecoder().decode([String: PeerResult].self, from: output)) ?? [:]
    for name in peerNames {
        guard let peer = peers[name] else { print("peer \(name): no result"); continue }
        if let error = peer.error { print("peer \(name): not run (\(error))"); continue }
        print("peer \(name): index \(String(format: "%.1f", Double(peer.bytes ?? 0) / 1e6)) MB" +
              (peer.build_s.map { String(format: ", built in %.1f s", $0) } ?? " (kept from an earlier run)") + " \(load()) (after the peers' run)")
    }
}

print("""

    Matches: rows each index finds (Docket's stems and compound parts find more than the plain table's
    exact words; Xapian's and Tantivy's Snowball stems in between). Times: p50 / p99 of \(repetitions) runs,
    best 20 with snippets. Docket's store ranks with its derived Xapian index (BM25 over norwegian_v1's
    tokens; phrases go to FTS5's top-k; prefixes are expanded over its terms and checked), snippets from the store; the bare top-k ranks with
    docket_topk (the previous path: one C walk of each phrase's doclist, a heap of 20, bounds); "SQL" ranks every match with docket_bm25 through SQL (the
    path before docket_topk); the plain table ranks with FTS5's bm25 (ORDER BY rank).

    \(column("query", 24))\(column("matches", 22))\(column("Docket (Xapian)", 22))\(column("bare top-k", 22))\(column("bare SQL", 22))\(column("plain FTS5 bm25", 22))\(column("Xapian", 22))\(column("Tantivy", 22))
    \(column("", 24))\(column("docket/plain/xapian", 22))
    """)
var all: [[Double]] = Array(repeating: [], count: 6)
func pair(_ times: [Double]) -> String { times.isEmpty ? column("-", 22) : column(ms(percentile(times, 0.5)) + " / " + ms(percentile(times, 0.99)), 22) }
var mismatches: [String] = []
for query in queries {
    var times: [[Double]] = Array(repeating: [], count: 6)
    let parsed = SearchQuery(query)!
    let expression = parsed.expression
    let docketMatches = matches(docketCount, expression)
    // The top-k path finds what the SQL path finds: the same rows in the same order.
    if let shape = parsed.shape, bareTopK(expression, shape) != bareSQLIDs(expression) { mismatches.append(query) }
    for _ in 0..<repetitions {
        times[0].append(try seconds {
            let hits = try store.search(query).count
            precondition(hits == min(20, docketMatches), "\(query) gave \(hits) hits of \(docketMatches) matches")
        })
        if let shape = parsed.shape { times[1].append(seconds { _ = bareTopK(expression, shape) }) }
        times[2].append(seconds { bareSearch(docketIndexRanked, docketIndexDetail, expression) })
        times[3].append(seconds { bareSearch(plainByRank, plainDetail, expression) })
    }
    for (index, name) in peerNames.enumerated() { times[4 + index] = peers[name]?.queries?[query]?.times ?? [] }
    for index in all.indices { all[index] += times[index] }
    let xapianMatches = peers["xapian"]?.queries?[query]?.matches.description ?? "-"
    print(column(query, 24) + column("\(docketMatches)/\(plainMatches(expression))/\(xapianMatches)", 22) + times.map(pair).joined() + load())
}
print(column("all queries", 46) + all.map(pair).joined() + load())
let ratios = [4, 5].map { all[$0].isEmpty ? "-" : String(format: "%.1f× / %.1f×", percentile(all[0], 0.5) / percentile(all[$0], 0.5), percentile(all[0], 0.99) / percentile(all[$0], 0.99)) }
print("Docket against Xapian (p50 / p99): \(ratios[0]); against Tantivy: \(ratios[1]) (goal: within 2× of Xapian)")
print(mismatches.isEmpty ? "top-k and SQL ranking agree on every query's best 20" : "top-k differs from the SQL ranking on: \(mismatches)")
for statement in [plainByRank, plainByDocketBM25, plainDetail, plainCount, docketCount, docketIndexRanked, docketIndexDetail, docketIndexTop] { sqlite3_finalize(statement) }
BareConnection(path: storePath).exec("PRAGMA wal_checkpoint(TRUNCATE)")

// MARK: Whole process

let docketBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "docket")
/// One `docket search` from spawn to exit, by posix_spawn and waitpid: Foundation's Process waits
/// for the exit through its run loop, which added about 20 ms to every run it timed.
func wholeProcess(_ arguments: [String]) -> Double {
    let argv = ([docketBinary.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    return seconds {
        precondition(posix_spawn(&pid, docketBinary.path, &actions, nil, argv, environ) == 0, "cannot start \(docketBinary.path)")
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
if FileManager.default.isExecutableFile(atPath: docketBinary.path) {
    var wall: [Double] = []
    // Hyperfine-like: a warm-up run, then each query 4 times (52 runs), p50 and p99.
    _ = wholeProcess(["search", "--db", storePath, queries[0]])
    for _ in 0..<4 {
        for query in queries { wall.append(wholeProcess(["search", "--db", storePath, query])) }
    }
    print("\nwhole process `docket search`: p50 \(ms(percentile(wall, 0.5))), p99 \(ms(percentile(wall, 0.99))) over \(wall.count) runs (goal p50 < 30 ms) "
          + load())
} else {
    print("\n(no docket binary beside this one; build it with `swift build -c release --product docket` for the whole-process figure)")
}
