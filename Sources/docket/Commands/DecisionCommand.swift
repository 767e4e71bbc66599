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
        abstract: "Record the decision on an item, its outcome and the vote.",
        discussion: """
            The decision text defaults to the proposal. Outcomes: adopted, amended, rejected, postponed, withdrawn, \
            referred, noted. Give the vote as --unanimous or as --for/--against/--abstaining.

            Example:
              docket decision record "styringsgruppen 9/19" --unanimous
              docket decision record "styringsgruppen 11/19" --text "…" --outcome amended --for 7 --against 2
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The decision as adopted (default: the proposal).") var text: String?
    @Option(help: ArgumentHelp("The decision from a file ('-' for stdin).", valueName: "path")) var textFile: String?
    @Option(help: "What became of the item (default: adopted, or noted for information items).") var outcome: Outcome?
    @Flag(help: "Adopted unanimously.") var unanimous = false
    @Option(name: .customLong("for"), help: "Votes for.") var votesFor: Int?
    @Option(help: "Votes against.") var against: Int?
    @Option(help: "Members abstaining.") var abstaining: Int?
    @Option(help: "Remarks for the minutes.") var remarks: String?

    func validate() throws {
        if unanimous && (votesFor != nil || (against ?? 0) > 0) {
            throw ValidationError("a vote is either --unanimous or counted (--for/--against), not both")
        }
        if (against != nil || abstaining != nil) && votesFor == nil {
            throw ValidationError("a counted vote needs --for as well")
        }
    }

    func run() throws {
        let store = try store.open()
        let target = try store.item(item)
        let text = try longText(inline: self.text, file: textFile, name: "decision") ?? target.proposal
        let outcome = self.outcome ?? .default(for: target.kind)
        let tally: VoteTally? = unanimous ? .unanimous : votesFor.map { .counted(for: $0, against: against ?? 0, abstaining: abstaining ?? 0) }
        let decision = try store.recordDecision(item, DecisionDraft(text: text, outcome: outcome, tally: tally, remarks: remarks))
        print("Recorded for \(target.reference): \(decision.outcome.norwegian)" + (decision.tally.map { " (\($0.norwegian))" } ?? ""))
    }
}

struct DecisionCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Correct the text of a decision in approved minutes; the correction and its reason are kept.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The corrected decision text.") var text: String
    @Option(help: "Why the approved minutes are corrected.") var reason: String

    func run() throws {
        _ = try store.open().correctDecision(item, text: text, reason: reason)
        print("Corrected the decision on \(item); the earlier text is kept in the corrections")
    }
}
