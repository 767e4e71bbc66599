import ArgumentParser
import DocketModel
import DocketStore

struct BodyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a body. Its meetings begin with the four standing items of the seeds until `body standing-items` sets its own.",
        discussion: """
            Example:
              docket body add fg-helse --name "Faggruppe helse" --kind expert-group --parent styringsgruppen
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "A short name: lowercase letters, digits and hyphens, e.g. styringsgruppen.") var slug: String
    @OptionGroup var fields: BodyFields

    func run() throws {
        let body = try store.open().addBody(slug: slug, try fields.draft())
        print("Registered \(body.slug): \(body.name)")
    }
}

extension BodyFields {
    func draft() throws -> BodyDraft {
        var series: Series?
        if let code = self.series {
            guard let parsed = Series(code) else { throw ValidationError("'\(code)' is not a series; use two to four letters, e.g. PS") }
            series = parsed
        }
        return BodyDraft(name: name, kind: kind, parentSlug: parent,
                         mandate: try longText(inline: mandate, file: mandateFile, name: "mandate"),
                         defaultSeries: series, aliases: alias, templateFolder: templates)
    }
}
