import DocketModel

/// Whether a document calls a meeting or records one.
public enum DocumentKind: String, Codable, Sendable {
    /// Innkalling, saksliste, sakskart: written before the meeting, carries proposals.
    case summons
    /// Møteprotokoll, referat, møtebok: written after the meeting, carries decisions and attendance.
    case minutes
}

/// Everything the reader got out of one document, as plain values an importer can store.
///
/// The reader knows nothing of the store: names are as written, numbers as read, and everything it
/// doubted is in ``warnings`` with the line it comes from. Every item number seen in the document is
/// either one of ``items``, one of ``references`` or named in a warning.
public struct ReadDocument: Codable, Sendable {
    public var kind: DocumentKind
    /// The body's name as the document writes it ("Digi Rogalands styringsgruppe", "Kommunestyre").
    public var body: String?
    public var meeting: ReadMeeting
    /// Only for summonses: who issued it, where, when and to whom.
    public var summons: ReadSummons?
    public var items: [ReadItem]
    /// Members and deputies: present, with apologies, or met as substitute for someone.
    public var attendance: [ReadAttendee]
    /// Others who attended: administration, advisers, guests.
    public var otherAttendees: [ReadAttendee]
    public var conflicts: [ReadConflict]
    /// Whoever signs the summons, or approves the minutes.
    public var signers: [ReadSigner]
    /// Vedlegg listed for the whole document; items carry their own.
    public var attachments: [ReadAttachment]
    /// Item numbers written in running text ("sak 22/18", "jf. PS 12/19"), for the store to resolve.
    public var references: [ReadReference]
    public var warnings: [ReadWarning]
    /// The text encoding the source was read in, when the reader had to decide it ("utf-8", "windows-1252").
    public var sourceEncoding: String?
    /// The format the document was read from; nil when the reader was handed text.
    public var sourceFormat: DocumentFormat?

    public init(kind: DocumentKind) {
        self.kind = kind
        meeting = ReadMeeting()
        items = []
        attendance = []
        otherAttendees = []
        conflicts = []
        signers = []
        attachments = []
        references = []
        warnings = []
    }

    /// The item with this number, comparing series, sequence and year.
    public func item(_ number: ItemNumber) -> ReadItem? {
        items.first { $0.number == number }
    }
}

/// When and where the meeting is held.
public struct ReadMeeting: Codable, Sendable, Equatable {
    public var date: CalendarDate?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var place: String?

    public init(date: CalendarDate? = nil, start: TimeOfDay? = nil, end: TimeOfDay? = nil, place: String? = nil) {
        self.date = date
        self.start = start
        self.end = end
        self.place = place
    }
}

/// The letter part of a summons.
public struct ReadSummons: Codable, Sendable, Equatable {
    public var issuedAtPlace: String?
    public var issuedOn: CalendarDate?
    /// "styringsgruppens medlemmer og observatører" (from "Til …").
    public var addressees: String?
    public var signedBy: String?
    public var signerTitle: String?

    public init() {}
}

/// One agenda item, merged from the agenda table and the item's own block of text.
public struct ReadItem: Codable, Sendable {
    public var number: ItemNumber
    /// The line the item was first found on (its agenda row, or its heading when it has no row).
    public var line: Int
    /// The agenda table's title when there is one, else the heading's.
    public var title: String
    /// The title as the item's own heading writes it, when it has one.
    public var headingTitle: String?
    public var headingLine: Int?
    public var section: Section?
    public var kind: ItemKind?
    /// Saksunderlag: "Notat", "Referat"…
    public var basis: String?
    /// The case text (saksframlegg) before the proposal.
    public var caseText: String?
    public var proposal: String?
    /// The record of the handling (Behandling): motions, remarks, vote text.
    public var handling: String?
    public var decision: String?
    public var votes: [ReadVote]
    public var outcome: Outcome?
    /// The archive case number ("2019/123", "25/1234") when the document gives one.
    public var archiveCaseNumber: String?
    public var exempt: Bool
    /// The legal basis for exemption ("Offl. § 13, jf. Fvl. § 13 (1) nr. 1").
    public var exemptionBasis: String?
    public var attachments: [ReadAttachment]
    /// Meetings the item's text plans in a table of dates, times and places (a meeting schedule,
    /// møteplan), which an importer may offer to create.
    public var plannedMeetings: [ReadMeeting]

    public init(number: ItemNumber, line: Int, title: String) {
        self.number = number
        self.line = line
        self.title = title
        votes = []
        exempt = false
        attachments = []
        plannedMeetings = []
    }

    /// The vote that carried the decision: the last adopted one, else the last one.
    public var vote: ReadVote? {
        votes.last { $0.adopted == true } ?? votes.last
    }
}

/// One vote as recorded: unanimous, counted, or per member and party.
public struct ReadVote: Codable, Sendable, Equatable {
    public var text: String
    public var line: Int
    public var unanimous: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var abstaining: Int?
    /// True when the text says the motion was adopted, false when it fell, nil when it does not say.
    public var adopted: Bool?
    public var votersFor: [ReadVoter]
    public var votersAgainst: [ReadVoter]
    /// Parties named as a block ("Vedtatt mot 12 stemmer (H, FrP, V)").
    public var partiesFor: [String]
    public var partiesAgainst: [String]

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
        unanimous = false
        votersFor = []
        votersAgainst = []
        partiesFor = []
        partiesAgainst = []
    }

    /// Only names, no count and no outcome: a sentence that says who voted how in the vote before it.
    public var hasOnlyNames: Bool {
        !unanimous && votesFor == nil && votesAgainst == nil && adopted == nil && (!votersFor.isEmpty || !votersAgainst.isEmpty)
    }

    /// The model's tally, when the counts allow one.
    public var tally: VoteTally? {
        if unanimous { return .unanimous }
        guard let votesFor, let votesAgainst else { return nil }
        return .counted(for: votesFor, against: votesAgainst, abstaining: abstaining ?? 0)
    }
}

/// A member named in a vote list ("Anne Marthe Høgsnes (AP)").
public struct ReadVoter: Codable, Sendable, Equatable {
    public var name: String
    public var party: String?

    public init(name: String, party: String?) {
        self.name = name
        self.party = party
    }
}

/// One person in an attendance list.
public struct ReadAttendee: Codable, Sendable, Equatable {
    public var name: String
    /// Present, apologies or substitute; nil for others (administration, guests).
    public var status: AttendanceStatus?
    public var role: Role?
    /// The role or position as written ("Varamedlem", "Kommunalsjef").
    public var roleText: String?
    public var party: String?
    /// The member whose seat a substitute took ("Varamedlem for", "Møtt for").
    public var substituteFor: String?
    /// The organisation the person represents, when the list gives one ("Kari Nordmann, Sandnes kommune").
    public var organisation: String?
    public var line: Int

    public init(name: String, status: AttendanceStatus?, line: Int) {
        self.name = name
        self.status = status
        self.line = line
    }
}

/// A declared conflict of interest (inhabil) for an item.
public struct ReadConflict: Codable, Sendable, Equatable {
    public var person: String
    public var party: String?
    public var item: ItemNumber?
    /// The sentence that records it, with its legal basis.
    public var text: String
    public var line: Int
}

/// Whoever signs: the chair on a summons, the members chosen to approve the minutes.
public struct ReadSigner: Codable, Sendable, Equatable {
    public var name: String
    public var title: String?
    public var organisation: String?
    public var line: Int
}

/// One listed attachment (vedlegg).
public struct ReadAttachment: Codable, Sendable, Equatable {
    public var title: String
    public var line: Int
}

/// An item number written in running text.
public struct ReadReference: Codable, Sendable, Equatable {
    public var number: ItemNumber
    /// The text as written, e.g. "sak 22/18", "jf. PS 12/19", "sak 01 – 2019".
    public var raw: String
    public var line: Int
    /// The item whose text holds the reference; nil in the front matter.
    public var fromItem: ItemNumber?
    /// True when the number is one of this document's own items.
    public var isItemOfThisDocument: Bool
    /// True when the text says the number belongs to another body ("i deres styringsgruppe sak 01 – 2019").
    public var namesAnotherBody: Bool
}

extension ReadDocument {
    /// The document as read for a body that numbers its items in `series`: every number written
    /// without a series (items, references from and to them, conflicts, warnings) takes it, by the
    /// model's one rule (``ItemNumber/inSeries(_:)``). The reader cannot know the series itself —
    /// the body is known only once its name is read — so the importer applies it.
    public func inSeries(_ series: Series?) -> ReadDocument {
        guard let series else { return self }
        var document = self
        for index in document.items.indices {
            document.items[index].number = document.items[index].number.inSeries(series)
        }
        for index in document.references.indices where !document.references[index].namesAnotherBody {
            document.references[index].number = document.references[index].number.inSeries(series)
        }
        for index in document.references.indices {
            document.references[index].fromItem = document.references[index].fromItem?.inSeries(series)
        }
        for index in document.conflicts.indices {
            document.conflicts[index].item = document.conflicts[index].item?.inSeries(series)
        }
        for index in document.warnings.indices {
            document.warnings[index].item = document.warnings[index].item?.inSeries(series)
        }
        return document
    }
}
