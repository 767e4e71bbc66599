import DocketInterchange
import DocketModel
@testable import DocketStore
import Foundation
import Testing

/// Files a hostile or careless user could hand an import: forged attachment bytes, merges and
/// documents that would change approved minutes. Each is refused or reported, and the store
/// keeps what it had.
@Suite struct ForgedFileTests {
    /// The bytes of a file replaced by others of the same length, its `sha256` kept: before, the
    /// import stored them under the real file's hash, and a later `docket attach` of the real
    /// file reused the forged bytes.
    @Test func contentThatDoesNotHashToItsSha256IsRefusedWithItsLocation() throws {
        let export = String(decoding: try InterchangeExporter(store: try makeRichStore()).export(), as: UTF8.self)
        let real = Data("hemmelig".utf8).base64EncodedString(), forged = Data("HEMMELIG".utf8).base64EncodedString()
        #expect(real.count == forged.count)
        let text = export.replacingOccurrences(of: "\"content\":\"\(real)\"", with: "\"content\":\"\(forged)\"")
        try #require(text != export, "the export has no file with the content 'hemmelig'")
        let line = text[..<text.range(of: forged)!.lowerBound].filter { $0 == "\n" }.count + 1

        let store = try Store.inMemory()
        try store.addBody(slug: "annet", BodyDraft(name: "Annet organ"))
        let before = try tableDump(store)
        let error = #expect(throws: InterchangeError.self) {
            try InterchangeImporter(store: store).importJSON(Data(text.utf8), file: "forged.json")
        }
        #expect(error?.file == "forged.json")
        #expect(error?.line == line, "\(String(describing: error))")
        #expect(error?.column != nil)
        #expect(error?.description.contains("SHA-256") == true, "\(String(describing: error))")
        #expect(error?.description.contains(FileAttacher.sha256(Data("hemmelig".utf8))) == true)
        #expect(error?.description.contains("files[") == true, "\(String(describing: error))")
        #expect(try tableDump(store) == before, "the store changed")
    }

    @Test func contentThatHashesRightStillImports() throws {
        let export = try InterchangeExporter(store: try makeRichStore()).export()
        let store = try Store.inMemory()
        try InterchangeImporter(store: store).importJSON(export, file: "export.json")
        let sha = FileAttacher.sha256(Data("hemmelig".utf8))
        #expect(try store.db.fetchValue(Data.self, "SELECT content FROM stored_file WHERE sha256 = ?", [sha]) == Data("hemmelig".utf8))
    }
}

@Suite struct ApprovedMinutesMergeTests {
    /// The rich store's 2019-02-13 minutes are approved. A file that has one more item at that
    /// meeting: before, the merge added it to the approved minutes.
    @Test func aMergeDoesNotAddAnItemToApprovedMinutes() throws {
        let store = try makeRichStore()
        var document = try InterchangeExporter(store: store).document()
        let index = try #require(document.items.firstIndex { $0.number == "5/2019" })
        var extra = document.items[index]
        extra.number = "42/2019"
        extra.position = 42
        extra.title = "Sak lagt til etter godkjenning"
        extra.decision = nil
        extra.votes = []
        extra.conflictsOfInterest = []
        document.items.append(extra)
        var attachment = try #require(document.attachments.first { $0.item == "styringsgruppen 5/2019" })
        attachment.item = "styringsgruppen 42/2019"
        document.attachments.append(attachment)

        let before = try tableDump(store)
        let report = try InterchangeImporter(store: store).importDocument(document)
        #expect(report.conflicts.contains { $0.contains("styringsgruppen 42/2019") && $0.contains("approved") && $0.contains("left out") },
                "\(report.conflicts)")
        #expect(report.insertedCount == 0, "\(report.inserted)")
        #expect(try tableDump(store) == before, "the approved minutes changed")
        #expect(throws: InterchangeError.self) {
            try InterchangeImporter(store: store).importJSON(try JSONEncoder().encode(document), file: "merge.json", refusingConflicts: true)
        }
    }
}

/// Minutes read from a document, then approved; the same minutes come again, changed.
@Suite
struct ApprovedMinutesDocumentTests {
    let dir: TemporaryDirectory
    let original: URL
    let text: String

    init() throws {
        dir = try TemporaryDirectory()
        original = Corpus.folder.appending(path: "minutes/1231.txt")
        text = try String(contentsOf: original, encoding: .utf8)
    }

    /// A store with 1231's minutes imported and approved.
    func approvedStore() throws -> (Store, meeting: MeetingReference) {
        let store = try Store.inMemory()
        let result = DocumentImporter(store: store).importDocument(at: original)
        #expect(result.status == .imported, "\(result.failure ?? "")")
        let meeting = try MeetingReference(parsing: try #require(result.meeting))
        try store.approveMinutes(of: meeting, on: CalendarDate("2026-02-20"))
        return (store, meeting)
    }

    func write(_ text: String, _ name: String) throws -> URL {
        let url = dir.url.appending(path: name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Before, the importer skipped the decisions of approved minutes without a word: the
    /// document was "imported" and the changed decision lost.
    @Test func aChangedDecisionIsAConflictAndNothingChanges() throws {
        let (store, meeting) = try approvedStore()
        let decision = "Vedtak\n\nSluttrapport 2025 Temaplan næring godkjennes som fremlagt"
        try #require(text.contains(decision))
        let changed = try write(text.replacingOccurrences(of: decision, with: "Vedtak\n\nSluttrapport 2025 Temaplan næring sendes tilbake"),
                                "1231-endret.txt")
        let before = try tableDump(store)
        let result = DocumentImporter(store: store).importDocument(at: changed)
        #expect(result.status == .failed)
        let failure = result.failure ?? ""
        #expect(failure.contains("approved") && failure.contains("decision on") && failure.contains("PS 1/26"), "\(failure)")
        #expect(failure.contains("docket decision correct"), "\(failure)")
        #expect(failure.contains(meeting.description))
        #expect(try tableDump(store) == before)
    }

    /// Before, an item the approved minutes did not have was added to them.
    @Test func anAddedItemIsAConflictAndNothingChanges() throws {
        let (store, _) = try approvedStore()
        let added = text + """

            PS 4/26 Sak lagt til etter godkjenning
            Hovedutvalg plan næring og miljøs behandling av sak 4/2026 i møte den 27.01.2026:

            Vedtak

            Saken tas til orientering.

            """
        let url = try write(added, "1231-tillegg.txt")
        let before = try tableDump(store)
        let result = DocumentImporter(store: store).importDocument(at: url)
        #expect(result.status == .failed)
        #expect((result.failure ?? "").contains("item PS 4/26"), "\(result.failure ?? "")")
        #expect(try tableDump(store) == before)
    }

    /// The same minutes in other bytes (another layout) agree with the approved ones: kept as
    /// an attachment of the meeting, its items and decisions as they were.
    @Test func minutesThatAgreeAreImportedWithoutChangingThem() throws {
        let (store, meeting) = try approvedStore()
        let decisions = try store.items(meeting: meeting).map { try store.decision(itemID: $0.id)?.text }
        let url = try write(text.replacingOccurrences(of: "\n", with: "\r\n"), "1231-crlf.txt")
        try store.db.execute("UPDATE meeting SET start_time = NULL, place = NULL")
        let meetingBefore = try store.db.fetchAll("SELECT * FROM meeting").map(\.values)
        let result = DocumentImporter(store: store).importDocument(at: url)
        #expect(try store.db.fetchAll("SELECT * FROM meeting").map(\.values) == meetingBefore, "the approved meeting's fields were filled in")
        #expect(result.status == .imported, "\(result.failure ?? "")")
        #expect(result.itemsCreated == 0 && result.decisions == 0)
        #expect(try store.items(meeting: meeting).map { try store.decision(itemID: $0.id)?.text } == decisions)
    }
}

/// What a batch's summary counts.
@Suite
struct ImportSummaryTests {
    /// 1231's minutes dated a day later: a new meeting, whose items carry numbers the store has
    /// at another meeting, so the document fails. Before, its meeting still counted as new.
    @Test func aFailedDocumentCountsNoMeetingItemsOrDecisions() throws {
        let dir = try TemporaryDirectory()
        let original = Corpus.folder.appending(path: "minutes/1231.txt")
        let text = try String(contentsOf: original, encoding: .utf8)
        let moved = dir.url.appending(path: "1231-flyttet.txt")
        try text.replacingOccurrences(of: "27.01.2026", with: "28.01.2026").write(to: moved, atomically: true, encoding: .utf8)

        let store = try Store.inMemory()
        let importer = DocumentImporter(store: store)
        var summary = ImportSummary()
        summary.add(importer.importDocument(at: original))
        let before = try tableDump(store)
        let failed = importer.importDocument(at: moved)
        summary.add(failed)
        #expect(failed.status == .failed)
        #expect(!failed.meetingCreated && failed.itemsCreated == 0 && failed.decisions == 0)
        #expect(summary.meetings == 1 && summary.failed == 1)
        #expect(summary.items == 5, "\(summary.items)")
        #expect(try tableDump(store) == before)

        // Counted as stored only: a summary fed a failed result with counts in it ignores them.
        var forged = failed
        forged.meetingCreated = true
        forged.itemsCreated = 3
        var other = ImportSummary()
        other.add(forged)
        #expect(other.meetings == 0 && other.items == 0)
    }
}
