import Testing
@testable import DocketReader

@Suite struct MarkdownTextTests {
    @Test func tablesBecomeTabSeparatedRowsAndMarksGo() {
        let markdown = """
            # Innkalling til møte i Styringsgruppen

            | Nr | Sak | Saksunderlag | Type sak |
            | --- | --- | --- | --- |
            | **Faste saker** | | | |
            | 1/25 | Godkjenning av dagsorden \\| tillegg | Dagsorden | Beslutning |

            ---

            *Type sak: Beslutning* og 2 \\* 3 \\_x\\_

            - **Tid:** 11. desember 2024 kl. 10.00–12.00
            - vanlig punkt
            """
        let lines = MarkdownText.text(from: markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Innkalling til møte i Styringsgruppen")
        #expect(lines[2] == "Nr\tSak\tSaksunderlag\tType sak")
        #expect(lines[3] == "")
        #expect(lines[4] == "Faste saker")
        #expect(lines[5] == "1/25\tGodkjenning av dagsorden | tillegg\tDagsorden\tBeslutning")
        #expect(lines[7] == "")
        #expect(lines[9] == "Type sak: Beslutning og 2 * 3 _x_")
        #expect(lines[11] == "Tid: 11. desember 2024 kl. 10.00–12.00")
        #expect(lines[12] == "- vanlig punkt")
    }
}
