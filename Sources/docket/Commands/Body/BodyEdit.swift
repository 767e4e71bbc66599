import ArgumentParser
import DocketStore

struct BodyEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a body's name, kind, parent, mandate, series or aliases (aliases are added).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The body's slug.") var slug: String
    @OptionGroup var fields: BodyFields

    func run() throws {
        let body = try store.open().editBody(slug: slug, try fields.draft())
        print("Updated \(body.slug): \(body.name)")
    }
}
