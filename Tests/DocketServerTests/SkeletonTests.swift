import DocketModel
import DocketServer
import DocketStore
import Foundation
import Testing

/// The server's frame: the layout every page shares, the style sheet and its caching, errors as pages.
@Suite struct SkeletonTests {
    /// A database with one body (its name needs escaping) and one meeting.
    static let smallStore: Result<String, any Error> = Result {
        let path = try SampleData.folder().appending(path: "docket.sqlite").path
        let store = try Store(path: path)
        _ = try store.addBody(slug: "styret", BodyDraft(name: "Styret <og> rådet", kind: .steeringGroup))
        _ = try store.createMeeting(bodySlug: "styret", date: CalendarDate(year: 2019, month: 2, day: 13)!)
        return path
    }

    @Test func theFrontPageListsBodiesInTheLayout() async throws {
        let server = try await TestServer.start(database: try Self.smallStore.get())
        defer { server.stop() }
        let page = try await server.get("/")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<html lang=\"nb\">"))
        #expect(page.text.contains("href=\"#main\""), "the skip link")
        #expect(page.text.contains("<main id=\"main\""))
        #expect(page.text.contains("/tilgjengelighet"), "the footer links to the accessibility statement")
        #expect(page.text.contains("Styret &lt;og&gt; rådet"), "names are escaped")
        #expect(page.text.contains("/mote/styret/2019-02-13"))
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
    }

    @Test func languagesAreChosenByQuery() async throws {
        let server = try await TestServer.start(database: try Self.smallStore.get())
        defer { server.stop() }
        let english = try await server.get("/?lang=en")
        #expect(english.text.contains("<html lang=\"en\">"))
        #expect(english.text.contains("Skip to main content"))
        let nynorsk = try await server.get("/tilgjengelighet?lang=nn")
        #expect(nynorsk.text.contains("<html lang=\"nn\">"))
        #expect(nynorsk.text.contains("Tilgjengeerklæring"))
        let bokmål = try await server.get("/tilgjengelighet")
        #expect(bokmål.text.contains("<h1>Tilgjengelighetserklæring</h1>"))
    }

    @Test func theStyleSheetIsCachedAndRevalidated() async throws {
        let server = try await TestServer.start(database: try Self.smallStore.get())
        defer { server.stop() }
        let css = try await server.get("/static/site.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(css.header("Cache-Control") == "public, max-age=86400")
        let tag = try #require(css.header("ETag"))
        let again = try await server.get("/static/site.css", headers: ["If-None-Match": tag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
    }

    @Test func anUnknownPageIsAReadable404() async throws {
        let server = try await TestServer.start(database: try Self.smallStore.get())
        defer { server.stop() }
        let page = try await server.get("/finnes-ikke")
        #expect(page.status == 404)
        #expect(page.text.contains("Finner ikke siden"))
        #expect(page.text.contains("<html lang=\"nb\">"))
    }
}
