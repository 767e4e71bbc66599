import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Testing

/// The secretary's area in bokmål, nynorsk and English: `?lang=` as on the public site, then kept
/// in a cookie for the pages, forms and redirects that follow; `/sprak` switches and goes back.
@Suite struct SecretariatLanguageTests {
    typealias Browser = SecretariatTests.Browser

    @Test func theAreaIsInNynorskAndEnglishByChoiceAndKeepsIt() async throws {
        let path = try SecretariatTests.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        var browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let meeting = "/sekretariat/mote/styret/2019-02-13"
        // Bokmål by default.
        let nb = try await browser.get(meeting)
        #expect(nb.text.contains("<html lang=\"nb\"") && nb.text.contains(">Lagre oppmøte<"))
        // ?lang=en: English, and a cookie that keeps it.
        let en = try await browser.get(meeting + "?lang=en")
        #expect(en.text.contains("<html lang=\"en\"") && en.text.contains(">Save attendance<") && en.text.contains(">Add item<"))
        #expect(!en.text.contains(">Lagre oppmøte<"))
        #expect(en.text.contains("Status: planned") && nb.text.contains("Status: planlagt"), "the model's names follow the language")
        let kept = try #require(SecretariatTests.firstMatch(#"(docket_lang=en)"#, in: en.header("Set-Cookie") ?? ""))
        #expect(en.header("Set-Cookie")?.contains("SameSite=Strict") == true)
        browser.cookie += "; " + kept
        // The next page without ?lang= stays English, and so does a refused form.
        let body = try await browser.get("/sekretariat/utvalg/styret")
        #expect(body.text.contains("<html lang=\"en\"") && body.text.contains(">End a seat<"))
        let refused = try await browser.post(meeting + "/avlys", [])
        #expect(refused.status == 422 && refused.text.contains(">Cancel the meeting<"))
        #expect(refused.text.contains("Tick the box to cancel the meeting."), "the web layer's own message is in English too")
        let forged = try await browser.post(meeting + "/avlys", [("confirm", "1")], csrf: "wrong")
        #expect(forged.status == 403 && forged.text.contains("valid security token (CSRF)"))
        // Nynorsk by the language switch, which goes back to the same page.
        let nnLink = try #require(SecretariatTests.firstMatch(#"href="(/sprak\?[^"]*lang=nn)""#, in: body.text))
        let switched = try await browser.get(nnLink.replacingOccurrences(of: "&amp;", with: "&"))
        #expect(switched.status == 303)
        #expect(switched.header("Location") == "/sekretariat/utvalg/styret")
        #expect(switched.header("Set-Cookie")?.hasPrefix("docket_lang=nn") == true)
        browser.cookie = browser.cookie.replacingOccurrences(of: "docket_lang=en", with: "docket_lang=nn")
        let nn = try await browser.get("/sekretariat/utvalg/styret")
        #expect(nn.text.contains("<html lang=\"nn\"") && nn.text.contains(">Medlemer<") && nn.text.contains(">Avslutt eit sete<"))
        // Bokmål again: the switch names it, so the cookie changes back.
        let nbLink = try #require(SecretariatTests.firstMatch(#"href="(/sprak\?neste=[^"&]*)""#, in: nn.text))
        let back = try await browser.get(nbLink)
        #expect(back.header("Set-Cookie")?.hasPrefix("docket_lang=nb") == true)
        // The switch goes back only into the area (no open redirect).
        let away = try await server.get("/sprak?lang=en&neste=https://evil.example/")
        #expect(away.header("Location") == "/sekretariat")
        // The sign-in form follows the choice too.
        let login = try await server.get("/logg-inn?lang=nn")
        #expect(login.text.contains(">Brukarnamn<"))
    }

    @Test func everyKeyIsTranslatedAndEveryTemplateKeyExists() throws {
        let nb = Set(SecretariatText.bokmål.keys)
        #expect(Set(SecretariatText.nynorsk.keys) == nb)
        #expect(Set(SecretariatText.english.keys) == nb)
        let folder = SampleData.packageRoot.appending(path: "Sources/DocketServer/Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("secretariat-") }
        #expect(names.count >= 9)
        for name in names {
            let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"\{\{s\.([A-Za-z0-9]+)\}\}"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                #expect(nb.contains(key), "\(name) uses {{s.\(key)}}, which has no text")
            }
        }
    }
}
