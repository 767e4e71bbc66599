import ArgumentParser
import DocketInterchange
import DocketModel
import DocketStore
import Foundation

/// `docket publish`: send the public record to a national system.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish meetings to the national public-records portal.",
        subcommands: [PublishEInnsyn.self])
}

/// `docket publish einnsyn`: the meetings, in their public form, to an eInnsyn API.
struct PublishEInnsyn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "einnsyn",
        abstract: "Send meetings to eInnsyn, a meeting per request; resumable and safe to run again.",
        discussion: """
            The API key is read from a file (never from the command line) and never printed. What the API
            accepted is kept in a state file (default: the database's path + '.einnsyn.json'); a run cut
            short goes on where it stopped, and a meeting sent before and unchanged is not sent again.
            Exempt items go with their number, public title and legal basis only.

            Example:
              docket publish einnsyn --url https://api.einnsyn.no --api-key-file ~/.einnsyn-key --year 2025
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The API's base URL.") var url: String
    @Option(help: ArgumentHelp("A file whose first line is the API key.", valueName: "path")) var apiKeyFile: String
    @Option(help: "Only this body's meetings.") var body: String?
    @Option(help: "Only meetings in this year.") var year: Int?
    @Option(help: "Only meetings on or after this date.") var from: CalendarDate?
    @Option(help: "Only meetings on or before this date.") var to: CalendarDate?
    @Option(help: ArgumentHelp("Where what was accepted is kept.", valueName: "path")) var state: String?

    func validate() throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw ValidationError("--url must be an http(s) URL, e.g. https://api.einnsyn.no")
        }
    }

    func run() throws {
        let store = try store.open()
        if let body { _ = try store.body(slug: body) }
        let key = try EInnsynPublisher.readKey(from: apiKeyFile)
        let generator = "docket \(Docket.configuration.version)"
        let document = try EInnsynExporter(store: store, generator: generator)
            .document(scope: EInnsynExporter.Scope(body: body, year: year, from: from, to: to, isPublic: true))
        let organisations = try store.organisations()
        let owner = organisations.first { $0.kind == .office && $0.isCooperationMember }?.name ?? "Docket"
        let publisher = EInnsynPublisher(
            baseURL: URL(string: url)!, apiKey: key,
            stateFile: URL(fileURLWithPath: state ?? (self.store.path + ".einnsyn.json")),
            archiveTitle: "Møter, \(owner)", archiveID: StableID.uuid(for: "einnsyn-arkiv:\(owner)"))
        do {
            let report = try publisher.publish(document) { print($0) }
            print("eInnsyn: \(report.created) møter sendt, \(report.updated) oppdatert, \(report.unchanged) uendret")
        } catch let failure as EInnsynPublisher.Failure {
            let report = failure.report
            throw ArchiveExportError("""
                \(failure.description)
                eInnsyn: \(report.created) møter sendt, \(report.updated) oppdatert, \(report.unchanged) uendret, \
                \(report.remaining) gjenstår; kjør kommandoen igjen for å fortsette
                """)
        }
    }
}
