import ArgumentParser
import DocketModel
import DocketStore

struct BodyStandingItems: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standing-items",
        abstract: "Set or list a body's standing items (faste saker); its new meetings begin with them, numbered.",
        discussion: """
            The file has one item a line: Title|kind|basis (kind and basis may be left out; kind in Norwegian \
            or English: beslutning/decision, orientering/information, diskusjon/discussion). Lines starting \
            with '#' are skipped. "Eventuelt" (any other business) is always taken last. Meetings already \
            created keep their agenda.

            Example:
              docket body standing-items styringsgruppen --file faste.txt
              docket body standing-items styringsgruppen --list
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The body's slug.") var slug: String
    @Option(help: ArgumentHelp("The standing items, one a line: Title|kind|basis ('-' for stdin).", valueName: "path"))
    var file: String?
    @Flag(help: "List the standing items (the default without --file).") var list = false

    func run() throws {
        if let file {
            let text = try longText(inline: nil, file: file, name: "standing items") ?? ""
            let items: [StandingItem]
            do {
                items = try StandingItem.parseList(text)
            } catch let error as StandingItem.LineError {
                throw ValidationError("\(file), \(error)")
            }
            let store = try store.open()
            try store.setStandingItems(items, bodySlug: slug)
            if !list && !output.json {
                print("Set \(items.count) standing item\(items.count == 1 ? "" : "s") for \(slug); its next meeting begins with them")
                return
            }
            return try printList(store.standingItems(bodySlug: slug))
        }
        try printList(store.openForReading().standingItems(bodySlug: slug))
    }

    private func printList(_ items: [StandingItem]) throws {
        if output.json { return try printJSON(items) }
        var table = TextTable("Nr", "Sak", "Saksunderlag", "Type sak")
        for (offset, item) in items.enumerated() {
            table.append("\(offset + 1)", item.title, item.basis ?? "", item.kind.norwegian)
        }
        table.print()
    }
}
