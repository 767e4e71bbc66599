import DocketModel
@testable import DocketStore
import Foundation
import Testing

/// The derived search index (Xapian, `docket.sqlite.search/` beside the file) through the binary:
/// SQLite is the one source of truth, so a write the index never applied (a `docket search` killed
/// with SIGKILL anywhere in its catch-up, an index deleted or overwritten with garbage) is found by
/// the next search.
@Suite(.serialized) struct SearchIndexCommandTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    func hits(_ words: String) throws -> [String] {
        let result = try docket.run("search", words, "--json", "--limit", "100")
        expectSuccess(result)
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["title"] as? String }
    }

    @Test func aSearchKilledWhileCatchingUpOrALostIndexLosesNothing() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00"))
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett 2020", "--kind", "decision"))
        #expect(try hits("budsjettet") == ["Budsjett 2020"])
        let index = dir.url.appending(path: "docket.sqlite.search")
        #expect(FileManager.default.fileExists(atPath: index.path), "the search made its index beside the database")
        // Each write commits in the store alone; the search after it is killed at some point of its
        // life (before, during or after applying the change to the index).
        for (round, pause) in [0, 5, 15, 30, 60].enumerated() {
            try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Zebrakryssing \(round + 1)", "--kind", "decision"))
            try docket.runKilled(["search", "zebrakryssing"], after: pause)
            #expect(try hits("zebrakryssing").count == round + 1, "after a kill \(pause) ms into the search")
        }
        // The index deleted, then its files overwritten with garbage: made again from the store.
        try FileManager.default.removeItem(at: index)
        #expect(try hits("zebrakryssing").count == 5)
        for file in try FileManager.default.contentsOfDirectory(atPath: index.path) {
            try Data(repeating: 0x5A, count: 8192).write(to: index.appending(path: file))
        }
        #expect(try hits("zebrakryssing").count == 5)
        #expect(try hits("budsjett") == ["Budsjett 2020"])
        // `docket reindex` rebuilds both indexes; the hits stay.
        expectSuccess(try docket.run("reindex"))
        #expect(try hits("zebrakryssing").count == 5)
    }

    /// `docket reindex` killed with SIGKILL anywhere in its rebuild of a store of 1,500 items (the
    /// index built in shards in a folder of its own, then swapped in): the index found beside the
    /// database is always a whole one, old or new, and every search finds every item.
    @Test func aRebuildKilledAnywhereNeverLeavesHalfAnIndex() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        do {
            let store = try Store(path: docket.database)
            try store.write {
                for month in 1...12 {
                    try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate(year: 2020, month: month, day: 10)!, withStandingItems: false)
                }
                for index in 0..<1_500 {
                    let meeting = MeetingReference(bodySlug: "styringsgruppen", date: CalendarDate(year: 2020, month: 1 + index % 12, day: 10)!)
                    _ = try store.addItem(to: meeting, ItemDraft(title: "Budsjett for skolebygg \(index)", kind: .decision,
                                                                 caseText: "Rådmannen legger fram økonomiplan og budsjett for kommunene i samarbeidet."))
                }
            }
        }
        #expect(try hits("skolebygg").count == 100, "the first search built the index (the limit is 100)")
        let index = dir.url.appending(path: "docket.sqlite.search")
        for pause in [30, 120, 300, 700, 1_500] {
            try docket.runKilled(["reindex"], after: pause)
            // The folder beside the database is a whole index: it answers at once, for every item.
            let store = try Store(path: docket.database, access: .readOnly)
            var filter = SearchFilter()
            filter.limit = 2_000
            #expect(try store.search("skolebygg", filter: filter).count == 1_500, "after a kill \(pause) ms into the rebuild")
            #expect(store.searchIndex?.answered == 1, "after a kill \(pause) ms into the rebuild")
            #expect(FileManager.default.fileExists(atPath: index.path))
        }
        // A last rebuild runs to its end and clears the folders the killed ones left.
        expectSuccess(try docket.run("reindex"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".search.") }
        #expect(left.isEmpty, "\(left)")
        #expect(try hits("skolebygg").count == 100)
    }

    /// `docket import` brings the derived index up to date itself: the first search after an
    /// import (here, of an export into a fresh store) does not pay for catching up.
    @Test func anImportLeavesTheIndexCaughtUp() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00"))
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett 2020", "--kind", "decision"))
        let export = dir.path("arkiv.json")
        try expectSuccess(docket.run("export", "--format", "json", "-o", export))
        let copy = DocketProcess(database: dir.path("kopi.sqlite"))
        try expectSuccess(copy.run("init"))
        let index = dir.url.appending(path: "kopi.sqlite.search")
        #expect(!FileManager.default.fileExists(atPath: index.path), "no index before the import")
        try expectSuccess(copy.run("import", export))
        #expect(FileManager.default.fileExists(atPath: index.path), "the import made the index beside the database")
        let result = try copy.run("search", "budsjettet", "--json")
        expectSuccess(result)
        #expect(result.stdout.contains("Budsjett 2020"))
    }
}
