import DocketInterchange
import DocketModel
@testable import DocketStore
import Foundation
import Testing

/// Entries the reader numbered by their place ("1. Åpen halvtime", no number in the text) recur in every
/// meeting of a body: the second meeting of the year imports too, its entries under the next free numbers.
@Suite struct PlaceNumberedImportTests {
    private func minutes(_ date: String, _ extra: String) -> String {
        """
        Møteprotokoll for Bydelsutvalget
        Møtedato: \(date)

        Saksliste
        1. Åpen halvtime
        2. Godkjenning av innkalling og saksliste
        BU \(extra) Budsjett
        4. Eventuelt
        """
    }

    @Test func aSecondMeetingsPlaceNumberedEntriesTakeFreeNumbers() throws {
        let store = try Store.inMemory()
        let folder = FileManager.default.temporaryDirectory.appending(path: "placenumbered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appending(path: "bu-2014-11-13.txt")
        let second = folder.appending(path: "bu-2014-12-11.txt")
        try minutes("13.11.2014", "14/72").write(to: first, atomically: true, encoding: .utf8)
        try minutes("11.12.2014", "14/73").write(to: second, atomically: true, encoding: .utf8)
        let importer = DocumentImporter(store: store)
        let results = [importer.importDocument(at: first), importer.importDocument(at: second)]
        #expect(results.map(\.status) != [.failed, .failed])
        #expect(results.allSatisfy { $0.status != .failed }, "\(results.map { $0.failure ?? "" })")
        let secondItems = try store.items(meeting: try MeetingReference(parsing: try #require(results[1].meeting)))
        #expect(secondItems.map(\.title) == ["Åpen halvtime", "Godkjenning av innkalling og saksliste", "Budsjett", "Eventuelt"])
        let numbers = Set(try store.items(meeting: try MeetingReference(parsing: try #require(results[0].meeting))).map(\.number.sequence))
        #expect(numbers.isDisjoint(with: secondItems.filter { $0.number.series == nil }.map(\.number.sequence)))
        #expect(results[1].warnings.contains { $0.code == .numberFromPosition && $0.message.contains("i et annet møte") })
        // The same minutes again (changed by a byte): the entries are the meeting's items, not new ones.
        try (minutes("11.12.2014", "14/73") + "\n").write(to: second, atomically: true, encoding: .utf8)
        let again = importer.importDocument(at: second)
        #expect(again.status != .failed, "\(again.failure ?? "")")
        #expect(try store.items(meeting: try MeetingReference(parsing: try #require(results[1].meeting))).count == 4)
    }
}
