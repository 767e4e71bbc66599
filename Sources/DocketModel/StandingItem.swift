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

extension StandingItem.Purpose {
    /// The purpose a standing item's title tells: "Godkjenning av dagsorden/innkalling", "Godkjenning av
    /// referat/protokoll", "Eventuelt", information items; anything else is `other`.
    public static func inferred(title: String, kind: ItemKind) -> StandingItem.Purpose {
        let lower = title.lowercased()
        if lower.hasPrefix("eventuelt") || lower.hasPrefix("any other business") { return .anyOtherBusiness }
        if lower.contains("godkjenning"), lower.contains("dagsorden") || lower.contains("innkalling") || lower.contains("saksliste") {
            return .approveAgenda
        }
        if lower.contains("approval"), lower.contains("agenda") { return .approveAgenda }
        if lower.contains("godkjenning"), lower.contains("referat") || lower.contains("protokoll") { return .approvePreviousMinutes }
        if lower.contains("approval"), lower.contains("minutes") { return .approvePreviousMinutes }
        return kind == .information ? .information : .other
    }
}

extension StandingItem {
    /// The error of a standing-items file, with the line it is on.
    public struct LineError: Error, CustomStringConvertible, Sendable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a standing-items file: one item a line, `Title|kind|basis` (kind and basis optional;
    /// kind in Norwegian or English). Blank lines and lines starting with '#' are skipped.
    /// "Eventuelt" is put last, whatever line it was on: any other business ends every meeting.
    public static func parseList(_ text: String) throws -> [StandingItem] {
        var items: [StandingItem] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard fields.count <= 3 else {
                throw LineError(line: offset + 1, message: "\(fields.count) fields; write Title|kind|basis")
            }
            let title = fields[0]
            guard !title.isEmpty else { throw LineError(line: offset + 1, message: "the title is empty; write Title|kind|basis") }
            var kind = ItemKind.information
            if fields.count > 1, !fields[1].isEmpty {
                guard let parsed = ItemKind(label: fields[1]) else {
                    throw LineError(line: offset + 1, message: "'\(fields[1])' is not a kind; use beslutning/decision, orientering/information or diskusjon/discussion")
                }
                kind = parsed
            }
            let basis = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            let purpose = Purpose.inferred(title: title, kind: kind)
            let template = defaults.first { $0.purpose == purpose && purpose != .other && purpose != .information }
            items.append(StandingItem(purpose: purpose, title: title, kind: kind, basis: basis, proposal: template?.proposal))
        }
        return lastingOrder(items)
    }

    /// The items in their order, any other business (eventuelt) moved to the end.
    public static func lastingOrder(_ items: [StandingItem]) -> [StandingItem] {
        items.filter { $0.purpose != .anyOtherBusiness } + items.filter { $0.purpose == .anyOtherBusiness }
    }
}
