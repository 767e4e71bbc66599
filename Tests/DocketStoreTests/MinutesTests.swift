import DocketModel
import SQLite
import Testing
@testable import DocketStore

@Suite struct MinutesTests {
    /// A held meeting with a decision and attendance, and the next meeting that approves its minutes.
    func heldMeeting() throws -> Store {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2018-12-12"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2018-12-12", ItemDraft(title: "Møteplan 2019", kind: .decision, proposal: "Vedtas."))
        try store.recordDecision("styringsgruppen 1/18", DecisionDraft(text: "Vedtas.", outcome: .adopted, tally: .counted(for: 2, against: 1, abstaining: 0)))
        try store.recordAttendance(meeting: "styringsgruppen@2018-12-12", present: ["Ingrid Fjeld"], apologies: ["Torstein Lyng"],
                                   substitutes: [(person: "Eli Aksnes", for: "Torstein Lyng")])
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        return store
    }

    @Test func recordingADecisionMarksTheMeetingHeld() throws {
        let store = try heldMeeting()
        #expect(try store.meeting("styringsgruppen@2018-12-12").status == .held)
        let decision = try #require(try store.decision(itemID: try store.item("styringsgruppen 1/18").id))
        #expect(decision.tally == .counted(for: 2, against: 1, abstaining: 0))
        #expect(try store.item("styringsgruppen 1/18").handlingStatus == .decided)
    }

    @Test func attendanceRecordsSubstitutesAndRoles() throws {
        let store = try heldMeeting()
        let attendance = try store.attendance(meeting: "styringsgruppen@2018-12-12")
        #expect(attendance.map(\.person) == ["Ingrid Fjeld", "Eli Aksnes", "Torstein Lyng"])
        #expect(attendance[0].role == .chair)
        #expect(attendance[1].status == .substitute && attendance[1].substituteFor == "Torstein Lyng")
        #expect(attendance[2].status == .apologies)
        #expect(throws: StoreError.self) { try store.recordAttendance(meeting: "styringsgruppen@2018-12-12", present: ["Ukjent Person"]) }
    }

    @Test func minutesAreApprovedAtTheMeetingThatNamesThem() throws {
        let store = try heldMeeting()
        let approval = try store.approveMinutes(of: "styringsgruppen@2018-12-12", signers: ["Ingrid Fjeld"])
        #expect(approval.approvedAt == "styringsgruppen@2019-02-13")
        #expect(approval.approvedOn == date("2019-02-13"))
        #expect(approval.signers == ["Ingrid Fjeld"])
        #expect(try store.meeting("styringsgruppen@2018-12-12").status == .minutesApproved)
    }

    @Test func approvedMinutesAreNeverSilentlyChanged() throws {
        let store = try heldMeeting()
        try store.approveMinutes(of: "styringsgruppen@2018-12-12")
        #expect(throws: StoreError.self) {
            try store.recordDecision("styringsgruppen 1/18", DecisionDraft(text: "Endret", outcome: .amended, tally: nil))
        }
        #expect(throws: StoreError.self) { try store.recordAttendance(meeting: "styringsgruppen@2018-12-12", present: ["Torstein Lyng"]) }
        #expect(throws: StoreError.self) { try store.addItem(to: "styringsgruppen@2018-12-12", ItemDraft(title: "Sent")) }
        // Even SQL written around the store is refused by the schema's triggers.
        let sqlError = #expect(throws: SQLiteError.self) { try store.db.execute("UPDATE decision SET text = ?", ["Stille endring"]) }
        #expect(sqlError?.message.contains("record a correction") == true)
        #expect(throws: SQLiteError.self) { try store.db.execute("DELETE FROM attendance") }
        #expect(throws: SQLiteError.self) { try store.db.execute("DELETE FROM agenda_item WHERE year = 2018") }
        #expect(try store.decision(itemID: try store.item("styringsgruppen 1/18").id)?.text == "Vedtas.")
    }

    @Test func aCorrectionIsRecordedWithItsReason() throws {
        let store = try heldMeeting()
        try store.approveMinutes(of: "styringsgruppen@2018-12-12")
        let corrected = try store.correctDecision("styringsgruppen 1/18", text: "Vedtas med fire møter.", reason: "Skrivefeil i protokollen",
                                                  on: date("2019-03-01"))
        #expect(corrected.text == "Vedtas med fire møter.")
        let row = try #require(try store.db.fetchOne("SELECT old_value, new_value, reason FROM correction"))
        #expect(row["old_value", as: String.self] == "Vedtas.")
        #expect(row["reason", as: String.self] == "Skrivefeil i protokollen")
    }

    @Test func onlyHeldMeetingsHaveMinutesToApprove() throws {
        let store = try heldMeeting()
        #expect(throws: StoreError.self) { try store.approveMinutes(of: "styringsgruppen@2019-02-13") }
        try store.setStatus(.cancelled, of: "styringsgruppen@2019-02-13")
        #expect(throws: StoreError.self) { try store.setStatus(.planned, of: "styringsgruppen@2019-02-13") }
        #expect(throws: StoreError.self) { try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "X")) }
    }

    @Test func mandateCheckReadsTheStore() throws {
        let store = try makeStore()
        try store.addMember(name: "Berit Helse", bodySlug: "fg-helse", role: .chair, organisation: "Fjordvik kommune")
        let violations = try store.checkMandate(bodySlug: "fg-helse")
        #expect(violations.contains(.organisationNotRepresented("Lyngstad kommune")))
        #expect(violations.contains(.noUnionRepresentative))
        try store.addMember(name: "Per Lyng", bodySlug: "fg-helse", role: .member, organisation: "Lyngstad kommune")
        try store.addMember(name: "Gunn Tillit", bodySlug: "fg-helse", role: .unionRepresentative, organisation: nil)
        #expect(try store.checkMandate(bodySlug: "fg-helse").isEmpty)
        #expect(try store.memberships(bodySlug: "fg-helse").first { $0.person == "Gunn Tillit" }?.votes == false)
        try store.endMembership(name: "Per Lyng", bodySlug: "fg-helse", on: date("2020-01-01"))
        #expect(try store.checkMandate(bodySlug: "fg-helse", on: date("2020-06-01")) == [.organisationNotRepresented("Lyngstad kommune")])
    }
}
