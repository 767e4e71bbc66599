import DocketModel
import DocketStore
import Foundation
import Testing

/// `docket export`, `import`, `attach` and `attachment` as a secretary runs them, on the sample cooperation.
@Suite(.serialized) struct InterchangeCommandTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
    }

    /// The sample cooperation, built by its script through the binary, with attachments added.
    func sample() throws {
        try buildSampleCooperation(docket)
        try Data("%PDF-1.4\nSaksframlegg om velferdsteknologi æøå\n".utf8).write(to: dir.url.appending(path: "saksframlegg.pdf"))
        try Data("Innkalling\r\n".utf8).write(to: dir.url.appending(path: "innkalling.docx"))
        expectSuccess(try docket.run("attach", "styringsgruppen 6/25", dir.path("saksframlegg.pdf"), dir.path("innkalling.docx")))
        expectSuccess(try docket.run("attach", "--meeting", "styringsgruppen@2025-02-12", dir.path("innkalling.docx"), "--title", "Innkalling"))
    }

    func sqliteDump(_ path: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-readonly", path, ".dump"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // The search index's segments depend on the order rows were indexed in; what they index
        // is compared through item_search_content and item_search_docsize. The derived index's change
        // log and the store's identity (migration 0012) are bookkeeping of each file, not its content.
        // Row stamps (0014) are the times each file was written.
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("INSERT INTO item_search_data") && !$0.hasPrefix("INSERT INTO item_search_idx") }
            .filter { !$0.hasPrefix("INSERT INTO search_change") && !$0.hasPrefix("INSERT INTO search_index_identity")
                && !$0.hasPrefix("INSERT INTO row_stamp")
                && !$0.hasPrefix("INSERT INTO sqlite_sequence VALUES('search_change'") }
            .joined(separator: "\n")
    }

    /// The database and its WAL, byte for byte. A missing WAL and an empty one are the same
    /// database: a read-only connection (an export) leaves an empty -wal that the next writer removes.
    func fileBytes(_ path: String) throws -> [Data] {
        [path, path + "-wal"].map { FileManager.default.contents(atPath: $0) ?? Data() }
    }

    @Test func theSampleCooperationRoundTripsThroughJSONTableForTable() throws {
        try sample()
        let export = dir.path("arkiv.json")
        expectSuccess(try docket.run("export", "--format", "json", "-o", export))
        let copy = DocketProcess(database: dir.path("copy.sqlite"))
        expectSuccess(try copy.run("init"))
        let imported = try copy.run("import", export)
        expectSuccess(imported)
        #expect(imported.stdout.contains("stored_file: 2"))
        #expect(!imported.stdout.contains("Merging the search index"), "a small import leaves the index to FTS5's own merging")
        guard let original = try sqliteDump(docket.database), let copied = try sqliteDump(copy.database) else {
            Issue.record("scripts/setup installs what this test needs, but the sqlite3 shell is not installed (Debian: sqlite3)")
            return
        }
        #expect(original == copied)
        #expect(original.contains("INSERT INTO attachment"))
        let extracted = try copy.run("attachment", "extract", "saksframlegg.pdf", "-o", "-")
        #expect(extracted.stdout == "%PDF-1.4\nSaksframlegg om velferdsteknologi æøå\n")
        // Importing it again changes nothing and reports no conflict.
        let again = try copy.run("import", export)
        expectSuccess(again)
        #expect(again.stdout.contains("Imported 0 rows"))
        #expect(try sqliteDump(copy.database) == copied)
    }

    @Test func anImportOfAThousandItemsEndsWithTheSearchIndexMerged() throws {
        let store = try Store(path: docket.database)
        try store.write {
            _ = try store.addBody(slug: "arkivorgan", BodyDraft(name: "Arkivorganet", kind: .committee), standingItems: [])
            for month in 1...10 {
                let date = try #require(CalendarDate(year: 2019, month: month, day: 14))
                try store.createMeeting(bodySlug: "arkivorgan", date: date, withStandingItems: false)
                for number in 1...100 {
                    _ = try store.addItem(to: MeetingReference(bodySlug: "arkivorgan", date: date), ItemDraft(title: "Budsjettprinsipper \(month).\(number)", kind: .information,
                                                                            caseText: "Velferdsteknologi i kommunene, sak \(number)."))
                }
            }
        }
        let export = dir.path("stort.json")
        expectSuccess(try docket.run("export", "-o", export))
        let copy = DocketProcess(database: dir.path("stort.sqlite"))
        expectSuccess(try copy.run("init"))
        let imported = try copy.run("import", export)
        expectSuccess(imported)
        #expect(imported.stdout.contains("Merging the search index (1000 new items)"), "\(imported.stdout)")
        let copied = try Store(path: copy.database, mustExist: true)
        #expect(try copied.searchIndexSegmentCount() == 1)
        var filter = SearchFilter()
        filter.limit = 2000
        #expect(try copied.search("prinsipp", filter: filter).count == 1000)
    }

    @Test func attachmentsAreListedExtractedAndRemoved() throws {
        try sample()
        let list = try docket.run("attachment", "list", "styringsgruppen 6/25", "--json")
        expectSuccess(list)
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.map { $0["title"] as? String } == ["saksframlegg.pdf", "innkalling.docx"])
        #expect(entries?.first?["mediaType"] as? String == "application/pdf")
        let ambiguous = try docket.run("attachment", "extract", "Innkalling", "-o", dir.path("ut.docx"))
        expectSuccess(ambiguous)
        #expect(FileManager.default.contents(atPath: dir.path("ut.docx")) == Data("Innkalling\r\n".utf8))
        expectSuccess(try docket.run("attachment", "remove", "saksframlegg.pdf"))
        #expect(try docket.run("attachment", "list", "styringsgruppen 6/25").stdout.contains("saksframlegg.pdf") == false)
    }

    @Test func aBadFileIsReportedWithItsLineAndTheDatabaseIsUnchanged() throws {
        try sample()
        let export = dir.path("arkiv.json")
        expectSuccess(try docket.run("export", "-o", export))
        let good = try String(contentsOfFile: export, encoding: .utf8)
        let bad: [(String, String, String)] = [
            ("malformed.json", String(good.dropLast(40)), "not valid JSON"),
            ("version.json", good.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2"), "format version 2"),
            ("date.json", good.replacingOccurrences(of: "\"date\":\"2025-02-12\"", with: "\"date\":\"2025-02-29\""), "2025-02-29"),
            ("body.json", good.replacingOccurrences(of: "\"body\":\"fg-plan\"", with: "\"body\":\"fg-plann\""), "no body 'fg-plann'"),
            ("number.json", good.replacingOccurrences(of: "\"number\":\"7/2025\"", with: "\"number\":\"6/2025\""), "used twice"),
            ("items.csv", "title,kind\nEn sak,beslutning\nTo,\"uavsluttet\n", "never closed"),
        ]
        for (name, text, words) in bad {
            let path = dir.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let before = try fileBytes(docket.database)
            var arguments = ["import", path]
            if name.hasSuffix(".csv") { arguments += ["--meeting", "styringsgruppen@2025-04-09"] }
            let result = try docket.run(arguments)
            #expect(result.status != 0, "\(name) was accepted")
            #expect(result.stderr.contains(path + ":"), "\(name): \(result.stderr)")
            #expect(result.stderr.contains(words) && result.stderr.contains("expected"), "\(name): \(result.stderr)")
            #expect(try fileBytes(docket.database) == before, "\(name) changed the database")
        }
    }

    @Test func importingIntoAStoreThatDiffersReportsConflictsAndKeepsTheStoresRecords() throws {
        try sample()
        let export = dir.path("arkiv.json")
        expectSuccess(try docket.run("export", "-o", export))
        let other = DocketProcess(database: dir.path("other.sqlite"))
        expectSuccess(try other.run("init"))
        expectSuccess(try other.run("body", "add", "styringsgruppen", "--name", "Et annet navn", "--kind", "steering-group"))
        let result = try other.run("import", export, "--json")
        expectSuccess(result)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let conflicts = report?["conflicts"] as? [String] ?? []
        #expect(conflicts.contains { $0.contains("body 'styringsgruppen'") && $0.contains("name") }, "\(conflicts)")
        #expect(try other.run("body", "show", "styringsgruppen").stdout.contains("Et annet navn"))
        #expect(try other.run("item", "list", "styringsgruppen@2025-02-12").stdout.contains("Budsjettprinsipper 2026"))

        // --strict refuses the file whole when anything differs.
        let strict = DocketProcess(database: dir.path("strict.sqlite"))
        expectSuccess(try strict.run("init"))
        expectSuccess(try strict.run("body", "add", "styringsgruppen", "--name", "Et annet navn", "--kind", "steering-group"))
        let before = try fileBytes(strict.database)
        let refused = try strict.run("import", export, "--strict")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("differ from the store's"), "\(refused.stderr)")
        #expect(try fileBytes(strict.database) == before)
    }

    @Test func aDocumentWithoutAMeetingFailsAndStoresNothing() throws {
        expectSuccess(try docket.run("init"))
        try "Møteprotokoll".write(toFile: dir.path("protokoll.txt"), atomically: true, encoding: .utf8)
        let before = try fileBytes(docket.database)
        let result = try docket.run("import", dir.path("protokoll.txt"))
        #expect(result.status != 0)
        #expect(result.stdout.contains("protokoll.txt"))
        #expect(result.stdout.contains("1 failed"))
        #expect(try fileBytes(docket.database) == before)
    }

    @Test func csvAndCalendarExportsAndACSVListOfItems() throws {
        try sample()
        let csv = try docket.run("export", "--format", "csv", "--excel", "--public")
        expectSuccess(csv)
        #expect(csv.stdout.hasPrefix("\u{FEFF}body;number;meeting_date;title"))
        #expect(csv.stdout.contains("Forhandlinger om avtale") && !csv.stdout.contains("Forhandlingsposisjon"))
        let ics = try docket.run("export", "--format", "ics", "--body", "styringsgruppen", "--year", "2025")
        expectSuccess(ics)
        #expect(ics.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(ics.stdout.contains("DTSTART;TZID=Europe/Oslo:20250212T130000\r\n"))
        try "title;kind;proposal\nNy sak;beslutning;\"Forslag; med semikolon\"\n".write(toFile: dir.path("saker.csv"), atomically: true, encoding: .utf8)
        let imported = try docket.run("import", dir.path("saker.csv"), "--meeting", "styringsgruppen@2025-04-09")
        expectSuccess(imported)
        #expect(imported.stdout.contains("Ny sak"))
    }
}
