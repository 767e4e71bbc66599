import DocketModel
import Foundation
import Testing
@testable import DocketStore

/// The labelled Norwegian query set (Tests/Fixtures/norwegian-queries.json), run through the store.
struct QuerySet: Decodable {
    struct Document: Decodable { var id: String; var title: String; var body: String }
    struct Query: Decodable {
        var id: String
        var query: String
        var note: String?
        var must_find: [String]
        var must_not_find: [String]
    }
    var documents: [Document]
    var queries: [Query]

    static func load() throws -> QuerySet {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Fixtures/norwegian-queries.json")
        return try JSONDecoder().decode(QuerySet.self, from: Data(contentsOf: url))
    }
}

@Suite struct SearchTests {
    /// Each labelled document becomes an item of one meeting; its number's sequence names it.
    func storeWithQuerySet() throws -> (Store, [String: String]) {
        let set = try QuerySet.load()
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        var referenceOfDocument: [String: String] = [:]
        for document in set.documents {
            let item = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: document.title, kind: .decision, caseText: document.body))
            referenceOfDocument[document.id] = item.reference.description
        }
        return (store, referenceOfDocument)
    }

    @Test func everyLabelledQueryFindsWhatItMustAndNothingItMustNot() throws {
        let set = try QuerySet.load()
        #expect(set.queries.count >= 30)
        let (store, references) = try storeWithQuerySet()
        var filter = SearchFilter()
        filter.limit = 1000
        for query in set.queries {
            let found = Set(try store.search(query.query, filter: filter).map(\.reference))
            for id in query.must_find {
                #expect(found.contains(references[id]!), "\(query.id) '\(query.query)' should find \(id) (\(query.note ?? ""))")
            }
            for id in query.must_not_find {
                #expect(!found.contains(references[id]!), "\(query.id) '\(query.query)' should not find \(id) (\(query.note ?? ""))")
            }
        }
    }

    /// Two bodies, two years, decided and changed items, and an exempt one.
    func archive() throws -> Store {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2020-03-11"), withStandingItems: false)
        try store.createMeeting(bodySlug: "fg-helse", date: date("2019-05-02"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Budsjettprinsipper", kind: .discussion, caseText: "Fordeling av kostnader.", proposal: "Tas til orientering."))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Ressurspool", kind: .decision, caseText: "Budsjett for ressurspoolen.", proposal: "Vedtas."))
        try store.addItem(to: "styringsgruppen@2020-03-11", ItemDraft(title: "Budsjett 2021", kind: .decision, proposal: "Vedtas."))
        try store.addItem(to: "fg-helse@2019-05-02", ItemDraft(title: "Velferdsteknologi og budsjett", kind: .information))
        var secret = ItemDraft(title: "Lisensforhandlinger", kind: .decision, caseText: "Hemmeligpris og budsjett for lisensen.")
        secret.isExempt = true
        secret.exemptionBasis = "offl. § 23"
        try store.addItem(to: "styringsgruppen@2019-02-13", secret)
        try store.recordDecision("styringsgruppen 2/19", DecisionDraft(text: "Ressurspoolen etableres med endret budsjett.", outcome: .amended, tally: .counted(for: 5, against: 2, abstaining: 0)))
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Tas til orientering.", outcome: .noted, tally: nil))
        return store
    }

    func references(_ query: String, _ configure: (inout SearchFilter) -> Void = { _ in }, in store: Store) throws -> [String] {
        var filter = SearchFilter()
        configure(&filter)
        return try store.search(query, filter: filter).map(\.reference).sorted()
    }

    @Test func filtersNarrowTheHits() throws {
        let store = try archive()
        #expect(try references("budsjett", in: store) == ["fg-helse 1/19", "styringsgruppen 1/19", "styringsgruppen 1/20", "styringsgruppen 2/19", "styringsgruppen 3/19"])
        #expect(try references("budsjett", { $0.body = "styringsgruppen" }, in: store).count == 4)
        #expect(try references("budsjett", { $0.body = "styringsgruppen"; $0.includeSubbodies = true }, in: store).count == 5)
        #expect(try references("budsjett", { $0.year = 2020 }, in: store) == ["styringsgruppen 1/20"])
        #expect(try references("budsjett", { $0.from = date("2019-03-01"); $0.to = date("2019-12-31") }, in: store) == ["fg-helse 1/19"])
        #expect(try references("budsjett", { $0.kind = .information }, in: store) == ["fg-helse 1/19"])
        #expect(try references("budsjett", { $0.outcome = .amended }, in: store) == ["styringsgruppen 2/19"])
        #expect(try references("budsjett", { $0.changedOnly = true }, in: store) == ["styringsgruppen 2/19"])
    }

    @Test func publicSearchNeverFindsAnExemptItem() throws {
        let store = try archive()
        #expect(try references("hemmeligpris", in: store) == ["styringsgruppen 3/19"])
        #expect(try references("hemmeligpris", { $0.isPublic = true }, in: store).isEmpty)
        #expect(try !references("budsjett", { $0.isPublic = true }, in: store).contains("styringsgruppen 3/19"))
    }

    @Test func titlesAndDecisionsOutrankCaseText() throws {
        let store = try archive()
        let hits = try store.search("ressurspool")
        #expect(hits.first?.reference == "styringsgruppen 2/19")
        #expect(hits.first?.snippet.contains("«") == true)
        #expect(hits.first?.outcome == .amended)
    }

    @Test func theIndexFollowsEditsAndDecisionsInTheSameTransaction() throws {
        let store = try archive()
        try store.editItem("styringsgruppen 1/20", ItemDraft(title: "Årsbudsjett og økonomiplan"))
        #expect(try references("økonomiplan", in: store) == ["styringsgruppen 1/20"])
        try store.recordDecision("styringsgruppen 1/20", DecisionDraft(text: "Investeringsrammen økes.", outcome: .amended, tally: .unanimous))
        #expect(try references("investeringsrammen", in: store) == ["styringsgruppen 1/20"])
        try store.deleteItem("fg-helse 1/19")
        #expect(try references("velferdsteknologi", in: store).isEmpty)
        try store.reindex()
        #expect(try references("investeringsrammen", in: store) == ["styringsgruppen 1/20"])
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM item_search") == 4)
    }

    @Test func mergingTheIndexLeavesOneSegmentAndTheSameHits() throws {
        let store = try archive()
        // Items added one transaction at a time, as a secretary adds them, leave many segments.
        let meeting = try store.meetings().first!.reference
        for number in 1...60 {
            _ = try store.addItem(to: meeting, ItemDraft(title: "Budsjettprinsipper \(number)", kind: .information,
                                                         caseText: "Saken gjelder velferdsteknologi og budsjett for \(number)."))
        }
        let before = try store.searchIndexSegmentCount()
        #expect(before > 1, "\(before) segment(s) before the merge")
        let queries = ["budsjett", "prinsipp", "velferdsteknologi", "investeringsrammen"]
        let hitsBefore = try queries.map { try store.search($0, filter: { var f = SearchFilter(); f.limit = 100; return f }()) }
        try store.mergeSearchIndex()
        #expect(try store.searchIndexSegmentCount() == 1)
        let hitsAfter = try queries.map { try store.search($0, filter: { var f = SearchFilter(); f.limit = 100; return f }()) }
        #expect(hitsAfter.map { $0.map(\.reference) } == hitsBefore.map { $0.map(\.reference) })
        #expect(hitsAfter.flatMap { $0 }.count > 60)
        try store.db.execute("INSERT INTO item_search (item_search) VALUES ('integrity-check')")
    }

    @Test func anyUserTextSearchesWithoutAnError() throws {
        let store = try archive()
        for text in ["plan- og byggesak", "\"", "AND", "budsjett)", "*", "NEAR(a b)", "^budsjett", "bud:sjett", "'; DROP TABLE body; --"] {
            _ = try store.search(text)
        }
        #expect(try store.bodies().count == 3)
    }
}
