import ArgumentParser
import DocketModel
import DocketStore

struct MemberEnd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end", abstract: "End a person's seat in a body; the history of the seat is kept.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The person's name.") var name: String
    @Option(help: "The body's slug.") var body: String
    @Option(help: "The last day of the seat (default: today).") var on: CalendarDate?
    @Option(help: "End only the seat with this role.") var role: Role?

    func run() throws {
        let ended = try store.open().endMembership(name: name, bodySlug: body, on: on ?? .today, role: role)
        for membership in ended {
            print("\(membership.person)'s seat in \(membership.body) as \(membership.role.argumentName) ends \(membership.to!)")
        }
    }
}
