/// An item every meeting of a body has (faste saker), added when the meeting is created.
public struct StandingItem: Hashable, Sendable, Codable {
    /// What the standing item is for; the previous-minutes item links to the meeting it approves.
    public enum Purpose: String, CaseIterable, Codable, Sendable {
        case approveAgenda = "approve_agenda"
        case approvePreviousMinutes = "approve_previous_minutes"
        case information
        case anyOtherBusiness = "any_other_business"
        case other
    }

    public var purpose: Purpose
    public var title: String
    public var kind: ItemKind
    public var basis: String?
    public var proposal: String?

    public init(purpose: Purpose, title: String, kind: ItemKind, basis: String?, proposal: String?) {
        self.purpose = purpose
        self.title = title
        self.kind = kind
        self.basis = basis
        self.proposal = proposal
    }

    /// The four standing items of the seeds' steering group.
    public static let defaults: [StandingItem] = [
        StandingItem(purpose: .approveAgenda, title: "Godkjenning av dagsorden", kind: .decision, basis: "Dagsorden",
                     proposal: "Dagsorden godkjennes med de merknader som fremkommer i møtet."),
        StandingItem(purpose: .approvePreviousMinutes, title: "Godkjenning av referat", kind: .decision, basis: "Referat",
                     proposal: "Referatet godkjennes med de merknader som fremkommer i møtet."),
        StandingItem(purpose: .information, title: "Informasjon fra sekretariatet", kind: .information, basis: "Notat",
                     proposal: "Informasjonen tas til orientering."),
        StandingItem(purpose: .anyOtherBusiness, title: "Eventuelt", kind: .information, basis: nil, proposal: nil),
    ]

    /// The previous-minutes item names the meeting whose minutes it approves, as secretaries write
    /// it: "Godkjenning av protokoll fra møtet 13.02.2019". A title that already names a meeting
    /// ("… fra møtet …", "… fra møte …") is kept.
    public static func approvalTitle(_ title: String, approving date: CalendarDate) -> String {
        let lower = title.lowercased()
        if lower.contains(" fra møte") || lower.contains(" frå møte") || lower.contains(" of the meeting") { return title }
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(title) fra møtet \(day).\(month).\(date.year)"
    }
}
