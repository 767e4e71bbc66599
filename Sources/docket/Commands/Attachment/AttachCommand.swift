import DocketModel
import ArgumentParser
import DocketInterchange
import DocketStore

/// `docket attach ITEM FILE…`: files kept with an item or a meeting, their bytes in the database.
struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Store files with an item (or with a meeting, --meeting); the same content is kept once.",
        discussion: """
            Examples:
              docket attach "styringsgruppen 6/25" saksframlegg.pdf budsjett.xlsx
              docket attach --meeting styringsgruppen@2025-02-12 innkalling.pdf --title Innkalling
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Attach to this meeting instead of an item.", transform: MeetingReference.argument) var meeting: MeetingReference?
    @Option(help: "The title to list the file under (default: its file name).") var title: String?
    @Argument(help: ArgumentHelp("The item (e.g. \"styringsgruppen 6/25\"), then the files; with --meeting only the files.", valueName: "item-and-files"))
    var arguments: [String]

    func run() throws {
        var files = arguments
        var item: ItemReference?
        if meeting == nil {
            guard files.count >= 2 else { throw ValidationError("give the item, then at least one file: docket attach \"styringsgruppen 6/25\" sak.pdf") }
            do { item = try ItemReference(parsing: files.removeFirst()) } catch { throw ValidationError(error.description) }
        }
        guard !files.isEmpty else { throw ValidationError("give at least one file to attach") }
        let attachments = try FileAttacher(store: try store.open()).attach(files: files, item: item, meeting: meeting, title: title)
        if output.json { return try printJSON(attachments) }
        for attachment in attachments {
            print("Attached #\(attachment.id) \(attachment.title) (\(attachment.mediaType), \(attachment.size ?? 0) bytes) to \(attachment.item ?? attachment.meeting)")
        }
    }
}
