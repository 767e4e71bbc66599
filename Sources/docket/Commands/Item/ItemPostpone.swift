import DocketModel
import ArgumentParser
import DocketStore

struct ItemPostpone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postpone",
        abstract: "Postpone an item to a later meeting of the body: a new item with a new number, same case.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The later meeting, e.g. styringsgruppen@2019-03-20.", transform: MeetingReference.argument) var to: MeetingReference
    @Option(help: "Why, as the minutes should say it.") var remarks: String?

    func run() throws {
        let new = try store.open().postponeItem(item, to: to, remarks: remarks)
        print("Postponed \(item) to \(to) as \(new.number)")
    }
}
