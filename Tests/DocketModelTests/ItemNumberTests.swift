import Testing
import DocketModel

@Suite struct ItemNumberTests {
    @Test(arguments: [
        ("8/19", nil, 8, 2019),
        ("08/19", nil, 8, 2019),
        ("8/2019", nil, 8, 2019),
        ("Sak 8/19", nil, 8, 2019),
        ("sak 08/19", nil, 8, 2019),
        ("Sak 8/2019", nil, 8, 2019),
        ("PS 8/19", "PS", 8, 2019),
        ("RS 2/2026", "RS", 2, 2026),
        ("OS 1/26", "OS", 1, 2026),
        ("ps 12/26", "PS", 12, 2026),
        ("  Sak 11/18 ", nil, 11, 2018),
        ("Sak 01 – 2019", nil, 1, 2019),
        ("45/98", nil, 45, 1998),
    ] as [(String, String?, Int, Int)])
    func readsEverySpellingFoundInDocuments(text: String, series: String?, sequence: Int, year: Int) throws {
        let number = try #require(ItemNumber(tolerant: text))
        #expect(number.series?.code == series)
        #expect(number.sequence == sequence)
        #expect(number.year == year)
    }

    /// The one series rule: a bare number is in the body's series; a given series is kept.
    @Test func aBareNumberIsInTheBodysSeries() {
        let bare = ItemNumber(series: nil, sequence: 4, year: 2026)
        #expect(bare.inSeries(.political) == ItemNumber(series: .political, sequence: 4, year: 2026))
        #expect(bare.inSeries(nil) == bare)
        let reported = ItemNumber(series: .reported, sequence: 4, year: 2026)
        #expect(reported.inSeries(.political) == reported)
        #expect(ItemNumber(tolerant: "4/26", defaultSeries: .political) == bare.inSeries(.political))
    }

    @Test func writesTheCanonicalSpelling() {
        #expect(ItemNumber(tolerant: "sak 08/2019")?.description == "8/19")
        #expect(ItemNumber(tolerant: "ps 1/2026")?.description == "PS 1/26")
        #expect(ItemNumber(series: nil, sequence: 3, year: 2005).description == "3/05")
    }

    @Test func strictReadingAcceptsOnlyTheCanonicalSpelling() {
        #expect(ItemNumber("8/19") == ItemNumber(series: nil, sequence: 8, year: 2019))
        #expect(ItemNumber("PS 8/19") == ItemNumber(series: .political, sequence: 8, year: 2019))
        for loose in ["08/19", "8/2019", "Sak 8/19", "PS  8/19", "8-19"] {
            #expect(ItemNumber(loose) == nil, "\(loose) should not be read strictly")
        }
    }

    @Test(arguments: ["", "8", "/19", "8/", "0/19", "8/190", "a/19", "ABCDE 1/19", "8/19x", "sak", "1234567/19"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(ItemNumber(tolerant: text) == nil)
    }

    @Test func bareNumberTakesTheBodysDefaultSeries() {
        #expect(ItemNumber(tolerant: "sak 8/19", defaultSeries: .political)?.description == "PS 8/19")
        #expect(ItemNumber(tolerant: "RS 8/19", defaultSeries: .political)?.description == "RS 8/19")
    }

    @Test func seriesSideBySideAreDifferentNumbers() {
        #expect(ItemNumber(tolerant: "PS 1/26") != ItemNumber(tolerant: "RS 1/26"))
    }

    @Test func roundTripsThroughDescription() {
        for text in ["1/19", "PS 12/26", "RS 3/99", "10/00"] {
            #expect(ItemNumber(text)?.description == text)
        }
    }

    @Test func ordersByYearSeriesAndSequence() {
        let numbers = ["9/19", "10/19", "1/20", "2/19"].compactMap(ItemNumber.init)
        #expect(numbers.sorted().map(\.description) == ["2/19", "9/19", "10/19", "1/20"])
    }
}
