import Foundation
import SQLite
import Testing
import DocketModel
@testable import DocketStore

/// The schema itself refuses what the domain does not allow, whoever writes to it.
@Suite struct SchemaTests {
    /// A store with one of everything, so that each enumeration column has a row to spoil.
    func populatedStore() throws -> Store {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"))
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Godkjent", outcome: .adopted, tally: .unanimous))
        try store.recordAttendance(meeting: "styringsgruppen@2019-02-13", present: ["Ingrid Fjeld"])
        let item = try store.item("styringsgruppen 1/19")
        let person = try store.db.fetchValue(Int64.self, "SELECT id FROM person LIMIT 1")!
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'for')", [item.id, person])
        return store
    }

    @Test(arguments: [
        ("organisation", "kind"), ("body", "kind"), ("membership", "role"), ("meeting", "kind"), ("meeting", "status"),
        ("agenda_item", "section"), ("agenda_item", "kind"), ("agenda_item", "handling_status"), ("agenda_item", "arrival"),
        ("agenda_item", "standing_purpose"), ("standing_item", "purpose"), ("standing_item", "kind"), ("decision", "outcome"),
        ("attendance", "status"), ("vote", "ballot"), ("meeting", "date"), ("meeting", "start_time"), ("agenda_item", "series"),
    ])
    func everyEnumerationRejectsAWrongValue(table: String, column: String) throws {
        let store = try populatedStore()
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM \(table)")! > 0, "no row in \(table) to test")
        // Table and column names come from the test's own list; the value is bound.
        let error = #expect(throws: SQLiteError.self) {
            try store.db.execute("UPDATE \(table) SET \(column) = ?", ["bogus"])
        }
        #expect(error?.extendedCode == SQLiteError.constraintCheck)
    }

    @Test func aDateThatDoesNotExistIsRejected() throws {
        let store = try populatedStore()
        #expect(throws: SQLiteError.self) { try store.db.execute("UPDATE meeting SET date = ?", ["2019-02-30"]) }
    }

    @Test func anItemMustBelongToItsMeetingsBody() throws {
        let store = try populatedStore()
        let other = try store.body(slug: "kommunestyret").id
        let error = #expect(throws: SQLiteError.self) { try store.db.execute("UPDATE agenda_item SET body_id = ?", [other]) }
        #expect(error?.message.contains("body of its meeting") == true)
    }

    @Test func aSubstituteNamesTheMember() throws {
        let store = try populatedStore()
        #expect(throws: SQLiteError.self) { try store.db.execute("UPDATE attendance SET status = 'substitute'") }
    }

    @Test func anExemptItemNeedsItsLegalBasis() throws {
        let store = try populatedStore()
        #expect(throws: SQLiteError.self) { try store.db.execute("UPDATE agenda_item SET is_exempt = 1") }
    }
}
