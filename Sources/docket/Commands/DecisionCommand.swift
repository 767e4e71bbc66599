import ArgumentParser
import DocketModel
import DocketStore

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "Record what a body decided on an item, and correct approved minutes on the record.",
        subcommands: [DecisionRecord.self, DecisionCorrect.self])
}

struct DecisionRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the decision on an item, its outcome and the vote, or the vote on an alternative proposal.",
        discussion: """
            The decision text defaults to the proposal. Outcomes: adopted, amended, rejected, postponed, withdrawn, \
            referred, noted. Give the vote as --unanimous or as --for/--against/--abstaining, each a number or \
            the members' names separated by commas. A vote is refused when it counts more votes than voting \
            members present (less those inhabil), names an inhabil or absent member, or contradicts the outcome; \
            a warning is printed when the body is not quorate (kommuneloven § 11-9). With --on-proposal N the \
            vote is on alternative proposal N (docket proposal add) and the item's decision is left as it is.

            Example:
              docket decision record "styringsgruppen 9/19" --unanimous
              docket decision record "styringsgruppen 11/19" --text "…" --outcome amended --for 7 --against 2
              docket decision record "styringsgruppen 11/19" --on-proposal 1 --for "Dag Eng,Kari Nord" --against "Per Sør,Lise Vik,Ingrid Fjeld"
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The decision as adopted (default: the proposal).") var text: String?
    @Option(help: ArgumentHelp("The decision from a file ('-' for stdin).", valueName: "path")) var textFile: String?
    @Option(help: "What became of the item (default: adopted, or noted for information items).") var outcome: Outcome?
    @Flag(help: "Adopted unanimously.") var unanimous = false
    @Option(name: .customLong("for"), help: "Votes for: a number, or names separated by commas.") var votesFor: String?
    @Option(help: "Votes against: a number, or names separated by commas.") var against: String?
    @Option(help: "Members abstaining: a number, or names separated by commas.") var abstaining: String?
    @Option(help: "Remarks for the minutes.") var remarks: String?
    @Option(help: ArgumentHelp("Record the vote on this alternative proposal (1, 2, …) instead.", valueName: "N")) var onProposal: Int?

    /// A count given as a number or as names.
    enum Count {
        case number(Int)
        case names([String])

        init(_ text: String, option: String) throws {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed) {
                guard number >= 0 else { throw ValidationError("--\(option) \(number) is negative; give a count or names") }
                self = .number(number)
                return
            }
            let names = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw ValidationError("--\(option) is empty; give a count or names separated by commas") }
            self = .names(names)
        }

        var count: Int {
            switch self {
            case let .number(number): number
            case let .names(names): names.count
            }
        }

        func ballots(_ ballot: Ballot) -> [NamedBallot] {
            guard case let .names(names) = self else { return [] }
            return names.map { NamedBallot(person: $0, ballot: ballot) }
        }
    }

    func validate() throws {
        let againstCount = try against.map { try Count($0, option: "against").count }
        if unanimous && (votesFor != nil || (againstCount ?? 0) > 0) {
            throw ValidationError("a vote is either --unanimous or counted (--for/--against), not both")
        }
        if (against != nil || abstaining != nil) && votesFor == nil {
            throw ValidationError("a counted vote needs --for as well")
        }
        if onProposal != nil && (text != nil || textFile != nil || remarks != nil) {
            throw ValidationError("--on-proposal records a vote only; the proposal's text was given by docket proposal add")
        }
    }

    func run() throws {
        let counts = try (votesFor.map { try Count($0, option: "for") }, against.map { try Count($0, option: "against") },
                          abstaining.map { try Count($0, option: "abstaining") })
        let tally: VoteTally? = unanimous ? .unanimous : counts.0.map {
            .counted(for: $0.count, against: counts.1?.count ?? 0, abstaining: counts.2?.count ?? 0)
        }
        let ballots = (counts.0?.ballots(.for) ?? []) + (counts.1?.ballots(.against) ?? []) + (counts.2?.ballots(.blank) ?? [])
        let store = try store.open()
        let target = try store.item(item)
        if let onProposal {
            let proposal = try store.recordProposalVote(item, proposal: onProposal, tally: tally, ballots: ballots, outcome: outcome)
            print("Recorded for \(target.reference), proposal \(proposal.number): "
                  + (proposal.tally.map { $0.norwegian(proposalBy: proposal.proposer, adopted: proposal.outcome == .adopted) } ?? ""))
        } else {
            let text = try longText(inline: self.text, file: textFile, name: "decision") ?? target.proposal
            let outcome = self.outcome ?? .default(for: target.kind)
            let decision = try store.recordDecision(item, DecisionDraft(text: text, outcome: outcome, tally: tally, remarks: remarks,
                                                                        ballots: ballots))
            print("Recorded for \(target.reference): \(decision.outcome.norwegian)" + (decision.tally.map { " (\($0.norwegian))" } ?? ""))
        }
        let roll = try store.votingRoll(itemID: target.id)
        if !roll.isQuorate {
            printWarning("the body is not quorate (vedtaksfør, kommuneloven § 11-9): \(roll.present.count) of \(roll.seats) voting members present, fewer than half")
        }
    }
}

struct DecisionCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct the text of a decision in approved minutes; the correction and its reason are kept.",
        discussion: """
            The minutes and `docket show` then print the correction under the decision, with its date, its \
            reason and the text it replaced ("Rettet 20.06.2019: …").

            Example:
              docket decision correct "styringsgruppen 8/19" --text "…" --reason "Feil beløp" --date 2019-06-20
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The corrected decision text.") var text: String
    @Option(help: "Why the approved minutes are corrected.") var reason: String
    @Option(help: "The date of the correction, YYYY-MM-DD (default: today).") var date: CalendarDate?

    func run() throws {
        _ = try store.open().correctDecision(item, text: text, reason: reason, on: date ?? .today)
        print("Corrected the decision on \(item); the earlier text is kept in the corrections")
    }
}
