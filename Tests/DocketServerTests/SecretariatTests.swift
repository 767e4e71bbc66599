import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Testing

/// The secretary's area through HTTP, as a browser uses it: sign-in, sessions, CSRF, throttling,
/// roles, the audit log, and a meeting built from nothing to approved minutes.
@Suite struct SecretariatTests {
    static let password = "riktig hest batteri"

    /// A new database file with a body of three voting members and users of every role.
    static func database() throws -> String {
        let path = try SampleData.folder().appending(path: "secretariat.sqlite").path
        let store = try Store(path: path, access: .create)
        _ = try store.addBody(slug: "styret", BodyDraft(name: "Styret", kind: .steeringGroup), standingItems: [])
        for name in ["Ada Berg", "Per Olsen", "Siri Dahl"] {
            _ = try store.addMember(name: name, bodySlug: "styret", role: .member, organisation: nil)
        }
        _ = try store.createMeeting(bodySlug: "styret", date: CalendarDate(year: 2019, month: 2, day: 13)!)
        // The cheapest bcrypt cost: the tests sign in often, and verifying follows the hash's own cost.
        let hash = try Passwords.hash(password, cost: 4)
        for (name, role) in [("Kari Nordmann", UserRole.secretary), ("Ola Leser", .reader), ("Anne Admin", .admin)] {
            _ = try store.addUser(name: name, role: role, passwordHash: hash, at: 0)
        }
        return path
    }

    /// The database as the server left it, for checking what a request stored.
    static func open(_ path: String) throws -> Store {
        try Store(path: path, access: .readWrite)
    }

    /// A browser's cookie jar and the session's CSRF token.
    struct Browser {
        let server: TestServer
        var cookie = ""
        var csrf = ""

        func get(_ path: String) async throws -> TestServer.Page {
            try await server.get(path, headers: cookie.isEmpty ? [:] : ["Cookie": cookie])
        }

        /// Posts a form with the session's CSRF token (unless `csrf` says otherwise).
        func post(_ path: String, _ form: [(String, String)], csrf: String? = nil) async throws -> TestServer.Page {
            try await server.post(path, form: [("csrf", csrf ?? self.csrf)] + form, headers: cookie.isEmpty ? [:] : ["Cookie": cookie])
        }

        /// Signs in through /logg-inn and takes the CSRF token from the first secretariat page.
        static func signIn(_ server: TestServer, as name: String, password: String = SecretariatTests.password) async throws -> Browser {
            let login = try await Browser.attemptSignIn(server, name: name, password: password)
            #expect(login.status == 303, "\(login.text)")
            #expect(login.header("Location") == "/sekretariat")
            let setCookie = try #require(login.header("Set-Cookie"))
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let token = try #require(firstMatch(#"docket_session=([A-Za-z0-9_-]+)"#, in: setCookie))
            var browser = Browser(server: server, cookie: "docket_session=" + token)
            let home = try await browser.get("/sekretariat")
            #expect(home.status == 200)
            browser.csrf = try #require(firstMatch(#"name="csrf" value="([^"]+)""#, in: home.text))
            return browser
        }

        static func attemptSignIn(_ server: TestServer, name: String, password: String) async throws -> TestServer.Page {
            let form = try await server.get("/logg-inn")
            let token = try #require(firstMatch(#"name="csrf" value="([^"]+)""#, in: form.text))
            let cookie = try #require(firstMatch(#"(docket_login=[A-Za-z0-9_-]+)"#, in: form.header("Set-Cookie") ?? ""))
            return try await server.post("/logg-inn", form: [("csrf", token), ("name", name), ("password", password)],
                                         headers: ["Cookie": cookie])
        }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    @Test func everySecretaryRouteWithoutASessionRedirectsToLogin() async throws {
        let path = try Self.database()
        let routes = buildRouter(try ServerEnvironment(store: ServerStore(path: path, readers: 1), configuration: ServerConfiguration())).routes
            .filter { $0.path.description.hasPrefix("/sekretariat") }
        #expect(routes.count >= 33, "the secretary's routes are registered: \(routes)")
        let paths = Set(routes.map { $0.path.description })
        for new in ["/sekretariat/sak/{body}/{number}/forslag", "/sekretariat/sak/{body}/{number}/forslag/votering",
                    "/sekretariat/utvalg/{body}/medlem/slutt", "/sekretariat/sak/{body}/{number}/fjern", "/sekretariat/mote/{body}/{date}/avlys"] {
            #expect(paths.contains(new), "\(new) is walked: \(paths.sorted())")
        }
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let samples = ["body": "styret", "date": "2019-02-13", "number": "1-19", "file": "innkalling.pdf"]
        for route in routes {
            let path = route.path.components.map { component -> String in
                let text = component.description
                guard text.hasPrefix("{"), text.hasSuffix("}") else { return text }
                return samples[String(text.dropFirst().dropLast())] ?? "x"
            }.joined(separator: "/")
            let page = route.method == .post
                ? try await server.post("/" + path, form: [("csrf", "x"), ("title", "Ny sak")])
                : try await server.get("/" + path)
            #expect(page.status == 303, "\(route) answered \(page.status)")
            #expect(page.header("Location")?.hasPrefix("/logg-inn") == true, "\(route) → \(page.header("Location") ?? "nothing")")
        }
        // And with a forged cookie.
        let forged = try await server.get("/sekretariat", headers: ["Cookie": "docket_session=forged"])
        #expect(forged.status == 303)
    }

    @Test func aPostWithoutOrWithAWrongCSRFTokenIsRefusedAndNothingIsStored() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let before = try SecretariatTests.open(path).items(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-02-13")!)).count
        let logBefore = try SecretariatTests.open(path).auditLog().count
        for token in ["", "wrong", String(browser.csrf.reversed())] {
            let page = try await browser.post("/sekretariat/mote/styret/2019-02-13/sak", [("title", "Smuglet sak")], csrf: token)
            #expect(page.status == 403)
            #expect(page.text.contains("CSRF"))
        }
        let without = try await server.post("/sekretariat/mote/styret/2019-02-13/sak", form: [("title", "Smuglet sak")],
                                            headers: ["Cookie": browser.cookie])
        #expect(without.status == 403)
        #expect(try SecretariatTests.open(path).items(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-02-13")!)).count == before)
        #expect(try SecretariatTests.open(path).auditLog().count == logBefore)
        // The same form with the token is taken.
        let taken = try await browser.post("/sekretariat/mote/styret/2019-02-13/sak", [("title", "Ekte sak")])
        #expect(taken.status == 303)
        // Signing out needs the token too.
        #expect(try await server.post("/logg-ut", form: [("csrf", "wrong")], headers: ["Cookie": browser.cookie]).status == 403)
    }

    @Test func repeatedFailedSignInsAreThrottled() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        for _ in 0..<LoginRoutes.Throttle.maximumFailures {
            let page = try await Browser.attemptSignIn(server, name: "Kari Nordmann", password: "feil passord 123")
            #expect(page.status == 401)
            #expect(page.text.contains("Feil brukernavn eller passord"))
        }
        // Now even the right password waits.
        let blocked = try await Browser.attemptSignIn(server, name: "Kari Nordmann", password: Self.password)
        #expect(blocked.status == 429)
        #expect(blocked.text.contains("For mange mislykte forsøk"))
        #expect(blocked.header("Retry-After") != nil)
        #expect(blocked.header("Set-Cookie")?.contains("docket_session=") != true)
        // Another user from elsewhere is not blocked by Kari's failures... but this address has 5 failures; one more user still signs in.
        let other = try await Browser.attemptSignIn(server, name: "Anne Admin", password: Self.password)
        #expect(other.status == 303)
    }

    @Test func aReaderSeesButCannotWrite() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let reader = try await Browser.signIn(server, as: "Ola Leser")
        let page = try await reader.get("/sekretariat/mote/styret/2019-02-13")
        #expect(page.status == 200)
        #expect(!page.text.contains("action=\"/sekretariat/mote/styret/2019-02-13/sak\""), "no forms for a reader")
        let refused = try await reader.post("/sekretariat/mote/styret/2019-02-13/sak", [("title", "Lesers sak")])
        #expect(refused.status == 403)
        #expect(try SecretariatTests.open(path).items(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-02-13")!)).isEmpty)
        #expect(try await reader.get("/sekretariat/brukere").status == 403, "users are the admin's")
        #expect(try await reader.get("/sekretariat/logg").status == 403)
    }

    @Test func writesAreInTheAuditLogWhichAdminsSee() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let secretary = try await Browser.signIn(server, as: "Kari Nordmann")
        let before = Int64(Date().timeIntervalSince1970)
        #expect(try await secretary.post("/sekretariat/utvalg/styret/medlem", [("name", "Nils <Nytt> Medlem"), ("role", "member")]).status == 303)
        let after = Int64(Date().timeIntervalSince1970)
        let entry = try #require(try SecretariatTests.open(path).auditLog().first)
        #expect(entry.userName == "Kari Nordmann")
        #expect(entry.action == "medlem lagt til")
        #expect(entry.detail.contains("Nils <Nytt> Medlem"))
        // Stamped while the request ran: a loaded machine may take long over it, so no fixed tolerance.
        #expect((before...after).contains(entry.at))
        #expect(try await secretary.get("/sekretariat/logg").status == 403, "the log is the admin's")
        let admin = try await Browser.signIn(server, as: "Anne Admin")
        let log = try await admin.get("/sekretariat/logg")
        #expect(log.status == 200)
        #expect(log.text.contains("Kari Nordmann") && log.text.contains("Nils &lt;Nytt&gt; Medlem"))
        // An admin adds a user through the web; the password is kept as a bcrypt hash only.
        #expect(try await admin.post("/sekretariat/brukere", [("name", "Ny Sekretær"), ("role", "secretary"), ("password", "kort")]).status == 422)
        #expect(try await admin.post("/sekretariat/brukere", [("name", "Ny Sekretær"), ("role", "secretary"), ("password", "langt nok passord")]).status == 303)
        let added = try #require(try SecretariatTests.open(path).user(named: "ny sekretær"))
        #expect(added.passwordHash.hasPrefix("$2") && !added.passwordHash.contains("langt nok"))
    }

    @Test func aSecretaryBuildsAMeetingRecordsASplitVoteAndApprovesTheMinutes() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let created = try await browser.post("/sekretariat/utvalg/styret/mote", [("date", "2019-03-20"), ("start", "10:00"), ("place", "Rådhuset")])
        #expect(created.status == 303)
        #expect(created.header("Location")?.hasPrefix("/sekretariat/mote/styret/2019-03-20") == true)
        let base = "/sekretariat/mote/styret/2019-03-20"
        for title in ["Budsjett 2020", "Ny skolestruktur", "Eventuelt om veier"] {
            let added = try await browser.post(base + "/sak", [("title", title), ("kind", "decision"), ("proposal", "Saken vedtas.")])
            #expect(added.status == 303, "\(added.text)")
        }
        let items = try SecretariatTests.open(path).items(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-03-20")!))
        #expect(items.map(\.title) == ["Budsjett 2020", "Ny skolestruktur", "Eventuelt om veier"])
        // The third item moves up with its button.
        #expect(try await browser.post(base + "/flytt", [("item", items[2].number.description), ("to", "2")]).status == 303)
        let page = try await browser.get(base)
        let order = ["Budsjett 2020", "Eventuelt om veier", "Ny skolestruktur"].compactMap { page.text.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "the agenda shows the new order")
        // Attendance: all three present.
        let roll = (0..<3).flatMap { index in [("person-\(index)", ["Ada Berg", "Per Olsen", "Siri Dahl"][index]), ("status-\(index)", "present")] }
        #expect(try await browser.post(base + "/oppmote", roll).status == 303)
        // A split vote the store refuses (4 votes, 3 present) is shown beside the vote fields, nothing stored.
        let itemPath = "/sekretariat/sak/styret/" + Paths.segment(items[0].number)
        let refused = try await browser.post(itemPath + "/vedtak", [("outcome", "adopted"), ("for", "3"), ("against", "1")])
        #expect(refused.status == 422)
        #expect(refused.text.contains("id=\"vedtak-error\""))
        #expect(try SecretariatTests.open(path).decision(itemID: items[0].id) == nil)
        // A named split vote, 2 to 1.
        let voted = try await browser.post(itemPath + "/vedtak", [("outcome", "adopted"), ("for", "Ada Berg, Per Olsen"), ("against", "Siri Dahl")])
        #expect(voted.status == 303, "\(voted.text)")
        let decision = try #require(try SecretariatTests.open(path).decision(itemID: items[0].id))
        #expect(decision.tally == .counted(for: 2, against: 1, abstaining: 0))
        #expect(try await browser.get(itemPath).text.contains("Vedtatt med 2 mot 1"))
        // Approving the minutes, with two signers.
        let approved = try await browser.post(base + "/godkjenn", [("on", "2019-03-20"), ("signer", "Ada Berg"), ("signer", "Per Olsen")])
        #expect(approved.status == 303, "\(approved.text)")
        let approval = try #require(try SecretariatTests.open(path).minutesApproval(of: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-03-20")!)))
        #expect(approval.signers == ["Ada Berg", "Per Olsen"])
        // The papers download, with the vote in the minutes.
        let minutes = try await browser.get(base + "/papir/protokoll.html")
        #expect(minutes.status == 200)
        #expect(minutes.text.contains("Budsjett 2020") && minutes.text.contains("Ada Berg"))
        let pdf = try await browser.get(base + "/papir/innkalling.pdf")
        #expect(pdf.status == 200 && pdf.body.starts(with: Data("%PDF".utf8)))
        // Every step is in the audit log.
        let actions = try SecretariatTests.open(path).auditLog().map(\.action)
        #expect(actions.filter { $0 == "sak lagt til" }.count == 3)
        #expect(actions.contains("vedtak registrert") && actions.contains("protokoll godkjent") && actions.contains("oppmøte registrert"))
        // Signing out ends the session.
        #expect(try await browser.post("/logg-ut", []).status == 303)
        #expect(try await browser.get("/sekretariat").status == 303)
    }

    @Test func theSessionCookieIsSecureBehindTLS() async throws {
        let server = try await TestServer.start(database: try Self.database())
        defer { server.stop() }
        let form = try await server.get("/logg-inn", headers: ["X-Forwarded-Proto": "https"])
        #expect(form.header("Set-Cookie")?.contains("; Secure") == true)
        let plain = try await server.get("/logg-inn")
        #expect(plain.header("Set-Cookie")?.contains("Secure") == false)
        #expect(plain.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(plain.text.contains("<label for=\"login-name\">"))
    }

    @Test func standingItemsAreSetAndABadLineIsShownBesideTheField() async throws {
        let path = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let bad = try await browser.post("/sekretariat/utvalg/styret/faste-saker", [("items", "Godkjenning av innkalling|information\nEventuelt|no-such-kind")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("line 2"), "the model's message names the line")
        #expect(bad.text.contains("id=\"faste-saker-error\""))
        #expect(try SecretariatTests.open(path).standingItems(bodySlug: "styret").isEmpty)
        let good = try await browser.post("/sekretariat/utvalg/styret/faste-saker", [("items", "Godkjenning av innkalling|information\r\nEventuelt")])
        #expect(good.status == 303)
        #expect(try SecretariatTests.open(path).standingItems(bodySlug: "styret").map(\.title) == ["Godkjenning av innkalling", "Eventuelt"])
        // A meeting made now begins with them.
        #expect(try await browser.post("/sekretariat/utvalg/styret/mote", [("date", "2019-05-02"), ("standing", "1")]).status == 303)
        #expect(try SecretariatTests.open(path).items(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-05-02")!)).count == 2)
    }
}
