import DocketModel

/// Everything the papers of one meeting print: the summons letter, the agenda, the case papers
/// and the minutes are all rendered from this one value.
///
/// It is a plain view model: DocketDocuments knows nothing of the store. The store (or a test, or
/// an importer) fills it in; ``redactedForPublic()`` makes the copy that may leave the secretariat.
/// Every text field holds user text as written: renderers escape it for the format they write.
public struct MeetingPapers: Sendable, Codable, Hashable {
    /// The language of the fixed phrases ("Vel møtt!" or "See you there!"); user text is printed as written.
    public var language: Language
    /// The body that meets.
    public var body: BodyHeading
    /// When and where the meeting is held.
    public var meeting: MeetingDetails
    /// The summons letter's own facts: addressees, place and date of issue, signature.
    public var summons: SummonsDetails
    /// The agenda items, in agenda order (standing items first, as the store numbers them).
    public var items: [PaperItem]
    /// Attachments listed at the end of the summons ("Vedlegg"); those with text are printed after the case papers.
    public var attachments: [Attachment]
    /// Who attended, for the minutes.
    public var attendance: Attendance
    /// Referent: who wrote the minutes.
    public var minuteTaker: String?
    /// Set once the minutes are approved: the approval line printed at the end of the minutes.
    public var approval: MinutesApproval?
    /// True for the copy made by ``redactedForPublic()``; documents then say they are the public version.
    public var isPublicVersion: Bool

    public init(
        language: Language = .norwegian,
        body: BodyHeading,
        meeting: MeetingDetails,
        summons: SummonsDetails,
        items: [PaperItem],
        attachments: [Attachment] = [],
        attendance: Attendance = Attendance(),
        minuteTaker: String? = nil,
        approval: MinutesApproval? = nil,
        isPublicVersion: Bool = false
    ) {
        self.language = language
        self.body = body
        self.meeting = meeting
        self.summons = summons
        self.items = items
        self.attachments = attachments
        self.attendance = attendance
        self.minuteTaker = minuteTaker
        self.approval = approval
        self.isPublicVersion = isPublicVersion
    }
}

/// How the body is named in its papers.
public struct BodyHeading: Sendable, Codable, Hashable {
    /// The full name as titles print it: "Digi Rogalands styringsgruppe" ("Innkalling til møte i …").
    public var name: String
    /// The body's title as sentences use it, definite form: "styringsgruppen" ("… til møte i styringsgruppen den …").
    public var shortName: String

    public init(name: String, shortName: String) {
        self.name = name
        self.shortName = shortName
    }
}

/// The date, time and place of a meeting.
public struct MeetingDetails: Sendable, Codable, Hashable {
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    /// "Quality Hotel Residence / Rådhuset i Sandnes", "Teams".
    public var place: String
    public var kind: MeetingKind

    public init(date: CalendarDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil, place: String, kind: MeetingKind = .ordinary) {
        self.date = date
        self.start = start
        self.end = end
        self.place = place
        self.kind = kind
    }
}

/// The letter part of the summons.
public struct SummonsDetails: Sendable, Codable, Hashable {
    /// Who the letter is to, each printed after "Til": "styringsgruppens medlemmer og observatører".
    public var addressees: [String]
    /// Where the letter is written: "Stavanger".
    public var issuePlace: String
    /// The date of the letter.
    public var issueDate: CalendarDate
    /// Who signs: the chair.
    public var signer: Signer

    public init(addressees: [String], issuePlace: String, issueDate: CalendarDate, signer: Signer) {
        self.addressees = addressees
        self.issuePlace = issuePlace
        self.issueDate = issueDate
        self.signer = signer
    }
}

/// The signature under the summons: the chair's name and title.
public struct Signer: Sendable, Codable, Hashable {
    public var name: String
    /// "Leder i styringsgruppen\nDigi Rogaland": each line is printed on its own line.
    public var title: String

    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}

/// One agenda item with everything written before the meeting and, once held, what was decided.
public struct PaperItem: Sendable, Codable, Hashable {
    /// The item number: "8/19".
    public var number: ItemNumber
    /// The title as the agenda prints it.
    public var title: String
    /// What public output prints instead of the title when the item is exempt ("Personalsak");
    /// nil prints the language's placeholder ("Unntatt offentlighet").
    public var publicTitle: String?
    /// Standing item (faste saker) or item for consideration.
    public var section: Section
    /// Type sak: decision, information, discussion; nil (an empty cell) for an exempt item in public.
    public var kind: ItemKind?
    /// Saksunderlag: "Notat", "Referat", "Dagsorden"; nil leaves the cell empty.
    public var documentBasis: String?
    /// The case report (saksframlegg), paragraphs separated by blank lines.
    public var caseText: String?
    /// Forslag til vedtak.
    public var proposal: String?
    /// True when the item is exempt from public access: public output keeps its number and placeholder only.
    public var isExempt: Bool
    /// The legal basis of the exemption: "offl. § 13, jf. fvl. § 13".
    public var exemptionBasis: String?
    /// Any other business (eventuelt) is taken last: its case paper and minutes entry come after the others.
    public var isAnyOtherBusiness: Bool
    /// What the meeting did with the item; nil until the minutes are written.
    public var decision: ItemDecision?
    /// Where a referred or postponed item came from: printed first in its case paper
    /// ("Oversendt fra Faggruppe helse, sak 5/25."). Dropped with everything else from a withheld item.
    public var origin: ItemOrigin?
    /// Members who declared a conflict of interest (inhabil) on the item and left the seat.
    public var conflicts: [PaperConflict] = []
    /// Alternative proposals made at the meeting, each with its vote.
    public var alternatives: [PaperProposal] = []
    /// The decision's vote by name, where it was recorded so.
    public var namedVote: PaperNamedVote?
    /// Corrections of the decision after the minutes were approved, oldest first.
    public var corrections: [PaperCorrection] = []

    public init(
        number: ItemNumber,
        title: String,
        publicTitle: String? = nil,
        section: Section,
        kind: ItemKind?,
        documentBasis: String? = nil,
        caseText: String? = nil,
        proposal: String? = nil,
        isExempt: Bool = false,
        exemptionBasis: String? = nil,
        isAnyOtherBusiness: Bool = false,
        decision: ItemDecision? = nil,
        origin: ItemOrigin? = nil
    ) {
        self.number = number
        self.title = title
        self.publicTitle = publicTitle
        self.section = section
        self.kind = kind
        self.documentBasis = documentBasis
        self.caseText = caseText
        self.proposal = proposal
        self.isExempt = isExempt
        self.exemptionBasis = exemptionBasis
        self.isAnyOtherBusiness = isAnyOtherBusiness
        self.decision = decision
        self.origin = origin
    }
}

/// The earlier item a referred or postponed item continues.
public struct ItemOrigin: Sendable, Codable, Hashable {
    /// The earlier body's name as titles print it: "Faggruppe helse".
    public var bodyName: String
    public var number: ItemNumber
    /// Referred from another body (oversendt), or postponed from an earlier meeting (utsatt).
    public var referred: Bool

    public init(bodyName: String, number: ItemNumber, referred: Bool) {
        self.bodyName = bodyName
        self.number = number
        self.referred = referred
    }
}

/// A member disqualified on an item: "Dag Eng erklærte seg inhabil (…) og fratrådte."
public struct PaperConflict: Sendable, Codable, Hashable {
    public var person: String
    public var reason: String?

    public init(person: String, reason: String? = nil) {
        self.person = person
        self.reason = reason
    }
}

/// An alternative proposal: who made it, its text, and the vote on it.
public struct PaperProposal: Sendable, Codable, Hashable {
    public var proposer: String
    public var text: String
    public var vote: VoteTally?
    /// Whether it was adopted; nil when not voted on.
    public var isAdopted: Bool?

    public init(proposer: String, text: String, vote: VoteTally? = nil, isAdopted: Bool? = nil) {
        self.proposer = proposer
        self.text = text
        self.vote = vote
        self.isAdopted = isAdopted
    }
}

/// A correction of an approved decision: when, why, and the text it replaced ("Rettet 20.06.2019: …").
public struct PaperCorrection: Sendable, Codable, Hashable {
    public var date: CalendarDate
    public var reason: String
    /// The decision's text before the correction; nil when it had none.
    public var originalText: String?

    public init(date: CalendarDate, reason: String, originalText: String? = nil) {
        self.date = date
        self.reason = reason
        self.originalText = originalText
    }
}

/// Who voted how, by name.
public struct PaperNamedVote: Sendable, Codable, Hashable {
    public var votesFor: [String]
    public var against: [String]
    public var abstaining: [String]

    public init(votesFor: [String], against: [String], abstaining: [String]) {
        self.votesFor = votesFor
        self.against = against
        self.abstaining = abstaining
    }
}

/// What the meeting did with an item, as the minutes record it.
public struct ItemDecision: Sendable, Codable, Hashable {
    /// Vedtak: the decision as taken. Nil when the body decided the proposal as written.
    public var text: String?
    public var outcome: Outcome
    /// The vote; nil prints no vote line (information items, postponed items).
    public var vote: VoteTally?
    /// Behandling / merknader: what else the minutes say about the item.
    public var remarks: String?
    /// Where a postponed or referred item went.
    public var continuation: Continuation?

    public init(text: String? = nil, outcome: Outcome, vote: VoteTally? = nil, remarks: String? = nil, continuation: Continuation? = nil) {
        self.text = text
        self.outcome = outcome
        self.vote = vote
        self.remarks = remarks
        self.continuation = continuation
    }

    private enum CodingKeys: String, CodingKey { case text, outcome, vote, remarks, continuation }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        vote = try container.decodeIfPresent(VoteCoding.self, forKey: .vote)?.tally
        remarks = try container.decodeIfPresent(String.self, forKey: .remarks)
        continuation = try container.decodeIfPresent(Continuation.self, forKey: .continuation)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(vote.map(VoteCoding.init(tally:)), forKey: .vote)
        try container.encodeIfPresent(remarks, forKey: .remarks)
        try container.encodeIfPresent(continuation, forKey: .continuation)
    }
}

/// `VoteTally` lives in DocketModel without a Codable conformance; this codes it as
/// `{"unanimous": true}` or `{"for": 5, "against": 2, "abstaining": 0}`.
private struct VoteCoding: Codable {
    var tally: VoteTally

    init(tally: VoteTally) { self.tally = tally }

    private enum CodingKeys: String, CodingKey { case unanimous, `for`, against, abstaining }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decodeIfPresent(Bool.self, forKey: .unanimous) == true {
            tally = .unanimous
        } else {
            tally = .counted(
                for: try container.decode(Int.self, forKey: .for),
                against: try container.decode(Int.self, forKey: .against),
                abstaining: try container.decodeIfPresent(Int.self, forKey: .abstaining) ?? 0)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch tally {
        case .unanimous:
            try container.encode(true, forKey: .unanimous)
        case let .counted(votesFor, against, abstaining):
            try container.encode(votesFor, forKey: .for)
            try container.encode(against, forKey: .against)
            try container.encode(abstaining, forKey: .abstaining)
        }
    }
}

/// Where an item went when it was not finished at the meeting.
public enum Continuation: Sendable, Codable, Hashable {
    /// Utsatt: to a later meeting of the same body (its date, when known).
    case postponed(toMeetingOn: CalendarDate?)
    /// Oversendt: sent on to another body ("Porteføljerådet").
    case referred(toBody: String)
}

/// An attachment (vedlegg) of the summons.
public struct Attachment: Sendable, Codable, Hashable {
    /// As the list prints it: "Sak 08/19 – Budsjettprinsipper 2020".
    public var title: String
    /// The item the attachment belongs to; an attachment of an exempt item is left out of public output.
    public var itemNumber: ItemNumber?
    /// A heading for the printed text, when it differs from the title ("Sak 08/19 – Budsjettprinsipper for 2020").
    public var heading: String?
    /// The attachment's text, printed after the case papers; nil when it is a separate file.
    public var text: String?
    /// An attachment exempt from public access is left out of public output.
    public var isExempt: Bool
    /// The stored file's id, for appending its content to a PDF paper; nil when not stored.
    public var fileID: Int64?
    /// "application/pdf": a PDF attachment is appended to the summons as PDF; others are listed by title.
    public var mediaType: String?

    public init(title: String, itemNumber: ItemNumber? = nil, heading: String? = nil, text: String? = nil, isExempt: Bool = false) {
        self.title = title
        self.itemNumber = itemNumber
        self.heading = heading
        self.text = text
        self.isExempt = isExempt
    }
}

/// Who attended the meeting.
public struct Attendance: Sendable, Codable, Hashable {
    /// Til stede: members (and the chair) who met.
    public var present: [Attendee]
    /// Forfall: members who sent apologies.
    public var apologies: [Attendee]
    /// Møtt for: deputies who met in a member's place.
    public var substitutes: [Substitution]
    /// Andre til stede: advisers, observers, union representatives, the secretariat.
    public var others: [Attendee]

    public init(present: [Attendee] = [], apologies: [Attendee] = [], substitutes: [Substitution] = [], others: [Attendee] = []) {
        self.present = present
        self.apologies = apologies
        self.substitutes = substitutes
        self.others = others
    }
}

/// A person in the attendance lists.
public struct Attendee: Sendable, Codable, Hashable {
    public var name: String
    /// Printed after the name for chairs, advisers, observers and others; members print none.
    public var role: Role?
    /// The organisation the person represents: "Sandnes kommune".
    public var organisation: String?
    /// What a guest came as, printed after the name: "revisor".
    public var guestRole: String?

    public init(name: String, role: Role? = nil, organisation: String? = nil, guestRole: String? = nil) {
        self.name = name
        self.role = role
        self.organisation = organisation
        self.guestRole = guestRole
    }
}

/// A deputy who met for a member.
public struct Substitution: Sendable, Codable, Hashable {
    public var substitute: Attendee
    /// The member the deputy met for.
    public var member: String

    public init(substitute: Attendee, member: String) {
        self.substitute = substitute
        self.member = member
    }
}

/// Where and when the minutes were approved.
public struct MinutesApproval: Sendable, Codable, Hashable {
    /// The date of the approving meeting.
    public var date: CalendarDate
    /// The body that approved, when not this one ("Digi Rogalands styringsgruppe"); nil means this body.
    public var bodyName: String?
    /// The item under which they were approved ("2/19").
    public var itemNumber: ItemNumber?
    /// Those who signed the approved minutes, printed in a signature block.
    public var signers: [String]

    public init(date: CalendarDate, bodyName: String? = nil, itemNumber: ItemNumber? = nil, signers: [String] = []) {
        self.date = date
        self.bodyName = bodyName
        self.itemNumber = itemNumber
        self.signers = signers
    }
}
