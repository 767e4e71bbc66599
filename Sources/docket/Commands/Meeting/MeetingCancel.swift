import DocketModel
import ArgumentParser
import DocketStore

struct MeetingCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a planned or summoned meeting. It stays in the record as cancelled.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference

    func run() throws {
        let cancelled = try store.open().setStatus(.cancelled, of: meeting)
        print("Cancelled \(cancelled.reference)")
    }
}
