import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// Issue 14, point 5: case texts, proposals and decisions are Markdown, printed as lists, tables,
/// bold, italic and links in every format — seed 004's møteplan (item 9/19) prints as a table, not
/// as pipes — and raw HTML in a text never passes through.
@Suite(.serialized) struct MarkdownCaseTextTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
        try SecretaryMeeting(docket: docket, dir: dir).build()
    }

    func casePapers(_ format: String) throws -> String {
        let file = dir.path("saksframlegg.\(format)")
        let result = try docket.run("casepapers", SecretaryMeeting.meeting, "--format", format, "-o", file)
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "docx":
            let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
            var text = ""
            for part in ["word/document.xml", "word/numbering.xml", "word/_rels/document.xml.rels"] {
                var data = Data()
                let entry = try #require(archive[part], "\(part) is missing")
                _ = try archive.extract(entry) { data.append($0) }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        case "pdf":
            return try pdfText(file, layout: true)
        default:
            return try String(contentsOfFile: file, encoding: .utf8)
        }
    }

    @Test func htmlHasATableListsEmphasisAndALinkButNoRawHTML() throws {
        let html = try casePapers("html")
        #expect(html.contains("<table class=\"markdown\">"))
        #expect(html.contains("<th>Dato</th><th>Tidspunkt</th><th>Sted</th>"), "\(html)")
        #expect(html.contains("<td>21.06.2019</td><td>12.00 – 14.00</td><td>Sjernarøy – Handelsstedet Ramsvig</td>"))
        #expect(html.contains("<strong>følgende</strong>"))
        #expect(html.contains("<em>KS' møteplan</em>") || html.contains("<em>KS&#39; møteplan</em>"))
        #expect(html.contains("<ul class=\"markdown\">"))
        #expect(html.contains("<ol class=\"markdown\">"))
        #expect(html.contains("<a href=\"https://www.ks.no/kalender\">KS"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("| 13.02.2019 |"))
    }

    @Test func markdownKeepsTheTableAndEscapesTheRest() throws {
        let markdown = try casePapers("md")
        #expect(markdown.contains("| Dato | Tidspunkt | Sted |\n|---|---|---|\n| 13.02.2019 | 12.00 – 14.00 | Sandnes – Quality Hotel Residence |"), "\(markdown)")
        #expect(markdown.contains("**følgende**"))
        #expect(markdown.contains("- de følger *KS' møteplan*,"))
        #expect(markdown.contains("1. Første møte i Sandnes\n2. Andre møte på Sjernarøy"))
        #expect(markdown.contains("[KS' kalender](<https://www.ks.no/kalender>)"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func plainTextLinesUpTheTableInColumns() throws {
        let text = try casePapers("txt")
        #expect(text.contains("""
            Dato        Tidspunkt      Sted
            ----------  -------------  ---------------------------------
            13.02.2019  12.00 – 14.00  Sandnes – Quality Hotel Residence
            21.06.2019  12.00 – 14.00  Sjernarøy – Handelsstedet Ramsvig
            """), "\(text)")
        #expect(!text.contains("|"))
        #expect(!text.contains("**"))
        #expect(text.contains("- de følger KS' møteplan,"))
        #expect(text.contains("1. Første møte i Sandnes"))
        #expect(text.contains("KS' kalender (https://www.ks.no/kalender)") || text.contains("KS' kalender"))
    }

    @Test func wordHasARealTableAndRealLists() throws {
        let word = try casePapers("docx")
        #expect(word.contains("<w:tbl>"))
        #expect(word.contains("<w:tblHeader/>"))
        #expect(word.contains("Sjernarøy – Handelsstedet Ramsvig</w:t></w:r></w:p></w:tc>"))
        #expect(word.contains("<w:numId w:val=\"1\"/>"), "a bulleted list")
        #expect(word.contains("<w:numId w:val=\"2\"/>"), "a numbered list")
        #expect(word.contains("<w:startOverride w:val=\"1\"/>"))
        #expect(word.contains("<w:b/></w:rPr><w:t xml:space=\"preserve\">følgende"))
        #expect(word.contains("&lt;script&gt;"))
        #expect(!word.contains("<script>"))
        #expect(!word.contains("| 13.02.2019 |"))
    }

    /// A link in a case text is a Word hyperlink: the run sits in w:hyperlink, whose r:id is an
    /// external relationship to the address; the address is not printed beside the text.
    @Test func wordLinksAreRealHyperlinks() throws {
        let word = try casePapers("docx")
        let hyperlink = try #require(word.range(of: #"<w:hyperlink r:id="rIdLink\d+" w:history="1">"#, options: .regularExpression), "\(word.prefix(3000))")
        let id = word[hyperlink].split(separator: "\"")[1]
        #expect(word[hyperlink.upperBound...].hasPrefix("<w:r><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">KS&apos; kalender</w:t></w:r></w:hyperlink>")
                || word[hyperlink.upperBound...].hasPrefix("<w:r><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">KS' kalender</w:t></w:r></w:hyperlink>"),
                "\(word[hyperlink.upperBound...].prefix(300))")
        #expect(word.contains(#"<Relationship Id="\#(id)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.ks.no/kalender" TargetMode="External"/>"#))
        #expect(!word.contains("(https://www.ks.no/kalender)"))
    }

    @Test func thePDFPrintsTheTableAsRowsNotPipes() throws {
        let text = try casePapers("pdf")
        let row = try #require(text.split(separator: "\n").first { $0.contains("21.06.2019") }, "\(text)")
        #expect(row.contains("12.00 – 14.00") && row.contains("Sjernarøy – Handelsstedet Ramsvig"), "\(row)")
        #expect(!text.contains("|"))
        #expect(text.contains("<script>alert(1)</script> & co"), "the raw HTML prints as text")
    }
}
