import DocketModel
import Foundation
import Testing
@testable import DocketStore

/// Prefix words (`saksbeh*`) answered by the derived index (issue 17): the index holds a word as
/// its stem and compound parts, FTS5 as its surface too, so the index expands a prefix a little
/// wider and checks each item against its texts (dx_check). What must hold: the very items FTS5's
/// `"prefix"*` matches, whatever the prefix, and the index, not FTS5, answering.
@Suite struct SearchIndexPrefixTests {
    /// Items in two bodies and two years with compounds, æøå, capitals, digits, inflections whose
    /// stem is shorter than a prefix, -het nouns, words only inside compounds, a decision text and
    /// an exempt item.
    func archive() throws -> Store { try archiveAndReferences().0 }

    /// The archive, and each item's reference by its title.
    func archiveAndReferences() throws -> (Store, [String: String]) {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "kommunestyret", date: date("2020-03-11"), withStandingItems: false)
        let items: [(String, String, String?)] = [
            ("styringsgruppen@2019-02-13", "Saksbehandling av byggesøknader", "Saksbehandleren vurderer søknaden innen 12 uker."),
            ("styringsgruppen@2019-02-13", "Byggesaksbehandling", "Rutiner for byggesaksbehandlingen i 2019."),
            ("styringsgruppen@2019-02-13", "Behandling av klager", "Klagebehandlingen tar tid; saksbehandlere mangler."),
            ("styringsgruppen@2019-02-13", "ØKONOMIPLAN 2020–2023", "Økonomiplanen og årsbudsjettet for 2020."),
            ("styringsgruppen@2019-02-13", "Årsmøte i Ærøy", "Møtet i Ærøy vedtok årsregnskapet."),
            ("styringsgruppen@2019-02-13", "Sikkerheten i skolene", "Informasjonssikkerhet og personvern, 3 skoler."),
            ("kommunestyret@2020-03-11", "Saksbehandlerne", "Saksbehandlernes arbeidstid og saksbehandlerens lønn."),
            ("kommunestyret@2020-03-11", "Motene i Paris", "Moten endrer seg; motet hos saksbehandlere."),
            ("kommunestyret@2020-03-11", "Vegvesenet", "Veien og vegen til skolen; xylofon for 7b."),
            ("kommunestyret@2020-03-11", "Budsjett 2021", "Budsjettet vedtas. Budsjettering og økonomi."),
            ("kommunestyret@2020-03-11", "Referatsaker", "Orienteringssaker og referater fra byggesaksmøtet."),
        ]
        var references: [String: String] = [:]
        for (meeting, title, caseText) in items {
            let item = try store.addItem(to: try MeetingReference(parsing: meeting), ItemDraft(title: title, kind: .decision, caseText: caseText))
            references[title] = item.reference.description
        }
        var secret = ItemDraft(title: "Saksbehandlingssystem", kind: .decision, caseText: "Lisens for saksbehandlingssystemet.")
        secret.isExempt = true
        secret.exemptionBasis = "offl. § 23"
        references["Saksbehandlingssystem"] = try store.addItem(to: "kommunestyret@2020-03-11", secret).reference.description
        try store.recordDecision(try ItemReference(parsing: references["Budsjett 2021"]!),
                                 DecisionDraft(text: "Behandles av saksbehandlerne i økonomiavdelingen.", outcome: .adopted, tally: .unanimous))
        return (store, references)
    }

    /// The items the derived index answers with (before the store reads their hits, which would
    /// drop a row FTS5 does not match), by reference; and whether it answered at all.
    func foundByIndex(_ text: String, in store: Store, _ configure: (inout SearchFilter) -> Void = { _ in }) throws -> (Set<String>, Bool) {
        var filter = SearchFilter()
        filter.limit = 1000
        configure(&filter)
        guard let query = SearchQuery(text) else { return ([], false) }
        let before = store.searchIndex?.answered ?? 0
        let ranked = try store.rankedBySearchIndex(query, filter)
        let answered = ranked != nil && (store.searchIndex?.answered ?? 0) > before
        return (try references(ranked ?? store.ranked(query, filter), in: store), answered)
    }

    /// What FTS5 finds (ranked through SQL, filtered by the store's SQL), by reference.
    func foundByFTS5(_ text: String, in store: Store, _ configure: (inout SearchFilter) -> Void = { _ in }) throws -> Set<String> {
        var filter = SearchFilter()
        filter.limit = 1000
        configure(&filter)
        guard let query = SearchQuery(text) else { return [] }
        let ranked = filter.isUnfiltered ? try store.rankedBySQL(query, limit: 1000) : try store.rankedWithFilters(query, filter)
        return try references(ranked, in: store)
    }

    func references(_ ranked: [(id: Int64, rank: Double)], in store: Store) throws -> Set<String> {
        Set(try ranked.map { row in
            let item = try store.db.fetchOne("""
                SELECT i.series, i.sequence, i.year, b.slug FROM agenda_item i JOIN body b ON b.id = i.body_id WHERE i.id = ?
                """, [row.id])!
            let number = ItemNumber(series: item["series", as: String.self].flatMap(Series.init), sequence: try item.decode("sequence"),
                                    year: try item.decode("year"))
            return "\(try item.decode("slug") as String) \(number)"
        })
    }

    static let prefixes = [
        "saksbeh*", "Saksbeh*", "SAKSBEHANDL*", "saksbehandle*", "saksbehandlere*", "saksbehandlern*", "behandl*", "byggesak*",
        "bygg*", "øko*", "Øk*", "år*", "ærø*", "mot*", "mote*", "moten*", "sikker*", "sikkerhete*", "vei*", "veg*",
        "s*", "b*", "x*", "xb*", "XBstyringsgruppen*", "XKdecision*", "xy*", "XY2019*", "20*", "2020*", "12*", "7*", "7b*",
        "zqxj*", "vedt*",
    ]

    @Test func everyPrefixFindsWhatFTS5FindsAndTheIndexAnswers() throws {
        let store = try archive()
        #expect(store.updateSearchIndex())
        for text in Self.prefixes {
            let (found, answered) = try foundByIndex(text, in: store)
            #expect(found == (try foundByFTS5(text, in: store)), "\(text)")
            #expect(answered, "the derived index answered \(text)")
        }
        // Not vacuous: the sets differ from prefix to prefix, a prefix may find nothing.
        let saksbeh = try foundByFTS5("saksbeh*", in: store), s = try foundByFTS5("s*", in: store)
        #expect(saksbeh.count >= 4 && s.count > saksbeh.count)
        #expect(try foundByFTS5("zqxj*", in: store).isEmpty)
    }

    /// "byggesaksbehandling" holds "behandling" as a compound part, which the index matches for
    /// `behandl*`; FTS5 does not (no word begins with it there), and neither may the index's answer.
    @Test func aCompoundPartIsNoWordBeginningWithThePrefix() throws {
        let (store, references) = try archiveAndReferences()
        let (found, answered) = try foundByIndex("behandl*", in: store)
        #expect(answered)
        let compound = references["Byggesaksbehandling"]!
        #expect(found.contains(references["Behandling av klager"]!) && !found.contains(compound))
        #expect(try foundByIndex("behandling", in: store).0.contains(compound), "the part is in the index")
    }

    @Test func prefixesMixedWithWordsAndOperatorsFindWhatFTS5Finds() throws {
        let store = try archive()
        for text in ["saksbeh* vedtak", "saksbeh* søknad", "budsjett OR øko*", "øko* OR bygg*", "saksbeh* NOT møtet",
                     "vedtok NOT saksbeh*", "saksbeh* AND klage*", "motene OR sikker*", "år* NOT ærø*"] {
            let (found, answered) = try foundByIndex(text, in: store)
            #expect(found == (try foundByFTS5(text, in: store)), "\(text)")
            #expect(answered, "the derived index answered \(text)")
        }
    }

    @Test func filtersStillApplyToPrefixes() throws {
        let (store, references) = try archiveAndReferences()
        let filters: [(String, (inout SearchFilter) -> Void)] = [
            ("body", { $0.body = "kommunestyret" }),
            ("public", { $0.isPublic = true }),
            ("year", { $0.year = 2019 }),
            ("changed", { $0.changedOnly = true }),
        ]
        for text in ["saksbeh*", "s*", "øko*", "behandl* OR bygg*"] {
            for (name, filter) in filters {
                let (found, answered) = try foundByIndex(text, in: store, filter)
                #expect(found == (try foundByFTS5(text, in: store, filter)), "\(text) \(name)")
                #expect(answered, "the derived index answered \(text) \(name)")
            }
        }
        let (publicHits, _) = try foundByIndex("saksbeh*", in: store) { $0.isPublic = true }
        let secret = references["Saksbehandlingssystem"]!
        let (allHits, _) = try foundByIndex("saksbeh*", in: store)
        #expect(!publicHits.contains(secret) && allHits.contains(secret))
    }

    /// The whole search (hits with snippets, read in one walk of a prefix query's matches) finds the
    /// same items, with the prefix's words marked in the snippets.
    @Test func aSearchShowsThePrefixsHitsWithSnippets() throws {
        let store = try archive()
        var filter = SearchFilter()
        filter.limit = 1000
        let hits = try store.search("saksbeh*", filter: filter)
        #expect(Set(hits.map(\.reference)) == (try foundByFTS5("saksbeh*", in: store)))
        #expect(!hits.isEmpty && hits.allSatisfy { $0.snippet.lowercased().contains("«saksbeh") }, "\(hits.map(\.snippet))")
    }

    /// A page smaller than the matches: the best of FTS5's matches, as many as asked.
    @Test func aShortPageHoldsOnlyMatches() throws {
        let store = try archive()
        let all = try foundByFTS5("s*", in: store)
        var filter = SearchFilter()
        filter.limit = 3
        let page = try store.search("s*", filter: filter).map(\.reference)
        #expect(page.count == 3 && Set(page).isSubset(of: all))
    }

    /// When the best of the wider set are all items whose only word like the prefix is a compound
    /// part (titles, weighing ten times), the index goes deeper until it has the page's true matches.
    @Test func theIndexGoesDeeperPastItemsFTS5DoesNotMatch() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        var matching: Set<String> = []
        try store.write {
            for index in 0..<40 {
                let draft = index % 20 == 7
                    ? ItemDraft(title: "Klager \(index)", kind: .decision, caseText: "Behandlingen av klagen.")
                    : ItemDraft(title: "Byggesaksbehandling \(index)", kind: .decision, caseText: "Byggesaksbehandlingen.")
                let item = try store.addItem(to: "styringsgruppen@2019-02-13", draft)
                if index % 20 == 7 { matching.insert(item.reference.description) }
            }
        }
        let (found, answered) = try foundByIndex("behandl*", in: store) { $0.limit = 2 }
        let expected = try foundByFTS5("behandl*", in: store)
        #expect(answered && found == matching && found == expected)
    }

    /// Over the labelled query set's documents (real Norwegian case texts), the first 3, 5 and 8
    /// letters of every word as a prefix: the same items as FTS5 each time. A guard on what the
    /// expansion assumes of the stemmer (nt_stem's stem is the word less a Snowball tail).
    @Test func prefixesOfEveryWordOfRealTextsFindWhatFTS5Finds() throws {
        let documents = try QuerySet.load().documents
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.write {
            for document in documents {
                try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: document.title, kind: .decision, caseText: document.body))
            }
        }
        let words = Set(documents.flatMap { ($0.title + " " + $0.body).lowercased().split { !$0.isLetter && !$0.isNumber } })
        let prefixes = Set(words.flatMap { word in [3, 5, 8].compactMap { word.count >= $0 ? String(word.prefix($0)) : nil } })
        var answered = 0
        for prefix in prefixes.sorted() {
            let (found, byIndex) = try foundByIndex(prefix + "*", in: store)
            #expect(found == (try foundByFTS5(prefix + "*", in: store)), "\(prefix)*")
            if byIndex { answered += 1 }
        }
        #expect(prefixes.count > 300 && answered == prefixes.count)
    }

    /// What the index cannot answer as FTS5 would goes to FTS5: a prefix of two words (a phrase).
    @Test func aPrefixPhraseIsLeftToFTS5() throws {
        let store = try archive()
        let (found, answered) = try foundByIndex("\"saksbehandling av\"*", in: store)
        #expect(!answered)
        #expect(found == (try foundByFTS5("\"saksbehandling av\"*", in: store)) && !found.isEmpty)
    }
}
