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
