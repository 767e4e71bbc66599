import DocketInterchange
import DocketModel
import Foundation
import Testing

/// The fallbacks of a batch import: dates in file names, and which folder holds which body.
@Suite struct BatchFallbackTests {
    @Test(arguments: [
        ("06_gjerdrum_ks_2021-12-15.pdf", "2021-12-15", "2021-12-15"),
        ("protokoll 20211215.pdf", "2021-12-15", "20211215"),
        ("Møtebok 15.12.2021.docx", "2021-12-15", "15.12.2021"),
        ("ks_2021_12_15.txt", "2021-12-15", "2021_12_15"),
        ("referat 5-3-2019.txt", "2019-03-05", "5-3-2019"),
    ])
    func aFileNameGivesItsDate(name: String, date: String, text: String) {
        let found = FileNameDate.date(in: name)
        #expect(found?.date == CalendarDate(date))
        #expect(found?.text == text)
    }

    @Test(arguments: ["protokoll.pdf", "sak 2021-13-15.pdf", "arkiv 120211215.pdf", "ks 2021-02-30.pdf", "sak 21-12-15.pdf", "Karmoy-Møteprotokoll-2021.pdf"])
    func aNameWithoutAWholeDateGivesNone(name: String) {
        #expect(FileNameDate.date(in: name) == nil, "\(name)")
    }

    @Test(arguments: [
        ("p11_kommunestyre_protokoll_2011.txt", 2011, "2011"),
        ("Karmoy-Møteprotokoll-2021.pdf", 2021, "2021"),
        ("ks 1989 innkalling.docx", 1989, "1989"),
    ])
    func aFileNameGivesItsYear(name: String, year: Int, text: String) {
        let found = FileNameDate.year(in: name)
        #expect(found?.year == year)
        #expect(found?.text == text)
    }

    @Test(arguments: ["protokoll.pdf", "arkiv 120211.pdf", "sak 2201.pdf", "ks 21.pdf"])
    func aNameWithoutAYearGivesNone(name: String) {
        #expect(FileNameDate.year(in: name) == nil, "\(name)")
    }

    @Test func theLastMatchingLineOfABodyMapWins() throws {
        let map = try BodyMap(text: """
            # folder-or-glob = slug
            arkiv = kommunestyret
            arkiv/utvalg/fsk-* = formannskapet
            /data/arkiv/utvalg/kontroll/ = kontrollutvalget
            """, file: "bodies.txt")
        #expect(map.entry(for: "/data/arkiv/2019/ks.pdf")?.slug == "kommunestyret")
        #expect(map.entry(for: "/data/arkiv/utvalg/fsk-2019.pdf")?.slug == "formannskapet")
        #expect(map.entry(for: "/data/arkiv/utvalg/fsk-2019.pdf")?.line == 3)
        #expect(map.entry(for: "/data/arkiv/utvalg/kontroll/2019/a.pdf")?.slug == "kontrollutvalget")
        // Whole components only: "arkiv" is not "arkivet", and a glob's * stays in one component.
        #expect(map.entry(for: "/data/arkivet/ks.pdf") == nil)
        #expect(map.entry(for: "/data/arkiv/utvalg/fsk-x/y.pdf")?.slug == "formannskapet")
        #expect(map.entry(for: "/other/utvalg/fsk-2019.pdf") == nil)
    }

    @Test func aBodyMapLineWithoutEqualsOrASideNamesItsLine() {
        for (text, line) in [("arkiv = ks\nfsk formannskapet", 2), ("\n\n = formannskapet", 3), ("arkiv =", 1)] {
            do {
                _ = try BodyMap(text: text, file: "bodies.txt")
                Issue.record("accepted \(text)")
            } catch {
                #expect("\(error)".contains("bodies.txt:\(line)"), "\(error)")
                #expect("\(error)".contains("folder-or-glob = slug"))
            }
        }
    }
}
