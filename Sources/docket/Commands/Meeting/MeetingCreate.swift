import ArgumentParser
import DocketModel
import DocketStore

struct MeetingCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Plan a meeting; its agenda begins with the body's standing items, numbered.",
        discussion: """
            Example:
              docket meeting create styringsgruppen --date 2019-02-13 --start 13:00 --end 15:00 --place "Rådhuset i Sandnes"
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The body's slug.") var body: String
    @Option(help: "The meeting's date (YYYY-MM-DD).") var date: CalendarDate
    @OptionGroup var fields: MeetingFields
    @Flag(help: "Start with an empty agenda instead of the standing items.") var noStandingItems = false

    func run() throws {
        let store = try store.open()
        let meeting = try store.createMeeting(bodySlug: body, date: date, fields.draft, withStandingItems: !noStandingItems)
        if output.json { return try printJSON(meeting) }
        print("Planned \(meeting.reference) with \(try store.items(meeting: meeting.reference).count) standing items")
    }
}
