import DocketModel
import ArgumentParser
import DocketStore

struct ItemRefer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer",
        abstract: "Refer an item to another body's meeting (by default the parent body's next open meeting).",
        discussion: "As the mandates say: when an expert group cannot agree, the matter is lifted to the body it reports to.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The item, e.g. \"fg-helse 3/19\".", transform: ItemReference.argument) var item: ItemReference
    @Option(help: "The meeting it goes to, e.g. styringsgruppen@2019-03-20.", transform: MeetingReference.argument) var to: MeetingReference?
    @Option(help: "Why, as the minutes should say it.") var remarks: String?

    func run() throws {
        let store = try store.open()
        var target = to
        if target == nil {
            let source = try store.item(item)
            guard let parent = try store.body(slug: source.body).parentSlug else {
                throw ValidationError("'\(source.body)' reports to no body; give the meeting with --to")
            }
            guard let next = try store.nextOpenMeeting(bodySlug: parent, after: source.meetingDate) else {
                throw ValidationError("'\(parent)' has no planned meeting after \(source.meetingDate); plan one or give --to")
            }
            target = next.reference
        }
        let new = try store.referItem(item, to: target!, remarks: remarks)
        print("Referred \(item) to \(target!) as \(new.reference)")
    }
}
