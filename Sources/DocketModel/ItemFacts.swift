/// Everything an output may print of one agenda item, in one value, so that one function decides
/// what the public sees of it: ``publicForm(placeholder:)``.
///
/// Every output that can be public (the papers, `show`, search, the decision register, the JSON,
/// CSV and calendar exports, and the web pages and feeds to come) fills in the facts it prints,
/// takes their public form and prints from that; none decides for itself what an exempt item
/// keeps. The public form of an exempt item is built anew from its number, public title and legal
/// basis, so a fact added here later is withheld until someone decides otherwise.
public struct ItemFacts: Hashable, Sendable {
    /// "Unntatt offentlighet": the title of an exempt item that has no public title.
    public static let exemptPlaceholder = "Unntatt offentlighet"

    // What the public always sees.
    public var number: ItemNumber
    public var isExempt: Bool
    /// The title the public may see of an exempt item ("Personalsak").
    public var publicTitle: String?
    /// The legal basis of the exemption: "offl. § 13".
    public var exemptionBasis: String?

    // What the public sees of an item that is not exempt.
    public var title: String
    public var kind: ItemKind?
    /// Saksunderlag: "Notat".
    public var documentBasis: String?
    public var caseText: String?
    public var proposal: String?
    public var archiveCaseNumber: String?
    public var exemptUntil: CalendarDate?
    /// Pending, decided, postponed: how far the item has come.
    public var handling: HandlingStatus?
    /// How it came to its meeting: new, postponed or referred.
    public var arrival: String?
    public var decision: String?
    public var outcome: Outcome?
    public var vote: VoteTally?
    /// Behandling / merknader: what else the minutes say about the item.
    public var remarks: String?

    /// True for the public form of an exempt item. Nothing that hangs on it may be shown with it
    /// either: its attachments, its members' votes and conflicts of interest, the references its
    /// texts make and those other items' texts make to it, the items it continues and the rest of
    /// its case. An output that lists such things of an item leaves them out when this is set.
    public private(set) var isWithheld = false

    public init(number: ItemNumber, title: String, isExempt: Bool, publicTitle: String? = nil, exemptionBasis: String? = nil,
                kind: ItemKind? = nil, documentBasis: String? = nil, caseText: String? = nil, proposal: String? = nil,
                archiveCaseNumber: String? = nil, exemptUntil: CalendarDate? = nil, handling: HandlingStatus? = nil,
                arrival: String? = nil, decision: String? = nil, outcome: Outcome? = nil, vote: VoteTally? = nil,
                remarks: String? = nil) {
        self.number = number
        self.title = title
        self.isExempt = isExempt
        self.publicTitle = publicTitle
        self.exemptionBasis = exemptionBasis
        self.kind = kind
        self.documentBasis = documentBasis
        self.caseText = caseText
        self.proposal = proposal
        self.archiveCaseNumber = archiveCaseNumber
        self.exemptUntil = exemptUntil
        self.handling = handling
        self.arrival = arrival
        self.decision = decision
        self.outcome = outcome
        self.vote = vote
        self.remarks = remarks
    }

    /// The one rule for what the public sees of an item: all of an item that is not exempt; of an
    /// exempt item its number, its public title (or `placeholder`) as its title, and the legal
    /// basis, nothing else.
    public func publicForm(placeholder: String = ItemFacts.exemptPlaceholder) -> ItemFacts {
        guard isExempt else { return self }
        var withheld = ItemFacts(number: number, title: publicTitle ?? placeholder, isExempt: true, publicTitle: publicTitle,
                                 exemptionBasis: exemptionBasis)
        withheld.isWithheld = true
        return withheld
    }

    /// Whether an output leaves out what hangs on an item (its attachments, votes, corrections,
    /// references, its case's title): ``isWithheld`` of the item's published form, for outputs that
    /// decide before they hold the item's other facts (the JSON export chooses its files first).
    public static func withholds(isExempt: Bool, isPublic: Bool) -> Bool {
        ItemFacts(number: ItemNumber(sequence: 1, year: 2000), title: "", isExempt: isExempt).published(isPublic).isWithheld
    }

    /// The public form when `isPublic`, else the facts as they are.
    public func published(_ isPublic: Bool, placeholder: String = ItemFacts.exemptPlaceholder) -> ItemFacts {
        isPublic ? publicForm(placeholder: placeholder) : self
    }
}
