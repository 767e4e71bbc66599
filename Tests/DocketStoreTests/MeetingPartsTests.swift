import DocketModel
import Foundation
import SQLite
import Testing
@testable import DocketStore

/// `Store.itemParts(meetingID:)` reads every item's parts of a meeting at once; each part must be what
/// the one-item readers give, in the same order, and nothing of another meeting's items.
@Suite struct MeetingPartsTests {
    @Test func aMeetingsPartsAreWhatEachItemsOwnReadersGive() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-04-10"), withStandingItems: false)
        let meeting: MeetingReference = "styringsgruppen@2019-02-13"
        let voted = try store.addItem(to: meeting, ItemDraft(title: "Budsjett", kind: .decision, proposal: "Vedtas."))
        let proposed = try store.addItem(to: meeting, ItemDraft(title: "Ressurspool", kind: .decision, proposal: "Vedtas."))
        let disqualified = try store.addItem(to: meeting, ItemDraft(title: "Lisenser", kind: .decision, proposal: "Vedtas."))
        let bare = try store.addItem(to: meeting, ItemDraft(title: "Orienteringer", kind: .information))
        let elsewhere = try store.addItem(to: "styringsgruppen@2019-04-10", ItemDraft(title: "Møteplan", kind: .decision, proposal: "Vedtas."))
        try store.recordAttendance(meeting: meeting, present: ["Ingrid Fjeld", "Torstein Lyng"])
        try store.recordDecision(voted.reference, DecisionDraft(text: "Budsjettet vedtas med endringer.", outcome: .amended,
                                                                tally: .counted(for: 1, against: 1, abstaining: 0), remarks: "Lyng ba om protokolltilførsel."))
        try store.recordDecision(proposed.reference, DecisionDraft(text: nil, outcome: .adopted, tally: .unanimous))
        try store.recordDecision(elsewhere.reference, DecisionDraft(text: nil, outcome: .adopted, tally: .unanimous))
        let ids = try store.db.fetchAll("SELECT id, name FROM person").reduce(into: [String: Int64]()) { $0[try $1.decode("name")] = try $1.decode("id") }
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'for'), (?, ?, 'against')",
                             [voted.id, ids["Torstein Lyng"]!, voted.id, ids["Ingrid Fjeld"]!])
        try store.db.execute("INSERT INTO vote (item_id, person_id, ballot) VALUES (?, ?, 'for')", [elsewhere.id, ids["Ingrid Fjeld"]!])
        try store.addProposal(proposed.reference, by: "Torstein Lyng", text: "Saken utsettes.")
        try store.addProposal(proposed.reference, by: "Ingrid Fjeld", text: "Poolen får to stillinger.")
        let second = try #require(try store.db.fetchValue(Int64.self, "SELECT id FROM proposal WHERE item_id = ? AND number = 2", [proposed.id]))
        try store.db.execute("UPDATE proposal SET outcome = 'adopted', votes_for = 2, votes_against = 0, votes_abstaining = 0 WHERE id = ?", [second])
        try store.db.execute("INSERT INTO proposal_vote (proposal_id, person_id, ballot) VALUES (?, ?, 'for'), (?, ?, 'for')",
                             [second, ids["Torstein Lyng"]!, second, ids["Ingrid Fjeld"]!])
        try store.recordConflictOfInterest(itemID: disqualified.id, person: "Eli Aksnes", legalBasis: "fvl. § 6")
        try store.recordConflictOfInterest(itemID: disqualified.id, person: "Ingrid Fjeld", legalBasis: "fvl. § 6 annet ledd")
        for (index, item) in [voted, voted, disqualified, elsewhere].enumerated() {
            let content = Data("vedlegg \(index)".utf8)
            _ = try store.addAttachment(itemID: item.id, meetingID: nil, title: "Vedlegg \(index)", mediaType: "application/pdf",
                                        sha256: "\(index)".padding(toLength: 64, withPad: "0", startingAt: 0), content: content)
        }

        let meetingID = try store.meeting(meeting).id
        let parts = try store.itemParts(meetingID: meetingID)
        for item in [voted, proposed, disqualified, bare] {
            let part = parts[item.id] ?? ItemParts()
            #expect(try part.decision == store.decision(itemID: item.id), "\(item.reference)")
            #expect(try part.conflicts == store.conflictsOfInterest(itemID: item.id), "\(item.reference)")
            #expect(try part.proposals == store.proposals(itemID: item.id), "\(item.reference)")
            #expect(try part.ballots == store.ballots(itemID: item.id), "\(item.reference)")
            #expect(try part.attachments == store.attachments(itemID: item.id), "\(item.reference)")
        }
        // Each kind of part was there to compare, in its order, and no other meeting's item came along.
        #expect(parts[voted.id]?.ballots.map(\.person) == ["Ingrid Fjeld", "Torstein Lyng"])
        #expect(parts[voted.id]?.attachments.map(\.title) == ["Vedlegg 0", "Vedlegg 1"])
        #expect(parts[proposed.id]?.proposals.map(\.number) == [1, 2])
        #expect(parts[proposed.id]?.proposals.last?.ballots.count == 2)
        #expect(parts[disqualified.id]?.conflicts.map(\.person) == ["Eli Aksnes", "Ingrid Fjeld"])
        #expect(parts[voted.id]?.decision?.remarks == "Lyng ba om protokolltilførsel.")
        #expect(parts[bare.id] == nil)
        #expect(parts[elsewhere.id] == nil)
    }
}
