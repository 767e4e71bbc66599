import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import SQLite
import Testing

@Suite struct JSONMergeTests {
    @Test func importingTheSameFileAgainChangesNothing() throws {
        let store = try makeRichStore()
        let json = try InterchangeExporter(store: store).export()
        let before = try tableDump(store)
        let report = try InterchangeImporter(store: store).importJSON(json, file: "again.json")
        #expect(report.insertedCount == 0)
        #expect(report.conflicts.isEmpty, "\(report.conflicts)")
        #expect(try tableDump(store) == before)
    }

    @Test func aStoreThatDiffersKeepsItsRecordsAndTheDifferencesAreReported() throws {
        let json = try InterchangeExporter(store: try makeRichStore()).export()
        let store = try Store.inMemory()
        try store.saveOrganisation(name: "fjordvik kommune", kind: .county, isCooperationMember: false)
        try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Et annet navn", kind: .steeringGroup))
        try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate("2019-02-13")!, MeetingDraft(place: "Annet sted"))
        let report = try InterchangeImporter(store: store).importJSON(json, file: "merge.json")
        #expect(report.conflicts.contains { $0.contains("organisation 'Fjordvik kommune'") && $0.contains("kind") })
        #expect(report.conflicts.contains { $0.contains("body 'styringsgruppen'") && $0.contains("name") })
        #expect(report.conflicts.contains { $0.contains("meeting styringsgruppen@2019-02-13") && $0.contains("place") })
        #expect(try store.organisation(named: "Fjordvik kommune").kind == .county)
        #expect(try store.body(slug: "styringsgruppen").name == "Et annet navn")
        #expect(try store.meeting("styringsgruppen@2019-02-13").place == "Annet sted")
        // What the store did not have came in: the other body, the other meetings, the items.
        #expect(try store.body(slug: "fg-helse").parentSlug == "styringsgruppen")
        #expect(try store.item("styringsgruppen 5/19").title == Awkward.title)
        #expect(try store.meeting("styringsgruppen@2019-06-12").place == "Rådhuset")
    }

    @Test func aPublicExportCarriesOnlyNumberPublicTitleAndLegalBasisOfExemptItems() throws {
        let store = try makeRichStore()
        let json = try InterchangeExporter(store: store).export(scope: .init(isPublic: true))
        let text = String(decoding: json, as: UTF8.self)
        for secret in ["Ola Nordmann", "Hemmelig", "hemmelig"] {
            #expect(!text.contains(secret), "the public export leaks '\(secret)'")
        }
        let document = try JSONDecoder().decode(InterchangeDocument.self, from: json)
        let exempt = try #require(document.items.first { $0.number == "6/2019" })
        #expect(exempt.title == "Personalsak")
        #expect(exempt.exemptionBasis == "offl. § 25")
        #expect(exempt.decision == nil && exempt.caseText == nil && exempt.proposal == nil)
        #expect(document.scope.isPublic)
        // It still imports.
        let copy = try Store.inMemory()
        try InterchangeImporter(store: copy).importJSON(json, file: "public.json")
        #expect(try copy.item("styringsgruppen 6/19").title == "Personalsak")
    }

    @Test func anExportCanBeLimitedToABodyAndAYear() throws {
        let store = try makeRichStore()
        let json = try InterchangeExporter(store: store).export(scope: .init(body: "fg-helse", year: 2019))
        let document = try JSONDecoder().decode(InterchangeDocument.self, from: json)
        #expect(Set(document.meetings.map(\.body)) == ["fg-helse"])
        #expect(document.items.allSatisfy { $0.body == "fg-helse" })
        let since = try JSONDecoder().decode(InterchangeDocument.self, from: try InterchangeExporter(store: store)
            .export(scope: .init(since: CalendarDate("2019-03-01"))))
        #expect(since.meetings.map(\.date.description).sorted() == ["2019-03-01", "2019-05-02", "2019-06-12"])
        // The limited file imports into an empty store; links out of it are reported, not invented.
        let copy = try Store.inMemory()
        let report = try InterchangeImporter(store: copy).importJSON(try InterchangeExporter(store: store)
            .export(scope: .init(body: "styringsgruppen", since: CalendarDate("2019-06-01"))), file: "part.json")
        #expect(report.warnings.contains { $0.contains("fg-helse 1/2019") })
    }
}
