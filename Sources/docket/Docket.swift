import ArgumentParser
import DocketStore

/// The secretary's and archivist's command line: one command a task, each printing a table for
/// people or JSON (`--json`) for scripts.
@main
struct Docket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "Meeting papers and decisions of public bodies, kept in one SQLite file.",
        discussion: """
            Bodies are named by slug (styringsgruppen), meetings by slug and date \
            (styringsgruppen@2019-02-13) and items by slug and number (styringsgruppen 8/19).
            The database is --db PATH, else $DOCKET_DB, else ./docket.sqlite.

            Start with:  docket init && docket body add styringsgruppen --name "Styringsgruppen" --kind steering-group
            """,
        version: "0.1.0",
        subcommands: [
            Init.self,
            OrganisationCommand.self,
            BodyCommand.self,
            MemberCommand.self,
            MeetingCommand.self,
            ItemCommand.self,
            DecisionCommand.self,
            ProposalCommand.self,
            ConflictCommand.self,
            AttendanceCommand.self,
            Summons.self,
            Agenda.self,
            CasePapers.self,
            MinutesCommand.self,
            Templates.self,
            Search.self,
            Show.self,
            Decisions.self,
            Reindex.self,
            AttachCommand.self,
            AttachmentCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            PublishCommand.self,
            Serve.self,
            UserCommand.self,
        ]
    )

    /// Runs the command, then checks that what it printed reached standard output: a write error
    /// (a full disk, /dev/full) is a message and a non-zero exit, never a silent exit 0.
    static func main() {
        do {
            let search = fastSearch()
            var command = search == nil ? try parseAsRoot() : nil
            do {
                if let search { try search.run() } else { try command?.run() }
            } catch {
                if let lost = outputError() { printNote("Error: \(lost)") }
                throw error
            }
            if let lost = outputError() { throw lost }
        } catch {
            exit(withError: isDatabaseBusy(error) ? StoreOptions.waitedTooLong() : error)
        }
    }

    /// `docket search …` read without ArgumentParser (``SearchRequest/init(fastParsing:)``): an
    /// archivist's search pays for starting the process, and ArgumentParser's model of the command
    /// (by reflection, and the runtime's conformance scans it sets off) was a fifth of it. Help, and
    /// anything that reader does not take on, go the usual way, so the messages are the same.
    private static func fastSearch() -> SearchRequest? {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.first == "search" else { return nil }
        return SearchRequest(fastParsing: Array(arguments.dropFirst()))
    }

    private static func outputError() -> (any Error)? {
        do {
            try OutputFile.standardOutput.close()
            return nil
        } catch {
            return error
        }
    }
}
