import ArgumentParser
import DocketStore

struct BodyList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the bodies.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let bodies = try store.openForReading().bodies()
        if output.json { return try printJSON(bodies) }
        var table = TextTable("Slug", "Kind", "Reports to", "Name")
        for body in bodies {
            table.append(body.slug, body.kind.argumentName, body.parentSlug ?? "", body.name)
        }
        table.print()
    }
}
