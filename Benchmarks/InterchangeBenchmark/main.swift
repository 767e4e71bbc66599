// InterchangeBenchmark: how fast a JSON archive goes into a store and comes out again, beside
// the ceiling of the same rows inserted through SQLite's C API with one prepared statement per
// table in one transaction, measured in the same run on the same machine.
//
//   swift run -c release InterchangeBenchmark [--years 20] [--bodies 10] [--meetings 10] [--items 12] [--corpus PATH]
//
// The archive is synthetic and deterministic (a fixed seed): years × bodies × meetings × items,
// titles and texts drawn from the vocabulary and the paragraph lengths of the real documents in
// ../shared/corpus (a small built-in word list where that folder is missing). It runs at a quarter
// of the size first, then at full size, so that the memory figures show how they grow.
import CSQLite
import DocketInterchange
import DocketStore
import BenchmarkSupport
import Foundation
import SQLite

// MARK: Options

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else { fatalError("usage: InterchangeBenchmark [--years N] [--bodies N] [--meetings N] [--items N] [--corpus PATH]") }
    options[String(name.dropFirst(2))] = value
}
let years = Int(options["years"] ?? "20")!
let bodyCount = Int(options["bodies"] ?? "10")!
let meetingsPerYear = Int(options["meetings"] ?? "10")!
let itemsPerMeeting = Int(options["items"] ?? "12")!
let corpusPath = options["corpus"] ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appending(path: "../../../shared/corpus").standardized.path

// MARK: Deterministic text from the corpus

/// The shared seeded generator (BenchmarkSupport).
typealias Random = SplitMix64

/// Distinct words of the corpus drawn uniformly, and its paragraphs' lengths for case texts.
struct Vocabulary {
    var words: [String] = []
    /// Lengths in words of the corpus' paragraphs, to draw case texts from.
    var paragraphLengths: [Int] = []

    init(corpus: String) {
        let files = (FileManager.default.enumerator(atPath: corpus)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        var seen = Set<String>()
        for file in files {
            guard let text = try? String(contentsOfFile: corpus + "/" + file, encoding: .utf8) else { continue }
            for paragraph in text.components(separatedBy: "\n\n") {
                let tokens = paragraph.split(whereSeparator: { $0.isWhitespace })
                if tokens.count >= 5 { paragraphLengths.append(tokens.count) }
                for token in tokens {
                    let word = token.trimmingCharacters(in: .punctuationCharacters)
                    if word.count >= 3, word.allSatisfy(\.isLetter), seen.insert(word).inserted { words.append(word) }
                }
            }
        }
        if words.count < 100 {
            words = "styringsgruppen faggruppe kommune vedtak saken orientering budsjett tjenester digitalisering samarbeid helse velferd plan bygg geodata avtale anskaffelse sekretariatet møteplan referat innkalling forslag behandling prosjekt løsning felles kommunene økonomi utredning rapport".split(separator: " ").map(String.init)
            paragraphLengths = [20, 45, 80, 120, 60, 30]
        }
    }

    func sentence(_ count: Int, _ random: inout Random) -> String {
        (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
    }
}

// MARK: The synthetic archive, as the JSON interchange format

func archive(years: Int, vocabulary: Vocabulary, seed: UInt64) throws -> (json: Data, items: Int) {
    var random = Random(state: seed)
    var bodies: [[String: Any]] = [], meetings: [[String: Any]] = [], cases: [[String: Any]] = [], items: [[String: Any]] = []
    for b in 1...bodyCount {
        bodies.append(["slug": "organ-\(b)", "name": "Organ \(b) " + vocabulary.sentence(2, &random), "kind": "committee",
                       "aliases": [], "standingItems": [], "numberCounters": []])
    }
    for year in (2026 - years)..<2026 {
        for b in 1...bodyCount {
            var sequence = 0
            for m in 0..<meetingsPerYear {
                let date = String(format: "%04d-%02d-%02d", year, 1 + m, 10 + b)
                meetings.append(["body": "organ-\(b)", "date": date, "start": "13:00", "end": "15:00", "place": vocabulary.sentence(2, &random),
                                 "kind": "ordinary", "status": "planned", "attendance": []])
                for position in 1...itemsPerMeeting {
                    sequence += 1
                    let key = "case-\(cases.count + 1)"
                    let title = vocabulary.sentence(3 + random.below(7), &random).capitalized
                    cases.append(["key": key, "title": title])
                    items.append(["body": "organ-\(b)", "meetingDate": date, "number": "\(sequence)/\(year)", "case": key,
                                  "position": position, "section": "for_consideration", "kind": "decision", "title": title,
                                  "basis": "Notat", "caseText": vocabulary.sentence(random.pick(vocabulary.paragraphLengths), &random),
                                  "proposal": vocabulary.sentence(10 + random.below(20), &random), "isExempt": false,
                                  "handlingStatus": "pending", "arrival": "new", "votes": [], "conflictsOfInterest": []])
                }
            }
        }
    }
    let document: [String: Any] = ["format": "docket-interchange", "formatVersion": 1, "scope": ["isPublic": false],
                                   "organisations": [], "people": [], "bodies": bodies, "memberships": [], "meetings": meetings,
                                   "cases": cases, "items": items, "files": [], "attachments": [], "corrections": []]
    return (try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), items.count)
}

// MARK: Measuring

/// Peak resident memory since the last reset, from /proc (Linux), in MiB.
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ")[1]) else { return .nan }
    return kilobytes / 1024
}

/// Starts a new peak: writing 5 to clear_refs resets VmHWM to the current RSS.
func resetPeakRSS() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}


func freshStorePath(_ folder: URL, _ name: String) throws -> String {
    let path = folder.appending(path: name).path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    _ = try Store(path: path)
    return path
}

/// The ceiling: the same bodies, meetings, case files and items through the bare C API, one
/// prepared statement per table, one transaction, foreign keys on as in the store.
func bareInsert(_ document: InterchangeDocument, into path: String) throws -> Int {
    // The store's schema indexes items for search through Docket's tokenizer, in triggers: the
    // ceiling does the same work, with the tokenizer registered as the store registers it.
    let bare = BareConnection(path: path, flags: SQLITE_OPEN_READWRITE)
    let db = bare.handle
    let exec = bare.exec, prepare = { bare.prepare($0) }, text = bare.bind, step = bare.step
    exec("PRAGMA foreign_keys = ON")
    exec("BEGIN IMMEDIATE")
    let insertBody = prepare("INSERT INTO body (slug, name, kind) VALUES (?, ?, ?)")
    let insertMeeting = prepare("INSERT INTO meeting (body_id, date, start_time, end_time, place, kind, status) VALUES (?, ?, ?, ?, ?, ?, ?)")
    let insertCase = prepare("INSERT INTO case_file (title, archive_number) VALUES (?, ?)")
    let insertItem = prepare("""
        INSERT INTO agenda_item (meeting_id, case_id, body_id, series, sequence, year, position, section, kind, title, basis, case_text,
            proposal, is_exempt, handling_status, arrival) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    defer { [insertBody, insertMeeting, insertCase, insertItem].forEach { sqlite3_finalize($0) } }
    var bodyIDs: [String: Int64] = [:], meetingIDs: [String: Int64] = [:], caseIDs: [String: Int64] = [:]
    for body in document.bodies {
        text(insertBody, 1, body.slug); text(insertBody, 2, body.name); text(insertBody, 3, body.kind.rawValue)
        step(insertBody)
        bodyIDs[body.slug] = sqlite3_last_insert_rowid(db)
    }
    for meeting in document.meetings {
        sqlite3_bind_int64(insertMeeting, 1, bodyIDs[meeting.body]!)
        text(insertMeeting, 2, meeting.date.description); text(insertMeeting, 3, meeting.start?.description)
        text(insertMeeting, 4, meeting.end?.description); text(insertMeeting, 5, meeting.place)
        text(insertMeeting, 6, meeting.kind.rawValue); text(insertMeeting, 7, meeting.status.rawValue)
        step(insertMeeting)
        meetingIDs["\(meeting.body)@\(meeting.date)"] = sqlite3_last_insert_rowid(db)
    }
    for record in document.cases {
        text(insertCase, 1, record.title); text(insertCase, 2, record.archiveNumber)
        step(insertCase)
        caseIDs[record.key] = sqlite3_last_insert_rowid(db)
    }
    for item in document.items {
        let number = item.number.split(separator: "/")
        sqlite3_bind_int64(insertItem, 1, meetingIDs["\(item.body)@\(item.meetingDate)"]!)
        sqlite3_bind_int64(insertItem, 2, caseIDs[item.case]!)
        sqlite3_bind_int64(insertItem, 3, bodyIDs[item.body]!)
        sqlite3_bind_int64(insertItem, 4, Int64(number[0])!)
        sqlite3_bind_int64(insertItem, 5, Int64(number[1])!)
        sqlite3_bind_int64(insertItem, 6, Int64(item.position))
        text(insertItem, 7, item.section.rawValue); text(insertItem, 8, item.kind?.rawValue); text(insertItem, 9, item.title)
        text(insertItem, 10, item.basis); text(insertItem, 11, item.caseText); text(insertItem, 12, item.proposal)
        sqlite3_bind_int64(insertItem, 13, item.isExempt ? 1 : 0)
        text(insertItem, 14, (item.handlingStatus ?? .pending).rawValue); text(insertItem, 15, item.arrival ?? "new")
        step(insertItem)
    }
    exec("COMMIT")
    return document.items.count
}

// MARK: The run

/// Each phase runs in a process of its own, so that its peak memory is its own and not what the
/// generator or an earlier phase left behind; it prints its seconds and peak RSS.
if let phase = options["phase"], let file = options["file"], let database = options["db"] {
    var elapsed = 0.0
    switch phase {
    case "import":
        elapsed = try seconds {
            let store = try Store(path: database)
            let report = try InterchangeImporter(store: store).importFile(atPath: file)
            precondition(report.conflicts.isEmpty && report.warnings.isEmpty, "\(report.conflicts) \(report.warnings)")
        }
    case "export":
        elapsed = try seconds {
            let store = try Store(path: database)
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            let handle = FileHandle(forWritingAtPath: file)!
            try InterchangeExporter(store: store).export(to: handle)
            try handle.close()
        }
    case "decode":
        // What Codable costs alone: the importer's reading of the file, without a database.
        elapsed = try seconds {
            let data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
            let count = try InterchangeImporter.countRecords(in: data, key: "items")
            precondition(count > 0)
        }
    case "bare":
        let document = try JSONDecoder().decode(InterchangeDocument.self, from: try Data(contentsOf: URL(fileURLWithPath: file)))
        elapsed = try seconds { _ = try bareInsert(document, into: database) }
    default:
        fatalError("unknown phase \(phase)")
    }
    print(elapsed, peakRSS())
    exit(0)
}

/// `--write-archive PATH`: only write the synthetic archive, for profiling a phase by hand
/// (`perf record InterchangeBenchmark --phase import --file PATH --db new.sqlite`).
if let path = options["write-archive"] {
    try archive(years: years, vocabulary: Vocabulary(corpus: corpusPath), seed: 0xD0C_4E7).json.write(to: URL(fileURLWithPath: path))
    exit(0)
}

func runPhase(_ phase: String, file: String, database: String) throws -> (seconds: Double, peakMiB: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--phase", phase, "--file", file, "--db", database]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard process.terminationStatus == 0, numbers.count == 2 else { fatalError("the \(phase) phase failed: \(text)") }
    return (numbers[0], numbers[1])
}

let folder = FileManager.default.temporaryDirectory.appending(path: "docket-interchange-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let vocabulary = Vocabulary(corpus: corpusPath)
print("InterchangeBenchmark: \(bodyCount) bodies × \(meetingsPerYear) meetings × \(itemsPerMeeting) items a year; vocabulary of \(vocabulary.words.count) words from \(corpusPath)")
print("size       items  JSON MiB  import items/s  decode items/s  export items/s  bare C items/s  import/bare  import peak RSS MiB  export peak RSS MiB")
for scale in [max(1, years / 4), years] {
    let (json, count) = try archive(years: scale, vocabulary: vocabulary, seed: 0xD0C_4E7)
    let jsonPath = folder.appending(path: "archive.json").path
    try json.write(to: URL(fileURLWithPath: jsonPath))
    let storePath = try freshStorePath(folder, "import.sqlite")
    let imported = try runPhase("import", file: jsonPath, database: storePath)
    let exported = try runPhase("export", file: folder.appending(path: "export.json").path, database: storePath)
    let decoded = try runPhase("decode", file: jsonPath, database: storePath)
    let bare = try runPhase("bare", file: jsonPath, database: try freshStorePath(folder, "bare.sqlite"))
    let importRate = Double(count) / imported.seconds, exportRate = Double(count) / exported.seconds, bareRate = Double(count) / bare.seconds
    print(String(format: "%2d years %7d %9.1f %15.0f %15.0f %15.0f %15.0f %12.2f %20.0f %20.0f",
                 scale, count, Double(json.count) / 1_048_576, importRate, Double(count) / decoded.seconds, exportRate, bareRate,
                 importRate / bareRate, imported.peakMiB, exported.peakMiB))
}
print("bare C: the same bodies, meetings, case files and items through sqlite3_prepare/bind/step, one transaction, foreign keys on; the JSON decoded before the clock starts")
print("import: docket's importer on the memory-mapped file, one transaction; decode: the same reading of the file (skim + Codable) without a database;")
print("export: docket's streaming exporter to a file. Each phase in its own process; peak RSS includes the mapped file's pages.")
