@testable import DocketReader
import DocketModel
import Foundation
import Testing

@Suite struct ItemNumberScannerTests {
    @Test(arguments: [
        ("8/19 Tittel", "8/19"), ("08/19 Tittel", "8/19"), ("8/2019 Tittel", "8/19"), ("Sak 8/19 – Tittel", "8/19"),
        ("sak 08/19: Tittel", "8/19"), ("PS 8/19 Tittel", "PS 8/19"), ("RS 2/2026 Tittel", "RS 2/26"), ("OS 1/26", "OS 1/26"),
        ("Sak 8-2019 Tittel", "8/19"), ("Saksnr. 12/19 Tittel", "12/19"), ("FO 3/26     Spørsmål", "FO 3/26"),
        ("Saksnr.: 12/19 Tittel", "12/19"), ("Sak 12/19: Tittel", "12/19"),
    ])
    func everySpellingReads(text: String, expected: String) throws {
        let found = try #require(ItemNumberScanner.leading(in: text))
        #expect(found.number.description == expected)
    }

    @Test func aBareDashedNumberIsNotAnItem() {
        #expect(ItemNumberScanner.leading(in: "8-19 deltakere") == nil)
        #expect(ItemNumberScanner.leading(in: "13.02.2019 12.00 – 14.00") == nil)
    }

    @Test func referencesNeedSakOrASeriesAndKeepTheirCue() {
        let line = SourceLine(number: 7, text: "Behandlet i [sak 22/18](#), jf. sak 08/19 og PS 12/19, men ikke gnr/bnr 86/6 eller 457/39.")
        let found = ReferenceReader(bodyName: nil).references(in: line, fromItem: nil)
        #expect(found.map(\.number.description) == ["22/18", "8/19", "PS 12/19"])
        #expect(found.map(\.raw) == ["sak 22/18", "jf. sak 08/19", "PS 12/19"])
        #expect(found.allSatisfy { $0.line == 7 })
        let foreign = SourceLine(number: 1, text: "Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 «ny strategi»")
        #expect(ReferenceReader(bodyName: "Digi Rogalands styringsgruppe").references(in: foreign, fromItem: nil).map(\.namesAnotherBody) == [true])
        // An item's own handling line is not a reference.
        let handling = SourceLine(number: 2, text: "Formannskapets behandling av sak 3/2026 i møte den 12.02.2026:")
        #expect(ReferenceReader(bodyName: nil).references(in: handling, fromItem: nil).isEmpty)
        #expect(ReferenceReader.firstNumber(in: handling.text)?.description == "3/26")
    }

    @Test func theTitleFollowsTheNumber() {
        #expect(ItemNumberScanner.leading(in: "Sak 08/19 – Budsjettprinsipper for 2020")?.rest == "Budsjettprinsipper for 2020")
    }
}

@Suite struct DateTimeReaderTests {
    @Test(arguments: ["13 februar 2019", "13. februar 2019", "13.02.2019", "Onsdag 13.02.2019", "2019-02-13", "13.02.19", "13.feb. 2019"])
    func datesRead(text: String) {
        #expect(DateTimeReader.firstDate(in: text) == CalendarDate(year: 2019, month: 2, day: 13))
    }

    @Test func timesRead() {
        #expect(DateTimeReader.times(in: "kl. 13.00–15.00").start == TimeOfDay(hour: 13, minute: 0))
        #expect(DateTimeReader.times(in: "fra klokken 13.00 til 15.00.").end == TimeOfDay(hour: 15, minute: 0))
        let labelled = DateTimeReader.times(in: "12:00 - 14:30")
        #expect(labelled.start == TimeOfDay(hour: 12, minute: 0) && labelled.end == TimeOfDay(hour: 14, minute: 30))
        let open = DateTimeReader.times(in: "10:00 -")
        #expect(open.start == TimeOfDay(hour: 10, minute: 0) && open.end == nil)
        #expect(DateTimeReader.times(in: "møte 13.12.2018 i Sandnes").start == nil)
    }

    @Test func impossibleDatesAreRefused() {
        #expect(CalendarDate(year: 2019, month: 2, day: 29) == nil)
        #expect(DateTimeReader.firstDate(in: "31.04.2026") == nil)
    }
}

@Suite struct SeriesKindTests {
    @Test func seriesImplyKinds() {
        #expect(Series.political.impliedKind == .decision)
        #expect(Series.reported.impliedKind == .information)
        #expect(Series.information.impliedKind == .information)
        #expect(Series.interpellation.impliedKind == nil)
        #expect(Series("XY")?.impliedKind == nil)
    }
}
