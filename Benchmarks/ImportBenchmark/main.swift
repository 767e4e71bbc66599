// ImportBenchmark: how fast `docket import` reads a batch of old minutes into a store, as plain
// text and as Word, beside the ceiling of the same rows inserted through SQLite's C API with one
// prepared statement per table in one transaction, measured in the same run on the same machine.
//
//   swift run -c release ImportBenchmark [--documents 200] [--corpus PATH] [--keep DIR]
//
// The minutes are Docket's own: N synthetic meetings (8–15 items each, titles, case texts,
// proposals and decisions drawn from the vocabulary and word frequencies of the real documents in
// ../shared/corpus, votes, attendance with apologies and substitutes) are built in a scratch store,
// and each meeting's minutes are rendered with DocketDocuments as .txt and as .docx into two
// folders. Each folder is then imported into a fresh store as `docket import FOLDER` does it
// (readers on every core, one transaction per document in sorted order, the search indexes brought
// up to date at the end). The run also checks that
// Docket reads its own papers: every item, title, proposal, decision and attendee of the scratch
// store is looked for in each imported store, and whatever was not read back is named
// (document, format, item, what was expected and what was found).
//
// Each measured phase (text import, DOCX import, bare C insert) runs in a process of its own, so
// its peak memory (getrusage ru_maxrss) is its own and not the generator's.
import CSQLite
import DocketDocuments
import DocketInterchange
import DocketModel
import DocketStore
import BenchmarkSupport
import Foundation
import SQLite

// MARK: Options

let options = benchmarkOptions(usage: "ImportBenchmark [--documents N] [--corpus PATH] [--keep DIR]")
let documentCount = Int(options["documents"] ?? "200") ?? 200
let corpusPath = benchmarkCorpusPath(options)

// MARK: Measuring


/// CPU seconds (user and system, every thread) this process has used: beside the wall time, what a
/// phase cost whatever else the shared machine was doing.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func freshStorePath(_ path: String) throws -> String {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    _ = try Store(path: path)
    return path
}

// MARK: Phases, each in a process of its own

/// `--phase import --folder F --db D`: what `docket import F` does (DocumentBatch), in-process:
/// readers on every core, one writer storing each document in one transaction in sorted order,
/// FTS5's merge after a large batch, and the derived search index (Xapian) caught up at the end.
/// Prints seconds (all of it), peak MiB, documents, failed, items read, then the seconds of the
/// merge and of the catch-up, which are inside the first figure.
///
/// With `preread`, the documents are read before the clock starts and only the storing is timed
/// (`--phase store`): the store's write path alone, without the readers.
func importPhase(folder: String, database: String, preread: Bool = false) throws {
    let store = try Store(path: database)
    var documents = 0, failed = 0, itemsRead = 0, itemsCreated = 0
    var mergeSeconds = 0.0, catchUpSeconds = 0.0
    let importer = DocumentImporter(store: store)
    let files = try DocumentImporter.documents(in: [folder], recursive: false)
    let read = preread ? files.map { DocumentImporter.prepare($0, skipping: []) } : []
    let cpuStart = cpuSeconds()
    let elapsed = try seconds {
        let imported = try importer.importedDigests()
        let reading = OrderedReading(count: files.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            preread ? read[index] : DocumentImporter.prepare(files[index], skipping: imported)
        }
        // As `docket import` (DocumentBatch): one transaction a document, durable together at the end.
        try store.writingBatch {
            while let prepared = reading.next() {
                let result = importer.store(prepared)
                documents += 1
                itemsRead += result.itemsRead
                itemsCreated += result.itemsCreated
                if result.status == .failed {
                    failed += 1
                    FileHandle.standardError.write(Data("failed: \(prepared.url.lastPathComponent): \(result.failure ?? "")\n".utf8))
                }
            }
        }
        if itemsCreated >= Store.itemsWorthAMerge { mergeSeconds = try seconds { try store.mergeSearchIndex() } }
        catchUpSeconds = seconds {
            // `docket import` ignores a catch-up that cannot run now (the next search does it); said here.
            if !store.updateSearchIndex() { FileHandle.standardError.write(Data("the derived search index was not caught up\n".utf8)) }
        }
    }
    print(elapsed, peakRSS(), documents, failed, itemsRead, mergeSeconds, catchUpSeconds, cpuSeconds() - cpuStart)
}

/// `--phase bare --source S --db D`: the scratch store's bodies, meetings, case files and items,
/// read before the clock starts, inserted through the bare C API: one prepared statement per
/// table, one transaction, foreign keys on, the search index's triggers firing as in the store.
func barePhase(source: String, database: String, searchIndex: Bool) throws {
    // The store's connection is its own; the benchmark reads the scratch file through its own.
    var configuration = Database.Configuration()
    configuration.mustExist = true
    let scratch = try Database(path: source, configuration: configuration)
    let bodies = try scratch.fetchAll("SELECT id, slug, name, kind FROM body ORDER BY id")
    let meetings = try scratch.fetchAll("SELECT id, body_id, date, start_time, end_time, place, kind, status FROM meeting ORDER BY id")
    let items = try scratch.fetchAll("""
        SELECT meeting_id, body_id, series, sequence, year, position, section, kind, title, basis, case_text, proposal
        FROM agenda_item ORDER BY id
        """)

    let bare = BareConnection(path: database, flags: SQLITE_OPEN_READWRITE)
    let db = bare.handle
    let exec = bare.exec, prepare = { bare.prepare($0) }, text = bare.bind, step = bare.step
    // Without the search index: what the FTS5 triggers (the Norwegian tokenizer) cost of the ceiling.
    if !searchIndex { exec("DROP TRIGGER item_search_item_insert") }
    let cpuStart = cpuSeconds()
    let elapsed = try seconds {
        exec("PRAGMA foreign_keys = ON")
        exec("BEGIN IMMEDIATE")
        let insertBody = prepare("INSERT INTO body (slug, name, kind) VALUES (?, ?, ?)")
        let insertMeeting = prepare("INSERT INTO meeting (body_id, date, start_time, end_time, place, kind, status) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let insertCase = prepare("INSERT INTO case_file (title) VALUES (?)")
        let insertItem = prepare("""
            INSERT INTO agenda_item (meeting_id, case_id, body_id, series, sequence, year, position, section, kind, title, basis,
                case_text, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { [insertBody, insertMeeting, insertCase, insertItem].forEach { sqlite3_finalize($0) } }
        var bodyIDs: [Int64: Int64] = [:], meetingIDs: [Int64: Int64] = [:]
        for body in bodies {
            for (index, column) in ["slug", "name", "kind"].enumerated() { text(insertBody, Int32(index + 1), try body.decode(column)) }
            step(insertBody)
            bodyIDs[try body.decode("id")] = sqlite3_last_insert_rowid(db)
        }
        for meeting in meetings {
            sqlite3_bind_int64(insertMeeting, 1, bodyIDs[try meeting.decode("body_id")]!)
            for (index, column) in ["date", "start_time", "end_time", "place", "kind", "status"].enumerated() {
                text(insertMeeting, Int32(index + 2), try meeting.decode(column))
            }
            step(insertMeeting)
            meetingIDs[try meeting.decode("id")] = sqlite3_last_insert_rowid(db)
        }
        for item in items {
            let title: String = try item.decode("title")
            text(insertCase, 1, title)
            step(insertCase)
            sqlite3_bind_int64(insertItem, 1, meetingIDs[try item.decode("meeting_id")]!)
            sqlite3_bind_int64(insertItem, 2, sqlite3_last_insert_rowid(db))
            sqlite3_bind_int64(insertItem, 3, bodyIDs[try item.decode("body_id")]!)
            text(insertItem, 4, try item.decode("series"))
            sqlite3_bind_int64(insertItem, 5, try item.decode("sequence"))
            sqlite3_bind_int64(insertItem, 6, try item.decode("year"))
            sqlite3_bind_int64(insertItem, 7, try item.decode("position"))
            for (index, column) in ["section", "kind", "title", "basis", "case_text", "proposal"].enumerated() {
                text(insertItem, Int32(index + 8), try item.decode(column))
            }
            step(insertItem)
        }
        exec("COMMIT")
    }
    print(elapsed, peakRSS(), meetings.count, 0, items.count, cpuSeconds() - cpuStart)
}

/// Tables whose rows the schema's triggers write (the search index's, the change log, the row
/// stamps) or a migration fills: the bare copy leaves them to the triggers, as the store does.
let derivedTables: Set<String> = ["row_stamp", "search_change", "search_index_identity", "sqlite_sequence", "schema_migrations"]

/// `--phase copy --source S --db D`: the same rows an import stored (every table of the imported
/// store S: bodies, people, meetings, case files, items, decisions, votes, attendance, references,
/// the documents' bytes and their records), read before the clock starts and inserted through the
/// bare C API into a fresh store with the same schema: one prepared statement per table, all
/// columns bound as stored (ids too), one transaction, foreign keys on, every trigger firing (the
/// FTS5 index, the search change log, the row stamps, the approved-minutes guards). Tables in
/// foreign-key order. What it leaves out: reading the documents, finding what is already there,
/// one transaction a document, and the derived index's catch-up.
func copyPhase(source: String, database: String) throws {
    let bare = BareConnection(path: database, flags: SQLITE_OPEN_READWRITE)
    let db = bare.handle
    func strings(_ sql: String, on handle: OpaquePointer) -> [String] {
        var statement: OpaquePointer?
        precondition(sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, String(cString: sqlite3_errmsg(handle)))
        defer { sqlite3_finalize(statement) }
        var values: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW { values.append(String(cString: sqlite3_column_text(statement, 0))) }
        return values
    }
    let reader = BareConnection(path: source, flags: SQLITE_OPEN_READONLY)
    // The store's own tables, not FTS5's shadow tables (item_search_*), nor those the triggers write.
    let tables = strings("""
        SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'item_search%'
        ORDER BY name
        """, on: reader.handle).filter { !derivedTables.contains($0) }
    var parents: [String: Set<String>] = [:]
    for table in tables {
        parents[table] = Set(strings("SELECT \"table\" FROM pragma_foreign_key_list('\(table)')", on: reader.handle)).subtracting([table])
    }
    var ordered: [String] = []
    while ordered.count < tables.count {
        let ready = tables.filter { !ordered.contains($0) && parents[$0]!.isSubset(of: ordered) }
        precondition(!ready.isEmpty, "a cycle of foreign keys among \(tables)")
        ordered += ready
    }
    // Every row of each table, as SQLite values, read before the clock starts.
    var rows: [(table: String, columns: [String], values: [[DatabaseValue]])] = []
    var configuration = Database.Configuration()
    configuration.mustExist = true
    let scratch = try Database(path: source, configuration: configuration)
    var itemCount = 0, meetingCount = 0
    for table in ordered {
        let columns = strings("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid", on: reader.handle)
        // In the order stored: by rowid, or by primary key for a WITHOUT ROWID table.
        let withoutRowID = !strings("SELECT 1 FROM pragma_table_list WHERE name = '\(table)' AND wr = 1", on: reader.handle).isEmpty
        let values = try scratch.fetchAll("SELECT * FROM \"\(table)\"" + (withoutRowID ? "" : " ORDER BY rowid"))
            .map { row in (0..<columns.count).map { row[$0] } }
        if table == "agenda_item" { itemCount = values.count }
        if table == "meeting" { meetingCount = values.count }
        if !values.isEmpty { rows.append((table, columns, values)) }
    }
    let cpuStart = cpuSeconds()
    let elapsed = seconds {
        bare.exec("PRAGMA foreign_keys = ON")
        bare.exec("BEGIN IMMEDIATE")
        // Each item's search row written once, after its decision, as the store's import does
        // (migration 0015): the fastest way this schema offers a bare writer too.
        bare.exec("INSERT INTO item_search_deferral (id) VALUES (1)")
        for (table, columns, values) in rows {
            let insert = bare.prepare("INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
            for row in values {
                for (index, value) in row.enumerated() {
                    let position = Int32(index + 1)
                    switch value {
                    case .null: sqlite3_bind_null(insert, position)
                    case let .integer(number): sqlite3_bind_int64(insert, position, number)
                    case let .real(number): sqlite3_bind_double(insert, position, number)
                    case let .text(text): bare.bind(insert, position, text)
                    case let .blob(data): _ = data.withUnsafeBytes { sqlite3_bind_blob(insert, position, $0.baseAddress, Int32($0.count), sqliteTransient) }
                    }
                }
                bare.step(insert)
            }
            sqlite3_finalize(insert)
        }
        bare.exec("""
            DELETE FROM item_search_deferral;
            DELETE FROM item_search WHERE rowid IN (SELECT item_id FROM item_search_pending);
            INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
            SELECT i.id, i.title, i.case_text, i.proposal, d.text, d.remarks
            FROM item_search_pending p JOIN agenda_item i ON i.id = p.item_id LEFT JOIN decision d ON d.item_id = i.id ORDER BY i.id;
            DELETE FROM item_search_pending;
            """)
        bare.exec("COMMIT")
    }
    _ = db
    print(elapsed, peakRSS(), meetingCount, 0, itemCount, cpuSeconds() - cpuStart)
}

if let phase = options["phase"], let database = options["db"] {
    switch phase {
    case "import": try importPhase(folder: options["folder"]!, database: database)
    case "store": try importPhase(folder: options["folder"]!, database: database, preread: true)
    case "bare": try barePhase(source: options["source"]!, database: database, searchIndex: options["index"] != "no")
    case "copy": try copyPhase(source: options["source"]!, database: database)
    default: fatalError("unknown phase \(phase)")
    }
    exit(0)
}

struct PhaseResult {
    var seconds: Double
    var peakMiB: Double
    var documents: Int
    var failed: Int
    var items: Int
    /// Of `seconds`, the import's FTS5 merge and the derived search index's catch-up (imports only).
    var mergeSeconds = 0.0
    var catchUpSeconds = 0.0
    /// The 1-minute load average just before the phase ran (other work on the machine).
    var load = 0.0
    /// CPU seconds of the timed part, every thread of the phase's process.
    var cpuSeconds = 0.0
}

func loadAverage() -> Double {
    Double((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first ?? "") ?? 0
}

func runPhase(_ arguments: [String]) throws -> PhaseResult {
    let load = loadAverage()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard process.terminationStatus == 0, [6, 8].contains(numbers.count) else { fatalError("the phase \(arguments) failed: \(text)") }
    var result = PhaseResult(seconds: numbers[0], peakMiB: numbers[1], documents: Int(numbers[2]), failed: Int(numbers[3]), items: Int(numbers[4]))
    if numbers.count == 8 { (result.mergeSeconds, result.catchUpSeconds) = (numbers[5], numbers[6]) }
    result.cpuSeconds = numbers.last!
    result.load = load
    return result
}

// MARK: Deterministic text from the corpus


// MARK: The synthetic meetings, in a scratch store

let bodyNames: [(slug: String, name: String, kind: BodyKind, series: Series?)] = [
    ("formannskapet", "Formannskapet", .committee, .political),
    ("kommunestyret", "Kommunestyret", .committee, .political),
    ("hovedutvalg-oppvekst", "Hovedutvalg for oppvekst og kultur", .committee, .political),
    ("hovedutvalg-plan", "Hovedutvalg plan næring og miljø", .committee, .political),
    ("eldreradet", "Eldrerådet", .council, .political),
    ("kontrollutvalget", "Kontrollutvalget", .committee, .political),
    ("styringsgruppen", "Digi Fjordanes styringsgruppe", .steeringGroup, nil),
    ("faggruppe-helse", "Faggruppe for helse og velferd", .expertGroup, nil),
]
let firstNames = ["Anne", "Per", "Kari", "Ola", "Ingrid", "Lars", "Marit", "Knut", "Solveig", "Bjørn", "Hilde", "Tor", "Randi",
                  "Geir", "Liv", "Arne", "Turid", "Odd", "Sigrid", "Jon", "Åse", "Øystein", "Berit", "Håkon"]
let lastNames = ["Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Lie", "Strand", "Moen", "Sæther", "Bakken",
                 "Vik", "Nilsen", "Lunde", "Aasen", "Kristiansen", "Solberg", "Myhre", "Hagen", "Ødegård", "Brekke"]
let places = ["Rådhuset, formannskapssalen", "Kommunestyresalen", "Teams", "Kulturhuset, møterom 2", "Quality Hotel Residence / Rådhuset"]

struct Generated {
    var meetings: [MeetingReference] = []
    var items = 0
    var decisions = 0
    var attendees = 0
}

/// Builds `count` held meetings with decisions and attendance in the store at `path`.
func buildMeetings(_ count: Int, vocabulary: Vocabulary, path: String) throws -> Generated {
    let store = try Store(path: path)
    var random = SplitMix64(state: 0xD0C_8E7)
    var generated = Generated()
    var names = Set<String>()
    func personName() -> String {
        while true {
            let name = "\(firstNames.randomElement(using: &random)!) \(lastNames.randomElement(using: &random)!)"
            if names.insert(name).inserted { return name }
        }
    }
    try store.write {
        var members: [String: (voting: [String], deputies: [String], secretary: String)] = [:]
        for body in bodyNames {
            try store.addBody(slug: body.slug, BodyDraft(name: body.name, kind: body.kind, defaultSeries: body.series), standingItems: [])
            let voting = (0..<7).map { _ in personName() }
            let deputies = (0..<3).map { _ in personName() }
            let secretary = personName()
            for (index, name) in voting.enumerated() {
                try store.addMember(name: name, bodySlug: body.slug, role: index == 0 ? .chair : index == 1 ? .deputyChair : .member, organisation: nil)
            }
            for name in deputies { try store.addMember(name: name, bodySlug: body.slug, role: .deputy, organisation: nil) }
            try store.addMember(name: secretary, bodySlug: body.slug, role: .secretary, organisation: nil)
            members[body.slug] = (voting, deputies, secretary)
        }
        // One meeting a working day in turn across the bodies, so every meeting has a date of its own.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.date(from: DateComponents(year: 2012, month: 1, day: 9))!
        for index in 0..<count {
            while calendar.component(.weekday, from: day) == 1 || calendar.component(.weekday, from: day) == 7 {
                day = calendar.date(byAdding: .day, value: 1, to: day)!
            }
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            day = calendar.date(byAdding: .day, value: 2, to: day)!
            let body = bodyNames[index % bodyNames.count]
            let people = members[body.slug]!
            let startHour = [9, 10, 13, 18].randomElement(using: &random)!
            let meeting = try store.createMeeting(
                bodySlug: body.slug, date: date,
                MeetingDraft(start: TimeOfDay(hour: startHour, minute: 0), end: TimeOfDay(hour: startHour + Int.random(in: 1...4, using: &random), minute: 30),
                             place: places.randomElement(using: &random)!, minuteTaker: people.secretary),
                withStandingItems: false)
            generated.meetings.append(meeting.reference)
            for _ in 0..<Int.random(in: 8...15, using: &random) {
                let roll = Int.random(in: 0..<100, using: &random)
                let kind: ItemKind = roll < 60 ? .decision : roll < 85 ? .information : .discussion
                let caseText = (0..<Int.random(in: 1...3, using: &random)).map { _ in vocabulary.paragraph(&random) }.joined(separator: "\n\n")
                let item = try store.addItem(to: meeting.reference, ItemDraft(
                    title: vocabulary.sentence(3...9, &random, title: true), kind: kind, basis: ["Notat", "Saksframlegg", nil].randomElement(using: &random)!,
                    caseText: caseText, proposal: vocabulary.sentence(8...25, &random)))
                generated.items += 1
                let decision: DecisionDraft
                switch (kind, Int.random(in: 0..<100, using: &random)) {
                case (.information, 0..<75), (.discussion, 0..<75):
                    // As minutes word it: the item is taken note of.
                    let phrase = ["Saken tas til orientering.", "\(body.name) tar saken til orientering.",
                                  "Orienteringen tas til etterretning."].randomElement(using: &random)!
                    decision = DecisionDraft(text: Bool.random(using: &random) ? phrase : vocabulary.sentence(5...12, &random) + " " + phrase,
                                             outcome: .noted, tally: nil)
                case (.information, _), (.discussion, _):
                    // Noted with a text of its own that does not say so: the minutes print no outcome
                    // for "noted" and no item kind, so only the wording can tell (see the report).
                    decision = DecisionDraft(text: vocabulary.sentence(5...12, &random), outcome: .noted, tally: nil)
                case (_, 0..<55):
                    decision = DecisionDraft(text: nil, outcome: .adopted, tally: .unanimous)
                case (_, 55..<75):
                    let against = Int.random(in: 1...3, using: &random)
                    decision = DecisionDraft(text: nil, outcome: .adopted, tally: .counted(for: 7 - against, against: against, abstaining: 0))
                case (_, 75..<90):
                    decision = DecisionDraft(text: vocabulary.sentence(10...30, &random), outcome: .amended, tally: .unanimous,
                                             remarks: vocabulary.sentence(8...20, &random))
                default:
                    decision = DecisionDraft(text: nil, outcome: .rejected, tally: .counted(for: 2, against: 5, abstaining: 0))
                }
                try store.recordDecision(item.reference, decision)
                generated.decisions += 1
            }
            // Everyone present but one or two with apologies, one of them replaced by a deputy; the secretary attends.
            var present = people.voting
            let absent = (0..<Int.random(in: 1...2, using: &random)).map { _ in present.remove(at: Int.random(in: 1..<present.count, using: &random)) }
            let substitute = people.deputies.randomElement(using: &random)!
            try store.recordAttendance(meeting: meeting.reference, present: present + [people.secretary], apologies: absent,
                                       substitutes: [(substitute, absent[0])])
            generated.attendees += present.count + 1 + absent.count + 1
        }
    }
    return generated
}

// MARK: Does Docket read its own papers?

struct ReadBack {
    var meetingsFound = 0
    var bodyNamesRight = 0
    var items = 0
    var numbersFound = 0
    var titlesRight = 0
    var proposalsRight = 0
    var decisionsRight = 0
    var attendeesRight = 0
    var attendees = 0
    /// Read, though the minutes have no such item or attendee.
    var extraItems = 0
    var extraAttendees = 0
    /// Examples of what was not read back as written, up to three of each kind, in the order found.
    var problems: [(kind: String, text: String)] = []
    /// Decisions not read back as written, by what differed.
    var decisionMismatches: [String: Int] = [:]

    mutating func problem(_ kind: String, _ text: String) {
        if problems.filter({ $0.kind == kind }).count < 3 { problems.append((kind, text)) }
    }
}

func normalised(_ text: String?) -> String {
    (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Compares every meeting of the scratch store with what the import of its rendered minutes stored.
func compare(source: Store, imported: Store, fileNames: [MeetingReference: String], format: String) throws -> ReadBack {
    var result = ReadBack()
    let importedMeetings = Dictionary(grouping: try imported.meetings(), by: \.date)
    for sourceMeeting in try source.meetings() {
        let file = "\(fileNames[sourceMeeting.reference] ?? sourceMeeting.reference.description).\(format)"
        let sourceItems = try source.items(meeting: sourceMeeting.reference)
        let sourceAttendance = try source.attendance(meeting: sourceMeeting.reference)
        result.items += sourceItems.count
        result.attendees += sourceAttendance.count
        guard let meeting = importedMeetings[sourceMeeting.date]?.first else {
            result.problem("meeting", "\(file): no meeting on \(sourceMeeting.date) was stored")
            continue
        }
        result.meetingsFound += 1
        if meeting.bodyName == sourceMeeting.bodyName { result.bodyNamesRight += 1 } else {
            result.problem("body", "\(file): body '\(meeting.bodyName)', expected '\(sourceMeeting.bodyName)'")
        }
        let items = Dictionary(try imported.items(meeting: meeting.reference).map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for sourceItem in sourceItems {
            guard let item = items[sourceItem.number] else {
                result.problem("item", "\(file): item \(sourceItem.number) '\(sourceItem.title)' not read (read: \(items.keys.sorted().map(\.description).joined(separator: ", ")))")
                continue
            }
            result.numbersFound += 1
            if item.title == sourceItem.title { result.titlesRight += 1 } else {
                result.problem("title", "\(file): \(sourceItem.number) title '\(item.title)', expected '\(sourceItem.title)'")
            }
            let expected = try source.decision(itemID: sourceItem.id), found = try imported.decision(itemID: item.id)
            // The minutes print the proposal only beside a decision that differs from it, or where
            // no decision text is printed (RenderContext); a decision taken as proposed prints it as the decision.
            let decidedText = expected?.text ?? (expected.map { [.adopted, .noted].contains($0.outcome) } == true ? sourceItem.proposal : nil)
            let printsProposal = sourceItem.proposal != nil
                && (decidedText == nil || (expected?.text != nil && normalised(expected?.text) != normalised(sourceItem.proposal)))
            let expectedProposal = printsProposal ? sourceItem.proposal : nil
            if normalised(item.proposal) == normalised(expectedProposal) { result.proposalsRight += 1 } else {
                result.problem("proposal", "\(file): \(sourceItem.number) proposal '\(item.proposal ?? "nil")', expected '\(expectedProposal ?? "nil")'")
            }
            let expectedText = normalised(expected?.text ?? sourceItem.proposal), foundText = normalised(found?.text ?? item.proposal)
            if let expected, let found, expected.outcome == found.outcome, expected.tally == found.tally, expectedText == foundText {
                result.decisionsRight += 1
            } else {
                let kind = "outcome \(expected.map { "\($0.outcome)" } ?? "none") read as \(found.map { "\($0.outcome)" } ?? "none")"
                    + (expected?.tally == found?.tally ? "" : ", vote differs") + (expectedText == foundText ? "" : ", text differs")
                result.decisionMismatches[kind, default: 0] += 1
                result.problem(kind, "\(file): \(sourceItem.number) decision \(found.map { "\($0.outcome) \($0.tally.map { "\($0)" } ?? "no vote") '\(foundText)'" } ?? "none"), expected \(expected.map { "\($0.outcome) \($0.tally.map { "\($0)" } ?? "no vote") '\(expectedText)'" } ?? "none")")
            }
        }
        for number in items.keys where !sourceItems.contains(where: { $0.number == number }) {
            result.extraItems += 1
            result.problem("extra item", "\(file): item \(number) '\(items[number]!.title)' read, but the minutes have no such item")
        }
        let readAttendance = try imported.attendance(meeting: meeting.reference)
        let found = Set(readAttendance.map { "\($0.person)|\($0.status)|\($0.substituteFor ?? "")" })
        for entry in readAttendance where !sourceAttendance.contains(where: { $0.person == entry.person }) {
            result.extraAttendees += 1
            result.problem("extra attendee", "\(file): '\(entry.person)' (\(entry.status)) read as attending, but is no attendee")
        }
        for entry in sourceAttendance {
            if found.contains("\(entry.person)|\(entry.status)|\(entry.substituteFor ?? "")") { result.attendeesRight += 1 } else {
                result.problem("attendance", "\(file): attendee \(entry.person) (\(entry.status)\(entry.substituteFor.map { " for \($0)" } ?? "")) not read back so")
            }
        }
    }
    return result
}

// MARK: The run

let folder = FileManager.default.temporaryDirectory.appending(path: "docket-import-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let vocabulary = Vocabulary(corpus: corpusPath)
print("ImportBenchmark: \(documentCount) meetings' minutes; vocabulary of \(vocabulary.words.count) words from \(vocabulary.documents) documents in \(corpusPath)")

let sourcePath = try freshStorePath(folder.appending(path: "source.sqlite").path)
var generated = Generated()
let buildSeconds = try seconds { generated = try buildMeetings(documentCount, vocabulary: vocabulary, path: sourcePath) }
let source = try Store(path: sourcePath)

let textFolder = folder.appending(path: "txt"), wordFolder = folder.appending(path: "docx")
for output in [textFolder, wordFolder] { try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true) }
let renderer = DocumentRenderer()
var fileNames: [MeetingReference: String] = [:]
var bytes: [DocumentFormat: Int] = [.text: 0, .docx: 0]
var renderSeconds: [DocumentFormat: Double] = [.text: 0, .docx: 0]
for (index, reference) in generated.meetings.enumerated() {
    let papers = try MeetingPapers(store: source, meeting: reference)
    let name = String(format: "%05d-", index + 1) + reference.description.replacingOccurrences(of: "@", with: "-")
    fileNames[reference] = name
    for (format, output) in [(DocumentFormat.text, textFolder), (.docx, wordFolder)] {
        var data = Data()
        renderSeconds[format]! += try seconds { data = try renderer.render(.minutes, of: papers, as: format) }
        try data.write(to: output.appending(path: "\(name).\(format.fileExtension)"))
        bytes[format]! += data.count
    }
}
if let keep = options["keep"] {
    try? FileManager.default.removeItem(atPath: keep)
    try FileManager.default.copyItem(at: folder, to: URL(fileURLWithPath: keep))
    print("documents and scratch store kept in \(keep)")
}
print(String(format: "built %d meetings, %d items, %d decisions, %d attendance entries in %.1f s; rendered minutes: .txt %.1f MiB in %.1f s, .docx %.1f MiB in %.1f s",
             generated.meetings.count, generated.items, generated.decisions, generated.attendees, buildSeconds,
             Double(bytes[.text]!) / 1_048_576, renderSeconds[.text]!, Double(bytes[.docx]!) / 1_048_576, renderSeconds[.docx]!))

var rows: [(String, PhaseResult, ReadBack?)] = []
var textDatabase = ""
for (label, output) in [("text (.txt)", textFolder), ("Word (.docx)", wordFolder)] {
    let database = try freshStorePath(folder.appending(path: "\(output.lastPathComponent).sqlite").path)
    if output == textFolder { textDatabase = database }
    let result = try runPhase(["--phase", "import", "--folder", output.path, "--db", database])
    let readBack = try compare(source: source, imported: try Store(path: database), fileNames: fileNames, format: output.lastPathComponent)
    rows.append((label, result, readBack))
}
let storeOnly = try runPhase(["--phase", "store", "--folder", textFolder.path,
                              "--db", try freshStorePath(folder.appending(path: "store-only.sqlite").path)])
rows.append(("store, .txt read", storeOnly, nil))
// The ceiling: the rows the text import stored, inserted again through the bare C API.
let bare = try runPhase(["--phase", "copy", "--source", textDatabase, "--db", try freshStorePath(folder.appending(path: "bare.sqlite").path)])
rows.append(("bare C, same rows", bare, nil))
let bareItems = try runPhase(["--phase", "bare", "--source", sourcePath, "--db", try freshStorePath(folder.appending(path: "bare-items.sqlite").path)])
rows.append(("bare C, items", bareItems, nil))
let bareWithoutIndex = try runPhase(["--phase", "bare", "--index", "no", "--source", sourcePath,
                                     "--db", try freshStorePath(folder.appending(path: "bare-no-index.sqlite").path)])
rows.append(("bare, no FTS5", bareWithoutIndex, nil))

func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.1f %%", 100 * Double(part) / Double(whole)) }
print("")
print("phase            docs  failed   items      s  CPU s     docs/s    items/s  vs bare  load  peak RSS MiB  items read  titles   proposals  decisions  attendance")
for (label, result, readBack) in rows {
    let itemRate = Double(result.items) / result.seconds
    var line = label.padding(toLength: 15, withPad: " ", startingAt: 0)
    line += String(format: " %5d %7d %7d %6.2f %6.2f %10.1f %10.0f %8.3f %5.1f %13.1f", result.documents, result.failed, result.items, result.seconds,
                   result.cpuSeconds, Double(result.documents) / result.seconds, itemRate, itemRate / (Double(bare.items) / bare.seconds), result.load, result.peakMiB)
    if let readBack {
        line += "  " + [share(readBack.numbersFound, readBack.items), share(readBack.titlesRight, readBack.items),
                        share(readBack.proposalsRight, readBack.items), share(readBack.decisionsRight, readBack.items),
                        share(readBack.attendeesRight, readBack.attendees)]
            .map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined(separator: " ")
    }
    print(line)
}
print("""

docs/s, items/s: per second of wall time; items counted as read from the documents (imports) or as agenda_item rows.
text, Word: what `docket import FOLDER` does: readers on every core, one writer storing each document in one transaction in
sorted order (read, SHA-256, meeting, items, decisions, votes, attendance, the source kept as an attachment), FTS5's merge
after 1 000 new items, and the derived search index (Xapian) caught up at the end; the commits made durable together at the batch's end
(Store.writingBatch: synchronous NORMAL, sub-journals in memory, a checkpoint at the end), each item's search row written
once after its parts (migration 0015). "store, .txt read": the same import with the documents read before the clock
starts: the store's write path alone.
bare C, same rows (the ceiling, "vs bare"): every row the text import stored (every table but those the triggers write),
read before the clock starts and inserted again through sqlite3_prepare/bind/step into a fresh store of the same schema,
ids as stored, one prepared statement per table, one transaction, foreign keys on, every trigger firing (FTS5 index,
search change log, row stamps, approved-minutes guards), the search rows deferred and written once at the end as the
import does (migration 0015). It leaves out reading the documents, looking up what is there,
one transaction per document, and the derived index's catch-up (reported apart below). "docs" there are meetings.
bare C, items: the previous ceiling: bodies, meetings, one case file and one agenda item per item (no decisions, votes,
attendance, references or attachments). "bare, no FTS5": the same with the FTS5 insert trigger dropped.
CPU s: user and system CPU seconds of the timed part, all threads of the phase's process (readers included): what the
phase cost however busy the machine was. load: the 1-minute load average just before the phase (the machine is shared). Peak RSS: getrusage ru_maxrss of the
phase's own process. Read back: the share of the scratch store's items found under
the same number in the imported store, and of those with the same title, proposal (as the minutes print it: beside a
decision that differs from it, or alone) and decision (outcome, vote, text; whitespace folded), and of attendance
entries (person, status, substitute for whom).
""")
let textImport = rows[0].1
let ceilingRate = Double(bare.items) / bare.seconds
print(String(format: "docket import (.txt) vs the bare C insert of the same rows: %.3f (goal ≥ 0.5); without the derived index's catch-up: %.3f; by CPU seconds: %.3f",
             Double(textImport.items) / textImport.seconds / ceilingRate,
             Double(textImport.items) / (textImport.seconds - textImport.catchUpSeconds) / ceilingRate,
             bare.cpuSeconds / textImport.cpuSeconds))
for (label, result, _) in rows where result.catchUpSeconds > 0 {
    print(label + String(format: ": of %.2f s, FTS5 merge %.2f s (%.1f %%), derived search index catch-up %.2f s (%.1f %%)", result.seconds,
                 result.mergeSeconds, 100 * result.mergeSeconds / result.seconds, result.catchUpSeconds, 100 * result.catchUpSeconds / result.seconds))
}
print("load average at the end: " + ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"))
for (label, _, readBack) in rows {
    guard let readBack else { continue }
    print("\(label): \(readBack.extraItems) items and \(readBack.extraAttendees) attendees read that the minutes do not have")
    if readBack.meetingsFound != generated.meetings.count || readBack.bodyNamesRight != generated.meetings.count {
        print("\(label): \(readBack.meetingsFound) of \(generated.meetings.count) meetings found, \(readBack.bodyNamesRight) with the body's name right")
    }
    for (kind, count) in readBack.decisionMismatches.sorted(by: { $0.value > $1.value }) {
        print("\(label): \(count) decisions: \(kind)")
    }
    if !readBack.problems.isEmpty {
        print("\(label): not read back as written (up to three examples of each kind):")
        for problem in readBack.problems { print("  \(problem.kind): \(problem.text)") }
    }
}
