import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Testing

/// The forms for what the CLI could do and the area could not: alternative proposals and their
/// votes, guests in attendance, ending a seat, removing an item, cancelling a meeting. Each is
/// checked as a secretary would: the store's refusal shown beside the form (422, nothing stored),
/// the write stored and in the audit log.
@Suite struct SecretariatFormTests {
    typealias Browser = SecretariatTests.Browser
    static let meeting = MeetingReference(bodySlug: "styret", date: CalendarDate("2019-02-13")!)
    static let base = "/sekretariat/mote/styret/2019-02-13"

    /// The sample database with one item on the meeting and all three members present.
    static func database() throws -> (path: String, item: String) {
        let path = try SecretariatTests.database()
        let store = try SecretariatTests.open(path)
        var draft = ItemDraft()
        draft.title = "Ny skolestruktur"
        draft.kind = .decision
        draft.proposal = "Skolene slås sammen."
        let item = try store.addItem(to: meeting, draft)
        try store.recordAttendance(meeting: meeting, present: ["Ada Berg", "Per Olsen", "Siri Dahl"])
        return (path, "/sekretariat/sak/styret/" + Paths.segment(item.number))
    }

    static func audit(_ path: String) throws -> [String] { try SecretariatTests.open(path).auditLog().map(\.action) }

    @Test func anAlternativeProposalIsAddedAndVotedOn() async throws {
        let (path, item) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let itemID = try SecretariatTests.open(path).items(meeting: Self.meeting)[0].id
        // A proposer the store does not know: its message beside the name field, nothing stored.
        let unknown = try await browser.post(item + "/forslag", [("by", "Ukjent Person"), ("text", "Saken utsettes.")])
        #expect(unknown.status == 422)
        #expect(unknown.text.contains("id=\"forslag-error\"") && unknown.text.contains("Ukjent Person"))
        #expect(unknown.text.contains("id=\"proposal-by\" name=\"by\" type=\"text\" list=\"proposal-people\" value=\"Ukjent Person\" aria-invalid=\"true\""))
        #expect(try SecretariatTests.open(path).proposals(itemID: itemID).isEmpty)
        let empty = try await browser.post(item + "/forslag", [("by", "Per Olsen"), ("text", " ")])
        #expect(empty.status == 422 && empty.text.contains("Skriv forslagets tekst"))
        // Made by Per Olsen.
        let added = try await browser.post(item + "/forslag", [("by", "Per Olsen"), ("text", "Saken utsettes til <neste> møte.")])
        #expect(added.status == 303, "\(added.text)")
        #expect(added.header("Location") == item + "?lagret=1#forslag")
        // A vote on a proposal that is not there: the store's message.
        let missing = try await browser.post(item + "/forslag/votering", [("proposal", "2"), ("for", "1"), ("against", "2")])
        #expect(missing.status == 422)
        #expect(missing.text.contains("styret 1/19 har ikke noe forslag 2; den har 1"))
        // A named vote that counts someone absent is refused by the store's checks.
        let absent = try await browser.post(item + "/forslag/votering", [("proposal", "1"), ("for", "Per Olsen, Ola Fravær"), ("against", "Ada Berg")])
        #expect(absent.status == 422)
        #expect(try SecretariatTests.open(path).proposals(itemID: itemID).first?.outcome == nil)
        // It falls, 1 to 2, by name.
        let voted = try await browser.post(item + "/forslag/votering", [("proposal", "1"), ("for", "Per Olsen"), ("against", "Ada Berg, Siri Dahl")])
        #expect(voted.status == 303, "\(voted.text)")
        let proposal = try #require(try SecretariatTests.open(path).proposals(itemID: itemID).first)
        #expect(proposal.proposer == "Per Olsen" && proposal.text == "Saken utsettes til <neste> møte.")
        #expect(proposal.outcome == .rejected && proposal.tally == .counted(for: 1, against: 2, abstaining: 0))
        #expect(proposal.ballots.count == 3)
        let page = try await browser.get(item)
        #expect(page.text.contains("Forslag 1 fra Per Olsen: «Saken utsettes til &lt;neste&gt; møte.»"))
        let actions = try Self.audit(path)
        #expect(actions.contains("forslag lagt til") && actions.contains("votering over forslag registrert"))
        // The minutes print it.
        let minutes = try await browser.get(Self.base + "/papir/protokoll.html")
        #expect(minutes.text.contains("Per Olsen"))
    }

    @Test func aGuestIsRecordedWithWhatTheyCameAs() async throws {
        let (path, _) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let noRole = try await browser.post(Self.base + "/oppmote", [("guest", "Berit Revisor")])
        #expect(noRole.status == 422)
        #expect(noRole.text.contains("aria-invalid=\"true\"") && noRole.text.contains("Skriv hva Berit Revisor møtte som"))
        // A member is no guest: the store says so.
        let member = try await browser.post(Self.base + "/oppmote", [("guest", "Ada Berg"), ("guestRole", "revisor")])
        #expect(member.status == 422)
        #expect(member.text.contains("Ada Berg har sete i «styret»; før et medlem som til stede, ikke som gjest."))
        #expect(try SecretariatTests.open(path).attendance(meeting: Self.meeting).allSatisfy { $0.guestRole == nil })
        let taken = try await browser.post(Self.base + "/oppmote", [("person-0", "Ada Berg"), ("status-0", "present"),
                                                                    ("guest", "Berit Revisor"), ("guestRole", "revisor")])
        #expect(taken.status == 303, "\(taken.text)")
        let guest = try #require(try SecretariatTests.open(path).attendance(meeting: Self.meeting).first { $0.person == "Berit Revisor" })
        #expect(guest.guestRole == "revisor" && guest.status == .present)
        #expect(try await browser.get(Self.base).text.contains("Berit Revisor (gjest: revisor)"))
        let entry = try #require(try SecretariatTests.open(path).auditLog().first)
        #expect(entry.action == "oppmøte registrert" && entry.detail.contains("gjest Berit Revisor (revisor)"))
    }

    @Test func aSeatIsEnded() async throws {
        let (path, _) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let badDate = try await browser.post("/sekretariat/utvalg/styret/medlem/slutt", [("name", "Per Olsen"), ("on", "31.12.2019")])
        #expect(badDate.status == 422 && badDate.text.contains("ÅÅÅÅ-MM-DD"))
        let stranger = try await browser.post("/sekretariat/utvalg/styret/medlem/slutt", [("name", "Nils Ukjent"), ("on", "2019-12-31")])
        #expect(stranger.status == 422 && stranger.text.contains("id=\"slutt-medlem-error\""))
        let ended = try await browser.post("/sekretariat/utvalg/styret/medlem/slutt", [("name", "Per Olsen"), ("on", "2019-12-31")])
        #expect(ended.status == 303, "\(ended.text)")
        let store = try SecretariatTests.open(path)
        #expect(try store.memberships(bodySlug: "styret", currentOn: CalendarDate("2020-01-01")!).map(\.person).sorted() == ["Ada Berg", "Siri Dahl"])
        #expect(try store.memberships(bodySlug: "styret").contains { $0.person == "Per Olsen" && $0.to == CalendarDate("2019-12-31") }, "the history is kept")
        // Ending it again: the store says there is no current seat.
        let again = try await browser.post("/sekretariat/utvalg/styret/medlem/slutt", [("name", "Per Olsen"), ("on", "2019-12-31")])
        #expect(again.status == 422 && again.text.contains("Per Olsen har ikke noe sete i «styret» nå."))
        #expect(try Self.audit(path).filter { $0 == "sete avsluttet" }.count == 1)
    }

    @Test func anItemIsRemovedFromAnOpenAgenda() async throws {
        let (path, item) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let unconfirmed = try await browser.post(item + "/fjern", [])
        #expect(unconfirmed.status == 422 && unconfirmed.text.contains("id=\"fjern-sak-error\""))
        #expect(try SecretariatTests.open(path).items(meeting: Self.meeting).count == 1)
        let removed = try await browser.post(item + "/fjern", [("confirm", "1")])
        #expect(removed.status == 303)
        #expect(removed.header("Location") == Self.base + "?lagret=1#fjern-sak")
        #expect(try SecretariatTests.open(path).items(meeting: Self.meeting).isEmpty)
        #expect(try Self.audit(path).first == "sak fjernet")
        #expect(try await browser.get(item).status == 404)
    }

    @Test func aMeetingIsCancelledAndStaysInTheRecord() async throws {
        let (path, item) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await Browser.signIn(server, as: "Kari Nordmann")
        #expect(try await browser.post(Self.base + "/avlys", []).status == 422)
        let cancelled = try await browser.post(Self.base + "/avlys", [("confirm", "1")])
        #expect(cancelled.status == 303)
        #expect(try SecretariatTests.open(path).meeting(Self.meeting).status == .cancelled)
        #expect(try await browser.get(Self.base).text.contains("avlyst"))
        // A cancelled meeting takes no proposals: the store's refusal is shown.
        let refused = try await browser.post(item + "/forslag", [("by", "Per Olsen"), ("text", "Noe annet.")])
        #expect(refused.status == 422 && refused.text.contains("er avlyst; ingen forslag kan legges til."))
        #expect(try Self.audit(path).contains("møte avlyst"))
    }

    /// Every new form refuses a reader and a post without the CSRF token, and stores nothing.
    @Test func theNewFormsRefuseAReaderAndAMissingCSRFToken() async throws {
        let (path, item) = try Self.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let posts: [(String, [(String, String)])] = [
            (item + "/forslag", [("by", "Per Olsen"), ("text", "Forslag.")]),
            (item + "/forslag/votering", [("proposal", "1"), ("unanimous", "1")]),
            (Self.base + "/oppmote", [("guest", "Berit Revisor"), ("guestRole", "revisor")]),
            ("/sekretariat/utvalg/styret/medlem/slutt", [("name", "Per Olsen")]),
            (item + "/fjern", [("confirm", "1")]),
            (Self.base + "/avlys", [("confirm", "1")]),
        ]
        let reader = try await Browser.signIn(server, as: "Ola Leser")
        let secretary = try await Browser.signIn(server, as: "Kari Nordmann")
        let logBefore = try SecretariatTests.open(path).auditLog().count
        for (route, form) in posts {
            #expect(try await reader.post(route, form).status == 403, "\(route) lets a reader write")
            #expect(try await secretary.post(route, form, csrf: "wrong").status == 403, "\(route) takes a wrong token")
            #expect(try await server.post(route, form: form, headers: ["Cookie": secretary.cookie]).status == 403, "\(route) takes no token")
        }
        let store = try SecretariatTests.open(path)
        #expect(try store.auditLog().count == logBefore)
        #expect(try store.items(meeting: Self.meeting).count == 1)
        #expect(try store.meeting(Self.meeting).status != .cancelled)
        #expect(try store.memberships(bodySlug: "styret", currentOn: .today).count == 3)
        #expect(try store.attendance(meeting: Self.meeting).count == 3)
        let page = try await reader.get(item)
        #expect(!page.text.contains("/forslag\"") && !page.text.contains("/fjern\""), "no new forms for a reader")
    }
}
