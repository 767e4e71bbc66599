import CXapianShim
import DocketModel
import Foundation
import Testing
@testable import DocketStore

/// The derived search index (Xapian beside the database file, Store+SearchIndex.swift): it answers
/// the searches it can, finds what FTS5 finds, follows every write, and is rebuilt or caught up
/// from the store whatever happened to it.
@Suite struct SearchIndexTests {
    /// A store file in a fresh folder, with the labelled query set's documents as items.
    func fileStore() throws -> (Store, URL, [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "docket-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try Store(path: folder.appending(path: "docket.sqlite").path)
        try store.saveOrganisation(name: "Fjordvik kommune", kind: .municipality, isCooperationMember: true)
        try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup))
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        var references: [String: String] = [:]
        try store.write {
            for document in try QuerySet.load().documents {
                let item = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: document.title, kind: .decision, caseText: document.body))
                references[document.id] = item.reference.description
            }
        }
        return (store, folder, references)
    }

    func found(_ text: String, in store: Store, limit: Int = 1000) throws -> Set<String> {
        var filter = SearchFilter()
        filter.limit = limit
        return Set(try store.search(text, filter: filter).map(\.reference))
    }

    /// What FTS5 finds for the same words, ranked through SQL.
    func foundByFTS5(_ text: String, in store: Store) throws -> Set<String> {
        guard let query = SearchQuery(text) else { return [] }
        let ids = try store.rankedBySQL(query, limit: 100_000).map(\.id)
        return Set(try ids.map { id in
            let row = try store.db.fetchOne("SELECT i.series, i.sequence, i.year, b.slug FROM agenda_item i JOIN body b ON b.id = i.body_id WHERE i.id = ?", [id])!
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"), year: try row.decode("year"))
            return "\(try row.decode("slug") as String) \(number)"
        })
    }

    @Test func theIndexAnswersTheLabelledQueriesAndFindsWhatFTS5Finds() throws {
        let set = try QuerySet.load()
        let (store, folder, references) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        for query in set.queries {
            let found = try found(query.query, in: store)
            for id in query.must_find { #expect(found.contains(references[id]!), "\(query.id) '\(query.query)' should find \(id)") }
            for id in query.must_not_find { #expect(!found.contains(references[id]!), "\(query.id) '\(query.query)' should not find \(id)") }
            #expect(found == (try foundByFTS5(query.query, in: store)), "\(query.id) '\(query.query)'")
        }
        // The index answered (a phrase or prefix query is left to FTS5), from its folder beside the file.
        #expect((store.searchIndex?.answered ?? 0) >= set.queries.count / 2)
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "docket.sqlite.search").path))
        for text in ["vedtak OR budsjett", "møte NOT referat", "styringsgruppen AND referat", "veg", "vei"] {
            #expect(try found(text, in: store) == foundByFTS5(text, in: store), "\(text)")
        }
    }

    /// Fills a store with `count` items less the first and one in 97 deleted: the labelled documents over and over,
    /// in meetings of two bodies and several years, a decision on every third (so that filters and
    /// both texts count).
    func fill(_ store: Store, count: Int) throws {
        let documents = try QuerySet.load().documents
        try store.addBody(slug: "formannskapet", BodyDraft(name: "Formannskapet", kind: .committee))
        var added: [ItemReference] = []
        try store.write {
            for index in 0..<count {
                let body = index % 2 == 0 ? "styringsgruppen" : "formannskapet"
                let meeting = MeetingReference(bodySlug: body, date: CalendarDate(year: 2019 + index % 5, month: 1 + index % 12, day: 10)!)
                if try store.db.fetchValue(Int64.self, """
                    SELECT count(*) FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.slug = ? AND m.date = ?
                    """, [body, meeting.date.description]) == 0 {
                    try store.createMeeting(bodySlug: body, date: meeting.date, withStandingItems: false)
                }
                let document = documents[index % documents.count]
                // The first item and now and then another are deleted (never the last one, whose id
                // SQLite would give again): ids with gaps, which the index must keep.
                if index % 97 == 50 || index == 2 { try store.deleteItem(added[index - 2]) }
                let item = try store.addItem(to: meeting, ItemDraft(title: document.title + " \(index)", kind: .decision, caseText: document.body))
                added.append(item.reference)
                if index % 3 == 0 {
                    try store.recordDecision(item.reference, DecisionDraft(text: documents[(index + 7) % documents.count].title,
                                                                           outcome: .adopted, tally: .unanimous))
                }
            }
        }
    }

    /// A fresh build (shards of 1,000 items built in parallel, merged by Xapian's compactor) holds the
    /// very documents, statistics and item ids that items written one at a time into an index give:
    /// the same hits, in the same order, with the same scores, filtered or not. So does a large
    /// catch-up on a file (committed every 1,000 items).
    @Test func anIndexBuiltInShardsAnswersAsOneWrittenItemByItem() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "docket-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let built = try Store(path: folder.appending(path: "docket.sqlite").path)
        let written = try Store.inMemory()
        try built.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup))
        #expect(built.updateSearchIndex(), "an empty store's index: a build of no shards")
        try written.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup))
        for store in [built, written] { try fill(store, count: 2_050) }
        var filters = [SearchFilter()]
        filters[0].limit = 50
        var filtered = filters[0]
        filtered.body = "formannskapet"
        filtered.outcome = .adopted
        filters.append(filtered)
        let queries = try QuerySet.load().queries.prefix(12).map(\.query)
        func expectTheSameAnswers(_ stage: String) throws {
            let count = try built.db.fetchValue(Int64.self, "SELECT count(*) FROM agenda_item")
            #expect(count == 2_050 - 22 && dx_document_count(built.searchIndex!.handle!) == count!, "\(stage)")
            let answered = built.searchIndex!.answered
            for query in queries {
                for filter in filters {
                    let expected = try written.search(query, filter: filter)
                    let hits = try built.search(query, filter: filter)
                    #expect(hits.map(\.reference) == expected.map(\.reference), "\(stage): \(query)")
                    #expect(zip(hits, expected).allSatisfy { abs($0.rank - $1.rank) < 1e-9 }, "\(stage): \(query)")
                }
            }
            #expect(built.searchIndex!.answered > answered, "\(stage): the file's index answered")
        }
        // The file's index catches up with 2,050 new items; the in-memory one is written item by item.
        #expect(built.updateSearchIndex() && written.updateSearchIndex())
        try expectTheSameAnswers("caught up")
        // Rebuilt from nothing: three shards (1,000, 1,000 and 28 items) merged at once, then two at a
        // time (the first two into a group while the build goes on, as a million items' thousand
        // shards are merged 64 at a time, then the group and the last shard).
        try built.reindex()
        try expectTheSameAnswers("rebuilt in shards")
        Store.searchIndexMergeFanIn = 2
        defer { Store.searchIndexMergeFanIn = 64 }
        try built.reindex()
        try expectTheSameAnswers("rebuilt in shards merged two at a time")
    }

    /// A build killed half-way never stands as the index: it works in a folder of its own and swaps
    /// the result in whole. The folder a killed build left (its process gone) is removed by the next
    /// build; one of a build still running is left alone.
    @Test func aKilledBuildLeavesTheIndexAsItWasAndItsFolderIsClearedLater() throws {
        let (store, folder, _) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try found("budsjett", in: store)
        #expect(!before.isEmpty)
        let index = folder.appending(path: "docket.sqlite.search").path
        // A process that has exited: its pid names a killed build's folder, with half a shard in it.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let killed = index + ".new-\(gone.processIdentifier)-1"
        try FileManager.default.createDirectory(atPath: killed + "/shard-0", withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: killed + "/shard-0/postlist.glass"))
        // A build under way in this process (begun, a document handed over, not finished) ...
        let running = index + ".new-\(getpid())-2"
        let connection = store.db.sqliteConnection!
        var error: UnsafeMutablePointer<CChar>?
        let builder = try #require(Store.searchIndexWeights.withUnsafeBufferPointer {
            dx_build_begin(running, index, connection, $0.baseAddress, 2, 0, &error)
        })
        let word = strdup("budsjett")
        defer { free(word) }
        let texts: [UnsafePointer<CChar>?] = [UnsafePointer(word), nil, nil, nil, nil]
        #expect(dx_build_add(builder, 1, texts, nil, 0, "2019-02-13", &error) == 0)
        // ... has not touched the index: a search (a new store's, opening the folder) finds what it found.
        let reader = try Store(path: folder.appending(path: "docket.sqlite").path)
        #expect(try found("budsjett", in: reader) == before)
        #expect(reader.searchIndex?.answered == 1)
        // A rebuild meanwhile clears the dead process's folder, not the running one's.
        try store.reindex()
        #expect(!FileManager.default.fileExists(atPath: killed))
        #expect(FileManager.default.fileExists(atPath: running))
        dx_build_abandon(builder)
        #expect(!FileManager.default.fileExists(atPath: running))
        #expect(try found("budsjett", in: store) == before)
        #expect(try found("budsjett", in: reader) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".search.") }
        #expect(siblings.isEmpty, "\(siblings)")
    }

    @Test func aWriteTheIndexNeverSawIsFoundByTheNextSearch() throws {
        let (store, folder, _) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try found("zebrakryssing", in: store).isEmpty)
        let answered = store.searchIndex!.answered
        // Another opener writes and goes away before any search: its change waits in search_change.
        do {
            let other = try Store(path: folder.appending(path: "docket.sqlite").path, access: .readWrite)
            try other.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Zebrakryssing ved skolen", kind: .decision))
            try other.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Vedtatt med sebrastriper.", outcome: .adopted, tally: .unanimous))
        }
        #expect(try found("zebrakryssing", in: store).count == 1)
        #expect(try found("sebrastriper", in: store) == ["styringsgruppen 1/19"])
        #expect(store.searchIndex!.answered == answered + 2)
        // Edits, filters and deletions follow.
        try store.editItem("styringsgruppen 1/19", ItemDraft(title: "Årsbudsjett og økonomiplan"))
        #expect(try found("økonomiplan", in: store) == ["styringsgruppen 1/19"])
        var filter = SearchFilter()
        filter.outcome = .adopted
        #expect(try store.search("økonomiplan", filter: filter).map(\.reference) == ["styringsgruppen 1/19"])
        filter.outcome = .rejected
        #expect(try store.search("økonomiplan", filter: filter).isEmpty)
        let zebra = try found("zebrakryssing", in: store).first!
        try store.deleteItem(ItemReference(parsing: zebra))
        #expect(try found("zebrakryssing", in: store).isEmpty)
    }

    /// One reader for the life of a store (a long-lived process such as the web server): searches
    /// on an unchanged store neither reopen it nor read its metadata; a change by another process,
    /// or the index rebuilt under the open reader, is seen by the next search.
    @Test func anUnchangedStoreKeepsItsReaderAndAChangeIsSeenAtOnce() throws {
        let (store, folder, _) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "docket.sqlite").path
        let before = try found("budsjett", in: store)
        #expect(!before.isEmpty)
        let checks = store.searchIndex!.checks
        let answered = store.searchIndex!.answered
        for _ in 0..<3 { #expect(try found("budsjett", in: store) == before) }
        #expect(store.searchIndex!.checks == checks, "no check while the store's change number stands")
        #expect(store.searchIndex!.answered == answered + 3)
        // Another process writes: the next search catches up and finds its item.
        do {
            let other = try Store(path: path, access: .readWrite)
            try other.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Budsjettjustering for skolen", kind: .decision))
        }
        #expect(try found("budsjett", in: store).count == before.count + 1)
        #expect(store.searchIndex!.checks == checks + 1)
        let after = try found("budsjett", in: store)
        // Another process rebuilds the index under the open reader (same store, same change number).
        do {
            let other = try Store(path: path, access: .readWrite)
            try other.reindex()
        }
        #expect(try found("budsjett", in: store) == after)
        #expect(try found("økonomiplan", in: store) == (try foundByFTS5("økonomiplan", in: store)))
        #expect(store.searchIndex!.answered == answered + 3 + 4, "the index answered every search")
    }

    @Test func aMissingAlteredOrForeignIndexIsRebuiltFromTheStore() throws {
        let (store, folder, _) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let indexFolder = folder.appending(path: "docket.sqlite.search")
        let before = try found("budsjett", in: store)
        #expect(!before.isEmpty)
        // Deleted under a running store.
        store.searchIndex?.close()
        try FileManager.default.removeItem(at: indexFolder)
        #expect(try found("budsjett", in: store) == before)
        // Another scheme (an older Docket, another tokenizer version) or another store's index.
        for (key, value) in [("scheme", "docket-xapian-0/norwegian_v0"), ("identity", "another store"), ("applied", "999999")] {
            let connection = store.db.sqliteConnection!
            let writer = SearchIndex(folder: indexFolder.path)
            store.searchIndex?.close()
            try writer.open(mode: 1, connection: connection)
            try writer.check { dx_set_metadata(writer.handle!, key, value, &$0) }
            let nothing = strdup("nothing")
            defer { free(nothing) }
            let texts: [UnsafePointer<CChar>?] = [UnsafePointer(nothing), nil, nil, nil, nil]
            try writer.check { dx_replace(writer.handle!, 1, texts, [1, 1, 1, 1, 1], nil, 0, "2019-02-13", &$0) }
            try writer.check { dx_commit(writer.handle!, &$0) }
            writer.close()
            #expect(try found("budsjett", in: store) == before, "\(key)")
            #expect(store.searchIndex?.metadata(key) != value, "\(key)")
        }
        // Garbage in its files.
        store.searchIndex?.close()
        for file in try FileManager.default.contentsOfDirectory(atPath: indexFolder.path) {
            try Data(repeating: 0x5A, count: 4096).write(to: indexFolder.appending(path: file))
        }
        #expect(try found("budsjett", in: store) == before)
    }

    /// A store opened read-only still searches: it catches the index up (the database file is
    /// not written), or FTS5 answers where the index cannot be written.
    @Test func aReadOnlyOpenerCatchesUpWithoutWritingTheDatabase() throws {
        let (store, folder, _) = try fileStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "docket.sqlite").path
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Zebrakryssing", kind: .decision))
        let reader = try Store(path: path, access: .readOnly)
        #expect(try found("zebrakryssing", in: reader).count == 1)
        #expect(reader.searchIndex?.answered == 1)
        // Inside an open write transaction the rows are not committed: FTS5 answers, and sees them.
        try store.write {
            try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Gangfelt", kind: .decision))
            #expect(try found("gangfelt", in: store).count == 1)
        }
    }

    /// Migration 0013: an update records its item once, with a new change number, and only when a
    /// column of the search document changed; an item moved to another id is recorded under both.
    @Test func anUpdateRecordsItsItemOnceAndOnlyForWhatTheIndexHolds() throws {
        let store = try Store.inMemory()
        try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup))
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        let item = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Budsjett 2020", kind: .decision))
        let id = try #require(try store.db.fetchValue(Int64.self, "SELECT id FROM agenda_item"))
        func changes() throws -> [[Int64]] {
            try store.db.fetchAll("SELECT seq, item_id FROM search_change ORDER BY seq").map { [try $0.decode(at: 0), try $0.decode(at: 1)] }
        }
        let before = try changes()
        #expect(before.count == 1 && before[0][1] == id)
        // A column the search document does not hold: nothing recorded.
        try store.db.execute("UPDATE agenda_item SET public_title = 'Budsjett' WHERE id = ?", [id])
        #expect(try changes() == before)
        // The title: the item once, under a higher number; the sequence grows by one only.
        try store.db.execute("UPDATE agenda_item SET title = 'Budsjett 2021' WHERE id = ?", [id])
        let after = try changes()
        #expect(after.count == 1 && after[0][1] == id && after[0][0] == before[0][0] + 1)
        // A decision recorded, then its remarks changed: the same one row, two numbers later.
        try store.recordDecision(item.reference, DecisionDraft(text: "Vedtatt", outcome: .adopted, tally: .unanimous))
        try store.db.execute("UPDATE decision SET remarks = 'Enstemmig' WHERE item_id = ?", [id])
        let decided = try changes()
        #expect(decided.count == 1 && decided[0][1] == id && decided[0][0] > after[0][0])
        // The id itself changed: the old id (now gone) and the new one are both recorded.
        try store.db.execute("PRAGMA foreign_keys = OFF")
        try store.db.execute("UPDATE agenda_item SET id = ? WHERE id = ?", [id + 100, id])
        #expect(Set(try changes().map { $0[1] }) == [id, id + 100])
    }
}
