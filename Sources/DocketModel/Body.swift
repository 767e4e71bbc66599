/// What sort of body this is; the mandate's rules depend on it.
public enum BodyKind: String, CaseIterable, Codable, Sendable {
    case steeringGroup = "steering_group"
    case expertGroup = "expert_group"
    case coGovernanceCommittee = "co_governance_committee"
    case portfolioBoard = "portfolio_board"
    case council
    case committee
    case other

    /// In the seeds' mandates every member organisation sits in each expert group and co-governance committee.
    public var requiresEveryMemberOrganisation: Bool {
        self == .expertGroup || self == .coGovernanceCommittee
    }

    /// "…and one union representative sits in each group."
    public var requiresUnionRepresentative: Bool {
        self == .expertGroup || self == .coGovernanceCommittee
    }

    /// The definite form sentences use: "… til møte i styringsgruppen", "Leder i faggruppen".
    public var norwegianDefinite: String {
        switch self {
        case .steeringGroup: "styringsgruppen"
        case .expertGroup: "faggruppen"
        case .coGovernanceCommittee: "samstyringsutvalget"
        case .portfolioBoard: "porteføljerådet"
        case .council: "rådet"
        case .committee: "utvalget"
        case .other: "organet"
        }
    }

    public var norwegian: String {
        switch self {
        case .steeringGroup: "styringsgruppe"
        case .expertGroup: "faggruppe"
        case .coGovernanceCommittee: "samstyringsutvalg"
        case .portfolioBoard: "porteføljeråd"
        case .council: "råd"
        case .committee: "utvalg"
        case .other: "organ"
        }
    }
}

/// What sort of organisation a member represents.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case municipality
    case county
    /// An interkommunalt selskap or other company.
    case company
    /// The cooperation's own office (its secretariat).
    case office
    case other
}
