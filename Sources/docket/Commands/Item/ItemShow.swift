import ArgumentParser

struct ItemShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an item with its decision and the path of its case (the same as 'docket show').")

    @OptionGroup var story: StoryArguments

    func run() throws {
        try story.print()
    }
}
