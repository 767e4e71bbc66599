/// The seeds' mandates say who must sit in a body. This checks a body's current seats against them.
///
/// The rules: every member organisation of the cooperation (municipalities and the cooperation's own
/// office) has at least one representative in each expert group and co-governance committee; the chair
/// is chosen among the municipalities' representatives; one union representative sits in each such
/// group, and speaks but does not vote.
public struct MandateCheck: Sendable {
    /// One current membership of the body.
    public struct Seat: Hashable, Sendable {
        public var person: String
        public var role: Role
        public var organisation: String?
        public var organisationKind: OrganisationKind?
        public var votes: Bool

        public init(person: String, role: Role, organisation: String?, organisationKind: OrganisationKind?, votes: Bool) {
            self.person = person
            self.role = role
            self.organisation = organisation
            self.organisationKind = organisationKind
            self.votes = votes
        }
    }

    /// A rule the body breaks, phrased for the secretary who must mend it.
    public enum Violation: Hashable, Sendable, CustomStringConvertible {
        case organisationNotRepresented(String)
        case noChair
        case chairNotFromMunicipality(person: String, organisation: String?)
        case noUnionRepresentative
        case severalUnionRepresentatives([String])
        case nonVotingRoleVotes(person: String, role: Role)

        public var description: String {
            switch self {
            case let .organisationNotRepresented(organisation):
                "\(organisation) has no representative (every member organisation must sit in the body)"
            case .noChair:
                "the body has no chair"
            case let .chairNotFromMunicipality(person, organisation):
                "the chair, \(person), represents \(organisation ?? "no organisation"), not a municipality"
            case .noUnionRepresentative:
                "the body has no union representative (one must sit in each group)"
            case let .severalUnionRepresentatives(people):
                "the body has \(people.count) union representatives (\(people.joined(separator: ", "))); the mandate gives one"
            case let .nonVotingRoleVotes(person, role):
                "\(person) is recorded as voting, but a \(role.norwegian) speaks and does not vote"
            }
        }
    }

    public var kind: BodyKind
    /// The organisations that are members of the cooperation, by name.
    public var memberOrganisations: [String]

    public init(kind: BodyKind, memberOrganisations: [String]) {
        self.kind = kind
        self.memberOrganisations = memberOrganisations
    }

    public func violations(of seats: [Seat]) -> [Violation] {
        var found: [Violation] = []
        if kind.requiresEveryMemberOrganisation {
            let represented = Set(seats.filter { $0.role != .secretary }.compactMap(\.organisation))
            for organisation in memberOrganisations where !represented.contains(organisation) {
                found.append(.organisationNotRepresented(organisation))
            }
        }
        let chairs = seats.filter { $0.role == .chair }
        if chairs.isEmpty {
            found.append(.noChair)
        }
        for chair in chairs where chair.organisationKind != .municipality {
            found.append(.chairNotFromMunicipality(person: chair.person, organisation: chair.organisation))
        }
        if kind.requiresUnionRepresentative {
            let unionRepresentatives = seats.filter { $0.role == .unionRepresentative }.map(\.person)
            if unionRepresentatives.isEmpty {
                found.append(.noUnionRepresentative)
            } else if unionRepresentatives.count > 1 {
                found.append(.severalUnionRepresentatives(unionRepresentatives))
            }
        }
        for seat in seats where seat.votes && !seat.role.votes {
            found.append(.nonVotingRoleVotes(person: seat.person, role: seat.role))
        }
        return found
    }
}
