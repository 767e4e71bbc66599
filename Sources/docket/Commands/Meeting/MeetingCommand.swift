import ArgumentParser
import DocketModel
import DocketStore

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Plan meetings, look at them, and cancel them.",
        subcommands: [MeetingCreate.self, MeetingList.self, MeetingShow.self, MeetingEdit.self, MeetingCancel.self])
}

/// The facts of a meeting, shared by `create` and `edit`.
struct MeetingFields: ParsableArguments {
    @Option(help: "Start time, e.g. 13:00.") var start: TimeOfDay?
    @Option(help: "End time, e.g. 15:00.") var end: TimeOfDay?
    @Option(help: "Where the meeting is held.") var place: String?
    @Option(help: "ordinary, extraordinary or circulation (an e-mail meeting or urgent matter).") var kind: MeetingKind?
    @Option(help: "Who takes the minutes (a registered person).") var minuteTaker: String?
    @Option(help: "Where the summons is issued from, e.g. Stavanger.") var summonsPlace: String?
    @Option(help: "The date the summons is issued.") var summonsDate: CalendarDate?
    @Option(help: "To whom the summons is addressed.") var addressees: String?
    @Option(help: "Who signs the summons (default: the chair).") var signer: String?

    var draft: MeetingDraft {
        MeetingDraft(start: start, end: end, place: place, kind: kind, minuteTaker: minuteTaker, summonsPlace: summonsPlace,
                     summonsDate: summonsDate, addressees: addressees, signer: signer)
    }
}
