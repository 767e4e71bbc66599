@testable import DocketReader
import DocketModel
import Foundation
import Testing

@Suite struct NormaliserTests {
    @Test func runningHeadersFootersAndPageNumbersGo() {
        var pages: [String] = []
        for page in 1...4 {
            pages.append("""
            Steinkjer kommune - Møteprotokoll Formannskap 13.05.2026
            Avsnitt \(String(repeating: "x", count: page))
            Vedtak
            Tekst
            Mer tekst \(page)
            Vedtak
            Siste linje på siden
            Side \(page) av 4
            """)
        }
        let lines = Normaliser.normalise(pages.joined(separator: "\n\u{0C}"))
        let texts = lines.map(\.text)
        #expect(!texts.contains { $0.hasPrefix("Steinkjer kommune - Møteprotokoll") })
        #expect(!texts.contains { $0.hasPrefix("Side ") })
        #expect(texts.filter { $0 == "Vedtak" }.count == 8, "repeated lines inside pages stay")
        #expect(lines.first?.number == 2, "line numbers are those of the text as read")
    }

    @Test func withoutPageBreaksOnlyPageNumbersGo() {
        let text = "Vedtak\nTekst\nVedtak\nTekst\nVedtak\n- 2 -\nMøtebok   Side 3 av 7\n"
        #expect(Normaliser.normalise(text).map(\.text) == ["Vedtak", "Tekst", "Vedtak", "Tekst", "Vedtak"])
    }

    @Test func wordsBrokenAcrossProseLinesAreJoined() {
        let lines = Normaliser.normalise("Saken gjelder behand-\nlingen av budsjettet og helse-\nog omsorg for Krogstad-\nWiborg.\n")
        #expect(lines.map(\.text) == ["Saken gjelder behandlingen", "av budsjettet og helse-", "og omsorg for Krogstad-", "Wiborg."])
    }

    @Test func tableLinesAreNotDehyphenated() {
        let text = "PS 3/26        Søknad om konsesjon på erverv av fast eiendom - Deler av gnr/bnr 86/6 -\n               Gunn Odlaug Skei\n"
        #expect(Normaliser.normalise(text).map(\.text) == text.split(separator: "\n").map(String.init))
    }

    @Test func oddSpacesAndInvisibleCharactersAreCleaned() {
        #expect(Normaliser.cleanCharacters("Sak\u{00A0}8/19\u{00AD} \u{200B}Tittel") == "Sak 8/19 Tittel")
    }

    @Test func joinerKeepsTheHyphensThatBelong() {
        #expect(TextJoiner.join(["Tildeling av helse-", "og omsorgstjenester"]) == "Tildeling av helse- og omsorgstjenester")
        #expect(TextJoiner.join(["permisjon 01.07.2026-", "31.12.2026 - Lill"]) == "permisjon 01.07.2026-31.12.2026 - Lill")
        #expect(TextJoiner.join(["saks-", "behandling"]) == "saksbehandling")
    }
}

@Suite struct ColumnSplitterTests {
    @Test func aTwoColumnPageReadsLeftThenRight() {
        let left = ["Kommunestyret drøftet saken grundig", "og kom fram til at planen for", "sentrum må endres på flere", "punkter før den kan vedtas av", "kommunestyret i juni måned.", "Administrasjonen legger fram en", "ny sak med endringene i mai", "etter høring hos naboene."]
        let right = ["Saken om skolestruktur ble utsatt", "fordi utredningen ikke var ferdig", "og kommunedirektøren ba om mer", "tid til å se på alternativene", "for ungdomsskolene i kommunen.", "Den kommer tilbake til høsten", "sammen med budsjettet for neste", "år og økonomiplanen."]
        let text = zip(left, right).map { $0.padding(toLength: 45, withPad: " ", startingAt: 0) + $1 }.joined(separator: "\n")
        let lines = ColumnSplitter.split(text.sourceLines())
        #expect(lines.map(\.trimmed) == left + right)
        #expect(lines[8].number == 1, "the right column keeps the numbers of the lines it came from")
    }

    @Test func tablesStayAsTheyAre() {
        let text = """
        Navn                                   Funksjon   Repr.       Varamedlem for
        Bente Merete Aune Bragstad             Leder      AP
        Bjarne Jostein Arnøy                   Varamedlem H           Kristin Gisvold
        Robert Ertsås                          Medlem     AP
        Bjørg Helland                          Medlem     AP
        Tor Borgan                             Medlem     SP
        Torbjørn Alstad Austad                 Medlem     INP
        Lisbeth Melhus                         Medlem     UAVH
        Anita Ulstad                           Medlem     SP
        """.sourceLines()
        #expect(ColumnSplitter.split(text) == text)
    }
}
