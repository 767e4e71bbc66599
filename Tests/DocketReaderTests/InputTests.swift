@testable import DocketReader
import DocketModel
import Foundation
import Testing
@preconcurrency import ZIPFoundation

@Suite struct TextDecodingTests {
    @Test func windows1252BytesAreDetectedAndDecoded() {
        // "Møte – «Sak 8/19»" in Windows-1252: ø = F8, en dash = 96, « = AB, » = BB.
        let bytes: [UInt8] = [0x4D, 0xF8, 0x74, 0x65, 0x20, 0x96, 0x20, 0xAB, 0x53, 0x61, 0x6B, 0x20, 0x38, 0x2F, 0x31, 0x39, 0xBB]
        let decoded = TextDecoding.decode(Data(bytes))
        let (text, encoding) = (decoded.text, decoded.encoding)
        #expect(encoding == .windows1252)
        #expect(text == "Møte – «Sak 8/19»")
    }

    @Test func latin1WithoutWindowsRangeIsLatin1() {
        let bytes: [UInt8] = [0x6B, 0x6F, 0x6D, 0x6D, 0x75, 0x6E, 0x65, 0x64, 0x69, 0x72, 0x65, 0x6B, 0x74, 0xF8, 0x72, 0x20, 0xC6, 0xD8, 0xC5]
        let decoded = TextDecoding.decode(Data(bytes))
        let (text, encoding) = (decoded.text, decoded.encoding)
        #expect(encoding == .latin1)
        #expect(text == "kommunedirektør ÆØÅ")
    }

    @Test func utf8WithBOMIsUTF8() {
        let decoded = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("Vedtak: enstemmig".utf8)))
        let (text, encoding) = (decoded.text, decoded.encoding)
        #expect(encoding == .utf8)
        #expect(text == "Vedtak: enstemmig")
    }

    /// One stray byte in a UTF-8 file is that byte's problem, not the whole file's: the letters stay
    /// letters (no "mÃ¸te"), the byte becomes U+FFFD and a warning names its line.
    @Test func aStrayByteInUTF8IsReplacedAndWarnedWithItsLine() throws {
        let text = "Møteprotokoll\nKommunestyret\nMøtedato: 13.05.2026\n\nPS 38/26 Tertialrapport for året\nVedtak\nRapporten tas til orientering.\n"
        var bytes = Array(text.utf8)
        let lineFive = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("Tertial".utf8)) })
        bytes.insert(0xFF, at: lineFive)
        let decoded = TextDecoding.decode(Data(bytes))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == text.replacingOccurrences(of: "Tertial", with: "\u{FFFD}Tertial"))
        #expect(decoded.replaced == [DecodedText.ReplacedByte(line: 5, byte: 0xFF)])

        let document = try DocumentReader().read(data: Data(bytes), format: .text)
        #expect(document.sourceEncoding == "utf-8")
        #expect(document.body == "Kommunestyret")
        #expect(!document.warnings.contains { $0.code == .legacyEncoding })
        let warning = try #require(document.warnings.first { $0.code == .invalidUTF8 })
        #expect(warning.line == 5)
        #expect(warning.message.contains("0xFF på linje 5"))
    }

    @Test func manyStrayBytesAreWarnedOfOneByOneThenCounted() throws {
        let line = Array("Møte i Styret, sak 1/26\n".utf8)
        let bytes = (0..<30).flatMap { _ in [UInt8(0xFF)] + line }
        let document = try DocumentReader().read(data: Data(bytes), format: .text)
        let warnings = document.warnings.filter { $0.code == .invalidUTF8 }
        #expect(warnings.count == DocumentReader.replacedBytesWarned + 1)
        #expect(warnings.last?.message.hasPrefix("10 bytes til") == true)
    }

    @Test func aLegacyFileReadsWithAWarning() throws {
        var bytes = Array("Innkalling til møte i Styret den 13.02.2019 kl. 12.00\n\nSak 1/19 Godkjenning av innkalling\n".utf8)
        bytes = bytes.flatMap { $0 == 0xC3 ? [UInt8]() : [$0] }.map { $0 == 0xB8 ? 0xF8 : $0 } // UTF-8 ø → Latin-1 ø
        let document = try DocumentReader().read(data: Data(bytes), format: .text)
        #expect(document.sourceEncoding == "iso-8859-1")
        #expect(document.body == "Styret")
        #expect(document.warnings.contains { $0.code == .legacyEncoding })
    }
}

@Suite struct DocxTests {
    static func docx(body: String) throws -> Data {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
        let archive = try Archive(data: Data(), accessMode: .create)
        let content = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(content.count),
                             compressionMethod: .deflate) { position, size in
            content.subdata(in: Int(position)..<Int(position) + size)
        }
        return try #require(archive.data)
    }

    static func paragraph(_ text: String, list: Bool = false) -> String {
        let properties = list ? "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
    }

    @Test func paragraphsBecomeLinesAndTablesTabSeparatedRows() throws {
        let body = Self.paragraph("Innkalling til møte i Styringsgruppen")
            + "<w:tbl>" + Self.row(["Nr", "Sak", "Saksunderlag", "Type sak"]) + Self.row(["1/26", "Godkjenning av dagsorden", "Dagsorden", "Beslutning"])
            + "</w:tbl>" + Self.paragraph("Referat", list: true)
        let text = try DocxText.text(from: try Self.docx(body: body))
        #expect(text == "Innkalling til møte i Styringsgruppen\nNr\tSak\tSaksunderlag\tType sak\n1/26\tGodkjenning av dagsorden\tDagsorden\tBeslutning\n- Referat\n")
    }

    @Test func aSummonsInWordReadsIntoItems() throws {
        let body = [
            Self.paragraph("Innkalling til møte i Styringsgruppen"),
            Self.paragraph("Det innkalles til møte den 27.01.2026 på Rådhuset kl. 12.00–14.00."),
            Self.paragraph("Dagsorden:"),
            "<w:tbl>", Self.row(["Nr", "Sak", "Saksunderlag", "Type sak"]),
            Self.row(["1/26", "Godkjenning av dagsorden", "Dagsorden", "Beslutning"]),
            Self.row(["2/26", "Budsjett 2027", "Notat", "Diskusjon"]), "</w:tbl>",
            Self.paragraph("Sak 1/26 – Godkjenning av dagsorden"),
            Self.paragraph("Forslag til vedtak:"),
            Self.paragraph("Dagsorden godkjennes."),
            Self.paragraph("Sak 2/26 – Budsjett 2027"),
            Self.paragraph("Se vedlagt notat."),
            Self.paragraph("Forslag til vedtak:"),
            Self.paragraph("Styringsgruppen tar diskusjonen til orientering."),
        ].joined()
        let document = try DocumentReader().read(data: try Self.docx(body: body), format: .docx)
        #expect(document.kind == .summons)
        #expect(document.body == "Styringsgruppen")
        #expect(document.meeting.date == CalendarDate(year: 2026, month: 1, day: 27))
        #expect(document.meeting.end == TimeOfDay(hour: 14, minute: 0))
        #expect(document.items.map(\.number.description) == ["1/26", "2/26"])
        #expect(document.items.map(\.kind) == [.decision, .discussion])
        #expect(document.items[0].proposal == "Dagsorden godkjennes.")
        #expect(document.items[1].caseText == "Se vedlagt notat.")
        #expect(document.warnings.filter { $0.code != .missingStartTime }.isEmpty, "\(document.warnings)")
    }

    @Test func aFileThatIsNotAZipIsAClearError() {
        #expect(throws: ReaderError.self) { try DocumentReader().read(data: Data("not a zip".utf8), format: .docx) }
    }
}

@Suite struct HTMLTests {
    @Test func tagsAreStrippedRowsTabbedEntitiesDecoded() {
        let html = """
        <html><head><title>x</title><style>p { color: red }</style></head><body>
        <h1>M&oslash;teprotokoll</h1><p>Kommunestyret</p>
        <table><tr><th>Saksnr</th><th>Innhold</th></tr><tr><td>PS 1/26</td><td>Budsjett &amp; &#248;konomiplan</td></tr></table>
        <ul><li>Vedlegg&nbsp;A</li></ul><script>var a = "<p>";</script>
        </body></html>
        """
        let text = HTMLText.text(from: html)
        #expect(text.contains("Møteprotokoll\nKommunestyret\n"))
        #expect(text.contains("Saksnr\tInnhold\nPS 1/26\tBudsjett & økonomiplan\n"))
        #expect(text.contains("- Vedlegg A"))
        #expect(!text.contains("color"))
        #expect(!text.contains("var a"))
    }

    @Test func aCommentNeverClosedHidesTheRestAsInABrowser() {
        #expect(HTMLText.text(from: "<p>Møteprotokoll</p><!-- <p>Sak 1/26</p>") == "Møteprotokoll\n")
        #expect(HTMLText.text(from: "<p>A</p><!-- x --><p>B</p><!-- y -->") == "A\nB\n")
        #expect(HTMLText.text(from: "<p>A</p><!-- a > b --><p>B</p>") == "A\nB\n")
    }

    @Test func minutesInHTMLReadIntoItems() throws {
        let html = """
        <h1>Møteprotokoll</h1><p>Formannskapet</p>
        <p>Møtedato: 13.05.2026</p><p>Tidspunkt: 12:00 - 15:00</p><p>Møtested: Rådhuset</p>
        <p>Følgende medlemmer møtte:</p>
        <table><tr><td>Navn</td><td>Funksjon</td><td>Repr.</td><td>Varamedlem for</td></tr>
        <tr><td>Kari Nordmann</td><td>Leder</td><td>H</td><td></td></tr>
        <tr><td>Ola Hansen</td><td>Varamedlem</td><td>AP</td><td>Per Olsen</td></tr></table>
        <p>Saksliste</p>
        <table><tr><td>Saksnr</td><td>Innhold</td></tr><tr><td>PS 38/26</td><td>Tertialrapport</td></tr></table>
        <p>PS 38/26 Tertialrapport</p><p>Behandling</p><p>Enstemmig vedtatt.</p><p>Vedtak</p><p>Rapporten tas til orientering.</p>
        """
        let document = try DocumentReader().read(data: Data(html.utf8), format: .html)
        #expect(document.kind == .minutes)
        #expect(document.body == "Formannskapet")
        #expect(document.meeting.start == TimeOfDay(hour: 12, minute: 0))
        #expect(document.attendance.count == 2)
        #expect(document.attendance.last?.substituteFor == "Per Olsen")
        let item = try #require(document.items.first)
        #expect(item.number == ItemNumber(series: .political, sequence: 38, year: 2026))
        #expect(item.decision == "Rapporten tas til orientering.")
        #expect(item.vote?.unanimous == true)
        #expect(item.outcome == .noted)
    }
}

@Suite struct PDFTests {
    @Test func aMissingPdftotextNamesTheDebianPackage() throws {
        let error = ReaderError.missingTool(name: "pdftotext", debianPackage: "poppler-utils")
        #expect(error.description.contains("poppler-utils"))
        guard PDFText.executable(named: "pdftotext") == nil else {
            print("pdftotext is installed; the missing-tool path is not exercised here")
            return
        }
        #expect(throws: ReaderError.missingTool(name: "pdftotext", debianPackage: "poppler-utils")) {
            try DocumentReader().read(data: Data("%PDF-1.4".utf8), format: .pdf)
        }
    }

    @Test func aPDFReadsThroughPdftotextWithPageFurnitureRemoved() throws {
        guard PDFText.executable(named: "pdftotext") != nil else {
            print("SKIPPED: pdftotext is not installed (Debian package poppler-utils)")
            return
        }
        let header = "Steinkjer kommune - Møteprotokoll Formannskap"
        let pages = [
            [header, "MØTEPROTOKOLL", "Formannskap", "Møtedato: 13.05.2026", "Tidspunkt: 12:00 - 15:00",
             "Møtested: Rådhuset", "", "PS 38/26 Tertialrapport første tertial", "Behandling", "Side 1 av 3"],
            [header, "Enstemmig vedtatt.", "Vedtak", "Rapporten tas til orientering.", "", "Side 2 av 3"],
            [header, "PS 39/26 Årsregnskap 2025", "Vedtak", "Regnskapet godkjennes.", "", "Side 3 av 3"],
        ]
        let document = try DocumentReader().read(data: PDFFixture.make(pages: pages), format: .pdf)
        #expect(document.kind == .minutes)
        #expect(document.body == "Formannskap")
        #expect(document.meeting.start == TimeOfDay(hour: 12, minute: 0))
        #expect(document.items.map(\.number.description) == ["PS 38/26", "PS 39/26"])
        #expect(document.items.first?.decision == "Rapporten tas til orientering.")
        #expect(document.items.first?.vote?.unanimous == true)
        #expect(document.items.last?.decision == "Regnskapet godkjennes.")
    }

    /// A page whose content stream is 40,000 bad operators: pdftotext writes megabytes of
    /// complaints before its text. The reader waited for the text while pdftotext waited for room
    /// to complain in: a hang, which the time limit turns into a failure.
    @Test(.timeLimit(.minutes(1))) func aPDFThatMakesPdftotextComplainAtLengthDoesNotHang() throws {
        guard PDFText.executable(named: "pdftotext") != nil else {
            Issue.record("pdftotext is not installed (Debian package poppler-utils)")
            return
        }
        let operators = (0..<40_000).map { "q Q zz\($0)\n" }.joined()
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length \(operators.utf8.count) >>\nstream\n\(operators)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let document = try DocumentReader().read(data: Data(pdf.utf8), format: .pdf)
        #expect(document.items.isEmpty)
        #expect(document.warnings.contains { $0.code == .noItems })
    }

    @Test func oldOfficeFilesAndBinaryDataAreClearErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let doc = folder.appendingPathComponent("innkalling.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]).write(to: doc)
        #expect(throws: ReaderError.unsupportedFormat(fileExtension: "doc",
                                                      advice: "convert it to .docx first (soffice --headless --convert-to docx FILE)")) {
            try DocumentReader().read(fileAt: doc)
        }
        #expect(throws: ReaderError.self) { try DocumentReader().read(data: Data([0x50, 0, 0x53, 0]), format: .text) }
        #expect(throws: ReaderError.fileNotFound(folder.appendingPathComponent("none.txt").path)) {
            try DocumentReader().read(fileAt: folder.appendingPathComponent("none.txt"))
        }
    }

    @Test func formatFollowsTheExtension() {
        #expect(DocumentFormat(fileExtension: "PDF") == .pdf)
        #expect(DocumentFormat(fileExtension: "docx") == .docx)
        #expect(DocumentFormat(fileExtension: "htm") == .html)
        #expect(DocumentFormat(fileExtension: "txt") == .text)
    }
}

@Suite struct LegacyCorpusTests {
    /// Minutes saved as Windows-1252 (as old archives hold them) read like the UTF-8 originals.
    @Test func corpusMinutesInWindows1252ReadTheSame() throws {
        guard let folder = Corpus.folder("minutes") else { return }
        for name in ["1231.txt", "1253.txt", "1273.txt"] {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            guard let legacy = text.data(using: .windowsCP1252, allowLossyConversion: true) else {
                print("SKIPPED: this Foundation cannot write Windows-1252")
                return
            }
            let original = DocumentReader().read(text: text)
            let decoded = try DocumentReader().read(data: legacy, format: .text)
            #expect(decoded.sourceEncoding == "windows-1252" || decoded.sourceEncoding == "iso-8859-1")
            #expect(decoded.items.map(\.number) == original.items.map(\.number), "\(name)")
            #expect(decoded.items.map(\.title) == original.items.map(\.title), "\(name)")
            #expect(decoded.body == original.body)
        }
    }
}
