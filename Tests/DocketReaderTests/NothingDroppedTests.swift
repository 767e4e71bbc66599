@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// "Every item number found anywhere is either stored or reported": checked over the whole corpus.
///
/// Each number that opens a line or is written after "sak" or a series code must be one of the
/// document's items, one of its references, or named by a warning. Items are matched on series and
/// sequence, because an agenda's "8/18" may have been read as the "8/19" its text gives.
@Suite struct NothingDroppedTests {
    static func unaccounted(in text: String) -> [String] {
        let document = DocumentReader().read(text: text)
        let items = Set(document.items.map { ItemAssembler.Key($0.number) })
        let references = Set(document.references.map(\.number))
        let warned = Set(document.warnings.compactMap(\.item).map { ItemAssembler.Key($0) })
        // Handling lines give the number without its series ("behandling av sak 3/2026"); the reader
        // checks them against their heading, so any item with that sequence and year accounts for them.
        let bare = Set(document.items.map { "\($0.number.sequence)/\($0.number.year)" })
        var missing: [String] = []
        for line in Normaliser.normalise(text) {
            var numbers = ReferenceScanner().references(in: line.text).map(\.number)
            if let leading = ItemNumberScanner.leading(in: line.text) { numbers.append(leading.number) }
            for number in numbers {
                let key = ItemAssembler.Key(number)
                let bareMatch = number.series == nil && bare.contains("\(number.sequence)/\(number.year)")
                if !items.contains(key) && !references.contains(number) && !warned.contains(key) && !bareMatch {
                    missing.append("line \(line.number): \(number) in «\(line.trimmed)»")
                }
            }
        }
        return missing
    }

    @Test func everyNumberInTheCorpusIsAccountedFor() throws {
        guard let minutes = Corpus.folder("minutes"), let seeds = Corpus.folder("seeds") else { return }
        var files = try FileManager.default.contentsOfDirectory(atPath: minutes.path).filter { $0.hasSuffix(".txt") }
            .map { minutes.appendingPathComponent($0) }
        files += try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasPrefix("004_") }
            .map { seeds.appendingPathComponent($0) }
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            missing += Self.unaccounted(in: text).map { "\(file.lastPathComponent) \($0)" }
        }
        for entry in missing { print("  UNACCOUNTED \(entry)") }
        #expect(missing.isEmpty)
    }
}
