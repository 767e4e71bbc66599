/// A person's role in a body. Whether the role votes is a rule of the domain, not a stored fact:
/// a union representative "har talerett men ikke stemmerett".
public enum Role: String, CaseIterable, Codable, Sendable {
    case chair
    case deputyChair = "deputy_chair"
    case member
    case deputy
    case adviser
    case unionRepresentative = "union_representative"
    case observer
    case secretary

    /// Chairs, deputy chairs, members and deputies (when they meet for a member) vote; the others speak only.
    public var votes: Bool {
        switch self {
        case .chair, .deputyChair, .member, .deputy: true
        case .adviser, .unionRepresentative, .observer, .secretary: false
        }
    }

    /// What documents print.
    public var norwegian: String {
        switch self {
        case .chair: "leder"
        case .deputyChair: "nestleder"
        case .member: "medlem"
        case .deputy: "varamedlem"
        case .adviser: "rådgiver"
        case .unionRepresentative: "tillitsvalgt"
        case .observer: "observatør"
        case .secretary: "sekretariat"
        }
    }
}
