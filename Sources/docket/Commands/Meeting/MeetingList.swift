import ArgumentParser
import DocketStore

struct MeetingList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings, of one body or all.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this body's meetings.") var body: String?
    @Option(help: "Only meetings in this year.") var year: Int?

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
