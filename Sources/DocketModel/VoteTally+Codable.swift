/// A tally codes as `{"unanimous": true}` or `{"unanimous": false, "for": 5, "against": 2, "abstaining": 0}`.
extension VoteTally: Codable {
    private enum CodingKeys: String, CodingKey { case unanimous, votesFor = "for", against, abstaining }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decodeIfPresent(Bool.self, forKey: .unanimous) == true {
            self = .unanimous
        } else {
            self = .counted(for: try container.decode(Int.self, forKey: .votesFor),
                            against: try container.decode(Int.self, forKey: .against),
                            abstaining: try container.decodeIfPresent(Int.self, forKey: .abstaining) ?? 0)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .unanimous:
            try container.encode(true, forKey: .unanimous)
        case let .counted(votesFor, against, abstaining):
            try container.encode(false, forKey: .unanimous)
            try container.encode(votesFor, forKey: .votesFor)
            try container.encode(against, forKey: .against)
            try container.encode(abstaining, forKey: .abstaining)
        }
    }
}
