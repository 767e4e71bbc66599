import DocketModel
import SQLite
import Testing
@testable import DocketStore

/// The schema itself keeps approved minutes: no item added, no item's text, vote or conflict of
/// interest changed, whoever writes; `decision correct` and the approval itself still work.
@Suite struct ApprovedMinutesGuardTests {
    /// Minutes with a decided item, a vote and a conflict of interest, approved.
    func approvedMeeting() throws -> (Store, itemID: Int64, meetingID: Int64) {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2018-12-12"), withStandingItems: false)
        let item = try store.addItem(to: "styringsgruppen@2018-12-12", ItemDraft(title: "Møteplan 2019", kind: .decision, proposal: "Vedtas."))
        try store.recordDecision("styringsgruppen 1/18", DecisionDraft(text: "Vedtas.", outcome: .adopted, tally: nil))
        try store.recordConflictOfInterest(itemID: try store.item("styringsgruppen 1/18").id, person: "Eli Aksnes", legalBasis: "fvl. § 6")
        let person = try #require(try store.db.fetchValue(Int64.self, "SELECT id FROM person WHERE name = 'Ingrid Fjeld'"))
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'for')", [item.id, person])
        // The approval itself passes the guards.
        try store.approveMinutes(of: "styringsgruppen@2018-12-12", on: date("2019-01-10"), signers: ["Ingrid Fjeld"])
        return (store, item.id, item.meetingID)
    }

    func expectRefused(_ store: Store, _ sql: String, _ arguments: StatementArguments = [], sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: SQLiteError.self, sourceLocation: sourceLocation) { try store.db.execute(sql, arguments) }
        #expect(error?.message.contains("approved") == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func noItemIsAddedToApprovedMinutes() throws {
        let (store, itemID, meetingID) = try approvedMeeting()
        let caseID = try #require(try store.db.fetchValue(Int64.self, "SELECT case_id FROM agenda_item WHERE id = ?", [itemID]))
        let bodyID = try #require(try store.db.fetchValue(Int64.self, "SELECT body_id FROM agenda_item WHERE id = ?", [itemID]))
        expectRefused(store, """
            INSERT INTO agenda_item (meeting_id, case_id, body_id, sequence, year, position, title) VALUES (?, ?, ?, 9, 2018, 9, 'Lagt til')
            """, [meetingID, caseID, bodyID])
        #expect(try store.items(meeting: "styringsgruppen@2018-12-12").count == 1)
    }

    @Test func noItemTextVoteOrConflictOfInterestChanges() throws {
        let (store, itemID, _) = try approvedMeeting()
        expectRefused(store, "UPDATE agenda_item SET title = 'Endret' WHERE id = ?", [itemID])
        expectRefused(store, "UPDATE agenda_item SET proposal = 'Endret' WHERE id = ?", [itemID])
        expectRefused(store, "UPDATE agenda_item SET position = 5 WHERE id = ?", [itemID])
        expectRefused(store, "UPDATE vote SET ballot = 'against'")
        expectRefused(store, "DELETE FROM vote")
        let other = try #require(try store.db.fetchValue(Int64.self, "SELECT id FROM person WHERE name = 'Torstein Lyng'"))
        expectRefused(store, "INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'against')", [itemID, other])
        expectRefused(store, "INSERT INTO conflict_of_interest (item_id, person_id) VALUES (?, ?)", [itemID, other])
        expectRefused(store, "UPDATE conflict_of_interest SET legal_basis = 'annet'")
        expectRefused(store, "DELETE FROM conflict_of_interest")
        #expect(try store.item("styringsgruppen 1/18").title == "Møteplan 2019")
    }

    @Test func whatLiesOutsideTheMinutesTextStillChanges() throws {
        let (store, itemID, _) = try approvedMeeting()
        // Writing a column to the value it has is no change; an archive number is the archive's.
        try store.db.execute("UPDATE agenda_item SET title = title, archive_case_number = '2018/77' WHERE id = ?", [itemID])
        #expect(try store.item("styringsgruppen 1/18").archiveCaseNumber == "2018/77")
    }

    @Test func aCorrectionStillPassesTheGuards() throws {
        let (store, _, _) = try approvedMeeting()
        let corrected = try store.correctDecision("styringsgruppen 1/18", text: "Vedtas med fire møter.", reason: "Skrivefeil",
                                                  on: date("2019-03-01"))
        #expect(corrected.text == "Vedtas med fire møter.")
    }
}
