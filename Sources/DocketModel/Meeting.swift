/// How a meeting is held: in person or remote (ordinary), called outside the plan (extraordinary),
/// or decided by circulation between meetings (e-postmøte, hastesak).
public enum MeetingKind: String, CaseIterable, Codable, Sendable {
    case ordinary
    case extraordinary
    case circulation
}

/// Where a meeting is in its life. Moves forward only; see ``canAdvance(to:)``.
public enum MeetingStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case summoned
    case held
    case minutesApproved = "minutes_approved"
    case cancelled

    /// A cancelled meeting or one whose minutes are approved is final.
    public var isFinal: Bool { self == .cancelled || self == .minutesApproved }

    /// Statuses move forward: planned → summoned → held → minutes approved; planned or summoned → cancelled.
    public func canAdvance(to next: MeetingStatus) -> Bool {
        switch (self, next) {
        case (.planned, .summoned), (.planned, .held), (.summoned, .held), (.held, .minutesApproved),
             (.planned, .cancelled), (.summoned, .cancelled):
            true
        default:
            false
        }
    }
}

/// Whether a person attended.
public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present
    /// Forfall: sent apologies.
    case apologies
    /// Møtt for: a deputy who took a member's seat.
    case substitute
}
