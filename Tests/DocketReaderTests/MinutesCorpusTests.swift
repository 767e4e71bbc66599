import DocketModel
import DocketReader
import Foundation
import Testing

/// Reads every minutes document of the corpus (pdftotext -layout output of a municipality's
/// møteprotokoller) and compares with what the municipality's case system says of the meeting.
@Suite struct MinutesCorpusTests {
    struct Figures {
        var documents = 0
        var failed: [String] = []
        var dateRight = 0
        var startRight = 0
        var bodyRight = 0
        var endRight = 0
        var placeRight = 0
        var countRight = 0
        var truthItems = 0
        var numberRight = 0
        var titleRight = 0
        var misses: [String] = []
        var warnings: [ReadWarning.Code: Int] = [:]
    }

    @Test func everyMinutesDocumentReadsAsTheCaseSystemRecordsIt() throws {
        guard let folder = Corpus.folder("minutes") else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        var figures = Figures()
        let reader = DocumentReader()
        for file in files {
            let url = folder.appendingPathComponent(file)
            let truthURL = folder.appendingPathComponent(file.replacingOccurrences(of: ".txt", with: ".truth.json"))
            guard let truth = try? Corpus.json(truthURL) else { continue }
            figures.documents += 1
            let document: ReadDocument
            do {
                document = try reader.read(fileAt: url)
            } catch {
                figures.failed.append("\(file): \(error)")
                continue
            }
            compare(document, with: truth, file: file, into: &figures)
            for warning in document.warnings { figures.warnings[warning.code, default: 0] += 1 }
        }
        let numberShare = figures.truthItems == 0 ? 1 : Double(figures.numberRight) / Double(figures.truthItems)
        let titleShare = figures.truthItems == 0 ? 1 : Double(figures.titleRight) / Double(figures.truthItems)
        print("""
        MINUTES CORPUS: \(figures.documents) documents, \(figures.failed.count) failed
          meeting date right: \(figures.dateRight)/\(figures.documents)
          start time right:   \(figures.startRight)/\(figures.documents)
          body right:         \(figures.bodyRight)/\(figures.documents)
          end time right:     \(figures.endRight)/\(figures.documents)
          place right:        \(figures.placeRight)/\(figures.documents)
          item count right:   \(figures.countRight)/\(figures.documents)
          item number+series: \(figures.numberRight)/\(figures.truthItems) = \(String(format: "%.1f", numberShare * 100)) %
          item title:         \(figures.titleRight)/\(figures.truthItems) = \(String(format: "%.1f", titleShare * 100)) %
        """)
        print("  warnings: \(figures.warnings.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", "))")
        for miss in figures.misses { print("  MISS \(miss)") }
        #expect(figures.documents > 0)
        #expect(figures.failed.isEmpty, "\(figures.failed)")
        #expect(figures.dateRight == figures.documents)
        #expect(figures.startRight == figures.documents)
        #expect(figures.bodyRight == figures.documents)
        #expect(figures.endRight == figures.documents)
        #expect(figures.placeRight == figures.documents)
        #expect(figures.countRight == figures.documents)
        #expect(numberShare == 1.0)
        #expect(titleShare >= 0.95)
        // These documents come straight from a case system: warnings that mean "the reader misread the
        // structure" must not appear. (Shared counters across series are real and expected.)
        let misreadings: [ReadWarning.Code] = [.outOfOrder, .titleMismatch, .repeatedHeading, .notInAgenda, .noItemBlock,
                                               .duplicateNumber, .numberOnlyInText, .handlingNumberMismatch, .dateMismatch,
                                               .missingDate, .missingBody, .missingStartTime, .noItems]
        #expect(misreadings.allSatisfy { figures.warnings[$0] == nil }, "\(figures.warnings)")
    }

    private func compare(_ document: ReadDocument, with truth: [String: Any], file: String, into figures: inout Figures) {
        if document.meeting.date?.description == truth["date"] as? String {
            figures.dateRight += 1
        } else {
            figures.misses.append("\(file) date \(document.meeting.date?.description ?? "nil") ≠ \(truth["date"] ?? "nil")")
        }
        if document.meeting.start?.description == truth["start"] as? String {
            figures.startRight += 1
        } else {
            figures.misses.append("\(file) start \(document.meeting.start?.description ?? "nil") ≠ \(truth["start"] ?? "nil")")
        }
        if document.meeting.end?.description == truth["end"] as? String {
            figures.endRight += 1
        } else {
            figures.misses.append("\(file) end \(document.meeting.end?.description ?? "nil") ≠ \(truth["end"] ?? "nil")")
        }
        if document.meeting.place.map(Corpus.normalised) == (truth["place"] as? String).map(Corpus.normalised) {
            figures.placeRight += 1
        } else {
            figures.misses.append("\(file) place \(document.meeting.place ?? "nil") ≠ \(truth["place"] ?? "nil")")
        }
        let body = (truth["body"] as? String).map(Corpus.normalised)
        if let read = document.body, Corpus.normalised(read) == body {
            figures.bodyRight += 1
        } else {
            figures.misses.append("\(file) body \(document.body ?? "nil") ≠ \(truth["body"] ?? "nil")")
        }
        let expectedCount = truth["item_count"] as? Int ?? -1
        // A truth file with a note says the document itself lists more numbers than the case system
        // counts; then the reader must report what it reads and warn about the disagreement.
        if document.items.count == expectedCount
            || (truth["note"] != nil && document.items.count > expectedCount
                && document.warnings.contains { $0.code == .sharedNumberAcrossSeries }) {
            figures.countRight += 1
        } else {
            figures.misses.append("\(file) items \(document.items.count) ≠ \(expectedCount): \(document.items.map { "\($0.number)" })")
        }
        for entry in truth["items"] as? [[String: Any]] ?? [] {
            guard let numberText = entry["number"] as? String, let expected = ItemNumber(tolerant: numberText) else { continue }
            figures.truthItems += 1
            guard let item = document.item(expected) else {
                figures.misses.append("\(file) no item \(numberText)")
                continue
            }
            figures.numberRight += 1
            let title = entry["title"] as? String ?? ""
            if Corpus.normalised(item.title) == Corpus.normalised(title) {
                figures.titleRight += 1
            } else {
                figures.misses.append("\(file) \(numberText) title «\(item.title)» ≠ «\(title)»")
            }
        }
    }
}
