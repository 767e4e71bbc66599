import DocketReader
import DocketModel
import Foundation
import Testing

/// A text that repeats its item headings (case papers attached after the minutes, or a document
/// pasted together several times): the items are read once, and each repeat's text joins its item's
/// case text in order, with a warning per repeat. The reader does this in linear time; the figures
/// (1 MB, 2 MB, 8 MB) are measured by hand, not asserted here.
@Suite struct RepeatedTextTests {
    static let minutes = """
        Møteprotokoll

        Kommunestyret

        Møtedato: 13.05.2026
        Tidspunkt: 12:00 - 15:00
        Møtested: Rådhuset

        PS 4/26 Budsjett 2027

        Saken gjelder budsjettet, jf. sak 2/25.

        Vedtak
        Budsjettet for 2027 vedtas.

        PS 5/26 Møteplan 2027

        Saken gjelder møteplanen.

        Vedtak
        Møteplanen for 2027 vedtas.

        """

    @Test func repeatedHeadingsJoinTheirItemsCaseTextInOrder() throws {
        let reader = DocumentReader()
        let once = reader.read(text: Self.minutes)
        let repeats = 50
        let many = reader.read(text: String(repeating: Self.minutes, count: repeats))
        #expect(once.items.map(\.number.description) == ["PS 4/26", "PS 5/26"])
        #expect(many.items.map(\.number) == once.items.map(\.number))
        #expect(many.items.first?.decision == once.items.first?.decision)
        let budget = try #require(many.items.first?.caseText)
        let ranges = budget.ranges(of: "Saken gjelder budsjettet, jf. sak 2/25.")
        #expect(ranges.count == repeats)
        #expect(budget.hasPrefix(try #require(once.items.first?.caseText)))
        #expect(budget.components(separatedBy: "Budsjett 2027").count - 1 == repeats - 1, "each repeat brings its heading's title")
        #expect(!budget.contains("møteplanen"))
        #expect(many.warnings.filter { $0.code == .repeatedHeading }.count == (repeats - 1) * 2)
        #expect(many.references.filter { $0.number.description == "2/25" }.count == repeats)
    }
}
