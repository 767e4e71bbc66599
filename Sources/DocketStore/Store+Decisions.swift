import DocketModel
import SQLite

/// What the body decided on an item.
public struct DecisionDraft: Sendable {
    public var text: String?
    public var outcome: Outcome
    public var tally: VoteTally?
    public var remarks: String?
    public var isFinal: Bool
    public var referredTo: String?
    /// The vote by name, where the minutes give names; stored in `vote`.
    public var ballots: [NamedBallot]

    public init(text: String?, outcome: Outcome, tally: VoteTally?, remarks: String? = nil, isFinal: Bool = true,
                ballots: [NamedBallot] = []) {
        self.text = text
        self.outcome = outcome
        self.tally = tally
        self.remarks = remarks
        self.isFinal = isFinal
        self.ballots = ballots
    }
}

extension Store {
    /// Records (or replaces, until the minutes are approved) the decision on an item; the meeting
    /// counts as held from then on.
    @discardableResult
    public func recordDecision(_ reference: ItemReference, _ draft: DecisionDraft) throws -> Decision {
        try write { _ in
            let itemID = try item(reference).id
            // A vote that cannot be is refused: more votes than voting members present (less those
            // inhabil), an inhabil or absent member named, an outcome its count contradicts.
            _ = try checkedVote(itemID: itemID, tally: draft.tally, ballots: draft.ballots)
            if let tally = draft.tally, let adopts = tally.adopts {
                switch draft.outcome {
                case .adopted, .amended: if !adopts { throw contradiction(tally, outcome: draft.outcome) }
                case .rejected: if adopts { throw contradiction(tally, outcome: draft.outcome) }
                default: break
                }
            }
            return try recordDecision(itemID: itemID, draft)
        }
    }

    @discardableResult
    public func recordDecision(itemID: Int64, _ draft: DecisionDraft) throws -> Decision {
        try write { _ in
            try recordDecision(itemID, draft)
            return try decision(itemID: itemID)!
        }
    }

    func recordDecision(_ itemID: Int64, _ draft: DecisionDraft) throws {
        let meetingRow = try db.fetchOne("SELECT m.id, m.status, b.slug, m.date FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = m.body_id WHERE i.id = ?", [itemID])!
        let status: MeetingStatus = try meetingRow.decode("status")
        let reference = "\(try meetingRow.decode("slug", as: String.self))@\(try meetingRow.decode("date", as: String.self))"
        switch status {
        case .cancelled:
            throw StoreError.refused(.decisionAtCancelledMeeting(meeting: "\(reference)"))
        case .minutesApproved:
            throw StoreError.refused(.decisionInApprovedMinutes(meeting: "\(reference)"))
        case .planned, .summoned:
            try db.execute("UPDATE meeting SET status = 'held' WHERE id = ?", [meetingRow["id"]])
        case .held:
            break
        }
        var votesFor: Int?, against: Int?, abstaining: Int?
        if case let .counted(f, a, b) = draft.tally { (votesFor, against, abstaining) = (f, a, b) }
        try db.execute("""
            INSERT INTO decision (item_id, text, outcome, is_unanimous, votes_for, votes_against, votes_abstaining, remarks, is_final, referred_to_body_id)
            VALUES (:item, :text, :outcome, :unanimous, :for, :against, :abstaining, :remarks, :final, (SELECT id FROM body WHERE slug = :referred))
            ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, outcome = excluded.outcome, is_unanimous = excluded.is_unanimous,
                votes_for = excluded.votes_for, votes_against = excluded.votes_against, votes_abstaining = excluded.votes_abstaining,
                remarks = excluded.remarks, is_final = excluded.is_final, referred_to_body_id = excluded.referred_to_body_id
            """, ["item": itemID, "text": draft.text, "outcome": draft.outcome, "unanimous": draft.tally == .unanimous,
                  "for": votesFor, "against": against, "abstaining": abstaining, "remarks": draft.remarks,
                  "final": draft.isFinal && draft.outcome.isFinal, "referred": draft.referredTo])
        // Named votes are replaced with the decision: names that no longer match its count would mislead.
        let hadNamedVotes = (try db.fetchValue(Int.self, "SELECT count(*) FROM vote WHERE item_id = ?", [itemID]) ?? 0) > 0
        if !draft.ballots.isEmpty || hadNamedVotes {
            try db.execute("DELETE FROM vote WHERE item_id = ?", [itemID])
            for ballot in draft.ballots {
                try db.execute("""
                    INSERT INTO vote (item_id, person_id, ballot, represents)
                    VALUES (:item, :person, :ballot, (SELECT o.name FROM membership ms JOIN organisation o ON o.id = ms.organisation_id
                        JOIN agenda_item i ON i.body_id = ms.body_id WHERE i.id = :item AND ms.person_id = :person ORDER BY ms.id DESC LIMIT 1))
                    """, ["item": itemID, "person": try personID(named: ballot.person), "ballot": ballot.ballot])
            }
        }
        let handling: HandlingStatus = draft.outcome == .postponed ? .postponed : .decided
        try db.execute("UPDATE agenda_item SET handling_status = ? WHERE id = ?", [handling, itemID])
        try refreshReferences(itemID: itemID)
    }

    /// Corrects the text of a decision in approved minutes: the change is recorded with its reason
    /// and date, and the old text stays readable in the corrections.
    @discardableResult
    public func correctDecision(_ reference: ItemReference, text: String, reason: String, on date: CalendarDate = .today) throws -> Decision {
        // Approved minutes change only through a correction, so a correction must say something:
        // a blank text would erase the decision on the record, a blank reason would hide why.
        guard !text.allSatisfy(\.isWhitespace) else {
            throw StoreError.refused(.emptyCorrection)
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw StoreError.refused(.correctionNeedsReason)
        }
        return try write { db in
            let item = try item(reference)
            guard let current = try decision(itemID: item.id) else {
                throw StoreError.refused(.noDecisionToCorrect(item: "\(reference)"))
            }
            try db.execute("""
                INSERT INTO correction (meeting_id, item_id, field, old_value, new_value, reason, corrected_on)
                VALUES (?, ?, 'decision.text', ?, ?, ?, ?)
                """, [item.meetingID, item.id, current.text, text, reason, date])
            try db.execute("UPDATE decision SET text = ? WHERE item_id = ?", [text, item.id])
            try refreshReferences(itemID: item.id)
            return try decision(itemID: item.id)!
        }
    }

    public func decision(itemID: Int64) throws -> Decision? {
        guard let row = try db.fetchOne("""
            SELECT d.*, b.slug AS referred_to FROM decision d LEFT JOIN body b ON b.id = d.referred_to_body_id WHERE d.item_id = ?
            """, [itemID]) else { return nil }
        return try Decision(row: row, itemID: itemID)
    }
}

extension Decision {
    /// A decision from a row of `decision d` with `b.slug AS referred_to`.
    init(row: Row, itemID: Int64) throws {
        let tally: VoteTally?
        if try row.decode("is_unanimous", as: Bool.self) {
            tally = .unanimous
        } else if let votesFor = row["votes_for", as: Int.self] {
            tally = .counted(for: votesFor, against: row["votes_against", as: Int.self] ?? 0, abstaining: row["votes_abstaining", as: Int.self] ?? 0)
        } else {
            tally = nil
        }
        self.init(itemID: itemID, text: row["text", as: String.self], outcome: try row.decode("outcome"), tally: tally,
                  remarks: row["remarks", as: String.self], isFinal: try row.decode("is_final"),
                  referredTo: row["referred_to", as: String.self])
    }
}
