import ArgumentParser
import DocketStore

struct OrganisationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let organisations = try store.openForReading().organisations()
        if output.json { return try printJSON(organisations) }
        var table = TextTable("Name", "Kind", "Member")
        for organisation in organisations {
            table.append(organisation.name, organisation.kind.argumentName, organisation.isCooperationMember ? "yes" : "")
        }
        table.print()
    }
}
