import DocketModel
import SQLite

/// A member's vote, by name.
public struct NamedBallot: Hashable, Sendable, Codable {
    public var person: String
    public var ballot: Ballot

    public init(person: String, ballot: Ballot) {
        self.person = person
        self.ballot = ballot
    }
}

/// A member who declared a conflict of interest (inhabil) on an item and left the seat for it.
public struct ConflictOfInterest: Hashable, Sendable, Codable {
    public var person: String
    /// What the minutes give as the reason (or the legal basis).
    public var reason: String?
    public var replacedBy: String?
}

/// An alternative proposal made at the meeting, with the vote taken on it.
public struct AlternativeProposal: Hashable, Sendable, Codable {
    /// 1, 2, … on the item, in the order made.
    public var number: Int
    public var proposer: String
    public var text: String
    /// Adopted or rejected, once voted on.
    public var outcome: Outcome?
    public var tally: VoteTally?
    public var ballots: [NamedBallot]
}

/// Who may vote on an item: the voting seats of the body, the voting members present (a substitute
/// in a voting seat counts), and those of them disqualified on the item.
public struct VotingRoll: Hashable, Sendable {
    /// The body's voting seats on the meeting's date.
    public var seats: Int
    /// Voting members present, by name.
    public var present: [String]
    /// Members disqualified (inhabil) on the item, by name.
    public var disqualified: [String]
    /// Whether any attendance is recorded for the meeting; without it nothing can be counted against.
    public var isRecorded: Bool

    /// Those who may vote: present and not disqualified.
    public var eligible: [String] { present.filter { name in !disqualified.contains { $0.lowercased() == name.lowercased() } } }

    /// Vedtaksfør: at least half the voting members present (kommuneloven § 11-9 first paragraph).
    public var isQuorate: Bool { !isRecorded || seats == 0 || present.count * 2 >= seats }

    /// How many could vote, for a refused vote's message.
    public var presence: Presence { Presence(eligible: eligible.count, present: present.count) }
}

extension Store {
    // MARK: Conflicts of interest

    /// Records that a member declared a conflict of interest on an item and left the seat for it.
    /// The member must be known; a vote already recorded with the member's name is refused.
    public func declareConflictOfInterest(_ reference: ItemReference, member: String, reason: String?) throws -> ConflictOfInterest {
        try write { db in
            let item = try item(reference)
            let meeting = try meeting(id: item.meetingID)
            guard meeting.status != .minutesApproved else {
                throw StoreError.refused(.conflictInApprovedMinutes(meeting: "\(meeting.reference)"))
            }
            guard meeting.status != .cancelled else {
                throw StoreError.refused(.conflictAtCancelledMeeting(meeting: "\(meeting.reference)"))
            }
            let reason = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let personID = try personID(named: member)
            let voted = try db.fetchValue(Int.self, """
                SELECT (SELECT count(*) FROM vote WHERE item_id = :item AND person_id = :person)
                     + (SELECT count(*) FROM proposal_vote v JOIN proposal p ON p.id = v.proposal_id WHERE p.item_id = :item AND v.person_id = :person)
                """, ["item": item.id, "person": personID]) ?? 0
            if voted > 0 {
                throw StoreError.refused(.inhabilHasVoted(person: member, item: "\(item.reference)"))
            }
            try db.execute("""
                INSERT INTO conflict_of_interest (item_id, person_id, legal_basis) VALUES (?, ?, ?)
                ON CONFLICT (item_id, person_id) DO UPDATE SET legal_basis = excluded.legal_basis
                """, [item.id, personID, reason])
            return try conflictsOfInterest(itemID: item.id).first { $0.person.lowercased() == member.trimmingCharacters(in: .whitespaces).lowercased() }
                ?? ConflictOfInterest(person: member, reason: reason)
        }
    }

    /// The members disqualified on an item, in the order of their names.
    public func conflictsOfInterest(itemID: Int64) throws -> [ConflictOfInterest] {
        try db.fetchAll("""
            SELECT p.name, c.legal_basis, r.name AS replaced_by FROM conflict_of_interest c JOIN person p ON p.id = c.person_id
            LEFT JOIN person r ON r.id = c.replaced_by_id WHERE c.item_id = ? ORDER BY p.name
            """, [itemID]).map(ConflictOfInterest.init(row:))
    }

    // MARK: Alternative proposals

    /// Adds an alternative proposal to an item, by a person the store knows; returns it with its number.
    @discardableResult
    public func addProposal(_ reference: ItemReference, by proposer: String, text: String) throws -> AlternativeProposal {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.refused(.emptyProposal) }
        return try write { db in
            let item = try item(reference)
            let meeting = try meeting(id: item.meetingID)
            guard meeting.status != .minutesApproved, meeting.status != .cancelled else {
                throw StoreError.refused(.proposalClosed(meeting: "\(meeting.reference)", status: meeting.status))
            }
            let personID = try personID(named: proposer)
            let number = (try db.fetchValue(Int.self, "SELECT max(number) FROM proposal WHERE item_id = ?", [item.id]) ?? 0) + 1
            try db.execute("INSERT INTO proposal (item_id, number, proposer_id, text) VALUES (?, ?, ?, ?)", [item.id, number, personID, text])
            return try proposals(itemID: item.id).first { $0.number == number }!
        }
    }

    /// The alternative proposals on an item, by number, each with its vote.
    public func proposals(itemID: Int64) throws -> [AlternativeProposal] {
        try db.fetchAll("""
            SELECT \(Self.proposalColumns) FROM proposal pr JOIN person p ON p.id = pr.proposer_id WHERE pr.item_id = ? ORDER BY pr.number
            """, [itemID]).map { row in
            let id: Int64 = try row.decode("id")
            let ballots = try db.fetchAll("""
                SELECT p.name, v.ballot FROM proposal_vote v JOIN person p ON p.id = v.person_id WHERE v.proposal_id = ? ORDER BY v.ballot, p.name
                """, [id]).map { NamedBallot(person: try $0.decode("name"), ballot: try $0.decode("ballot")) }
            return try AlternativeProposal(row: row, ballots: ballots)
        }
    }

    /// The columns of `proposal pr JOIN person p` that ``AlternativeProposal/init(row:ballots:)`` reads.
    static let proposalColumns = "pr.id, pr.number, p.name, pr.text, pr.outcome, pr.is_unanimous, pr.votes_for, pr.votes_against, pr.votes_abstaining"

    static func tally(unanimous: Bool, for votesFor: Int?, against: Int?, abstaining: Int?) -> VoteTally? {
        if unanimous { return .unanimous }
        guard let votesFor else { return nil }
        return .counted(for: votesFor, against: against ?? 0, abstaining: abstaining ?? 0)
    }

    /// Records the vote on alternative proposal `number` of an item; the outcome, when not given,
    /// follows the count (a tie needs it said: the chair's vote decides).
    @discardableResult
    public func recordProposalVote(_ reference: ItemReference, proposal number: Int, tally: VoteTally?, ballots: [NamedBallot] = [],
                                   outcome: Outcome? = nil) throws -> AlternativeProposal {
        try write { db in
            let item = try item(reference)
            guard let proposalID = try db.fetchValue(Int64.self, "SELECT id FROM proposal WHERE item_id = ? AND number = ?", [item.id, number]) else {
                let count = try db.fetchValue(Int.self, "SELECT count(*) FROM proposal WHERE item_id = ?", [item.id]) ?? 0
                throw StoreError.refused(.noSuchProposal(item: "\(item.reference)", number: number, count: count))
            }
            let meeting = try meeting(id: item.meetingID)
            guard meeting.status != .minutesApproved, meeting.status != .cancelled else {
                throw StoreError.refused(.votesClosed(meeting: "\(meeting.reference)", status: meeting.status))
            }
            guard outcome == nil || outcome == .adopted || outcome == .rejected else {
                throw StoreError.refused(.proposalOutcome(outcome!))
            }
            let tally = try checkedVote(itemID: item.id, tally: tally, ballots: ballots)
            let adopted: Bool
            switch (outcome, tally?.adopts) {
            case let (given?, counted?):
                guard (given == .adopted) == counted else { throw contradiction(tally!, outcome: given) }
                adopted = counted
            case let (given?, nil): adopted = given == .adopted
            case let (nil, counted?): adopted = counted
            case (nil, nil):
                guard tally == nil else {
                    throw StoreError.refused(.tiedVote)
                }
                throw StoreError.refused(.voteMissing)
            }
            var votesFor: Int?, against: Int?, abstaining: Int?
            if case let .counted(f, a, b) = tally { (votesFor, against, abstaining) = (f, a, b) }
            try db.execute("""
                UPDATE proposal SET outcome = ?, is_unanimous = ?, votes_for = ?, votes_against = ?, votes_abstaining = ? WHERE id = ?
                """, [adopted ? Outcome.adopted : Outcome.rejected, tally == .unanimous, votesFor, against, abstaining, proposalID])
            try db.execute("DELETE FROM proposal_vote WHERE proposal_id = ?", [proposalID])
            for ballot in ballots {
                try db.execute("INSERT INTO proposal_vote (proposal_id, person_id, ballot) VALUES (?, ?, ?)",
                               [proposalID, try personID(named: ballot.person), ballot.ballot])
            }
            return try proposals(itemID: item.id).first { $0.number == number }!
        }
    }

    // MARK: The roll and the checks

    /// Who may vote on an item.
    public func votingRoll(itemID: Int64) throws -> VotingRoll {
        let meetingID = try db.fetchValue(Int64.self, "SELECT meeting_id FROM agenda_item WHERE id = ?", [itemID])!
        // A seat votes when the membership on the meeting's date says so; a substitute takes the vote of the seat.
        let seatVotes = """
            EXISTS (SELECT 1 FROM membership ms WHERE ms.person_id = %@ AND ms.body_id = m.body_id AND ms.votes = 1
                    AND (ms.from_date IS NULL OR ms.from_date <= m.date) AND (ms.to_date IS NULL OR ms.to_date >= m.date))
            """
        let seats = try db.fetchValue(Int.self, """
            SELECT count(DISTINCT ms.person_id) FROM membership ms JOIN meeting m ON m.body_id = ms.body_id
            WHERE m.id = ? AND ms.votes = 1 AND (ms.from_date IS NULL OR ms.from_date <= m.date) AND (ms.to_date IS NULL OR ms.to_date >= m.date)
            """, [meetingID]) ?? 0
        let recorded = (try db.fetchValue(Int.self, "SELECT count(*) FROM attendance WHERE meeting_id = ?", [meetingID]) ?? 0) > 0
        let present = try db.fetchAll("""
            SELECT p.name FROM attendance a JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id
            WHERE a.meeting_id = ? AND ((a.status = 'present' AND \(seatVotes.replacingOccurrences(of: "%@", with: "a.person_id")))
                 OR (a.status = 'substitute' AND \(seatVotes.replacingOccurrences(of: "%@", with: "a.substitute_for_id"))))
            ORDER BY p.name
            """, [meetingID]).map { try $0.decode(at: 0, as: String.self) }
        let disqualified = try conflictsOfInterest(itemID: itemID).map(\.person)
        return VotingRoll(seats: seats, present: present, disqualified: disqualified, isRecorded: recorded)
    }

    /// Checks a vote against the roll and returns its tally (counted from the names where names are given).
    func checkedVote(itemID: Int64, tally: VoteTally?, ballots: [NamedBallot]) throws -> VoteTally? {
        let roll = try votingRoll(itemID: itemID)
        let reference = try item(id: itemID).reference
        var seen = Set<String>()
        for ballot in ballots {
            let key = ballot.person.trimmingCharacters(in: .whitespaces).lowercased()
            _ = try personID(named: ballot.person)
            guard seen.insert(key).inserted else {
                throw StoreError.refused(.voterNamedTwice(person: ballot.person))
            }
            if roll.disqualified.contains(where: { $0.lowercased() == key }) {
                throw StoreError.refused(.inhabilVoter(person: ballot.person, item: "\(reference)", presence: roll.presence))
            }
            if roll.isRecorded, !roll.present.contains(where: { $0.lowercased() == key }) {
                throw StoreError.refused(.voterNotPresent(person: ballot.person, presence: roll.presence, eligible: roll.eligible))
            }
        }
        guard let tally else { return nil }
        if let total = tally.total, roll.isRecorded, total > roll.eligible.count {
            throw StoreError.refused(.tooManyVotes(total: total, presence: roll.presence))
        }
        return tally
    }

    func contradiction(_ tally: VoteTally, outcome: Outcome) -> StoreError {
        guard case let .counted(votesFor, against, _) = tally else {
            return StoreError.refused(.unanimousOutcome(outcome))
        }
        return StoreError.refused(.countContradictsOutcome(votesFor: votesFor, against: against, outcome: outcome))
    }
}

extension ConflictOfInterest {
    /// From a row with the person's `name`, `legal_basis` and `replaced_by`.
    init(row: Row) throws {
        self.init(person: try row.decode("name"), reason: row["legal_basis", as: String.self], replacedBy: row["replaced_by", as: String.self])
    }
}

extension AlternativeProposal {
    /// From a row of ``Store/proposalColumns``, with its named ballots.
    init(row: Row, ballots: [NamedBallot]) throws {
        self.init(number: try row.decode("number"), proposer: try row.decode("name"), text: try row.decode("text"),
                  outcome: row["outcome", as: Outcome.self],
                  tally: Store.tally(unanimous: try row.decode("is_unanimous"), for: row["votes_for", as: Int.self],
                                     against: row["votes_against", as: Int.self], abstaining: row["votes_abstaining", as: Int.self]),
                  ballots: ballots)
    }
}
