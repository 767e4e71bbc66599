import DocketModel
import ArgumentParser
import DocketStore

struct MeetingEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a meeting's time, place, minute-taker or summons details.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var fields: MeetingFields

    func run() throws {
        let edited = try store.open().editMeeting(meeting, fields.draft)
        print("Updated \(edited.reference)")
    }
}
