import ArgumentParser
import DocketStore

struct ItemShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an item with its decision and the path of its case (the same as 'docket show').")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".") var item: String
    @Flag(help: "The public version: an exempt item keeps its number, public title and legal basis only.") var `public` = false

    func run() throws {
        let story = try store.open().story(of: item, isPublic: `public`)
        if output.json { return try printJSON(story) }
        printStory(story)
    }
}
