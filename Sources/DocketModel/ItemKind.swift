/// What the body is asked to do with an item (type sak).
public enum ItemKind: String, CaseIterable, Codable, Sendable {
    case decision
    case information
    case discussion

    /// A decision item must come with a proposed decision (forslag til vedtak);
    /// information and discussion items usually end "tar saken til orientering", but need not.
    public var requiresProposal: Bool { self == .decision }

    /// What documents print in the agenda's "Type sak" column.
    public var norwegian: String {
        switch self {
        case .decision: "Beslutning"
        case .information: "Orientering"
        case .discussion: "Diskusjon"
        }
    }

    /// Reads the Norwegian label or the English name, in any case ("Beslutning", "vedtakssak", "decision").
    public init?(label: String) {
        switch label.trimmingWhitespace().lowercased() {
        case "beslutning", "beslutningssak", "vedtak", "vedtakssak", "avgjerd", "avgjerdssak", "decision": self = .decision
        case "orientering", "orienteringssak", "informasjon", "information": self = .information
        case "diskusjon", "diskusjonssak", "drøfting", "drøftingssak", "discussion": self = .discussion
        default: return nil
        }
    }
}

/// Where an item stands on the agenda: the standing items every meeting has, or the business.
public enum Section: String, CaseIterable, Codable, Sendable {
    case standing
    case forConsideration = "for_consideration"

    public var norwegian: String {
        switch self {
        case .standing: "Faste saker"
        case .forConsideration: "Saker til behandling"
        }
    }
}
