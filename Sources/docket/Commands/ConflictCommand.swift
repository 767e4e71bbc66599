import ArgumentParser
import DocketModel
import DocketStore

struct ConflictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflict",
        abstract: "Record conflicts of interest (inhabilitet): a member who leaves the seat for an item.",
        subcommands: [ConflictRecord.self])
}

struct ConflictRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record that a member declared a conflict of interest on an item and left the seat for it.",
        discussion: """
            Forvaltningsloven § 6 / kommuneloven § 11-11. The minutes print it under the item \
            ("Dag Eng erklærte seg inhabil (…) og fratrådte"), and the member's vote is refused on the item.

            Example:
              docket conflict record "styringsgruppen 10/19" --member "Dag Eng" --reason "styreleder i søkerorganisasjonen, fvl. § 6 første ledd bokstav e"
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The member who is disqualified (inhabil).") var member: String
    @Option(help: "Why: what the member said, or the legal basis.") var reason: String?

    func run() throws {
        let conflict = try store.open().declareConflictOfInterest(item, member: member, reason: reason)
        print("Recorded for \(item): \(conflict.person) inhabil" + (conflict.reason.map { " (\($0))" } ?? ""))
    }
}

struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Alternative proposals made at the meeting, each voted on (docket decision record --on-proposal N).",
        subcommands: [ProposalAdd.self])
}

struct ProposalAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an alternative proposal to an item: who made it and its text. Prints its number.",
        discussion: """
            Example:
              docket proposal add "styringsgruppen 11/19" --by "Dag Eng" --text "Saken utsettes til neste møte."
              docket decision record "styringsgruppen 11/19" --on-proposal 1 --for 2 --against 3
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "Who made the proposal.") var by: String
    @Option(help: "The proposal's text.") var text: String?
    @Option(help: ArgumentHelp("The proposal's text from a file ('-' for stdin).", valueName: "path")) var textFile: String?

    func run() throws {
        guard let text = try longText(inline: text, file: textFile, name: "proposal") else {
            throw ValidationError("give the proposal's text with --text or --text-file")
        }
        let proposal = try store.open().addProposal(item, by: by, text: text)
        print("Added proposal \(proposal.number) by \(proposal.proposer) to \(item)")
    }
}
