import ArgumentParser
import DocketModel
import DocketStore

struct ItemAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Put an item on a meeting's agenda; it gets the next free number of the body's year.",
        discussion: """
            Example:
              docket item add styringsgruppen@2019-02-13 --title "Budsjettprinsipper" --kind discussion \\
                  --basis Notat --text-file sak.txt --proposal "Styringsgruppen tar diskusjonen til orientering."
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var fields: ItemFields
    @Option(help: "standing or for-consideration (default).") var section: Section = .forConsideration
    @Option(help: "Number in this series instead of the body's default, e.g. RS.") var series: Series?
    @Option(help: "An earlier item of the same case, e.g. \"fg-helse 3/19\".", transform: ItemReference.argument) var sameCaseAs: ItemReference?

    func validate() throws {
        guard fields.title != nil else { throw ValidationError("an item needs a title: --title \"…\"") }
    }

    func run() throws {
        var draft = try fields.draft()
        draft.section = section
        draft.series = series
        draft.sameCaseAs = sameCaseAs
        let item = try store.open().addItem(to: meeting, draft)
        if output.json { return try printJSON(item) }
        print("Added \(item.number) \(item.title) at position \(item.position)")
    }
}
