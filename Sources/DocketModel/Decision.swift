/// What became of an item at the meeting.
public enum Outcome: String, CaseIterable, Codable, Sendable {
    /// Vedtatt as proposed.
    case adopted
    /// Vedtatt with changes to the proposal.
    case amended
    case rejected
    /// Utsatt: to come before a later meeting as a new item.
    case postponed
    /// Trukket.
    case withdrawn
    /// Oversendt: sent on to another body.
    case referred
    /// Tatt til orientering.
    case noted

    /// What a body decided when nothing says otherwise: an information item is noted, any other
    /// item (a decision item, or one whose kind is not known) is adopted as proposed.
    public static func `default`(for kind: ItemKind?) -> Outcome {
        kind == .information ? .noted : .adopted
    }

    /// Postponed and referred items are handled again elsewhere; the others end here.
    public var isFinal: Bool {
        switch self {
        case .postponed, .referred: false
        default: true
        }
    }

    public var norwegian: String {
        switch self {
        case .adopted: "vedtatt"
        case .amended: "vedtatt med endringer"
        case .rejected: "avvist"
        case .postponed: "utsatt"
        case .withdrawn: "trukket"
        case .referred: "oversendt"
        case .noted: "tatt til orientering"
        }
    }
}

/// The state of an item's handling (Noark 5 "saksstatus" for a meeting item).
public enum HandlingStatus: String, CaseIterable, Codable, Sendable {
    case pending
    case decided
    case postponed
    case sentBack = "sent_back"
}

/// How a member voted, for votes recorded per member.
public enum Ballot: String, CaseIterable, Codable, Sendable {
    case `for`
    case against
    case blank
}

/// The count of a vote. A unanimous vote has no counts to give.
public enum VoteTally: Hashable, Sendable {
    case unanimous
    case counted(for: Int, against: Int, abstaining: Int)

    /// "Enstemmig vedtatt", "Vedtatt mot 2 stemmer", "Vedtatt med 23 mot 12 stemmer", "Falt med 3 mot 5 stemmer".
    public var norwegian: String {
        switch self {
        case .unanimous:
            return "Enstemmig vedtatt"
        case let .counted(votesFor, against, abstaining):
            let base: String
            if votesFor > against {
                base = against == 0 ? "Vedtatt med \(Self.votes(votesFor))" : "Vedtatt med \(votesFor) mot \(Self.votes(against))"
            } else {
                base = "Falt med \(votesFor) mot \(Self.votes(against))"
            }
            return abstaining > 0 ? "\(base), \(abstaining) avsto" : base
        }
    }

    /// The vote line of a decision whose outcome is known: a tie adopted was decided by the chair's
    /// casting vote (kommuneloven § 11-9 third paragraph) and says so ("Vedtatt med 2 mot 2 stemmer
    /// ved møteleders dobbeltstemme"), where the count alone would read "Falt med 2 mot 2 stemmer";
    /// a tie rejected reads "Falt med 2 mot 2 stemmer ved møteleders dobbeltstemme".
    public func norwegian(outcome: Outcome) -> String {
        guard case let .counted(votesFor, against, abstaining) = self, votesFor == against else { return norwegian }
        let rest = abstaining > 0 ? ", \(abstaining) avsto" : ""
        switch outcome {
        case .adopted, .amended:
            return "Vedtatt med \(votesFor) mot \(Self.votes(against)) ved møteleders dobbeltstemme\(rest)"
        case .rejected:
            return "Falt med \(votesFor) mot \(Self.votes(against)) ved møteleders dobbeltstemme\(rest)"
        default:
            return norwegian
        }
    }

    /// "1 stemme", "3 stemmer".
    public static func votes(_ count: Int) -> String {
        count == 1 ? "1 stemme" : "\(count) stemmer"
    }

    /// The vote on an alternative proposal: "Forslaget fra Dag Eng falt med 2 mot 3 stemmer",
    /// "Forslaget fra Dag Eng ble vedtatt med 3 mot 1 stemme", "Forslaget fra Dag Eng ble enstemmig vedtatt".
    /// `adopted` says which way the vote went (a tie is decided by the chair's vote, kommuneloven § 11-9).
    public func norwegian(proposalBy proposer: String, adopted: Bool) -> String {
        let subject = "Forslaget fra \(proposer)"
        switch self {
        case .unanimous:
            return adopted ? "\(subject) ble enstemmig vedtatt" : "\(subject) falt enstemmig"
        case let .counted(votesFor, against, abstaining):
            let count = against == 0 && adopted ? "med \(Self.votes(votesFor))" : "med \(votesFor) mot \(Self.votes(against))"
            let base = adopted ? "\(subject) ble vedtatt \(count)" : "\(subject) falt \(count)"
            return abstaining > 0 ? "\(base), \(abstaining) avsto" : base
        }
    }

    /// Whether the count adopts what was voted on: more for than against. A tie is nil: the
    /// chair's vote decides (kommuneloven § 11-9 third paragraph), so either outcome may stand.
    public var adopts: Bool? {
        switch self {
        case .unanimous: true
        case let .counted(votesFor, against, _): votesFor == against ? nil : votesFor > against
        }
    }

    /// Votes cast for and against, and abstentions; nil for a unanimous vote, which has no count.
    public var total: Int? {
        if case let .counted(f, a, b) = self { return f + a + b }
        return nil
    }
}
