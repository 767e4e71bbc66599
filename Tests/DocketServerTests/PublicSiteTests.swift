import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The public pages on the sample cooperation, as a visitor reads them.
@Suite(.serialized) struct PublicSiteTests {
    static let database: Result<String, any Error> = Result { try SampleData.cooperation() }

    func server() async throws -> TestServer {
        try await TestServer.start(database: try Self.database.get())
    }

    @Test func aBodyPageShowsMandateMembersAndTheMeetingPlan() async throws {
        let server = try await server()
        defer { server.stop() }
        let page = try await server.get("/utvalg/styringsgruppen")
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Digi Fjordanes styringsgruppe</h1>"))
        #expect(page.text.contains("Ingrid Fjeld"))
        #expect(page.text.contains("<td>Fjordvik kommune</td>"), "whom a member represents")
        #expect(page.text.contains("/utvalg/styringsgruppen/moteplan.ics"))
        let plan = try await server.get("/utvalg/styringsgruppen/moteplan.ics")
        #expect(plan.status == 200)
        #expect(plan.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(plan.text.contains("UID:styringsgruppen-2025-02-12@"))
        #expect(!plan.text.contains("Forhandlingsposisjon"), "the exempt item's text is not in the plan")
    }

    @Test func aMeetingPageShowsAgendaAttendanceDecisionsAndDownloads() async throws {
        let server = try await server()
        defer { server.stop() }
        let page = try await server.get("/mote/styringsgruppen/2025-02-12")
        #expect(page.status == 200)
        #expect(page.text.contains("Felles løsning for velferdsteknologi"))
        #expect(page.text.contains("Forhandlinger om avtale"), "the exempt item's public title")
        #expect(page.text.contains("offl. § 23 første ledd"), "and its legal basis")
        #expect(!page.text.contains("Forhandlingsposisjon"), "but not its text")
        #expect(page.text.contains("Vedtatt med 4 mot 1 stemme"), "the vote")
        for file in ["innkalling.html", "innkalling.pdf", "innkalling.docx", "protokoll.pdf", "mote.ics"] {
            #expect(page.text.contains("/mote/styringsgruppen/2025-02-12/\(file)"), "links \(file)")
        }
        let old = try await server.get("/mote/styringsgruppen/2024-12-11")
        #expect(old.text.contains("Til stede"))
        #expect(old.text.contains("Eli Aksnes"))
        let ics = try await server.get("/mote/styringsgruppen/2025-02-12/mote.ics")
        #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count == 2, "one event")
        let html = try await server.get("/mote/styringsgruppen/2025-02-12/innkalling.html")
        #expect(html.status == 200)
        #expect(html.text.contains("Felles løsning for velferdsteknologi"))
        #expect(!html.text.contains("Forhandlingsposisjon"))
        let docx = try await server.get("/mote/styringsgruppen/2025-02-12/protokoll.docx")
        #expect(docx.status == 200)
        #expect(docx.body.starts(with: Data("PK".utf8)))
        let missing = try await server.get("/mote/styringsgruppen/2031-01-01")
        #expect(missing.status == 404)
    }

    @Test func anItemPageTellsTheWholeStory() async throws {
        let server = try await server()
        defer { server.stop() }
        // The health group's item referred up to the steering group: its story spans both bodies.
        let page = try await server.get("/sak/fg-helse/5-25")
        #expect(page.status == 200)
        #expect(page.text.contains("Felles journalsystem"))
        #expect(page.text.contains("Sakens gang"))
        #expect(page.text.contains("Digi Fjordanes styringsgruppe"), "the case path reaches the steering group")
        let withAttachment = try await server.get("/sak/styringsgruppen/6-25")
        #expect(withAttachment.text.contains("notat.txt"))
        let link = try #require(withAttachment.text.firstMatch(of: /href="(\/vedlegg\/\d+)"/)?.1)
        let file = try await server.get(String(link))
        #expect(file.text == "Notat om velferdsteknologi.\n")
        #expect(try await server.get("/sak/styringsgruppen/99-25").status == 404)
        #expect(try await server.get("/sak/styringsgruppen/tull").status == 404)
    }

    @Test func searchFindsMarksAndPages() async throws {
        let server = try await server()
        defer { server.stop() }
        let page = try await server.get("/sok?q=velferdsteknologi")
        #expect(page.status == 200)
        #expect(page.text.contains("<mark>"), "matched words are marked")
        #expect(page.text.contains("/sak/styringsgruppen/"))
        // As the browser sends the form: spaces as `+`, words apart (not one phrase), the box filled
        // in with the words as typed; `%2B` is a plus.
        let twoWords = try await server.get("/sok?q=velferdsteknologi+OR+budsjett")
        #expect(twoWords.text.contains(#"value="velferdsteknologi OR budsjett""#))
        #expect(twoWords.text.contains("<mark>velferdsteknologi</mark>") || twoWords.text.contains("<mark>Velferdsteknologi</mark>"))
        let spaced = try await server.get("/sok?q=velferdsteknologi%20OR%20budsjett")
        let hits = { (text: String) in text.matches(of: /href="(\/sak\/[^"]+)"/).map { String($0.1) } }
        #expect(hits(twoWords.text).count >= 2 && hits(twoWords.text) == hits(spaced.text))
        #expect(try await server.get("/sok?q=C%2B%2B").text.contains(#"value="C++""#))
        let filtered = try await server.get("/sok?q=velferdsteknologi&utvalg=fg-plan")
        #expect(filtered.text.contains("Ingen treff."))
        let exempt = try await server.get("/sok?q=lisensavtale")
        #expect(!exempt.text.contains("Forhandlinger"), "exempt items are not found")
        let listed = try await server.get("/sok?utvalg=styringsgruppen")
        #expect(listed.text.contains("Viser 1–"))
        let bad = try await server.get("/sok?ar=tjue")
        #expect(bad.status == 400)
        #expect(bad.text.contains("tjue"))
    }

    @Test func theFeedListsMeetingsAndDecisions() async throws {
        let server = try await server()
        defer { server.stop() }
        let feed = try await server.get("/utvalg/styringsgruppen/feed.atom")
        #expect(feed.status == 200)
        #expect(feed.header("Content-Type") == "application/atom+xml; charset=utf-8")
        #expect(feed.text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.text.contains("Vedtak 6/25"))
        #expect(feed.text.contains("/mote/styringsgruppen/2025-02-12"))
        #expect(try XMLDocument(data: feed.body).rootElement()?.name == "feed")
    }

    @Test func pagesComeInNynorskAndEnglish() async throws {
        let server = try await server()
        defer { server.stop() }
        let english = try await server.get("/mote/styringsgruppen/2025-02-12?lang=en")
        #expect(english.text.contains("<html lang=\"en\">"))
        #expect(english.text.contains("Agenda"))
        #expect(english.text.contains("12 February 2025"))
        let nynorsk = try await server.get("/utvalg/styringsgruppen?lang=nn")
        #expect(nynorsk.text.contains("<html lang=\"nn\">"))
        #expect(nynorsk.text.contains("Medlemer"))
    }
}
