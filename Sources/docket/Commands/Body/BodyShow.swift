import ArgumentParser
import DocketModel
import DocketStore

struct BodyShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a body, its current members, its meetings and what its mandate finds missing.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The body's slug.") var slug: String

    struct Report: Encodable {
        var body: Body
        var members: [Membership]
        var standingItems: [StandingItem]
        var meetings: [Meeting]
        var mandateWarnings: [String]
    }

    func run() throws {
        let store = try store.openForReading()
        let report = Report(body: try store.body(slug: slug), members: try store.memberships(bodySlug: slug, currentOn: .today),
                            standingItems: try store.standingItems(bodySlug: slug), meetings: try store.meetings(bodySlug: slug),
                            mandateWarnings: try store.checkMandate(bodySlug: slug).map(\.description))
        if output.json { return try printJSON(report) }
        let body = report.body
        printFields([("Body", "\(body.name) (\(body.slug))"), ("Kind", body.kind.argumentName), ("Reports to", body.parentSlug),
                     ("Series", body.defaultSeries?.code), ("Also called", body.aliases.joined(separator: "; ")),
                     ("Templates", body.templateFolder), ("Mandate", body.mandate)])
        print("\nMembers")
        var members = TextTable("Name", "Role", "Organisation", "Votes")
        for member in report.members {
            members.append(member.person, member.role.argumentName, member.organisation ?? "", member.votes ? "yes" : "no")
        }
        members.print()
        print("\nStanding items: " + report.standingItems.map(\.title).joined(separator: "; "))
        print("Meetings: " + (report.meetings.isEmpty ? "none" : report.meetings.map { "\($0.date) (\($0.status.rawValue.spaced))" }.joined(separator: ", ")))
        if !report.mandateWarnings.isEmpty {
            print("\nMandate warnings")
            for warning in report.mandateWarnings { print("  ! \(warning)") }
        }
    }
}
