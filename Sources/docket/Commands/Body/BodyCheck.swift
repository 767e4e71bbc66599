import ArgumentParser
import DocketModel
import DocketStore

struct BodyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Test a body's current members against the mandate's rules and list what is missing.",
        discussion: """
            The rules: every member organisation of the cooperation has a representative in each expert group \
            and co-governance committee; the chair represents a municipality; one union representative sits \
            in each such group and does not vote. Exits with status 1 when a rule is broken.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The body's slug.") var slug: String
    @Option(help: "Check the seats held on this date (default: today).") var on: CalendarDate?

    struct Report: Encodable {
        var body: String
        var meetsMandate: Bool
        var violations: [String]
    }

    func run() throws {
        let violations = try store.openForReading().checkMandate(bodySlug: slug, on: on ?? .today)
        if output.json {
            try printJSON(Report(body: slug, meetsMandate: violations.isEmpty, violations: violations.map(\.description)))
        } else if violations.isEmpty {
            print("\(slug) meets its mandate.")
        } else {
            print("\(slug) breaks its mandate:")
            for violation in violations { print("  - \(violation)") }
        }
        if !violations.isEmpty { throw ExitCode(1) }
    }
}
