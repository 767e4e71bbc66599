import ArgumentParser
import DocketModel
import DocketStore

struct MemberList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members of a body.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("body"), help: "The body's slug (as `meeting list --body`).") var bodyOption: String?
    @Argument(help: "The body's slug (the older spelling; --body says the same).") var bodyArgument: String?
    @Flag(help: "Include seats that have ended or not yet begun.") var all = false

    var body: String { bodyOption ?? bodyArgument ?? "" }

    func validate() throws {
        switch (bodyOption, bodyArgument) {
        case (nil, nil): throw ValidationError("name the body: docket member list --body SLUG")
        case let (option?, argument?) where option != argument:
            throw ValidationError("two bodies named ('\(argument)' and --body '\(option)'); name one")
        default: break
        }
    }

    func run() throws {
        let members = try store.openForReading().memberships(bodySlug: body, currentOn: all ? nil : .today)
        if output.json { return try printJSON(members) }
        var table = TextTable("Name", "Role", "Organisation", "Votes", "From", "To")
        for member in members {
            table.append(member.person, member.role.argumentName, member.organisation ?? "", member.votes ? "yes" : "no",
                         member.from?.description ?? "", member.to?.description ?? "")
        }
        table.print()
    }
}
