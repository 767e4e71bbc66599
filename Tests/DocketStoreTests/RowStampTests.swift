import DocketModel
import SQLite
import Testing
@testable import DocketStore

/// Row stamps (migration 0014): every write stamps what it stores and what it changes, in its own
/// transaction, and a change shows on the objects that show it (an item's decision on the item and
/// its meeting, a membership on its body and person).
@Suite struct RowStampTests {
    static let past = "2001-02-03T04:05:06Z"

    /// Moves every stamp into the past, so that a change now is seen to move it.
    func agePast(_ store: Store) throws {
        try store.db.execute("UPDATE row_stamp SET created = ?, modified = ?", [Self.past, Self.past])
    }

    @Test func newRowsAreStampedWhenStored() throws {
        let store = try makeStore()
        let meeting = try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        let item = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Budsjett", kind: .decision, proposal: "Vedtas."))
        let body = try store.body(slug: "styringsgruppen")
        for (kind, id) in [(Store.StampedKind.body, body.id), (.meeting, meeting.id), (.agendaItem, item.id)] {
            let stamp = try #require(try store.rowStamp(kind, id: id), "\(kind) has a stamp")
            #expect(stamp.created?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(kind): \(stamp)")
            #expect(stamp.created! <= stamp.modified)
            #expect(stamp.created!.hasPrefix(String(CalendarDate.today.year)), "stamped now, not at a meeting date: \(stamp)")
        }
        #expect(try store.rowStamps(.person).count == 3)
        #expect(try store.rowStamps(.membership).count == 3)
        #expect(try store.rowStamps(.organisation).count == 2)
    }

    @Test func aChangeMovesModifiedOfTheRowAndOfWhatShowsIt() throws {
        let store = try makeStore()
        let meeting = try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        let item = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Budsjett", kind: .decision, proposal: "Vedtas."))
        let other = try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Annet", kind: .information))
        try agePast(store)

        try store.recordDecision(item.reference, DecisionDraft(text: nil, outcome: .adopted, tally: .unanimous))
        let itemStamp = try #require(try store.rowStamp(.agendaItem, id: item.id))
        #expect(itemStamp.created == Self.past, "created stays")
        #expect(itemStamp.modified > Self.past, "the decision changed the item")
        #expect(try store.rowStamp(.meeting, id: meeting.id)?.modified ?? "" > Self.past, "and the meeting, which embeds it")
        #expect(try store.rowStamp(.agendaItem, id: other.id)?.modified == Self.past, "another item is untouched")

        try agePast(store)
        try store.editItem(other.reference, ItemDraft(title: "Annet, nytt navn"))
        #expect(try store.rowStamp(.agendaItem, id: other.id)?.modified ?? "" > Self.past)
        #expect(try store.rowStamp(.meeting, id: meeting.id)?.modified ?? "" > Self.past)
        #expect(try store.rowStamp(.agendaItem, id: item.id)?.modified == Self.past)

        try agePast(store)
        try store.addMember(name: "Kari Nordmann", bodySlug: "fg-helse", role: .member, organisation: nil)
        let fgHelse = try store.body(slug: "fg-helse")
        #expect(try store.rowStamp(.body, id: fgHelse.id)?.modified ?? "" > Self.past, "a membership changes its body")
        #expect(try store.rowStamp(.body, id: try store.body(slug: "styringsgruppen").id)?.modified == Self.past)

        try store.deleteItem(other.reference)
        #expect(try store.rowStamp(.agendaItem, id: other.id) == nil, "a deleted row has no stamp")
    }

    @Test func aStampIsWrittenInTheWritesTransaction() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        let before = try store.rowStamps(.agendaItem)
        // A write that fails leaves no stamp behind.
        #expect(throws: (any Error).self) {
            try store.write {
                try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Halvveis", kind: .decision))
                throw StoreError.invalid("stopped")
            }
        }
        #expect(try store.rowStamps(.agendaItem) == before)
    }

    @Test func rowsFromBeforeStampsHaveNoneUntilTheyChange() throws {
        let store = try makeStore()
        let meeting = try store.createMeeting(bodySlug: "styringsgruppen", date: date("2025-03-05"), withStandingItems: false)
        // As a store migrated from schema 13 holds its rows: none stamped.
        try store.db.execute("DELETE FROM row_stamp")
        #expect(try store.hasRowsWithoutCreationStamp())
        #expect(try store.rowStamp(.meeting, id: meeting.id) == nil)
        try store.addItem(to: "styringsgruppen@2025-03-05", ItemDraft(title: "Ny sak", kind: .decision))
        let stamp = try #require(try store.rowStamp(.meeting, id: meeting.id))
        #expect(stamp.created == nil, "its creation is not known")
        #expect(!stamp.modified.isEmpty)
    }
}
