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
        let vote = StoreError.refused(.voterNotPresent(person: "Ola Fravær", presence: Presence(eligible: 3, present: 3),
                                                       eligible: ["Ada Berg", "Per Olsen", "Siri Dahl"]))
        #expect(vote.description == "Ola Fravær is not a voting member present at the meeting; 3 voting members were present: Ada Berg, Per Olsen, Siri Dahl")
        #expect(StoreRefusalText.message(vote, .norwegian)
                == "Ola Fravær er ikke et stemmeberettiget medlem til stede i møtet; 3 stemmeberettigede medlemmer var til stede: Ada Berg, Per Olsen, Siri Dahl.")
        let inhabil = StoreError.refused(.inhabilVoter(person: "Per Olsen", item: "styret 3/19", presence: Presence(eligible: 1, present: 2)))
        #expect(inhabil.description.hasSuffix("cannot vote; 1 voting member was present (2, less 1 inhabil)"))
        #expect(StoreRefusalText.message(inhabil, .nynorsk) == "Per Olsen er ugild i styret 3/19 og kan ikkje røyste; 1 røysteført medlem var til stades (2, utan 1 ugilde).")
        let status = StoreError.refused(.agendaClosed(meeting: "styret@2019-02-13", status: .minutesApproved))
        #expect(status.description == "the meeting styret@2019-02-13 is minutes approved; its agenda can no longer change")
        #expect(StoreRefusalText.message(status, .nynorsk) == "Møtet styret@2019-02-13 er med godkjend protokoll; sakslista kan ikkje lenger endrast.")
        let fault = StoreError.invalid("migration 0016 leaves a broken reference in item")
        #expect(StoreRefusalText.message(fault, .norwegian) == "Lagringen ble avvist: migration 0016 leaves a broken reference in item")
    }

    /// A reference a form's text could not be read as: in bokmål and nynorsk its own sentence with
    /// the text as typed and an example; in English the command line's.
    @Test func aReferenceThatCannotBeReadIsWordedInThePagesLanguage() throws {
        let errors: [ReferenceError] = [.notAnItem("sak åtte"), .notAnItemNumber("åtte/19"), .notAMeeting("styret i mars")]
        for error in errors {
            let nb = StoreRefusalText.message(error, .norwegian), nn = StoreRefusalText.message(error, .nynorsk)
            #expect(StoreRefusalText.message(error, .english) == error.description)
            for text in [nb, nn] {
                #expect(text != error.description && !text.contains("write") && !text.contains("e.g."), "\(text)")
                #expect(["«sak åtte»", "«åtte/19»", "«styret i mars»"].contains { text.hasPrefix($0) }, "\(text)")
            }
            #expect(nb != nn)
        }
        #expect(StoreRefusalText.message(.notAMeeting("x"), .nynorsk).contains("til dømes «styringsgruppen@2019-02-13»"))
    }

    /// Every refusal the store can give, in bokmål and nynorsk: its own sentence (not the English),
    /// the names it carries kept, and none of the command line's flags or commands a form has no use for.
    @Test func everyRefusalIsWordedForAFormWithItsFacts() throws {
        let date = CalendarDate("2019-02-13")!, later = CalendarDate("2019-03-01")!
        let two = Presence(eligible: 2, present: 3)
        let refusals: [Refusal] = [
            .invalidSlug(given: "Styret 2", suggestion: "styret-2"), .bodyNeedsName, .bodyExists(slug: "styret"),
            .reportsToOwnSubBody(parent: "fg-oppvekst", body: "styret"), .aliasExists(alias: "SG", owner: "styret"), .noStandingItems,
            .attachmentNeedsOwner, .attachmentNeedsTitle,
            .decisionAtCancelledMeeting(meeting: "styret@2019-02-13"), .decisionInApprovedMinutes(meeting: "styret@2019-02-13"),
            .emptyCorrection, .correctionNeedsReason, .noDecisionToCorrect(item: "styret 3/19"),
            .approvalOfUnheldMeeting(meeting: "styret@2019-02-13", status: .planned), .meetingApprovesOwnMinutes,
            .approvalBeforeMeeting(approvedOn: date, meetingDate: later),
            .attendanceAtCancelledMeeting(meeting: "styret@2019-02-13"), .attendanceInApprovedMinutes(meeting: "styret@2019-02-13"),
            .attendeeNamedTwice(person: "Ada Berg"), .guestNeedsRole(person: "Ada Berg"), .memberAsGuest(person: "Ada Berg", body: "styret"),
            .userNeedsName, .userNeedsPassword, .userExists(name: "Kari Nordmann"), .lastAdmin(name: "Kari Nordmann"),
            .seatEndsBeforeItBegins(from: later, to: date), .secondSeat(person: "Ada Berg", body: "styret", role: .deputyChair, from: date, to: nil),
            .noCurrentSeat(person: "Ada Berg", role: .chair, body: "styret"), .noCurrentSeat(person: "Ada Berg", role: nil, body: "styret"),
            .seatBeginsLater(person: "Ada Berg", body: "styret", begins: later, end: date), .personNeedsName,
            .itemNeedsTitle, .exemptItemNeedsBasis, .agendaClosed(meeting: "styret@2019-02-13", status: .held),
            .sectionChangedByMoving(item: "styret 3/19"), .positionOffAgenda(position: 9, count: 4), .standingItemAfterConsideration(position: 4),
            .itemHasLaterHandling(item: "styret 3/19"), .postponeToOtherBody(item: "styret 3/19", meeting: "fg-oppvekst@2019-03-01", body: "fg-oppvekst"),
            .postponeNotLater(meeting: "styret@2019-01-10", itemDate: date), .referWithinBody(item: "styret 3/19", meeting: "styret@2019-03-01"),
            .referToEarlier(meeting: "fg-oppvekst@2019-01-10", itemDate: date),
            .numberTaken(number: "styret 3/19", foundAt: "styret@2019-01-10", importedAt: "styret@2019-02-13"),
            .conflictInApprovedMinutes(meeting: "styret@2019-02-13"), .conflictAtCancelledMeeting(meeting: "styret@2019-02-13"),
            .inhabilHasVoted(person: "Ada Berg", item: "styret 3/19"), .emptyProposal,
            .proposalClosed(meeting: "styret@2019-02-13", status: .cancelled), .noSuchProposal(item: "styret 3/19", number: 2, count: 0),
            .noSuchProposal(item: "styret 3/19", number: 5, count: 3), .votesClosed(meeting: "styret@2019-02-13", status: .minutesApproved),
            .proposalOutcome(.postponed), .tiedVote, .voteMissing, .voterNamedTwice(person: "Ada Berg"),
            .inhabilVoter(person: "Ada Berg", item: "styret 3/19", presence: two),
            .voterNotPresent(person: "Ola Fravær", presence: two, eligible: ["Ada Berg", "Per Olsen"]),
            .tooManyVotes(total: 7, presence: two), .unanimousOutcome(.rejected), .countContradictsOutcome(votesFor: 3, against: 2, outcome: .rejected),
            .meetingEndsBeforeItStarts(start: TimeOfDay(hour: 12, minute: 0)!, end: TimeOfDay(hour: 10, minute: 0)!),
            .editedMeetingEndsBeforeItStarts(start: TimeOfDay(hour: 12, minute: 0)!, end: TimeOfDay(hour: 10, minute: 0)!),
            .meetingExists(body: "styret", date: date), .meetingClosed(meeting: "styret@2019-02-13", status: .cancelled),
            .statusChange(meeting: "styret@2019-02-13", from: .held, to: .planned),
        ]
        let names = ["Styret 2", "styret-2", "fg-oppvekst", "SG", "styret@2019-02-13", "styret 3/19", "Ada Berg", "Kari Nordmann", "Ola Fravær",
                     "2019-02-13", "2019-03-01", "fg-oppvekst@2019-03-01", "styret@2019-01-10"]
        for refusal in refusals {
            let english = refusal.description
            // The facts a form must keep: what the English says before the command or flags it suggests.
            let facts = english.components(separatedBy: "docket ")[0].components(separatedBy: "--")[0]
            for language in [Language.norwegian, .nynorsk] {
                let text = StoreRefusalText.text(refusal, language)
                #expect(text != english && !text.isEmpty, "\(english)")
                #expect(!text.contains("--") && !text.contains("docket "), "\(language): \(text)")
                #expect(!text.contains(" is ") && !text.contains(" the "), "\(language) has English in it: \(text)")
                for name in names where facts.contains(name) {
                    #expect(text.contains(name), "\(language): \(text) lost \(name)")
                }
            }
            #expect(StoreRefusalText.message(.refused(refusal), .english) == english)
        }
        #expect(StoreRefusalText.text(.secondSeat(person: "Ada Berg", body: "styret", role: .deputyChair, from: nil, to: nil), .norwegian)
                .contains("som nestleder"))
    }
}
