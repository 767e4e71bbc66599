import DocketModel

/// An organisation members represent.
public struct Organisation: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var kind: OrganisationKind
    public var isCooperationMember: Bool
    public var organisationNumber: String?
}

/// A body that meets and decides, as stored.
public struct Body: Codable, Hashable, Sendable {
    public var id: Int64
    public var slug: String
    public var name: String
    public var kind: BodyKind
    public var parentSlug: String?
    public var mandate: String?
    public var defaultSeries: Series?
    public var aliases: [String]
    public var templateFolder: String?
}

public struct Person: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var email: String?
    public var title: String?
}

/// A person's seat in a body.
public struct Membership: Codable, Hashable, Sendable {
    public var id: Int64
    public var body: String
    public var person: String
    public var role: Role
    public var organisation: String?
    public var votes: Bool
    public var from: CalendarDate?
    public var to: CalendarDate?

    public func isCurrent(on date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (to.map { $0 >= date } ?? true)
    }
}

public struct Meeting: Codable, Hashable, Sendable {
    public var id: Int64
    public var body: String
    public var bodyName: String
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var place: String?
    public var kind: MeetingKind
    public var status: MeetingStatus
    public var minuteTaker: String?
    public var summonsPlace: String?
    public var summonsDate: CalendarDate?
    public var addressees: String?
    public var signer: String?

    /// How people name the meeting: `styringsgruppen@2019-02-13`.
    public var reference: MeetingReference { MeetingReference(bodySlug: body, date: date) }
}

public struct AgendaItem: Codable, Hashable, Sendable {
    public var id: Int64
    public var meetingID: Int64
    public var caseID: Int64
    public var body: String
    public var meetingDate: CalendarDate
    public var number: ItemNumber
    public var position: Int
    public var section: Section
    public var kind: ItemKind?
    public var standingPurpose: StandingItem.Purpose?
    public var title: String
    public var basis: String?
    public var caseText: String?
    public var proposal: String?
    public var archiveCaseNumber: String?
    public var isExempt: Bool
    public var publicTitle: String?
    public var exemptionBasis: String?
    public var exemptUntil: CalendarDate?
    /// Nil in the public form of an exempt item, as is `arrival` (see ``publicForm()``).
    public var handlingStatus: HandlingStatus?
    public var arrival: String?
    public var previousItemID: Int64?
    public var approvesMeetingID: Int64?

    /// How people name the item: `styringsgruppen 8/19`.
    public var reference: ItemReference { ItemReference(bodySlug: body, number: number) }
}

public struct Decision: Codable, Hashable, Sendable {
    public var itemID: Int64
    public var text: String?
    public var outcome: Outcome
    public var tally: VoteTally?
    public var remarks: String?
    public var isFinal: Bool
    public var referredTo: String?
}

public struct AttendanceEntry: Codable, Hashable, Sendable {
    public var person: String
    public var status: AttendanceStatus
    public var substituteFor: String?
    /// The person's role in the body on the meeting's date, when they hold a seat.
    public var role: Role?
    public var organisation: String?
    /// What a guest (no member of the body) came as: "revisor". Nil for members.
    public var guestRole: String?
}

public struct MinutesApproval: Codable, Hashable, Sendable {
    /// The approving meeting as people name it, `slug@date`.
    public var approvedAt: String?
    /// The approving meeting's row id, for callers below the edge.
    public var approvedAtMeetingID: Int64?
    public var approvedOn: CalendarDate
    public var signers: [String]
}

