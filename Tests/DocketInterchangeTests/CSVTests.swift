@preconcurrency import CSV
import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Testing

@Suite struct CSVTests {
    func register(_ store: Store, excel: Bool = false, isPublic: Bool = false) throws -> (data: Data, rows: [[String]]) {
        let data = try RegisterCSV(store: store).export(scope: .init(isPublic: isPublic), excel: excel)
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: excel ? ";" : ",")
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if rows.last == [""] { rows.removeLast() }
        return (data, rows)
    }

    @Test func theRegisterReadsBackFieldForFieldWithSeparatorsQuotesAndLineBreaks() throws {
        let store = try makeRichStore()
        for excel in [false, true] {
            let (data, rows) = try register(store, excel: excel)
            #expect(rows.first == RegisterCSV.columns)
            #expect(rows.dropFirst().allSatisfy { $0.count == RegisterCSV.columns.count })
            let row = try #require(rows.first { $0.count > 1 && $0[1] == "5/19" })
            #expect(row[0] == "styringsgruppen")
            #expect(row[2] == "2019-02-13")
            #expect(row[3] == Awkward.title)
            #expect(row[4] == "Beslutning")
            #expect(row[6] == "Vedtas.\n\tMed innrykk.")
            #expect(row[7] == "Rettet: " + Awkward.text)
            #expect(row[8] == "vedtatt med endringer")
            #expect(row[9] == "Vedtatt med 2 stemmer")
            #expect(row[10] == "")
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]) == excel)
        }
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\";\"Klikk\")", "'=HYPERLINK(\"http://x\";\"Klikk\")"),
        ("+47 12345678", "'+47 12345678"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"),
        ("\tinnrykk", "'\tinnrykk"), ("- Tas til orientering.", "- Tas til orientering."),
        ("Budsjett = 2 mill.", "Budsjett = 2 mill."), ("", ""), ("-", "-"),
    ])
    func neitherRegisterFlavourStartsAFieldWithAFormula(text: String, shown: String) throws {
        #expect(CSVTable.spreadsheetSafe(text) == shown)
        let store = try makeRichStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate(year: 2030, month: 1, day: 15)!, withStandingItems: false)
        _ = try store.addItem(to: "styringsgruppen@2030-01-15", ItemDraft(title: text.isEmpty ? "Tom" : text, kind: .information))
        let title = text.isEmpty ? "Tom" : text
        let excelTitles = try register(store, excel: true).rows.map { $0.count > 3 ? $0[3] : "" }
        #expect(excelTitles.contains(CSVTable.spreadsheetSafe(title)))
        // The plain flavour is opened in spreadsheets too (a double-click on a .csv): it is as safe.
        let plainTitles = try register(store).rows.map { $0.count > 3 ? $0[3] : "" }
        #expect(plainTitles.contains(CSVTable.spreadsheetSafe(title)))
        if CSVTable.spreadsheetSafe(title) != title { #expect(!plainTitles.contains(title)) }
    }

    @Test func aPublicRegisterLeavesOutExemptTexts() throws {
        let (data, rows) = try register(try makeRichStore(), isPublic: true)
        let row = try #require(rows.first { $0.count > 1 && $0[1] == "6/19" })
        #expect(row[3] == "Personalsak")
        #expect(row[10] == "offl. § 25")
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("Hemmelig") && !text.contains("Ola Nordmann"))
    }

    @Test func libreOfficeConvertsTheExcelRegisterToXLSX() throws {
        guard let probe = runProcess("which", ["soffice"]), probe.status == 0 else {
            Issue.record("scripts/setup installs what this test needs, but LibreOffice (soffice) is not installed")
            return
        }
        // soffice without Calc (Debian: libreoffice-calc) converts text documents but loads no CSV.
        guard FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so") else {
            Issue.record("scripts/setup installs what this test needs, but LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui), so soffice cannot open CSV")
            return
        }
        let dir = try TemporaryDirectory()
        let csv = dir.path("register.csv")
        let (data, rows) = try register(try makeRichStore(), excel: true)
        try data.write(to: URL(fileURLWithPath: csv))
        // Opened as Norwegian Excel or Calc opens it: ';', UTF-8 (76), first line 1, language nb-NO (1044),
        // in which "5/19" is an item number, not a date.
        let profile = "-env:UserInstallation=file://\(dir.path("profile"))"
        let toXLSX = runProcess("soffice", [profile, "--headless", "--infilter=CSV:59,34,76,1,,1044", "--convert-to", "xlsx", "--outdir", dir.url.path, csv])
        #expect(toXLSX?.status == 0, "\(toXLSX?.output ?? "")")
        let xlsx = try #require(FileManager.default.contents(atPath: dir.path("register.xlsx")))
        #expect(xlsx.starts(with: [0x50, 0x4B]), "an xlsx is a zip file")
        // And back to CSV, to see that every field arrived whole.
        try FileManager.default.createDirectory(at: dir.url.appending(path: "back"), withIntermediateDirectories: true)
        let toCSV = runProcess("soffice", [profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                                           "--outdir", dir.path("back"), dir.path("register.xlsx")])
        #expect(toCSV?.status == 0, "\(toCSV?.output ?? "")")
        let back = try String(contentsOfFile: dir.path("back/register.csv"), encoding: .utf8)
        let reader = try CSVReader(string: back, hasHeaderRow: false)
        var readBack: [[String]] = []
        while let row = reader.next() { readBack.append(row) }
        if readBack.last == [""] { readBack.removeLast() }
        func lines(_ rows: [[String]]) -> [[String]] {
            rows.map { $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") } }
        }
        #expect(lines(readBack) == lines(rows))
    }

    @Test func aListOfItemsGoesOnAnAgendaNumberedAsUsual() throws {
        let store = try makeRichStore()
        let csv = "\u{FEFF}title;kind;basis;proposal;text\r\n\"Budsjett; 2020\";beslutning;Notat;\"Linje 1\r\nLinje 2 med \"\"sitat\"\"\";\r\nOrientering om æøå 🙂;orientering;;;Tekst\r\n\r\n"
        let items = try ItemListCSV(store: store).importItems(Data(csv.utf8), file: "saker.csv", meeting: "styringsgruppen@2019-06-12")
        #expect(items.map(\.number.description) == ["12/19", "13/19"])
        #expect(items[0].title == "Budsjett; 2020")
        #expect(items[0].proposal == "Linje 1\r\nLinje 2 med \"sitat\"")
        #expect(items[0].caseText == nil)
        #expect(items[1].kind == .information)
        let norwegian = "Tittel;Type sak;Saksunderlag;Forslag til vedtak\nNy sak;Diskusjon;Notat;Tas til orientering.\n"
        let more = try ItemListCSV(store: store).importItems(Data(norwegian.utf8), file: "saker.csv", meeting: "styringsgruppen@2019-06-12")
        #expect(more.map(\.number.description) == ["14/19"])
        #expect(more[0].kind == .discussion && more[0].basis == "Notat" && more[0].proposal == "Tas til orientering.")
    }

    @Test func aBadListOfItemsNamesTheLineAndColumnAndStoresNothing() throws {
        let cases: [(String, Int, Int?, String)] = [
            ("title,kind\nEn sak,beslutning\n\"To\nlinjer\",vedtak\nTre,avgjørelse\n", 5, 2, "not a kind of item"),
            ("title,kind\nEn sak,beslutning\nTo,\"uavsluttet\n", 3, 4, "never closed"),
            ("title,farge\nEn sak,blå\n", 1, 2, "unknown column"),
            ("title,kind\nEn sak\n", 2, nil, "expected 2"),
            ("kind\nbeslutning\n", 1, nil, "no 'title'"),
        ]
        for (csv, line, column, words) in cases {
            let store = try makeRichStore()
            let before = try tableDump(store)
            do {
                try ItemListCSV(store: store).importItems(Data(csv.utf8), file: "saker.csv", meeting: "styringsgruppen@2019-06-12")
                Issue.record("accepted: \(csv)")
            } catch let error as InterchangeError {
                #expect(error.line == line, "\(error)")
                #expect(error.column == column, "\(error)")
                #expect(error.description.contains(words) && error.description.contains("expected"), "\(error)")
            }
            #expect(try tableDump(store) == before)
        }
    }
}
