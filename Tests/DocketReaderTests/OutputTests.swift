@testable import DocketReader
import DocketModel
import Foundation
import Testing

@Suite struct OutputTests {
    @Test func aReadDocumentRoundTripsThroughJSON() throws {
        let document = DocumentReader().read(text: OtherLayoutTests.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""number":"12/19""#))
        #expect(json.contains(#""date":"2019-03-12""#))
        let decoded = try JSONDecoder().decode(ReadDocument.self, from: data)
        #expect(decoded.items.map(\.number) == document.items.map(\.number))
        #expect(decoded.meeting == document.meeting)
        #expect(try encoder.encode(decoded) == data)
    }

    @Test func warningsPrintWithLineAndCode() {
        let warning = ReadWarning(.outOfOrder, line: 200, item: ItemNumber(sequence: 7, year: 2019), "Sak 7/19 kommer etter sak 11/19.")
        #expect(warning.description == "line 200: [out_of_order] Sak 7/19 kommer etter sak 11/19.")
    }
}

@Suite struct ConsistencyTests {
    @Test func aHandlingLineWithAnotherDateOrNumberIsReported() {
        let document = DocumentReader().read(text: """
        MØTEPROTOKOLL

        Eldrerådet

        Møtedato: 11.03.2026
        Tidspunkt: 12:00 - 14:30

        PS 4/26 FNs internasjonale eldredag
        Eldrerådets behandling av sak 4/2026 i møte den 12.03.2026:
        Vedtak
        Søknaden sendes.

        PS 5/26 Eventuelt
        Eldrerådets behandling av sak 6/2026 i møte den 11.03.2026:
        Vedtak
        """)
        #expect(document.warnings.map(\.code) == [.dateMismatch, .handlingNumberMismatch])
        #expect(document.warnings.map(\.line) == [9, 14])
        #expect(document.warnings.first?.message.contains("(linje 5)") == true)
    }
}
