import Foundation
import Testing

/// Rendered pages are kept only until the database changes: a change the CLI makes in another
/// process while the server runs shows on the next request.
@Suite(.serialized) struct PageCacheTests {
    @Test func aChangeByTheCLIShowsOnTheNextRequest() async throws {
        let folder = try SampleData.folder()
        let database = folder.appending(path: "docket.sqlite").path
        try SampleData.docket(database, ["init"])
        try SampleData.docket(database, ["body", "add", "styret", "--name", "Styret", "--kind", "steering-group"])
        try SampleData.docket(database, ["meeting", "create", "styret", "--date", "2025-03-05"])
        try SampleData.docket(database, ["item", "add", "styret@2025-03-05", "--title", "Gammel tittel", "--kind", "decision",
                                         "--proposal", "Vedtas."])
        let server = try await TestServer.start(database: database)
        defer { server.stop() }
        let before = try await server.get("/mote/styret/2025-03-05")
        #expect(before.text.contains("Gammel tittel"))
        #expect(try await server.get("/mote/styret/2025-03-05").text == before.text, "the same page while nothing changed")
        let searchBefore = try await server.get("/sok?q=tittel")
        #expect(searchBefore.text.contains("Gammel tittel"))
        try SampleData.docket(database, ["item", "edit", "styret 5/25", "--title", "Ny tittel"])
        let after = try await server.get("/mote/styret/2025-03-05")
        #expect(after.text.contains("Ny tittel"))
        #expect(!after.text.contains("Gammel tittel"))
        #expect(try await server.get("/sok?q=tittel").text.contains("Ny tittel"))
    }

    /// `docket serve --no-page-cache` renders every page for its request (ServeBenchmark's figures
    /// without the cache): the pages are the same, a change shows at once.
    @Test func withoutThePageCacheEveryRequestIsRendered() async throws {
        let folder = try SampleData.folder()
        let database = folder.appending(path: "docket.sqlite").path
        try SampleData.docket(database, ["init"])
        try SampleData.docket(database, ["body", "add", "styret", "--name", "Styret", "--kind", "steering-group"])
        try SampleData.docket(database, ["meeting", "create", "styret", "--date", "2025-03-05", "--no-standing-items"])
        try SampleData.docket(database, ["item", "add", "styret@2025-03-05", "--title", "Gammel tittel", "--kind", "decision"])
        let server = try await TestServer.start(database: database, arguments: ["--no-page-cache"])
        defer { server.stop() }
        let before = try await server.get("/mote/styret/2025-03-05")
        #expect(before.status == 200 && before.text.contains("Gammel tittel"))
        try SampleData.docket(database, ["item", "edit", "styret 1/25", "--title", "Ny tittel"])
        #expect(try await server.get("/mote/styret/2025-03-05").text.contains("Ny tittel"))
        #expect(try await server.get("/sok?q=tittel").text.contains("Ny tittel"))
    }
}
