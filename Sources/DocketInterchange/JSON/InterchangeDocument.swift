import DocketModel
import Foundation

/// The lossless interchange format: every table of a store, rows referring to each other by
/// natural keys (body slug, `body@date` for a meeting, `body PS 8/2019` for an item, a person's
/// name) instead of row ids, so that a file can be read, diffed and merged into another store.
///
/// Arrays are in the order the rows were made (their ids), so that importing into an empty store
/// gives rows the same ids. `Schemas/docket-export.schema.json` documents the shape; change both
/// together, and bump ``currentVersion`` for any change an older reader would misread.
public struct InterchangeDocument: Codable, Sendable {
    public static let formatName = "docket-interchange"
    public static let currentVersion = 1

    public var format: String = InterchangeDocument.formatName
    public var formatVersion: Int = InterchangeDocument.currentVersion
    /// What wrote the file, for people reading it.
    public var generator: String?
    public var scope: Scope = Scope()
    public var organisations: [OrganisationRecord] = []
    public var people: [PersonRecord] = []
    public var bodies: [BodyRecord] = []
    public var memberships: [MembershipRecord] = []
    public var meetings: [MeetingRecord] = []
    public var cases: [CaseRecord] = []
    public var items: [ItemRecord] = []
    public var files: [StoredFileRecord] = []
    public var attachments: [AttachmentRecord] = []
    public var corrections: [CorrectionRecord] = []
    /// Documents `docket import` read, by the SHA-256 of their bytes: so that importing one again
    /// after a round trip still changes nothing. Optional: files without it read as having none.
    public var importedDocuments: [ImportedDocumentRecord]?

    public init() {}

    /// What part of the store the file holds.
    public struct Scope: Codable, Sendable, Equatable {
        public var body: String?
        public var year: Int?
        public var since: CalendarDate?
        /// Exempt items carry only their number, public title and legal basis.
        public var isPublic: Bool = false

        public init(body: String? = nil, year: Int? = nil, since: CalendarDate? = nil, isPublic: Bool = false) {
            self.body = body
            self.year = year
            self.since = since
            self.isPublic = isPublic
        }

        /// Meetings in scope: of the body, in the year, on or after `since`.
        func includes(body slug: String, date: CalendarDate) -> Bool {
            (body.map { $0 == slug } ?? true) && (year.map { $0 == date.year } ?? true) && (since.map { date >= $0 } ?? true)
        }

        var isWhole: Bool { body == nil && year == nil && since == nil && !isPublic }
    }
}

public struct OrganisationRecord: Codable, Sendable, Equatable {
    public var name: String
    public var kind: OrganisationKind
    public var isCooperationMember: Bool
    public var organisationNumber: String?
}

public struct PersonRecord: Codable, Sendable, Equatable {
    public var name: String
    public var email: String?
    public var title: String?
}

public struct BodyRecord: Codable, Sendable, Equatable {
    public var slug: String
    public var name: String
    public var kind: BodyKind
    public var parent: String?
    public var mandate: String?
    public var defaultSeries: String?
    public var templateFolder: String?
    public var aliases: [String] = []
    public var standingItems: [StandingItemRecord] = []
    /// The last number handed out per year and series, so numbering goes on where it stopped
    /// (numbers of deleted items are never given out again).
    public var numberCounters: [NumberCounterRecord] = []
}

public struct StandingItemRecord: Codable, Sendable, Equatable {
    public var position: Int
    public var purpose: StandingItem.Purpose
    public var title: String
    public var kind: ItemKind
    public var basis: String?
    public var proposal: String?
}

public struct NumberCounterRecord: Codable, Sendable, Equatable {
    public var year: Int
    /// "" for the body's one plain series.
    public var series: String
    public var lastSequence: Int
}

public struct MembershipRecord: Codable, Sendable, Equatable {
    public var body: String
    public var person: String
    public var role: Role
    public var organisation: String?
    public var votes: Bool
    public var from: CalendarDate?
    public var to: CalendarDate?
}

public struct MeetingRecord: Codable, Sendable, Equatable {
    public var body: String
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
    public var attendance: [AttendanceRecord] = []
    public var minutesApproval: MinutesApprovalRecord?

    var reference: String { "\(body)@\(date)" }
}

public struct AttendanceRecord: Codable, Sendable, Equatable {
    public var person: String
    public var status: AttendanceStatus
    public var substituteFor: String?
    /// What a guest (no member of the body) came as; absent for members.
    public var guestRole: String?
}

public struct MinutesApprovalRecord: Codable, Sendable, Equatable {
    /// The meeting that approved them, `body@date`, if any.
    public var approvedAt: String?
    public var approvedOn: CalendarDate
    public var signers: [String] = []
}

/// The matter an item belongs to; several items (postponed, referred) may share one.
public struct CaseRecord: Codable, Sendable, Equatable {
    /// The case's name within this file, which items refer to.
    public var key: String
    public var title: String
    public var archiveNumber: String?
}

public struct ItemRecord: Codable, Sendable, Equatable {
    public var body: String
    public var meetingDate: CalendarDate
    /// `8/2019` or `PS 8/2019`: the series and a four-digit year, so old items read back exactly.
    public var number: String
    /// The ``CaseRecord/key`` of its case.
    public var `case`: String
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
    /// Nil, as is `arrival`, for an exempt item in a public export; an import reads them as pending and new.
    public var handlingStatus: HandlingStatus?
    /// new, postponed or referred.
    public var arrival: String?
    /// Why it shares its case with other items when not set by hand: `archive_number`, or `title` (a guess made by an import).
    public var caseLink: String?
    /// The item this one continues, `body 8/2019`.
    public var previousItem: String?
    /// For the previous-minutes item: the meeting whose minutes it approves, `body@date`.
    public var approvesMeeting: String?
    public var decision: DecisionRecord?
    public var votes: [VoteRecord] = []
    public var conflictsOfInterest: [ConflictOfInterestRecord] = []
    /// Alternative proposals made at the meeting, by number, each with its vote; left out when there are none.
    public var proposals: [ProposalRecord]?

    var reference: String { "\(body) \(number)" }
}

public struct ProposalRecord: Codable, Sendable, Equatable {
    public var number: Int
    public var proposer: String
    public var text: String
    public var outcome: Outcome?
    public var isUnanimous: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var votesAbstaining: Int?
    public var votes: [VoteRecord]
}

public struct DecisionRecord: Codable, Sendable, Equatable {
    public var text: String?
    public var outcome: Outcome
    public var isUnanimous: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var votesAbstaining: Int?
    public var remarks: String?
    public var isFinal: Bool
    public var referredTo: String?
}

public struct VoteRecord: Codable, Sendable, Equatable {
    public var person: String
    public var ballot: Ballot
    public var represents: String?
}

public struct ConflictOfInterestRecord: Codable, Sendable, Equatable {
    public var person: String
    public var legalBasis: String?
    public var replacedBy: String?
}

/// The bytes of a file, once per content.
public struct StoredFileRecord: Codable, Sendable, Equatable {
    public var sha256: String
    public var size: Int
    /// Base64 in the file; absent when the bytes are not stored.
    public var content: Data?
}

public struct AttachmentRecord: Codable, Sendable, Equatable {
    /// `body 8/2019` for an item's attachment.
    public var item: String?
    /// `body@date` for a meeting's own attachment.
    public var meeting: String?
    public var title: String
    public var mediaType: String
    public var sha256: String?
    public var fileReference: String?
    public var position: Int
}

/// A recorded change to approved minutes.
public struct ImportedDocumentRecord: Codable, Sendable, Equatable {
    public var sha256: String
    public var fileName: String
    public var kind: String
    /// The meeting it describes, `body@date`.
    public var meeting: String
    public var itemsRead: Int
    public var warnings: Int
    public var importedOn: CalendarDate
}

public struct CorrectionRecord: Codable, Sendable, Equatable {
    public var meeting: String
    public var item: String?
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var reason: String
    public var correctedOn: CalendarDate
}
