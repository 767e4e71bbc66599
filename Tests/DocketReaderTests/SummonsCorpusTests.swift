import DocketModel
import DocketReader
import Foundation
import Testing

/// The hand-labelled summons of the corpus: every item, the meeting and letter fields, the warnings.
@Suite struct SummonsCorpusTests {
    static func load() throws -> (ReadDocument, [String: Any])? {
        guard let seeds = Corpus.folder("seeds"), let expected = Corpus.folder("expected") else { return nil }
        guard let file = try FileManager.default.contentsOfDirectory(atPath: expected.path).first(where: { $0.hasPrefix("004_") })
        else {
            Issue.record("no expected/004_*.json in \(expected.path): the summons corpus test has nothing to compare with")
            return nil
        }
        let truth = try Corpus.json(expected.appendingPathComponent(file))
        let source = seeds.appendingPathComponent(file.replacingOccurrences(of: ".json", with: ".txt"))
        return (try DocumentReader().read(fileAt: source), truth)
    }

    @Test func readsEveryItemOfTheExpectedFile() throws {
        guard let (document, truth) = try Self.load() else { return }
        let items = truth["items"] as? [[String: Any]] ?? []
        #expect(document.items.count == items.count)
        for entry in items {
            let numberText = entry["number"] as? String ?? ""
            let number = try #require(ItemNumber(tolerant: numberText))
            guard let item = document.item(number) else {
                Issue.record("item \(numberText) not read")
                continue
            }
            #expect(item.title == entry["title"] as? String, "title of \(numberText)")
            #expect(item.basis == entry["basis"] as? String, "basis of \(numberText)")
            #expect(item.kind?.rawValue == entry["kind"] as? String, "kind of \(numberText)")
            #expect(item.section?.rawValue == entry["section"] as? String, "section of \(numberText)")
            let start = entry["proposal_starts_with"] as? String ?? ""
            #expect(item.proposal?.hasPrefix(start) == true, "proposal of \(numberText): \(item.proposal ?? "nil")")
        }
    }

    @Test func readsTheMeetingAndTheLetter() throws {
        guard let (document, truth) = try Self.load() else { return }
        #expect(document.kind == .summons)
        #expect(document.body == truth["body"] as? String)
        let meeting = truth["meeting"] as? [String: Any] ?? [:]
        #expect(document.meeting.date?.description == meeting["date"] as? String)
        #expect(document.meeting.start?.description == meeting["start"] as? String)
        #expect(document.meeting.end?.description == meeting["end"] as? String)
        #expect(document.meeting.place == meeting["place"] as? String)
        let summons = truth["summons"] as? [String: Any] ?? [:]
        #expect(document.summons?.issuedAtPlace == summons["issued_at_place"] as? String)
        #expect(document.summons?.issuedOn?.description == summons["issued_on"] as? String)
        #expect(document.summons?.addressees == summons["addressees"] as? String)
        #expect(document.summons?.signedBy == summons["signed_by"] as? String)
        #expect(document.summons?.signerTitle == summons["signer_title"] as? String)
        #expect(document.attachments.map(\.title) == truth["attachments"] as? [String])
    }

    @Test func keepsReferencesAndDoesNotTakeAnotherBodysItem() throws {
        guard let (document, truth) = try Self.load() else { return }
        let earlier = Set(document.references.filter { !$0.isItemOfThisDocument && !$0.namesAnotherBody }.map { "\($0.number)" })
        for number in truth["references_to_earlier_items"] as? [String] ?? [] {
            #expect(earlier.contains(number), "reference to \(number)")
        }
        // "sak 01 – 2019" belongs to the Smart kommune steering group: a reference naming another body, not an item.
        let foreign = document.references.filter(\.namesAnotherBody)
        #expect(foreign.contains { $0.raw.contains("01 – 2019") })
        #expect(document.items.count == 11)
    }

    /// "Item 9/19 holds the year's meeting plan as a table (four dates with time and place)."
    @Test func readsTheMeetingPlanOfItem9() throws {
        guard let (document, _) = try Self.load() else { return }
        let plan = try #require(document.item(ItemNumber(sequence: 9, year: 2019))?.plannedMeetings)
        #expect(plan.map(\.date?.description) == ["2019-02-13", "2019-06-21", "2019-09-04", "2019-12-11"])
        #expect(plan.allSatisfy { $0.start == TimeOfDay(hour: 12, minute: 0) && $0.end == TimeOfDay(hour: 14, minute: 0) })
        #expect(plan.first?.place == "Sandnes – Quality Hotel Residence")
    }

    /// The four warnings the label file lists: year mismatch in the agenda, the item without kind,
    /// differing titles, and blocks out of order.
    @Test func raisesTheExpectedWarnings() throws {
        guard let (document, _) = try Self.load() else { return }
        func lines(_ code: ReadWarning.Code) -> [Int] { document.warnings.filter { $0.code == code }.compactMap(\.line) }
        #expect(lines(.numberYearMismatch) == [23, 24, 25, 26])
        #expect(lines(.missingKind) == [20])
        #expect(document.warnings.first { $0.code == .missingKind }?.item == ItemNumber(sequence: 6, year: 2019))
        #expect(lines(.titleMismatch).contains(160))
        #expect(lines(.outOfOrder) == [200])
        for warning in document.warnings { print("  \(warning)") }
    }
}

/// The corpus summons written as Word and as HTML (paragraphs, and tables for its tab-separated rows)
/// reads into the same items as the text.
@Suite struct SummonsAcrossFormatsTests {
    static func blocks(of text: String) -> [(isTable: Bool, lines: [String])] {
        var blocks: [(Bool, [String])] = []
        for line in text.components(separatedBy: "\n") {
            let isRow = line.contains("\t")
            if let last = blocks.last, last.0 == isRow, isRow {
                blocks[blocks.count - 1].1.append(line)
            } else {
                blocks.append((isRow, [line]))
            }
        }
        return blocks
    }

    static func escapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func docx(from text: String) throws -> Data {
        var body = ""
        for (isTable, lines) in blocks(of: text) {
            if isTable {
                body += "<w:tbl>" + lines.map { DocxTests.row($0.components(separatedBy: "\t").map(escapeXML)) }.joined() + "</w:tbl>"
            } else {
                body += lines.map { DocxTests.paragraph(escapeXML($0)) }.joined()
            }
        }
        return try DocxTests.docx(body: body)
    }

    static func html(from text: String) -> Data {
        var html = "<html><body>\n"
        for (isTable, lines) in blocks(of: text) {
            if isTable {
                html += "<table>" + lines.map { "<tr>" + $0.components(separatedBy: "\t").map { "<td>\(escapeXML($0))</td>" }.joined() + "</tr>" }.joined() + "</table>\n"
            } else {
                html += lines.map { "<p>\(escapeXML($0))</p>\n" }.joined()
            }
        }
        return Data((html + "</body></html>").utf8)
    }

    static func summary(_ document: ReadDocument) -> [String] {
        document.items.map { item in
            [item.number.description, item.title, item.basis ?? "-", item.kind?.rawValue ?? "-", item.section?.rawValue ?? "-",
             String((item.proposal ?? "").prefix(40))].joined(separator: " | ")
        }
    }

    @Test func wordAndHTMLReadLikeTheText() throws {
        guard let seeds = Corpus.folder("seeds") else { return }
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first(where: { $0.hasPrefix("004_") }),
                                "no seeds/004_*.txt in the corpus")
        let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
        let reader = DocumentReader()
        let fromText = reader.read(text: text)
        let fromWord = try reader.read(data: try Self.docx(from: text), format: .docx)
        let fromHTML = try reader.read(data: Self.html(from: text), format: .html)
        #expect(Self.summary(fromWord) == Self.summary(fromText))
        #expect(Self.summary(fromHTML) == Self.summary(fromText))
        #expect(fromWord.meeting == fromText.meeting)
        #expect(fromHTML.body == fromText.body)
        #expect(Set(fromWord.warnings.map(\.code)) == Set(fromText.warnings.map(\.code)))
        #expect(Set(fromHTML.warnings.map(\.code)) == Set(fromText.warnings.map(\.code)))
    }
}
