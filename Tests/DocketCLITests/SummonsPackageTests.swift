import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// Issue 14, point 6: the summons as it is sent. The case papers flow on (a page per item only with
/// --page-per-item); `--format pdf` appends the items' PDF attachments in agenda order and lists the
/// rest by title; the PDF is tagged (PDF/UA-1) with the document's language; a body's letterhead
/// (logo.png and letterhead.txt in its template folder) heads its papers in HTML, PDF and Word.
@Suite(.serialized) struct SummonsPackageTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    /// A 60×20 blue PNG.
    static let logo = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAADwAAAAUCAIAAABeYcl+AAAAMklEQVR4nO3OAQkAQAgEMJOY6SMa1Rh/wmABVv3mnPo+kA4mLS0dQFpaOoC0tHSAk+kFFlDx3UeTwfoAAAAASUVORK5CYII=")!

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
        try SecretaryMeeting(docket: docket, dir: dir).build()
    }

    func write(_ arguments: String..., to name: String) throws -> String {
        let file = dir.path(name)
        let result = try docket.run(Array(arguments) + ["-o", file])
        #expect(result.status == 0, "\(result.stderr)")
        return file
    }

    func pdfInfo(_ file: String, meta: Bool = false) throws -> String {
        try runTool("/usr/bin/pdfinfo", (meta ? ["-meta"] : []) + [file])
    }

    func pageCount(_ file: String) throws -> Int {
        let info = try pdfInfo(file)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    @Test func thePDFSummonsCarriesItsPDFAttachmentsAtTheEndAndIsTaggedInItsLanguage() throws {
        let summons = try write("summons", SecretaryMeeting.meeting, "--format", "pdf", to: "innkalling.pdf")
        let attachment = try write("agenda", "styringsgruppen@2019-03-20", "--format", "pdf", to: "vedlegg.pdf")
        let text = try pdfText(summons)
        // The attachment (the March agenda, one page) follows the summons, after its last case paper:
        // it is the last page.
        #expect(try pageCount(attachment) == 1)
        let lastPaper = try #require(text.range(of: "Faggruppene opprettes."))
        let appended = try #require(text.range(of: "Dagsorden for møte i Digi Rogalands styringsgruppe"), "\(text)")
        #expect(lastPaper.upperBound < appended.lowerBound)
        let pages = try pageCount(summons)
        let lastPage = try runTool("/usr/bin/pdftotext", ["-f", "\(pages)", "-l", "\(pages)", summons, "-"])
        #expect(lastPage.contains("Dagsorden for møte i Digi Rogalands styringsgruppe"), "\(lastPage)")
        // The text attachment is listed by title.
        #expect(text.contains("Budsjett"))
        #expect(text.contains("Søknad fra Haugaland Vekst"))
        // Tagged PDF/UA-1 with the language and title of the document.
        let info = try pdfInfo(summons)
        #expect(info.contains("Tagged:          yes"), "\(info)")
        #expect(info.contains("Title:           Innkalling til møte i Digi Rogalands styringsgruppe"))
        #expect(try pdfInfo(summons, meta: true).contains("pdfuaid:part=\"1\""))
        let expanded = dir.path("expanded.pdf")
        _ = try runTool("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", summons, expanded])
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
        #expect(raw.contains("/Lang (nb-NO)"))
        #expect(raw.contains("/StructTreeRoot"))
        let english = try write("summons", SecretaryMeeting.meeting, "--format", "pdf", "--language", "en", to: "summons-en.pdf")
        _ = try runTool("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", english, expanded])
        let englishRaw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
        #expect(englishRaw.contains("/Lang (en"), "the English summons is tagged English")
    }

    @Test func thePublicPDFSummonsLeavesOutTheAttachmentsOfExemptItems() throws {
        // A PDF whose text holds a secret word, attached to an exempt item of the next meeting.
        for arguments in [["body", "add", "kontroll", "--name", "Kontrollutvalget", "--kind", "committee"],
                          ["meeting", "create", "kontroll", "--date", "2019-03-01"],
                          ["item", "add", "kontroll@2019-03-01", "--title", "Hemmeligord i saken", "--kind", "information"]] {
            let result = try docket.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let secret = try write("agenda", "kontroll@2019-03-01", "--format", "pdf", to: "hemmelig.pdf")
        let next = "styringsgruppen@2019-03-20"
        for arguments in [["item", "add", next, "--title", "Personalsak", "--kind", "decision", "--exempt", "--exemption-basis", "offl. § 25"],
                          ["attach", "styringsgruppen 16/19", secret, "--title", "Notat om personalsaken"]] {
            let result = try docket.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try pdfText(write("summons", next, "--format", "pdf", to: "intern.pdf")).contains("Hemmeligord"))
        let published = try pdfText(write("summons", next, "--format", "pdf", "--public", to: "offentlig.pdf"))
        #expect(!published.contains("Hemmeligord"))
        #expect(!published.contains("Notat om personalsaken"))
    }

    @Test func casePapersFlowOnUnlessAskedForAPagePerItem() throws {
        let flowing = try write("summons", SecretaryMeeting.meeting, "--format", "pdf", to: "flyt.pdf")
        let paged = try write("summons", SecretaryMeeting.meeting, "--format", "pdf", "--page-per-item", to: "side.pdf")
        // Eleven case papers: a page each adds pages.
        let (flowingPages, pagedPages) = (try pageCount(flowing), try pageCount(paged))
        #expect(pagedPages >= flowingPages + 5, "flowing \(flowingPages), paged \(pagedPages)")
        let html = try String(contentsOfFile: write("summons", SecretaryMeeting.meeting, "--format", "html", to: "flyt.html"), encoding: .utf8)
        #expect(!html.contains("case-paper new-page"))
        let pagedHTML = try String(contentsOfFile: write("summons", SecretaryMeeting.meeting, "--format", "html", "--page-per-item",
                                                         to: "side.html"), encoding: .utf8)
        #expect(pagedHTML.contains("<section class=\"case-paper new-page\">"))
        let word = try wordPart(write("summons", SecretaryMeeting.meeting, "--format", "docx", to: "flyt.docx"), "word/document.xml")
        #expect(!word.contains("<w:pageBreakBefore/>"))
        let pagedWord = try wordPart(write("summons", SecretaryMeeting.meeting, "--format", "docx", "--page-per-item", to: "side.docx"),
                                     "word/document.xml")
        #expect(pagedWord.components(separatedBy: "<w:pageBreakBefore/>").count - 1 == 11)
    }

    func wordPart(_ file: String, _ part: String) throws -> String {
        let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        var data = Data()
        let entry = try #require(archive[part], "\(part) is missing from \(file)")
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aBodysLetterheadHeadsItsPapersInHTMLPDFAndWord() throws {
        let folder = dir.path("maler")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.logo.write(to: URL(fileURLWithPath: folder + "/logo.png"))
        try "Digi Rogaland\nPostboks 8001, 4068 Stavanger\npost@digirogaland.no <sekretariat>\n"
            .write(toFile: folder + "/letterhead.txt", atomically: true, encoding: .utf8)
        let edit = try docket.run("body", "edit", "styringsgruppen", "--templates", folder)
        #expect(edit.status == 0, "\(edit.stderr)")

        let html = try String(contentsOfFile: write("summons", SecretaryMeeting.meeting, "--format", "html", to: "brev.html"), encoding: .utf8)
        #expect(html.contains("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgo"))
        #expect(html.contains("<p>Postboks 8001, 4068 Stavanger</p>"))
        #expect(html.contains("post@digirogaland.no &lt;sekretariat&gt;"))

        let pdf = try write("minutes", SecretaryMeeting.meeting, "--format", "pdf", to: "brev.pdf")
        #expect(try pdfText(pdf).contains("Postboks 8001, 4068 Stavanger"))
        let images = try runTool("/usr/bin/pdfimages", ["-list", pdf])
        #expect(images.split(separator: "\n").count >= 3, "the logo is an image of the PDF: \(images)")

        let docx = try write("summons", SecretaryMeeting.meeting, "--format", "docx", to: "brev.docx")
        let document = try wordPart(docx, "word/document.xml")
        #expect(document.contains("<a:blip r:embed=\"rIdLogo\"/>"))
        #expect(document.contains("Postboks 8001, 4068 Stavanger"))
        #expect(try wordPart(docx, "word/_rels/document.xml.rels").contains("Target=\"media/logo.png\""))
        #expect(try wordPart(docx, "word/media/logo.png").utf8.count > 0)

        // A logo that is not a PNG is refused, naming the file.
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: folder + "/logo.png"))
        let refused = try docket.run("summons", SecretaryMeeting.meeting, "--format", "html")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("logo.png") && refused.stderr.contains("not a PNG"), "\(refused.stderr)")
    }

    /// A JPEG's header: SOI, a JFIF APP0 segment, a baseline frame of 40×20, EOI.
    static let jpegLogo = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
                                0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x14, 0x00, 0x28, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9])

    @Test func aJPEGLogoHeadsThePapersToo() throws {
        let folder = dir.path("jpeg-maler")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.jpegLogo.write(to: URL(fileURLWithPath: folder + "/logo.jpg"))
        #expect(try docket.run("body", "edit", "styringsgruppen", "--templates", folder).status == 0)
        let html = try String(contentsOfFile: write("summons", SecretaryMeeting.meeting, "--format", "html", to: "jpeg.html"), encoding: .utf8)
        #expect(html.contains("<img class=\"logo\" src=\"data:image/jpeg;base64,/9j/4AAQ"), "\(html.prefix(1500))")
        // 40×20 pixels at 18 mm high: 36 mm wide.
        #expect(html.contains("height: 18.0mm; width: 36.0mm"))
        let docx = try write("summons", SecretaryMeeting.meeting, "--format", "docx", to: "jpeg.docx")
        #expect(try wordPart(docx, "word/_rels/document.xml.rels").contains("Target=\"media/logo.jpeg\""))
        #expect(try wordPart(docx, "[Content_Types].xml").contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"))
        #expect(try wordPart(docx, "word/document.xml").contains("<a:blip r:embed=\"rIdLogo\"/>"))

        // A logo.jpeg that is not a JPEG is refused, naming the file.
        try FileManager.default.removeItem(atPath: folder + "/logo.jpg")
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: folder + "/logo.jpeg"))
        let refused = try docket.run("summons", SecretaryMeeting.meeting, "--format", "html")
        #expect(refused.status != 0 && refused.stderr.contains("logo.jpeg") && refused.stderr.contains("not a JPEG"), "\(refused.stderr)")
    }
}
