import DocketModel
import ArgumentParser
import DocketStore

struct ItemList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a meeting's numbered agenda.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference

    func run() throws {
        let items = try store.openForReading().items(meeting: meeting)
        if output.json { return try printJSON(items) }
        printAgenda(items)
    }
}
