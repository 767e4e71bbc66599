@testable import DocketInterchange
import DocketModel
import DocketReader
import Testing

/// The review report's two formats render one model of a document's section: the same facts, the
/// same item and attendance rows, each cell escaped for its format.
@Suite struct ReviewReportTests {
    func result() -> DocumentImport {
        var read = ReadDocument(kind: .minutes)
        read.body = "Kontrollutvalget"
        var item = ReadItem(number: ItemNumber(series: nil, sequence: 8, year: 2019), line: 12, title: "Budsjett <b>&amp; *plan* | 2022")
        item.proposal = "Forslaget vedtas."
        item.decision = "Vedtatt som foreslått."
        read.items = [item]
        read.attendance = [ReadAttendee(name: "Kari Nordmann", status: .present, line: 5)]
        var result = DocumentImport(file: "/arkiv/ku-protokoll.txt", status: .dryRun)
        result.read = read
        result.warnings = [ReadWarning(.dateFromYear, line: nil, "Fant ingen møtedato <i>")]
        return result
    }

    @Test func oneModelOfRowsForBothFormats() {
        let model = ReviewReport(format: .html, dryRun: true).sectionModel(for: result())
        #expect(model.tables.map(\.caption) == ["Items (1)", "Attendance (1)"])
        #expect(model.tables[0].rows == [["12", "8/19", "Budsjett <b>&amp; *plan* | 2022", "Forslaget vedtas.", "Vedtatt som foreslått.", ""]])
        #expect(model.tables[1].rows == [["5", "Kari Nordmann", "present", ""]])
        #expect(model.note == nil)

        let html = ReviewReport(format: .html, dryRun: true).section(for: result())
        #expect(html.contains("<tr><td>12</td><td>8/19</td><td>Budsjett &lt;b&gt;&amp;amp; *plan* | 2022</td><td>Forslaget vedtas.</td>"))
        #expect(html.contains("<th scope=\"col\">Decision starts</th>"))
        #expect(html.contains("<code>date_from_year</code> Fant ingen møtedato &lt;i&gt;"))
        let markdown = ReviewReport(format: .markdown, dryRun: true).section(for: result())
        #expect(markdown.contains("| Line | Number | Title | Proposal starts | Decision starts | Outcome |\n|---|---|---|---|---|---|\n"))
        #expect(markdown.contains("| 12 | 8/19 | Budsjett \\<b\\>\\&amp; \\*plan\\* \\| 2022 | Forslaget vedtas. |"))
        #expect(markdown.contains("| 5 | Kari Nordmann | present |  |"))
        #expect(!html.contains("<b>") && !markdown.contains("<b>"))
    }

    @Test func aDocumentReadWithoutItemsSaysSoInBoth() {
        var empty = result()
        empty.read?.items = []
        #expect(ReviewReport(format: .html, dryRun: false).section(for: empty).contains("<p>No items read.</p>"))
        #expect(ReviewReport(format: .markdown, dryRun: false).section(for: empty).contains("No items read.\n\n"))
    }
}
