import ArgumentParser
import DocketStore

struct MeetingList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings, of one body or all.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("body"), help: "Only this body's meetings.") var bodyOption: String?
    @Argument(help: "Only this body's meetings (as `member list SLUG`; --body says the same).") var bodyArgument: String?
    @Option(help: "Only meetings in this year.") var year: Int?

    var body: String? { bodyOption ?? bodyArgument }

    func validate() throws {
        if let option = bodyOption, let argument = bodyArgument, option != argument {
            throw ValidationError("two bodies named ('\(argument)' and --body '\(option)'); name one")
        }
    }

    func run() throws {
        let meetings = try store.openForReading().meetings(bodySlug: body, year: year)
        if output.json { return try printJSON(meetings) }
        var table = TextTable("Meeting", "Time", "Status", "Place")
        for meeting in meetings {
            let time = [meeting.start, meeting.end].compactMap { $0?.description }.joined(separator: "–")
            table.append(meeting.reference.description, time, meeting.status.rawValue.spaced, meeting.place ?? "")
        }
        table.print()
    }
}
