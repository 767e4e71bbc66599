import DocketDocuments
import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Testing

/// The store's refusals, phrased in English for the command line, are shown in the form's language:
/// bokmål by default, nynorsk and English by choice, without the CLI's flags.
@Suite struct StoreRefusalTextTests {
    typealias Browser = SecretariatTests.Browser

    /// A form the store refuses (a member recorded as a guest) shows the store's refusal in bokmål,
    /// then in nynorsk and English by the language cookie; nothing is stored.
    @Test func aFormTheStoreRefusesShowsTheRefusalInThePagesLanguage() async throws {
        let (path, _) = try SecretariatFormTests.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        var browser = try await Browser.signIn(server, as: "Kari Nordmann")
        let form = [("guest", "Ada Berg"), ("guestRole", "revisor")]
        let nb = try await browser.post(SecretariatFormTests.base + "/oppmote", form)
        #expect(nb.status == 422)
        #expect(nb.text.contains("Ada Berg har sete i «styret»; før et medlem som til stede, ikke som gjest."))
        #expect(!nb.text.contains("holds a seat") && !nb.text.contains("--present"))
        browser.cookie += "; docket_lang=nn"
        let nn = try await browser.post(SecretariatFormTests.base + "/oppmote", form)
        #expect(nn.status == 422 && nn.text.contains("Ada Berg har sete i «styret»; før eit medlem som til stades, ikkje som gjest."))
        browser.cookie = browser.cookie.replacingOccurrences(of: "docket_lang=nn", with: "docket_lang=en")
        let en = try await browser.post(SecretariatFormTests.base + "/oppmote", form)
        #expect(en.status == 422 && en.text.contains("Ada Berg holds a seat in &#39;styret&#39;"))
        #expect(try SecretariatTests.open(path).attendance(meeting: SecretariatFormTests.meeting).allSatisfy { $0.guestRole == nil })
    }

    /// Refusals the store really gives, each in bokmål and nynorsk by a rule of its own (not the
    /// fallback), its names and numbers kept; a refusal without a rule keeps the store's English.
    @Test func theStoresRefusalsAreTranslatedWithTheirNamesAndNumbers() throws {
        let store = try Store.inMemory()
        try store.addBody(slug: "styret", BodyDraft(name: "Styret", kind: .committee))
        try store.createMeeting(bodySlug: "styret", date: CalendarDate("2019-02-13")!, withStandingItems: false)
        func refusal(_ body: () throws -> Void) -> StoreError? {
            do { try body(); return nil } catch let error as StoreError { return error } catch { return nil }
        }
        let cases: [(StoreError?, nb: String, nn: String)] = [
            (refusal { try store.addBody(slug: "Styret 2", BodyDraft(name: "X", kind: .committee)) },
             "«Styret 2» kan ikke være kortnavn", "«Styret 2» kan ikkje vere kortnamn"),
            (refusal { try store.addBody(slug: "styret", BodyDraft(name: "Styret", kind: .committee)) },
             "Det finnes allerede et utvalg med kortnavnet «styret».", "Det finst alt eit utval med kortnamnet «styret»."),
            (refusal { try store.createMeeting(bodySlug: "styret", date: CalendarDate("2019-02-13")!, withStandingItems: false) },
             "Det finnes allerede et møte i «styret» 2019-02-13.", "Det finst alt eit møte i «styret» 2019-02-13."),
            (refusal { _ = try store.addItem(to: MeetingReference(bodySlug: "styret", date: CalendarDate("2019-02-13")!), ItemDraft(title: " ", kind: .decision)) },
             "En sak trenger en tittel.", "Ei sak treng ein tittel."),
            (refusal { _ = try store.meeting(MeetingReference(bodySlug: "styre", date: CalendarDate("2019-02-13")!)) },
             "Finner ingen", "Finn ingen"),
        ]
        for (error, nb, nn) in cases {
            let error = try #require(error, "the store refused")
            let bokmål = StoreRefusalText.message(error, .norwegian)
            #expect(bokmål.contains(nb), "\(error.description) → \(bokmål)")
            #expect(!bokmål.hasPrefix("Lagringen ble avvist"), "\(error.description) has a rule")
            #expect(StoreRefusalText.message(error, .nynorsk).contains(nn), "\(error.description)")
            #expect(StoreRefusalText.message(error, .english) == error.description)
        }
        let vote = StoreError.invalid("Ola Fravær is not a voting member present at the meeting; 3 voting members were present: Ada Berg, Per Olsen, Siri Dahl")
        #expect(StoreRefusalText.message(vote, .norwegian)
                == "Ola Fravær er ikke et stemmeberettiget medlem til stede i møtet; 3 stemmeberettigede medlemmer var til stede: Ada Berg, Per Olsen, Siri Dahl.")
        let status = StoreError.final("the meeting styret@2019-02-13 is minutes approved; its agenda can no longer change")
        #expect(StoreRefusalText.message(status, .nynorsk) == "Møtet styret@2019-02-13 er med godkjend protokoll; sakslista kan ikkje lenger endrast.")
        let unknown = StoreError.invalid("something new the store says")
        #expect(StoreRefusalText.message(unknown, .norwegian) == "Lagringen ble avvist: something new the store says")
    }
}
