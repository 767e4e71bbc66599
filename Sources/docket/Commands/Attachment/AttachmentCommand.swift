import DocketModel
import ArgumentParser
import DocketStore
import Foundation

struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "List, extract and remove the files attached to items and meetings.",
        subcommands: [AttachmentList.self, AttachmentExtract.self, AttachmentRemove.self])
}

struct AttachmentList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List an item's or a meeting's attachments.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 6/25\".", transform: ItemReference.argument) var item: ItemReference?
    @Option(help: "A meeting's own attachments instead.", transform: MeetingReference.argument) var meeting: MeetingReference?

    func run() throws {
        let store = try store.openForReading()
        let attachments: [Attachment]
        switch (item, meeting) {
        case let (item?, nil): attachments = try store.attachments(item: item)
        case let (nil, meeting?): attachments = try store.attachments(meeting: meeting)
        default: throw ValidationError("give an item or --meeting, one of them")
        }
        if output.json { return try printJSON(attachments) }
        var table = TextTable("#", "Title", "Type", "Bytes", "SHA-256")
        for attachment in attachments {
            table.append(String(attachment.id), attachment.title, attachment.mediaType, attachment.size.map(String.init) ?? "",
                         String((attachment.sha256 ?? attachment.fileReference ?? "").prefix(16)))
        }
        table.print()
    }
}

struct AttachmentExtract: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Write an attachment's bytes to a file or standard output.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The attachment's number (#) or title.") var attachment: String
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write ('-' for standard output).", valueName: "path"))
    var output: String

    func run() throws {
        let store = try store.openForReading()
        let found = try store.attachment(named: attachment)
        guard let data = try store.attachmentContent(id: found.id) else {
            throw ValidationError("the bytes of '\(found.title)' are not in the database" + (found.fileReference.map { "; the file is at \($0)" } ?? ""))
        }
        try writeOutput(data, to: output)
    }
}

struct AttachmentRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an attachment; its bytes go when nothing else uses them.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The attachment's number (#) or title.") var attachment: String

    func run() throws {
        let store = try store.open()
        let found = try store.attachment(named: attachment)
        try store.removeAttachment(id: found.id)
        print("Removed #\(found.id) \(found.title)")
    }
}
