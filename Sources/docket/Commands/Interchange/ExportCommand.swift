import ArgumentParser
import DocketInterchange
import DocketModel
import DocketStore
import Foundation

/// `docket export`: the store, or a part of it, as lossless JSON, a CSV register or an iCalendar plan.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store as JSON (lossless), a CSV register of items, or an iCalendar meeting plan.",
        discussion: """
            Examples:
              docket export --format json -o arkiv.json
              docket export --format json --body styringsgruppen --year 2025 --public -o innsyn.json
              docket export --format csv --excel -o saker.csv
              docket export --format ics --body styringsgruppen --year 2025 -o moteplan.ics
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, ics
    }

    @OptionGroup var store: StoreOptions
    @Option(help: "json (lossless), csv (register of items) or ics (meeting plan).") var format: Format = .json
    @Option(help: "Only this body's meetings.") var body: String?
    @Option(help: "Only meetings in this year.") var year: Int?
    @Option(help: "Only meetings on or after this date.") var since: CalendarDate?
    @Flag(help: "Leave out all of exempt items but their number, public title and legal basis.") var `public` = false
    @Flag(help: "CSV for Norwegian Excel: UTF-8 with BOM and ';' between fields.") var excel = false
    @Option(help: "Domain of the calendar's event UIDs.") var uidDomain = CalendarExporter.defaultDomain
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write ('-' for standard output).", valueName: "path"))
    var output = "-"

    func validate() throws {
        if excel, format != .csv { throw ValidationError("--excel is for --format csv") }
        if format == .ics, body == nil { throw ValidationError("a calendar is one body's plan: give --body SLUG") }
    }

    func run() throws {
        let store = try store.openForReading()
        if let body { _ = try store.body(slug: body) }
        let scope = InterchangeDocument.Scope(body: body, year: year, since: since, isPublic: `public`)
        let file = try OutputFile.open(output)
        try file.writing { file in
            switch format {
            case .json:
                // Streamed: an archive of any size is written in flat memory.
                try InterchangeExporter(store: store).export(scope: scope, generator: "docket \(Docket.configuration.version)") { file.write($0); try file.check() }
            case .csv:
                file.write(try RegisterCSV(store: store).export(scope: scope, excel: excel))
            case .ics:
                file.write(try CalendarExporter(store: store, domain: uidDomain).export(scope: scope))
            }
        }
    }
}
