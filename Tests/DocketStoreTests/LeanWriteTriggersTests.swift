import DocketModel
import Foundation
import SQLite
import Testing
@testable import DocketStore

/// Migration 0015: search rows deferred and written once per write, row stamps by one upsert each,
/// and the batch that makes an import's commits durable together. What a write stores must be
/// what migrations 0007 and 0014 stored.
@Suite struct LeanWriteTriggersTests {
    /// Every FTS5 row as stored (its own copy of the texts), by rowid.
    func searchRows(_ store: Store) throws -> [String] {
        try store.db.fetchAll("SELECT rowid, title, case_text, proposal, decision, debate FROM item_search ORDER BY rowid").map { row in
            (0..<6).map { "\(row[$0])" }.joined(separator: "|")
        }
    }

    /// The same writes on a store: items with decisions, an item edited, a decision changed, an
    /// item deleted. `deferring` runs them as an import does (Store.deferringSearchRows).
    func write(_ store: Store, deferring: Bool) throws {
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        let old = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Gammel sak om skolebygg", kind: .decision, caseText: "Tidligere tekst."))
        let writes: () throws -> Void = {
            let budget = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Budsjett for vegvedlikehold", kind: .decision,
                                                                                       caseText: "Kommunene deler kostnadene.", proposal: "Budsjettet vedtas."))
            try store.recordDecision(itemID: budget.id, DecisionDraft(text: "Budsjettet vedtas med endringer.", outcome: .amended, tally: .unanimous,
                                                                      remarks: "Forslag om sebrastriper falt."))
            let gone = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Sak som trekkes", kind: .information))
            try store.recordDecision(itemID: gone.id, DecisionDraft(text: "Tatt til orientering.", outcome: .noted, tally: nil))
            try store.deleteItem(gone.reference)
            try store.editItem(old.reference, ItemDraft(title: "Ny tittel om barnehager"))
            try store.recordDecision(itemID: old.id, DecisionDraft(text: "Utsatt.", outcome: .postponed, tally: nil))
            try store.recordDecision(itemID: old.id, DecisionDraft(text: "Utsatt til neste møte.", outcome: .postponed, tally: nil))
            // Deferred, the items wait (the new, the gone and the edited one); at once, none does.
            #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM item_search_pending") == (deferring ? 3 : 0))
        }
        if deferring { try store.write { try store.deferringSearchRows(writes) } } else { try store.write(writes) }
    }

    @Test func deferredRowsAreTheRowsWrittenOneAtATime() throws {
        let atOnce = try makeStore(), deferred = try makeStore()
        try write(atOnce, deferring: false)
        try write(deferred, deferring: true)
        #expect(try searchRows(deferred) == searchRows(atOnce))
        #expect(try searchRows(deferred).count == 2)
        #expect(try deferred.db.fetchValue(Int.self, "SELECT count(*) FROM item_search_pending") == 0)
        #expect(try deferred.db.fetchValue(Int.self, "SELECT count(*) FROM item_search_deferral") == 0, "the deferral ends with its write")
        for text in ["sebrastriper", "vegvedlikehold", "barnehager", "neste møte", "skolebygg", "trekkes"] {
            #expect(try deferred.search(text).map(\.reference) == atOnce.search(text).map(\.reference), "\(text)")
        }
        #expect(try deferred.search("sebrastriper").count == 1)
        #expect(try deferred.search("skolebygg").isEmpty, "the old title is gone from the index")
        // The change log for the derived index is the same: each item once, in the same order.
        let log = "SELECT item_id FROM search_change ORDER BY seq"
        #expect(try deferred.db.fetchAll(log).map { "\($0[0])" } == atOnce.db.fetchAll(log).map { "\($0[0])" })
        // After the deferral, writes are indexed at once again.
        try deferred.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Bredbånd i distriktet", kind: .decision))
        #expect(try deferred.search("bredbånd").count == 1)
    }

    @Test func aDeferringWriteThatFailsLeavesNothing() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        let before = try searchRows(store)
        #expect(throws: StoreError.self) {
            try store.deferringSearchRows {
                try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Halvveis sak", kind: .decision))
                throw StoreError.invalid("stopped")
            }
        }
        #expect(try searchRows(store) == before)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM item_search_pending") == 0)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM item_search_deferral") == 0)
        try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Hel sak", kind: .decision))
        #expect(try store.search("hel").count == 1, "indexed at once: no deferral was left behind")
    }

    /// A store of schema 14 (rows, stamps, search rows as 0007 and 0014 wrote them) migrates to 15
    /// with its search rows and stamps as they were, and writes after it as before.
    @Test func aStoreOfSchema14MigratesAndKeepsItsRowsAndStamps() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("old.sqlite")
        do {
            let db = try Database(path: path)
            try Store.prepareConnection(db)
            let upTo14 = Migrator.embedded.migrations.filter { $0.version <= 14 }.map { (name: $0.name, contents: $0.sql) }
            try Migrator(files: upTo14).migrate(db)
            try db.execute(script: """
                INSERT INTO body (id, slug, name, kind) VALUES (1, 'formannskapet', 'Formannskapet', 'committee');
                INSERT INTO meeting (id, body_id, date, kind, status) VALUES (1, 1, '2024-05-02', 'ordinary', 'held');
                INSERT INTO case_file (id, title) VALUES (1, 'Skolebygg');
                INSERT INTO agenda_item (id, meeting_id, case_id, body_id, series, sequence, year, position, section, kind, title, case_text, proposal)
                    VALUES (1, 1, 1, 1, 'PS', 12, 2024, 1, 'for_consideration', 'decision', 'Nytt skolebygg', 'Rehabilitering av skolen.', 'Bygget rehabiliteres.');
                INSERT INTO decision (item_id, text, outcome, remarks) VALUES (1, 'Bygget rehabiliteres.', 'adopted', 'Forslag om nybygg falt.');
                UPDATE row_stamp SET created = '2024-05-03T10:00:00Z', modified = '2024-05-03T10:00:00Z';
                """)
            #expect(try db.fetchValue(Int.self, "PRAGMA user_version") == 14)
            db.close()
        }
        let beforeRows: [String]
        do {
            let db = try Database(path: path)
            try Store.prepareConnection(db)
            beforeRows = try db.fetchAll("SELECT rowid, title, case_text, proposal, decision, debate FROM item_search ORDER BY rowid").map { row in
                (0..<6).map { "\(row[$0])" }.joined(separator: "|")
            }
            db.close()
        }
        let store = try Store(path: path)
        #expect(try store.schemaVersion == Migrator.embedded.latestVersion)
        #expect(try searchRows(store) == beforeRows)
        #expect(try store.search("nybygg").map(\.reference) == ["formannskapet PS 12/24"])
        #expect(try store.rowStamp(.agendaItem, id: 1) == RowStamp(created: "2024-05-03T10:00:00Z", modified: "2024-05-03T10:00:00Z"))
        // A write after the migration: stamps move by the new triggers, rows follow at once.
        try store.recordDecision(itemID: 1, DecisionDraft(text: "Bygget rives og bygges nytt.", outcome: .amended, tally: .unanimous))
        let item = try #require(try store.rowStamp(.agendaItem, id: 1))
        #expect(item.created == "2024-05-03T10:00:00Z" && item.modified > "2024-05-03T10:00:00Z")
        #expect(try store.rowStamp(.meeting, id: 1)?.modified ?? "" > "2024-05-03T10:00:00Z")
        #expect(try store.search("rives").map(\.reference) == ["formannskapet PS 12/24"])
        #expect(store.updateSearchIndex(), "the derived index builds on the migrated store")
    }

    /// Row stamps by upsert: an outer statement's conflict clause (INSERT OR IGNORE) does not turn
    /// the trigger's upsert into an ignore, and a row without a stamp gets one with `created` unknown.
    @Test func stampsByUpsertUnderAnOuterConflictClause() throws {
        let store = try makeStore()
        let meeting = try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        // A stale stamp for an id not yet used (as a row deleted without its stamp would leave).
        try store.db.execute("INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('meeting', 999, '2001-01-01T00:00:00Z', '2001-01-01T00:00:00Z')")
        try store.db.execute("""
            INSERT OR IGNORE INTO meeting (id, body_id, date, kind, status)
            SELECT 999, body_id, '2025-04-01', kind, status FROM meeting WHERE id = ?
            """, [meeting.id])
        let stamp999 = try #require(try store.rowStamp(.meeting, id: 999))
        #expect(stamp999.created != "2001-01-01T00:00:00Z" && stamp999.created == stamp999.modified, "a new row is stamped new: \(stamp999)")
        try store.db.execute("DELETE FROM row_stamp WHERE kind = 'meeting'")
        try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Ny sak", kind: .decision))
        let stamp = try #require(try store.rowStamp(.meeting, id: meeting.id))
        #expect(stamp.created == nil && !stamp.modified.isEmpty)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM row_stamp WHERE kind = 'meeting'") == 1)
    }

    /// An import's batch: its commits are durable together at the end (synchronous NORMAL inside,
    /// the store's FULL again after), and every one of them is in the file for another opener.
    @Test func aBatchRestoresTheStoresSettingsAndKeepsEveryCommit() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("batch.sqlite")
        let store = try Store(path: path)
        try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup))
        let full = try store.db.fetchValue(Int.self, "PRAGMA synchronous")
        try store.writingBatch {
            #expect(try store.db.fetchValue(Int.self, "PRAGMA synchronous") == 1)
            for day in 1...3 {
                try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-0\(day)"), withStandingItems: false)
            }
        }
        #expect(try store.db.fetchValue(Int.self, "PRAGMA synchronous") == full)
        #expect(try Store(path: path, access: .readOnly).meetings().count == 3)
    }

    /// The derived index's catch-up used to fail on an item without a kind (an imported document
    /// gives none; `kind` is NULL), so after such an import every search fell back to FTS5 and the
    /// ImportBenchmark's catch-up reported false. It builds, and the index answers.
    @Test func anItemWithoutAKindIsIndexed() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.path("kindless.sqlite"))
        try store.addBody(slug: "formannskapet", BodyDraft(name: "Formannskapet", kind: .committee))
        let meeting = try store.createMeeting(bodySlug: "formannskapet", date: date("2012-01-09"), withStandingItems: false)
        try store.importItem(ItemDraft(title: "Referatsaker fra rådmannen", kind: nil), number: ItemNumber(series: nil, sequence: 3, year: 2012),
                             meetingID: meeting.id)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM agenda_item WHERE kind IS NULL") == 1)
        #expect(store.updateSearchIndex())
        #expect(try store.search("referatsaker").count == 1)
        #expect(store.searchIndex?.answered == 1, "answered by the derived index, not FTS5")
        var filter = SearchFilter()
        filter.kind = .decision
        #expect(try store.search("referatsaker", filter: filter).isEmpty, "no kind: not found under a kind, as in FTS5")
    }
}
