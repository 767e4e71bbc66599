import DocketModel
import SQLite
import Testing
@testable import DocketStore

@Suite struct AgendaTests {
    @Test func aNewMeetingBeginsWithTheStandingItemsNumbered() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        let items = try store.items(meeting: "styringsgruppen@2019-02-13")
        #expect(items.map(\.number.description) == ["1/19", "2/19", "3/19", "4/19"])
        #expect(items.map(\.title) == StandingItem.defaults.map(\.title))
        #expect(items.allSatisfy { $0.section == .standing })
    }

    @Test func itemsGetTheNextFreeNumberAtTheEndOfTheirSection() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        let business = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Budsjettprinsipper", kind: .discussion))
        let standing = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Status fra tiltak", kind: .information, section: .standing))
        #expect(business.number.description == "5/19")
        #expect(standing.number.description == "6/19")
        let order = try store.items(meeting: "styringsgruppen@2019-02-13").map(\.title)
        // A standing item added later comes before any other business (eventuelt), which ends the standing items.
        #expect(order == ["Godkjenning av dagsorden", "Godkjenning av referat", "Informasjon fra sekretariatet", "Status fra tiltak",
                          "Eventuelt", "Budsjettprinsipper"])
    }

    @Test func numbersAreNeverReusedAfterADeletion() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "A"))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "B"))
        try store.deleteItem("styringsgruppen 2/19")
        let next = try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "C"))
        #expect(next.number.description == "3/19")
        #expect(try store.items(meeting: "styringsgruppen@2019-02-13").map(\.position) == [1, 2])
    }

    @Test func numberingRestartsEachYearAndPerBody() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-12-11"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2020-02-12"), withStandingItems: false)
        try store.createMeeting(bodySlug: "fg-helse", date: date("2020-02-12"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2019-12-11", ItemDraft(title: "A"))
        #expect(try store.addItem(to: "styringsgruppen@2020-02-12", ItemDraft(title: "B")).number.description == "1/20")
        #expect(try store.addItem(to: "fg-helse@2020-02-12", ItemDraft(title: "C")).number.description == "1/20")
    }

    @Test func twoSeriesSideBySideInOneMeeting() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "kommunestyret", date: date("2026-01-27"), withStandingItems: false)
        let ps1 = try store.addItem(to: "kommunestyret@2026-01-27", ItemDraft(title: "Temaplan næring"))
        let rs1 = try store.addItem(to: "kommunestyret@2026-01-27", ItemDraft(title: "Stadfestet vedtak", kind: .information, series: .reported))
        let ps2 = try store.addItem(to: "kommunestyret@2026-01-27", ItemDraft(title: "Konsesjon"))
        #expect([ps1, rs1, ps2].map(\.number.description) == ["PS 1/26", "RS 1/26", "PS 2/26"])
        #expect(try store.item("kommunestyret 1/26").title == "Temaplan næring")
        #expect(try store.item("kommunestyret RS 1/26").title == "Stadfestet vedtak")
    }

    @Test func theSchemaRefusesADuplicateNumber() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        let error = #expect(throws: SQLiteError.self) {
            try store.db.execute("UPDATE agenda_item SET sequence = 1 WHERE sequence = 2")
        }
        #expect(error?.extendedCode == SQLiteError.constraintUnique)
    }

    @Test func theMinutesItemKnowsWhichMinutesItApproves() throws {
        let store = try makeStore()
        let december = try store.createMeeting(bodySlug: "styringsgruppen", date: date("2018-12-12"))
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        let minutesItem = try store.items(meeting: "styringsgruppen@2019-02-13").first { $0.standingPurpose == .approvePreviousMinutes }
        #expect(minutesItem?.approvesMeetingID == december.id)
    }

    @Test func movingKeepsNumbersAndSections() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "A"))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "B"))
        let moved = try store.moveItem("styringsgruppen 6/19", to: 5)
        #expect(moved.map(\.number.description) == ["1/19", "2/19", "3/19", "4/19", "6/19", "5/19"])
        #expect(throws: StoreError.self) { try store.moveItem("styringsgruppen 1/19", to: 6) }
        #expect(throws: StoreError.self) { try store.moveItem("styringsgruppen 5/19", to: 2) }
        #expect(try store.items(meeting: "styringsgruppen@2019-02-13").map(\.number.description) == ["1/19", "2/19", "3/19", "4/19", "6/19", "5/19"])
    }

    @Test func postponingMakesANewNumberedItemOfTheSameCase() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-03-20"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Møteplan", kind: .decision, proposal: "Vedtas."))
        let later = try store.postponeItem("styringsgruppen 1/19", to: "styringsgruppen@2019-03-20", remarks: "Utsatt")
        #expect(later.number.description == "2/19")
        #expect(later.arrival == "postponed")
        #expect(later.proposal == "Vedtas.")
        let original = try store.item("styringsgruppen 1/19")
        #expect(original.handlingStatus == .postponed)
        #expect(try store.decision(itemID: original.id)?.outcome == .postponed)
        #expect(try store.casePath(of: "styringsgruppen 2/19").map(\.reference) == ["styringsgruppen 1/19", "styringsgruppen 2/19"])
        #expect(throws: StoreError.self) { try store.postponeItem("styringsgruppen 2/19", to: "styringsgruppen@2019-02-13") }
    }

    @Test func referringSendsTheCaseToAnotherBody() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "fg-helse", date: date("2019-01-22"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.addItem(to: "fg-helse@2019-01-22", ItemDraft(title: "Felles journalsystem", kind: .decision))
        let referred = try store.referItem("fg-helse 1/19", to: "styringsgruppen@2019-02-13")
        #expect(referred.reference == "styringsgruppen 1/19")
        #expect(try store.decision(itemID: try store.item("fg-helse 1/19").id)?.referredTo == "styringsgruppen")
        #expect(try store.casePath(of: "fg-helse 1/19").map(\.reference) == ["fg-helse 1/19", "styringsgruppen 1/19"])
        #expect(try store.nextOpenMeeting(bodySlug: "styringsgruppen", after: date("2019-01-22"))?.reference == "styringsgruppen@2019-02-13")
    }

    @Test func namesThatMatchNothingSuggestTheNearest() throws {
        let store = try makeStore()
        let error = #expect(throws: StoreError.self) { try store.body(slug: "styringsgruppa") }
        #expect(error?.description == "no body 'styringsgruppa'; did you mean 'styringsgruppen'?")
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        let meetingError = #expect(throws: StoreError.self) { try store.meeting("styringsgruppen@2019-02-14") }
        #expect(meetingError?.description.contains("did you mean 'styringsgruppen@2019-02-13'") == true)
        #expect(throws: StoreError.self) { try store.item("styringsgruppen 8/19") }
        // A malformed reference never reaches the store: it is refused where it is parsed.
        let badReference = #expect(throws: ReferenceError.self) { try MeetingReference(parsing: "styringsgruppen 2019-02-13") }
        #expect(badReference?.description.contains("styringsgruppen@2019-02-13") == true)
    }

    @Test func bodiesAreFoundByAlias() throws {
        let store = try makeStore()
        #expect(try store.body(matching: "digi fjordanes styringsgruppe")?.slug == "styringsgruppen")
        #expect(try store.body(matching: "Styringsgruppen")?.slug == "styringsgruppen")
        #expect(try store.body(matching: "Formannskapet") == nil)
        #expect(try store.bodyTree(slug: "styringsgruppen") == ["styringsgruppen", "fg-helse"])
    }

    @Test func aBodyCannotReportToItsOwnSubBody() throws {
        let store = try makeStore()
        #expect(throws: StoreError.self) { try store.editBody(slug: "styringsgruppen", BodyDraft(parentSlug: "fg-helse")) }
    }
}
