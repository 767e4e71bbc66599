import ArgumentParser
import DocketModel
import DocketStore

struct MemberList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members of a body.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The body's slug.") var body: String
    @Flag(help: "Include seats that have ended or not yet begun.") var all = false

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
