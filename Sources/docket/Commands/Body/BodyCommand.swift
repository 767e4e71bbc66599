import ArgumentParser
import DocketModel

struct BodyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body",
        abstract: "Register and look at bodies: steering groups, expert groups, councils.",
        subcommands: [BodyAdd.self, BodyList.self, BodyShow.self, BodyEdit.self, BodyCheck.self, BodyStandingItems.self])
}

/// The fields a body has, shared by `add` and `edit`.
struct BodyFields: ParsableArguments {
    @Option(help: "The full name, e.g. \"Digi Rogalands styringsgruppe\".") var name: String?
    @Option(help: "steering-group, expert-group, co-governance-committee, portfolio-board, council, committee or other.")
    var kind: BodyKind?
    @Option(help: "The slug of the body this one reports to.") var parent: String?
    @Option(help: "The body's mandate (remit).") var mandate: String?
    @Option(help: ArgumentHelp("The mandate from a file ('-' for stdin).", valueName: "path")) var mandateFile: String?
    @Option(help: "The series a bare number means in this body's documents, e.g. PS.") var series: String?
    @Option(help: "Another name the body goes by in documents (repeatable).") var alias: [String] = []
    @Option(help: ArgumentHelp("A folder of this body's own document templates.", valueName: "path")) var templates: String?
}
