import DocketModel
import ArgumentParser
import DocketStore

struct ItemMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move an item to another place on the agenda; numbers do not change.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The new position on the agenda, 1 being the first item.") var to: Int

    func run() throws {
        let agenda = try store.open().moveItem(item, to: to)
        printAgenda(agenda)
    }
}
