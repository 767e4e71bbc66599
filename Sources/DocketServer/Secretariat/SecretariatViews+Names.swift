import DocketDocuments
import DocketModel

/// The model's names (kinds, sections, roles, outcomes, votes, statuses) in the page's language.
/// Bokmål keeps the model's own `norwegian` names (the CLI's and the minutes'); nynorsk and
/// English take the papers' phrases where they have them, else the rows below.
extension SecretariatViews {
    func name(_ kind: ItemKind) -> String { language == .norwegian ? kind.norwegian : language.phrases.kind(kind) }
    func name(_ section: Section) -> String { language == .norwegian ? section.norwegian : language.phrases.section(section) }
    func name(_ role: Role) -> String { language == .norwegian ? role.norwegian : language.phrases.role(role) }
    func name(_ tally: VoteTally) -> String { language == .norwegian ? tally.norwegian : language.phrases.voteText(tally) }

    func name(_ outcome: Outcome) -> String { Self.name(outcome, in: language) }

    /// An outcome's name in `language` (also for the store's refusals, ``StoreRefusalText``).
    static func name(_ outcome: Outcome, in language: Language) -> String {
        guard language != .norwegian else { return outcome.norwegian }
        guard let row = names["outcome." + outcome.rawValue] else { return outcome.rawValue }
        return language == .english ? row.en : row.nn
    }

    func name(_ kind: BodyKind) -> String {
        language == .norwegian ? kind.norwegian : Self.names["body." + kind.rawValue].map(pick) ?? kind.rawValue
    }

    func name(_ status: MeetingStatus) -> String {
        Self.names["status." + status.rawValue].map { language == .norwegian ? $0.nb : pick($0) } ?? status.rawValue
    }

    private func pick(_ row: (nb: String, nn: String, en: String)) -> String { language == .english ? row.en : row.nn }

    /// key: (bokmål, nynorsk, English).
    static let names: [String: (nb: String, nn: String, en: String)] = [
        "outcome.adopted": ("vedtatt", "vedteke", "adopted"),
        "outcome.amended": ("vedtatt med endringer", "vedteke med endringar", "adopted with amendments"),
        "outcome.rejected": ("avvist", "avvist", "rejected"),
        "outcome.postponed": ("utsatt", "utsett", "postponed"),
        "outcome.withdrawn": ("trukket", "trekt", "withdrawn"),
        "outcome.referred": ("oversendt", "sendt over", "referred"),
        "outcome.noted": ("tatt til orientering", "teke til orientering", "noted"),
        "body.steering_group": ("styringsgruppe", "styringsgruppe", "steering group"),
        "body.expert_group": ("faggruppe", "faggruppe", "expert group"),
        "body.co_governance_committee": ("samstyringsutvalg", "samstyringsutval", "co-governance committee"),
        "body.portfolio_board": ("porteføljeråd", "porteføljeråd", "portfolio board"),
        "body.council": ("råd", "råd", "council"),
        "body.committee": ("utvalg", "utval", "committee"),
        "body.other": ("organ", "organ", "other body"),
        "status.planned": ("planlagt", "planlagt", "planned"),
        "status.summoned": ("innkalt", "kalla inn", "summoned"),
        "status.held": ("holdt", "halde", "held"),
        "status.minutes_approved": ("protokoll godkjent", "protokoll godkjend", "minutes approved"),
        "status.cancelled": ("avlyst", "avlyst", "cancelled"),
    ]
}
