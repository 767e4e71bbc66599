import ArgumentParser
import DocketInterchange
import DocketModel
import Foundation
import DocketStore

struct Decisions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The decision register: every decision of a body in a year, in number order.",
        discussion: """
            What an archivist hands out when asked for "all decisions of 2019".

            Example:
              docket decisions --body styringsgruppen --year 2019 --public
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The body's slug.") var body: String
    @Option(help: "The year.") var year: Int
    @Flag(help: "The public register: exempt items show their public title and legal basis only.") var `public` = false
    @Flag(help: "Print CSV for spreadsheets instead of a table.") var csv = false
    @Flag(help: "With --csv: what Norwegian Excel opens (UTF-8 with BOM, ';' between fields).") var excel = false

    func run() throws {
        let entries = try store.openForReading().decisionRegister(bodySlug: body, year: year, isPublic: `public`)
        if output.json { return try printJSON(entries) }
        if csv || excel {
            let rows = entries.map { entry in
                [entry.number.description, entry.meetingDate.description, entry.title, entry.kind?.rawValue ?? "", entry.outcome?.rawValue ?? "",
                 entry.vote ?? "", entry.decision ?? "", entry.isExempt ? (entry.exemptionBasis ?? "") : ""]
            }
            let data = try CSVTable.data(header: ["number", "meeting_date", "title", "kind", "outcome", "vote", "decision", "exempt"],
                                         rows: rows, excel: excel)
            return OutputFile.standardOutput.write(data)
        }
        var table = TextTable("Nr", "Møte", "Sak", "Utfall", "Votering", "Vedtak")
        for entry in entries {
            let title = entry.isExempt && `public` ? "\(entry.title) (unntatt offentlighet, jf. \(entry.exemptionBasis ?? ""))" : entry.title
            table.append(entry.number.description, entry.meetingDate.description, title, entry.outcome?.norwegian ?? "", entry.vote ?? "",
                         entry.decision ?? "")
        }
        table.print()
    }
}
