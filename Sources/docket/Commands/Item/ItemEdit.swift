import DocketModel
import ArgumentParser
import DocketStore

struct ItemEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change an item's title, kind, texts or exemption; its number stays.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @OptionGroup var fields: ItemFields

    func run() throws {
        let edited = try store.open().editItem(item, try fields.draft())
        print("Updated \(edited.reference) \(edited.title)")
    }
}
