import Foundation
import Testing

/// `docket import` of archive batches, run as a user would: bodies given by --body-map and --body,
/// dates from file names, scanned PDFs, the review report, and reading on several threads.
@Suite(.serialized) struct BatchImportTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
        #expect(try docket.run("init").status == 0)
        for (slug, name) in [("kommunestyret", "Kommunestyret"), ("formannskapet", "Formannskapet"), ("kontrollutvalget", "Kontrollutvalget")] {
            #expect(try docket.run("body", "add", slug, "--name", name, "--kind", "committee").status == 0)
        }
    }

    /// Minutes that name no body (the archive's folder says which), with items `numbers` of `year`;
    /// `date` is the "Møtedato" line's date, none when nil.
    static func minutes(date: String?, numbers: [Int], year: Int, secondTitle: String = "Budsjett for neste år") -> String {
        var lines = ["Møteprotokoll", ""]
        if let date { lines.append("Møtedato: \(date)") }
        lines += ["Møtested: Rådhuset", "", "Til stede: Kari Nordmann (leder), Ola Hansen", "", "Saksliste", ""]
        func title(_ index: Int) -> String { index == 1 ? secondTitle : "Godkjenning av innkalling og saksliste" }
        for (index, number) in numbers.enumerated() { lines.append("Sak \(number)/\(year % 100) \(title(index))") }
        lines.append("")
        for (index, number) in numbers.enumerated() {
            lines += ["Sak \(number)/\(year % 100) \(title(index))", "", "Forslag til vedtak:", "Forslag nummer \(number) vedtas slik rådmannen foreslår.",
                      "", "Vedtak:", "Forslag nummer \(number) vedtas.", ""]
        }
        return lines.joined(separator: "\n")
    }

    func write(_ text: String, to name: String) throws -> String {
        let path = dir.path(name)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func meetings(_ process: DocketProcess? = nil) throws -> Set<String> {
        let list = try JSONSerialization.jsonObject(with: Data(try (process ?? docket).run("meeting", "list", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        return Set(list.map { "\($0["body"] as? String ?? "")@\($0["date"] as? String ?? "")" })
    }

    func documents(_ result: DocketProcess.Result) throws -> [[String: Any]] {
        let output = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return output["documents"] as? [[String: Any]] ?? []
    }

    func warnings(_ document: [String: Any]) -> [(code: String, message: String)] {
        (document["warnings"] as? [[String: Any]] ?? []).map { ($0["code"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test func aBodyMapPutsEachFolderAndGlobInItsBodyWithAWarning() throws {
        _ = try write(Self.minutes(date: "15.12.2021", numbers: [1, 2], year: 2021), to: "arkiv/ks/2021/protokoll.txt")
        _ = try write(Self.minutes(date: "03.11.2021", numbers: [10, 11], year: 2021), to: "arkiv/diverse/fsk-protokoll.txt")
        _ = try write(Self.minutes(date: "01.10.2021", numbers: [20, 21], year: 2021), to: "arkiv/diverse/kontroll-protokoll.txt")
        let map = try write("# folder-or-glob = slug\n\nks = kommunestyret\narkiv/diverse/fsk-* = formannskapet\n*/kontroll-*.txt = kontrollutvalget\n",
                            to: "bodies.txt")
        let result = try docket.run("import", dir.path("arkiv"), "--recursive", "--body-map", map, "--json")
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(try meetings() == ["kommunestyret@2021-12-15", "formannskapet@2021-11-03", "kontrollutvalget@2021-10-01"])
        for document in try documents(result) {
            let given = warnings(document).filter { $0.code == "body_given" }
            #expect(given.count == 1, "\(document["file"] ?? "")")
            #expect(given.first?.message.contains("--body-map \(map):") == true, "\(given)")
        }
        let folderDocument = try #require(try documents(result).first { ($0["file"] as? String)?.hasSuffix("ks/2021/protokoll.txt") == true })
        #expect(warnings(folderDocument).contains { $0.message.contains("«kommunestyret» etter --body-map \(map):3") })

        // A line that is not 'pattern = slug', or names no body, is refused before anything is read.
        let before = try databaseBytes(docket.database)
        _ = try write(Self.minutes(date: "16.12.2021", numbers: [3], year: 2021), to: "arkiv/ks/ny.txt")
        let bad = try write("ks = kommunestyret\n\narkiv/diverse formannskapet\n", to: "bad.txt")
        let refused = try docket.run("import", dir.path("arkiv"), "--recursive", "--body-map", bad)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(bad):3") && refused.stderr.contains("expected 'folder-or-glob = slug'"), "\(refused.stderr)")
        let unknown = try write("ks = kommunestyret\nfsk-* = bystyret\n", to: "unknown.txt")
        let noBody = try docket.run("import", dir.path("arkiv"), "--recursive", "--body-map", unknown)
        #expect(noBody.status != 0)
        #expect(noBody.stderr.contains("\(unknown):2: no body 'bystyret'"), "\(noBody.stderr)")
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func bodyForAllAndDatesFromFileNamesWithWarnings() throws {
        _ = try write(Self.minutes(date: nil, numbers: [1, 2], year: 2021), to: "batch/ks_2021-12-15_protokoll.txt")
        _ = try write(Self.minutes(date: nil, numbers: [1, 2], year: 2022), to: "batch/protokoll 20220203.txt")
        _ = try write(Self.minutes(date: nil, numbers: [3, 4], year: 2022), to: "batch/Møtebok 15.03.2022.txt")
        _ = try write(Self.minutes(date: nil, numbers: [5, 6], year: 2023), to: "batch/møtebok uten dato.txt")
        _ = try write(Self.minutes(date: nil, numbers: [7], year: 2022), to: "batch/protokoll_2019.txt")
        _ = try write("Møteprotokoll\n\nMøtested: Rådhuset\n\nIngen saker til behandling.\n", to: "batch/notat.txt")
        let result = try docket.run("import", dir.path("batch"), "--body", "kommunestyret")
        #expect(result.status == 1, "one document has no date and no year anywhere")
        // Only a year known (the items' numbers', else the file name's): a placeholder day with a warning.
        #expect(try meetings() == ["kommunestyret@2021-12-15", "kommunestyret@2022-02-03", "kommunestyret@2022-03-15",
                                   "kommunestyret@2023-01-01", "kommunestyret@2019-01-01"])
        #expect(result.stdout.contains("5 imported, 0 unchanged, 1 failed"), "\(result.stdout)")
        #expect(result.stdout.contains("møtet er lagt på 2023-01-01 som plassholder, i året 2 av 2 saksnumre gir"), "\(result.stdout)")
        #expect(result.stdout.contains("møtet er lagt på 2019-01-01 som plassholder, i året filnavnet gir («2019» i protokoll_2019.txt)"), "\(result.stdout)")
        #expect(result.stdout.contains("møtet er lagt på 2022-02-03, etter filnavnet («20220203» i protokoll 20220203.txt)"), "\(result.stdout)")
        #expect(result.stdout.contains("møtet er lagt på 2022-03-15, etter filnavnet («15.03.2022»"))
        #expect(result.stdout.contains("dokumentet er lagt under «kommunestyret» etter --body"))
        #expect(result.stdout.contains("failed: \(dir.path("batch/notat.txt"))"))
        #expect(result.stdout.contains("in the file name (…2021-12-15…, …20211215…, …15.12.2021…)"))
    }

    /// A minutes document with a byte that is not UTF-8 on line 11 (a warning with its line) and a
    /// title that HTML and Markdown would take as markup.
    func reportedDocument() throws -> String {
        var data = Data(Self.minutes(date: "15.12.2021", numbers: [1, 2], year: 2021, secondTitle: "Budsjett <b>&amp; *plan* | 2022").utf8)
        let line11 = data.indices.filter { data[$0] == 0x0A }[9] + 1
        data.insert(0xFF, at: line11 + 4)
        let path = dir.path("report/ks-protokoll.txt")
        try FileManager.default.createDirectory(atPath: dir.path("report"), withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theReportShowsWhatWasReadAndEveryWarningEscapedInHTMLAndMarkdown() throws {
        let document = try reportedDocument()
        let html = dir.path("review.html"), markdown = dir.path("review.md")

        // The dry run writes the same report, and stores nothing.
        let before = try databaseBytes(docket.database)
        let dry = try docket.run("import", document, "--body", "kommunestyret", "--dry-run", "--report", markdown)
        #expect(dry.status == 0, "\(dry.stdout) \(dry.stderr)")
        #expect(try databaseBytes(docket.database) == before)
        let md = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(md.hasPrefix("# Import review (dry run: nothing stored)"))
        #expect(md.contains("## ks-protokoll.txt"))
        #expect(md.contains("- **Meeting:** kommunestyret@2021-12-15"))
        #expect(md.contains("| 2/21 | Budsjett \\<b\\>\\&amp; \\*plan\\* \\| 2022 | Forslag nummer 2 vedtas slik rådmannen foreslår. | Forslag nummer 2 vedtas. |"), "\(md)")
        #expect(md.contains("| Kari Nordmann | present | leder |"))
        #expect(md.contains("- line 11: `invalid_utf8` Byten 0xFF på linje 11"), "\(md)")
        #expect(md.contains("`body_given`"))
        #expect(md.contains("1 documents: 1 would be imported, 0 unchanged, 0 failed"))

        let result = try docket.run("import", document, "--body", "kommunestyret", "--report", html)
        #expect(result.status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(page.contains("<caption>Items (2)</caption>"))
        #expect(page.contains("<th scope=\"col\">Proposal starts</th>"))
        #expect(page.contains("<dt>Meeting</dt><dd>kommunestyret@2021-12-15</dd>"))
        #expect(page.contains("<td>2/21</td><td>Budsjett &lt;b&gt;&amp;amp; *plan* | 2022</td><td>Forslag nummer 2 vedtas slik rådmannen foreslår.</td><td>Forslag nummer 2 vedtas.</td>"), "\(page)")
        #expect(!page.contains("<b>"))
        #expect(page.contains("<li>line 11: <code>invalid_utf8</code> Byten 0xFF på linje 11"))
        #expect(page.contains("<td>Kari Nordmann</td><td>present</td>"))
        #expect(page.contains("1 documents: 1 imported, 0 unchanged, 0 failed") && page.hasSuffix("</html>\n"))

        // To standard output: the report there, the import's own lines on standard error.
        let again = try docket.run("import", document, "--body", "kommunestyret", "--report", "-")
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("# Import review\n") && again.stdout.contains("imported before; nothing changed"), "\(again.stdout)")
        #expect(again.stderr.contains("1 unchanged"))
    }

    @Test func aScannedPDFIsRecognisedWithItsConfidenceInAWarning() throws {
        for tool in ["weasyprint", "pdftoppm", "pdftotext", "tesseract"] {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/\(tool)"),
                         "scripts/setup installs \(tool) (scripts/apt-packages.txt); this test needs it")
        }
        let text = Self.minutes(date: "15.12.2021", numbers: [1, 2], year: 2021)
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        _ = try write("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 2cm }
            body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt } pre { font-family: inherit; white-space: pre-wrap }</style>
            </head><body><pre>\(escaped)</pre></body></html>
            """, to: "scan/page.html")
        // The page as a scanner gives it: an image, and a PDF that holds only that image.
        try run("/usr/bin/weasyprint", dir.path("scan/page.html"), dir.path("scan/page.pdf"))
        try run("/usr/bin/pdftoppm", "-r", "200", "-png", "-singlefile", dir.path("scan/page.pdf"), dir.path("scan/page"))
        _ = try write("""
            <!DOCTYPE html><html><head><style>@page { size: A4; margin: 0 } img { width: 210mm; height: 297mm; display: block }</style></head>
            <body><img src="page.png" alt=""></body></html>
            """, to: "scan/scan.html")
        let scanned = dir.path("protokoll-skannet.pdf")
        try run("/usr/bin/weasyprint", dir.path("scan/scan.html"), scanned)
        #expect(try run("/usr/bin/pdftotext", scanned, "-").allSatisfy(\.isWhitespace), "the scanned PDF must have no text layer")

        let result = try docket.run("import", scanned, "--body", "kommunestyret", "--json")
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let document = try #require(try documents(result).first)
        #expect(document["meeting"] as? String == "kommunestyret@2021-12-15")
        #expect(document["itemsRead"] as? Int == 2 || document["items_read"] as? Int == 2, "\(document)")
        let recognised = try #require(warnings(document).first { $0.code == "recognised_text" })
        let confidence = recognised.message.firstMatch(of: /sikkerhet (\d+) %/).flatMap { Int($0.1) }
        #expect(recognised.message.contains("gjenkjent med OCR (Tesseract)"))
        #expect((60...100).contains(confidence ?? -1), "\(recognised.message)")
        let show = try JSONSerialization.jsonObject(with: Data(try docket.run("meeting", "show", "kommunestyret@2021-12-15", "--json").stdout.utf8)) as? [String: Any]
        let titles = (show?["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == ["Godkjenning av innkalling og saksliste", "Budsjett for neste år"], "\(titles)")
    }

    @Test func twoReadersStoreTheSameDatabaseAsOne() throws {
        for index in 0..<6 {
            _ = try write(Self.minutes(date: "\(10 + index).11.2021", numbers: [2 * index + 1, 2 * index + 2], year: 2021),
                          to: "many/ks-\(index).txt")
        }
        _ = try write("Møteprotokoll\n\nMøtested: Rådhuset\n\nIngen saker til behandling.\n", to: "many/ks-uten-dato.txt")
        var dumps: [String] = []
        for jobs in ["1", "2"] {
            let copy = DocketProcess(database: dir.path("jobs-\(jobs).sqlite"))
            try FileManager.default.copyItem(atPath: docket.database, toPath: copy.database)
            let result = try copy.run("import", dir.path("many"), "--body", "kommunestyret", "--jobs", jobs)
            #expect(result.status == 1, "one document has no date and no year")
            #expect(result.stdout.contains("6 imported, 0 unchanged, 1 failed"), "\(result.stdout)")
            // row_stamp holds each file's own write times (OParl's created/modified), not what was read.
            let dump = try run("/usr/bin/sqlite3", copy.database, ".dump")
            dumps.append(dump.split(separator: "\n").filter { !$0.hasPrefix("INSERT INTO row_stamp") }.joined(separator: "\n"))
        }
        #expect(dumps[0] == dumps[1])
        #expect(dumps[0].contains("ks-5.txt"))
        #expect(try docket.run("import", dir.path("many"), "--jobs", "0").stderr.contains("--jobs"))
    }

    @discardableResult
    func run(_ tool: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
