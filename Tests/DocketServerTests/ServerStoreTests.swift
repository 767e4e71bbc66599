import DocketModel
import DocketServer
import DocketStore
import Foundation
import Testing

/// The server's reads run on reader threads of their own, each with its own read-only connection
/// opened once, never on the thread (an event loop) that asked.
@Suite struct ServerStoreTests {
    func sample() throws -> String {
        let folder = try SampleData.folder()
        let database = folder.appending(path: "docket.sqlite").path
        try SampleData.docket(database, ["init"])
        try SampleData.docket(database, ["body", "add", "styret", "--name", "Styret", "--kind", "steering-group"])
        return database
    }

    /// Items added one command at a time leave the search index in several segments; the server
    /// merges them when it starts, and finds what it found before.
    @Test func theServerMergesASplitSearchIndexWhenItStarts() async throws {
        let database = try sample()
        try SampleData.docket(database, ["meeting", "create", "styret", "--date", "2019-02-13"])
        for number in 1...6 {
            try SampleData.docket(database, ["item", "add", "styret@2019-02-13", "--title", "Budsjettprinsipper \(number)", "--kind", "information"])
        }
        let before = try Store(path: database)
        let segments = try before.searchIndexSegmentCount()
        #expect(segments > 1, "\(segments) segment(s) after six commands")
        let hits = try before.search("budsjett").map(\.reference)
        #expect(hits.count == 6)
        let server = try ServerStore(path: database, readers: 1)
        #expect(try await server.reading { try $0.searchIndexSegmentCount() } == 1)
        #expect(try await server.reading { try $0.search("budsjett").map(\.reference) } == hits)
        #expect(try before.mergeSearchIndexIfSplit() == false, "nothing left to merge")
    }

    @Test func readsRunOnReaderThreadsWithReadOnlyConnections() async throws {
        let store = try ServerStore(path: try sample(), readers: 2)
        #expect(!ServerStore.isReaderThread)
        let onReaders = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.reading { _ in ServerStore.isReaderThread } }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(onReaders == Array(repeating: true, count: 8))
        // A reader's connection cannot write: the writes go through the one writer.
        await #expect(throws: (any Error).self) {
            try await store.reading { store in try store.addBody(slug: "nytt", BodyDraft(name: "Nytt", kind: .committee)) }
        }
        let body = try await store.writing { store in try store.addBody(slug: "nytt", BodyDraft(name: "Nytt", kind: .committee)).slug }
        #expect(body == "nytt")
        #expect(try await store.reading { try $0.bodies().map(\.slug) }.contains("nytt"), "a reader sees the writer's commit")
        // The secretariat's forms write with the writing connection on the request's task; the pages after read on a reader thread.
        _ = try store.write { store in try store.addBody(slug: "annet", BodyDraft(name: "Annet", kind: .committee)).slug }
        #expect(try await store.reading { try $0.bodies().map(\.slug) }.contains("annet"), "a reader sees the blocking writer's commit")
    }

    /// A search outside a read transaction is answered by the derived index (Xapian), as the CLI's is.
    @Test func aSearchOutsideATransactionFindsItems() async throws {
        let database = try sample()
        try SampleData.docket(database, ["meeting", "create", "styret", "--date", "2025-03-05", "--no-standing-items"])
        try SampleData.docket(database, ["item", "add", "styret@2025-03-05", "--title", "Velferdsteknologi i hjemmet", "--kind", "decision"])
        let store = try ServerStore(path: database, readers: 1)
        let hits = try await store.reading(inTransaction: false) { store in
            try store.search("velferdsteknologi", filter: { var filter = SearchFilter(); filter.isPublic = true; return filter }()).map(\.title)
        }
        #expect(hits == ["Velferdsteknologi i hjemmet"])
    }
}
