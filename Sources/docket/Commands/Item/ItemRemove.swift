import DocketModel
import ArgumentParser
import DocketStore

struct ItemRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take an item off an open agenda. Its number is not given out again.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference

    func run() throws {
        try store.open().deleteItem(item)
        print("Removed \(item)")
    }
}
