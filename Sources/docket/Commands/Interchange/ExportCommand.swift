import ArgumentParser
import DocketInterchange
import DocketModel
import DocketStore
import Foundation

/// `docket export`: the store, or a part of it, as lossless JSON, a CSV register or an iCalendar plan.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store as JSON (lossless), a CSV register of items, an iCalendar meeting plan, a Noark 5 transfer package or eInnsyn JSON.",
        discussion: """
            Examples:
              docket export --format json -o arkiv.json
              docket export --format json --body styringsgruppen --year 2025 --public -o innsyn.json
              docket export --format csv --excel -o saker.csv
              docket export --format ics --body styringsgruppen --year 2025 -o moteplan.ics
              docket export --format noark5 --from 2025-01-01 --to 2025-12-31 -o uttrekk-2025/
              docket export --format einnsyn --public -o einnsyn.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, ics, noark5, einnsyn
    }

    @OptionGroup var store: StoreOptions
    @Option(help: "json (lossless), csv (register of items), ics (meeting plan), noark5 (transfer package, -o DIR) or einnsyn (eInnsyn API models).") var format: Format = .json
    @Option(help: "Only this body's meetings.") var body: String?
    @Option(help: "Only meetings in this year.") var year: Int?
    @Option(name: [.customLong("since"), .customLong("from")], help: "Only meetings on or after this date.") var since: CalendarDate?
    @Option(help: "Only meetings on or before this date (noark5, einnsyn).") var to: CalendarDate?
    @Flag(inversion: .prefixedNo, help: "noark5: write the papers as PDF/A in DOKUMENT/ (--no-papers: the attachments only).") var papers = true
    @Flag(help: "Leave out all of exempt items but their number, public title and legal basis.") var `public` = false
    @Flag(help: "CSV for Norwegian Excel: UTF-8 with BOM and ';' between fields.") var excel = false
    @Option(help: "Domain of the calendar's event UIDs.") var uidDomain = CalendarExporter.defaultDomain
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write ('-' for standard output).", valueName: "path"))
    var output = "-"

    func validate() throws {
        if excel, format != .csv { throw ValidationError("--excel is for --format csv") }
        if format == .ics, body == nil { throw ValidationError("a calendar is one body's plan: give --body SLUG") }
        if to != nil, format != .noark5, format != .einnsyn { throw ValidationError("--to is for --format noark5 or einnsyn") }
        if format == .noark5, output == "-" { throw ValidationError("a Noark 5 transfer package is a folder: give -o DIR") }
        if format == .noark5, `public` { throw ValidationError("a Noark 5 transfer keeps everything and screens exempt items; it has no --public") }
    }

    func run() throws {
        let store = try store.openForReading()
        if let body { _ = try store.body(slug: body) }
        let scope = InterchangeDocument.Scope(body: body, year: year, since: since, isPublic: `public`)
        // A Noark 5 package is a folder of files (-o DIR), which its exporter writes itself.
        if format == .noark5 { return try exportNoark5(store: store) }
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
            case .einnsyn:
                file.write(try exportEInnsyn(store: store))
            case .noark5:
                break  // written above
            }
        }
    }
}
