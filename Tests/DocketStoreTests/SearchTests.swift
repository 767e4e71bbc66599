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

    /// docket_topk (one C walk per phrase, a heap, score bounds) gives the SQL path's best rows: the
    /// same rows, the same order, the same scores, for every labelled query and for shapes of AND,
    /// OR, NOT, phrases, prefixes and column filters, at several k, on an archive where many rows tie.
    @Test func topKRankingEqualsRankingEveryMatch() throws {
        let set = try QuerySet.load()
        let (store, _) = try storeWithQuerySet()
        let words = set.documents.flatMap { ($0.title + " " + $0.body).split(separator: " ").map(String.init) }
        var random = SystemRandomNumberGenerator()
        let meeting = try store.meetings().first!.reference
        try store.write { _ in
            for number in 0..<400 {
                let title = (0..<Int.random(in: 2...6, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
                let text = (0..<Int.random(in: 5...60, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
                _ = try store.addItem(to: meeting, ItemDraft(title: title, kind: .decision, caseText: text, proposal: number % 3 == 0 ? title : nil))
            }
        }
        let extra = ["vedtak", "budsjett OR økonomiplan OR velferdsteknologi", "høring NOT plan", "vedtak NOT budsjett NOT møte",
                     "\"til orientering\"", "saksbeh*", "styringsgruppen AND referat", "title: budsjett", "title:møteplan OR vedtak",
                     "kommunene samarbeid", "sak", "møte"]
        var checked = 0
        for text in set.queries.map(\.query) + extra {
            guard let query = SearchQuery(text), let shape = query.shape else { continue }
            for limit in [1, 3, 20, 1000] {
                let top = try store.topRanked(query, shape: shape, limit: limit)
                let all = try store.rankedBySQL(query, limit: limit)
                #expect(top.map(\.id) == all.map(\.id), "\(text) k=\(limit)")
                for (a, b) in zip(top, all) { #expect(abs(a.rank - b.rank) <= 1e-12 * max(1, abs(b.rank)), "\(text): \(a.rank) vs \(b.rank)") }
            }
            checked += 1
        }
        #expect(checked >= set.queries.count)
        // Filtered: the top-k narrowed by the filter (or SQL, when too few pass) gives what ranking every
        // match with the filter through SQL gives.
        try store.db.execute("UPDATE agenda_item SET is_exempt = 1, exemption_basis = 'offl. § 13' WHERE id % 3 = 0")
        try store.db.execute(script: "INSERT INTO decision (item_id, outcome) SELECT id, 'postponed' FROM agenda_item WHERE id % 7 = 0;")
        for text in ["vedtak", "møte", "budsjett OR økonomiplan", "sak", "styringsgruppen AND referat"] {
            let query = SearchQuery(text)!
            for limit in [5, 20, 1000] {
                var open = SearchFilter(); open.isPublic = true; open.limit = limit
                var postponed = SearchFilter(); postponed.outcome = .postponed; postponed.limit = limit
                for filter in [open, postponed] {
                    #expect(try store.ranked(query, filter).map(\.id) == store.rankedWithFilters(query, filter).map(\.id), "\(text) k=\(limit)")
                }
            }
        }
        // Inside an open transaction, rows not yet committed are ranked too.
        try store.write { _ in
            _ = try store.addItem(to: meeting, ItemDraft(title: "Zebrakryssing zebrakryssing", kind: .decision))
            let query = SearchQuery("zebrakryssing")!
            #expect(try store.topRanked(query, shape: query.shape!, limit: 5).count == 1)
        }
    }

    /// A page of hits (`Store.hits`, snippets by docket_snippet from the rows' own texts) marks the
    /// words FTS5 marks: every ranked row is a hit, in rank order, each snippet marks at least one
    /// passage, and every passage it marks is one FTS5's highlight() marks in that row, for every
    /// labelled query, an OR, a phrase, a prefix, a NOT and a column filter; a public search leaves
    /// an exempt item out.
    @Test func aPageOfHitsMarksTheWordsFTS5Marks() throws {
        let set = try QuerySet.load()
        let (store, _) = try storeWithQuerySet()
        var compared = 0
        let extra = ["budsjett OR økonomiplan", "\"til orientering\"", "saksbeh*", "budsjett NOT skole", "title:budsjett"]
        for text in set.queries.map(\.query) + extra {
            guard let query = SearchQuery(text) else { continue }
            let ranked = try store.ranked(query, { var f = SearchFilter(); f.limit = 21; return f }())
            let page = try store.hits(ranked, query: query, isPublic: false)
            #expect(page.count == ranked.count, "\(text)")
            #expect(page.map(\.rank) == ranked.map(\.rank), "\(text)")
            for (hit, row) in zip(page, ranked) {
                let marked = Store.markedWords(hit.snippet)
                #expect(!marked.isEmpty, "\(text): \(hit.reference) \(hit.snippet)")
                // FTS5 marks only the phrases of the branches that matched; where the query is AND, OR
                // or NOT alone, those are all the phrases found; in a mixed query (`a AND (b OR c)`) the
                // snippet may also mark a phrase found in a branch that failed.
                var fts5 = try store.wordsFTS5Marks(in: row.id, expression: query.expression)
                if query.shape == nil {
                    for phrase in Store.snippetPhrases(query).split(separator: "\n") {
                        let text = "\"" + phrase.split(separator: "\t", maxSplits: 1)[1] + "\"" + (phrase.dropFirst().first == "*" ? "*" : "")
                        fts5.formUnion(try store.wordsFTS5Marks(in: row.id, expression: text))
                    }
                }
                #expect(Set(marked).isSubset(of: fts5), "\(text): \(hit.reference) \(hit.snippet) against \(fts5.sorted())")
            }
            compared += page.count
        }
        #expect(compared > 50)
        let archive = try archive()
        var open = SearchFilter()
        open.isPublic = true
        let query = SearchQuery("budsjett")!
        let ranked = try archive.ranked(query, SearchFilter())
        #expect(ranked.count == 5)
        let page = try archive.hits(ranked, query: query, isPublic: true)
        #expect(page.count == 4)
        #expect(!page.contains { $0.snippet.localizedCaseInsensitiveContains("hemmeligpris") })
        #expect(try archive.search("budsjett", filter: open).map { [$0.reference, $0.snippet] } == page.map { [$0.reference, $0.snippet] })
    }

    /// docket_snippet finds a match in exactly the rows FTS5 matches, over every row of the labelled
    /// documents and every labelled query (so reading stems only for words that hold a query form's
    /// first bytes loses none): the same rows where the query is AND, OR or NOT alone; in a mixed
    /// query, at least FTS5's rows.
    @Test func theSnippetFindsTheRowsFTS5Matches() throws {
        let set = try QuerySet.load()
        let (store, _) = try storeWithQuerySet()
        var rows = 0
        for text in set.queries.map(\.query) + ["budsjett OR økonomiplan", "\"til orientering\"", "saksbeh*", "budsjett NOT skole",
                                                 "title:budsjett", "veg", "fram"] {
            guard let query = SearchQuery(text) else { continue }
            let fts5 = Set(try store.db.fetchAll("SELECT rowid FROM item_search WHERE item_search MATCH ?", [query.expression])
                .map { try $0.decode(at: 0, as: Int64.self) })
            let snippet = Set(try store.db.fetchAll("""
                SELECT i.id FROM agenda_item i LEFT JOIN decision d ON d.item_id = i.id
                WHERE docket_snippet(?, i.title, i.case_text, i.proposal, d.text, d.remarks) IS NOT NULL
                """, [Store.snippetPhrases(query)]).map { try $0.decode(at: 0, as: Int64.self) })
            if query.shape != nil {
                #expect(snippet == fts5, "\(text): only FTS5 \(fts5.subtracting(snippet).sorted()), only snippet \(snippet.subtracting(fts5).sorted())")
            } else {
                #expect(snippet.isSuperset(of: fts5), "\(text): \(fts5.subtracting(snippet).sorted())")
            }
            rows += fts5.count
        }
        #expect(rows > 80)
    }

    /// A row the ranking lists but whose texts do not match (the derived index a step behind another
    /// writer's commit) is no hit: one without the word, one with an excluded word. A phrase is
    /// marked as one passage, a prefix marks the word it begins; the title is the snippet only when no
    /// other text has the words (the page shows the title beside it).
    @Test func aSnippetComesFromTheTextsThatMatch() throws {
        let store = try archive()
        try store.addItem(to: "fg-helse@2019-05-02", ItemDraft(title: "Referatsaker", kind: .information, proposal: "Tas til orientering."))
        var deep = SearchFilter()
        deep.limit = 50
        let all = try store.ranked(SearchQuery("vedtas OR budsjett OR orientering")!, deep)
        #expect(all.count == 6)
        let budsjett = try store.hits(all, query: SearchQuery("budsjett")!, isPublic: false)
        #expect(budsjett.count == 5 && !budsjett.contains { $0.title == "Referatsaker" }, "\(budsjett.map(\.title))")
        let phrase = try store.hits(all, query: SearchQuery("\"til orientering\"")!, isPublic: false)
        #expect(phrase.map(\.snippet) == ["Tas «til orientering».", "Tas «til orientering»."])
        let notBudsjett = try store.hits(all, query: SearchQuery("orientering NOT budsjett")!, isPublic: false)
        #expect(notBudsjett.map(\.title) == ["Referatsaker"])
        let velferd = try store.hits(all, query: SearchQuery("velferdsteknologi budsjett")!, isPublic: false)
        #expect(velferd.map(\.snippet) == ["«Velferdsteknologi» og «budsjett»"])
        let prefix = try store.hits(all, query: SearchQuery("ressurs*")!, isPublic: false)
        #expect(prefix.map(\.snippet) == ["Budsjett for «ressurspoolen»."])
    }

    /// The handling (Behandling: proposals made in the meeting, the vote, remarks), kept as the
    /// decision's remarks, is searched as the `debate` column and follows edits.
    @Test func theDebateIsSearched() throws {
        let store = try archive()
        #expect(try references("skolebygg", in: store).isEmpty)
        try store.recordDecision("styringsgruppen 1/20", DecisionDraft(text: "Vedtatt.", outcome: .adopted, tally: .counted(for: 4, against: 3, abstaining: 0),
                                                                       remarks: "Torstein Lyng fremmet forslag om nytt skolebygg. Forslaget falt mot 3 stemmer."))
        #expect(try references("skolebygg", in: store) == ["styringsgruppen 1/20"])
        #expect(try references("debate: skolebygget", in: store) == ["styringsgruppen 1/20"])
        #expect(try references("title: skolebygg", in: store).isEmpty)
        try store.recordDecision("styringsgruppen 1/20", DecisionDraft(text: "Vedtatt.", outcome: .adopted, tally: .unanimous, remarks: "Enstemmig."))
        #expect(try references("skolebygg", in: store).isEmpty)
        #expect(try references("enstemmig", in: store) == ["styringsgruppen 1/20"])
    }

    /// No words, a filter: the items it lets through, newest first, as hits without a snippet; the
    /// public list never shows an exempt item; no words and no filter: nothing.
    @Test func filtersWithoutWordsListNewestFirst() throws {
        let store = try archive()
        try store.recordDecision("styringsgruppen 1/20", DecisionDraft(text: nil, outcome: .postponed, tally: nil))
        try store.recordDecision("styringsgruppen 3/19", DecisionDraft(text: nil, outcome: .postponed, tally: nil))
        let postponed = try store.search("", filter: { var f = SearchFilter(); f.outcome = .postponed; return f }())
        #expect(postponed.map(\.reference) == ["styringsgruppen 1/20", "styringsgruppen 3/19"])
        #expect(postponed.allSatisfy { $0.snippet.isEmpty && $0.outcome == .postponed })
        let body = try store.search("  ", filter: { var f = SearchFilter(); f.body = "styringsgruppen"; return f }())
        #expect(body.map(\.reference) == ["styringsgruppen 1/20", "styringsgruppen 3/19", "styringsgruppen 2/19", "styringsgruppen 1/19"])
        let open = try store.search("", filter: { var f = SearchFilter(); f.outcome = .postponed; f.isPublic = true; return f }())
        #expect(open.map(\.reference) == ["styringsgruppen 1/20"])
        #expect(try store.search("").isEmpty)
        #expect(try references("", { $0.year = 2019; $0.kind = .information }, in: store) == ["fg-helse 1/19"])
    }

    /// --person: items where the person voted against, was disqualified, was present, or is named
    /// in the debate (made a proposal).
    @Test func personFindsVotesConflictsAttendanceAndProposals() throws {
        let store = try archive()
        #expect(try references("", { $0.person = "Torstein Lyng" }, in: store).isEmpty)
        let item = try store.db.fetchValue(Int64.self, "SELECT id FROM agenda_item WHERE title = 'Ressurspool'")!
        let torstein = try store.db.fetchValue(Int64.self, "SELECT id FROM person WHERE name = 'Torstein Lyng'")!
        let ingrid = try store.db.fetchValue(Int64.self, "SELECT id FROM person WHERE name = 'Ingrid Fjeld'")!
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'against')", [item, torstein])
        #expect(try references("", { $0.person = "torstein lyng" }, in: store) == ["styringsgruppen 2/19"])
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'for')", [item, ingrid])
        #expect(try references("", { $0.person = "Ingrid Fjeld" }, in: store).isEmpty)
        let budget = try store.db.fetchValue(Int64.self, "SELECT id FROM agenda_item WHERE title = 'Budsjett 2021'")!
        try store.db.execute("INSERT INTO conflict_of_interest (item_id, person_id, legal_basis) VALUES (?, ?, 'fvl. § 6')", [budget, ingrid])
        #expect(try references("", { $0.person = "Ingrid Fjeld" }, in: store) == ["styringsgruppen 1/20"])
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Tas til orientering.", outcome: .noted, tally: nil,
                                                                       remarks: "Ingrid Fjeld foreslo at saken tas til orientering."))
        #expect(try references("", { $0.person = "Ingrid Fjeld" }, in: store) == ["styringsgruppen 1/19", "styringsgruppen 1/20"])
        try store.recordAttendance(meeting: "fg-helse@2019-05-02", present: ["Torstein Lyng"])
        #expect(try references("", { $0.person = "Torstein Lyng" }, in: store) == ["fg-helse 1/19", "styringsgruppen 2/19"])
        #expect(try references("velferdsteknologi", { $0.person = "Torstein Lyng" }, in: store) == ["fg-helse 1/19"])
        #expect(throws: StoreError.self) { try store.search("", filter: { var f = SearchFilter(); f.person = "Nobody Known"; return f }()) }
    }

    @Test func anyUserTextSearchesWithoutAnError() throws {
        let store = try archive()
        for text in ["plan- og byggesak", "\"", "AND", "budsjett)", "*", "NEAR(a b)", "^budsjett", "bud:sjett", "'; DROP TABLE body; --"] {
            _ = try store.search(text)
        }
        #expect(try store.bodies().count == 3)
    }
}
