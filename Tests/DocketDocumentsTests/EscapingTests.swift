import DocketDocuments
import DocketModel
import Foundation
import Testing

/// User text holding markup of any of the formats, or Mustache tags, comes out literally everywhere:
/// values are data, never templates.
@Suite struct EscapingTests {
    static let nasty = ["<script>alert(1)</script>", "AT&T", "**fet**", "{{title}}"]
    static let combined = nasty.joined(separator: " ")
    let renderer = DocumentRenderer()

    /// A meeting whose every kind of user text holds the four nasty strings.
    static func papers() -> MeetingPapers {
        var papers = SampleMeeting.papers()
        papers.body.name = "Organ \(combined)"
        papers.meeting.place = "Sted \(combined)"
        papers.summons.addressees = ["mottakere \(combined)"]
        papers.summons.signer.name = "Leder \(combined)"
        papers.items[4].title = "Tittel \(combined)"
        papers.items[4].caseText = "Saken \(combined)\n# ikke overskrift\n| ikke | tabell |\n\nAvsnitt to \(combined)"
        papers.items[4].proposal = "Forslag \(combined)"
        papers.items[4].decision?.text = "Vedtak \(combined)"
        papers.items[4].documentBasis = "Notat \(combined)"
        papers.attendance.present[1].name = "Per \(combined)"
        papers.attachments[0].title = "Vedlegg \(combined)"
        return papers
    }

    @Test(arguments: DocumentKind.allCases)
    func markdown(kind: DocumentKind) throws {
        let raw = try renderer.renderText(kind, of: Self.papers(), as: .markdown)
        #expect(!raw.contains("<script>"))
        // Titles, names and places are text: their markup is escaped. (Case texts are Markdown, so
        // the case text's "**fet**" is bold there, by design.)
        #expect(raw.contains("\\*\\*fet\\*\\*"))
        #expect(raw.contains("{{title}}"))
        let shown = Extract.markdownText(raw)
        for text in Self.nasty { #expect(shown.contains(text), "\(kind): \(text)") }
    }

    @Test(arguments: DocumentKind.allCases)
    func html(kind: DocumentKind) throws {
        let raw = try renderer.renderText(kind, of: Self.papers(), as: .html)
        #expect(!raw.contains("<script>"))
        #expect(raw.contains("AT&amp;T"))
        let shown = Extract.htmlText(raw)
        for text in Self.nasty { #expect(shown.contains(text), "\(kind): \(text)") }
    }

    @Test(arguments: DocumentKind.allCases)
    func plainText(kind: DocumentKind) throws {
        let text = try renderer.renderText(kind, of: Self.papers(), as: .text)
        for nasty in Self.nasty { #expect(text.contains(nasty), "\(kind): \(nasty)") }
        #expect(text.contains("Tittel \(Self.combined)") || kind == .minutes || kind == .agenda || kind == .casePapers)
    }

    @Test(arguments: DocumentKind.allCases)
    func word(kind: DocumentKind) throws {
        let entries = try Extract.unzip(try renderer.render(kind, of: Self.papers(), as: .docx))
        for (path, data) in entries where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            try Extract.parseXML(data)
        }
        let text = try Extract.wordText(try #require(entries["word/document.xml"]))
        for nasty in Self.nasty { #expect(text.contains(nasty), "\(kind): \(nasty)") }
    }

    @Test func pdf() throws {
        guard PDFEngine().isAvailable else {
            Issue.record("scripts/setup installs what this test needs, but weasyprint is not installed (apt-get install weasyprint)")
            return
        }
        guard let pdftotext = which("pdftotext") else {
            Issue.record("scripts/setup installs what this test needs, but pdftotext (Debian package poppler-utils) is not installed to read the PDF back")
            return
        }
        let folder = try temporaryFolder("escaping-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("summons.pdf")
        try renderer.render(.summons, of: Self.papers(), as: .pdf).write(to: pdf)
        let text = folder.appendingPathComponent("summons.txt")
        try run(pdftotext, ["-layout", pdf.path, text.path])
        let shown = try String(contentsOf: text, encoding: .utf8)
        for nasty in Self.nasty { #expect(shown.contains(nasty), "pdf: \(nasty)") }
    }

    @Test func markdownEscapesOnlyWhatWouldBeMarkup() {
        let markdown = DocumentFormat.markdown
        #expect(markdown.escape("1. punkt") == "1\\. punkt")
        #expect(markdown.escape("13.02.2019 kl. 12") == "13.02.2019 kl. 12")
        #expect(markdown.escape("- punkt") == "\\- punkt")
        #expect(markdown.escape("C# og F#") == "C\\# og F\\#")
        #expect(markdown.escape("AT&T &amp; co") == "AT&T \\&amp; co")
        #expect(markdown.escape("a | b") == "a \\| b")
        #expect(markdown.escape("linje 1\nlinje 2") == "linje 1\\\nlinje 2")
        #expect(markdown.escape("    kode?") == "kode?")
        #expect(markdown.escape("Vanlig tekst, 12 % og «sitat».") == "Vanlig tekst, 12 % og «sitat».")
    }

    @Test func wordDropsWhatXMLForbidsAndKeepsLineBreaks() throws {
        let escaped = DocumentFormat.docx.escape("a\u{01}b\r\nc\td & <e>")
        #expect(escaped == "ab</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t><w:tab/><w:t xml:space=\"preserve\">d &amp; &lt;e&gt;")
        var papers = SampleMeeting.papers()
        papers.items[0].caseText = "Kontrolltegn \u{0B}\u{1F} og\r\nWindows-linjeskift"
        let entries = try Extract.unzip(try renderer.render(.summons, of: papers, as: .docx))
        let text = try Extract.wordText(try #require(entries["word/document.xml"]))
        #expect(text.contains("Kontrolltegn  og\nWindows-linjeskift"))
    }

    @Test func markdownEscapesBlockStarts() {
        let papers = Self.papers()
        let raw = try? renderer.renderText(.casePapers, of: papers, as: .markdown)
        // A case text is Markdown: "# …" is a heading there (printed bold, never a heading of the
        // paper), and a row of pipes without a delimiter row is text, escaped.
        #expect(raw?.contains("**ikke overskrift**") == true)
        #expect(raw?.contains("\\| ikke \\| tabell \\|") == true)
        #expect(raw?.contains("\n# ikke overskrift") == false)
    }
}
