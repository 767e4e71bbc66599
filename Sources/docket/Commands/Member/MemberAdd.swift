import ArgumentParser
import DocketModel
import DocketStore

struct MemberAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Give a person a seat in a body (the person is registered if new).",
        discussion: """
            Roles: chair, deputy-chair, member, deputy, adviser, union-representative, observer, secretary.
            Whether the seat votes follows the role (a union representative speaks but does not vote) unless \
            --votes or --no-votes is given.

            Example:
              docket member add "Kari Nordmann" --body fg-helse --role chair --org "Sandnes kommune"
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The person's full name.") var name: String
    @Option(help: "The body's slug.") var body: String
    @Option(help: "The person's role in the body.") var role: Role
    @Option(help: "The organisation the person represents.") var org: String?
    @Flag(inversion: .prefixedNo, help: "Whether the seat votes (default: by role).") var votes: Bool?
    @Option(help: "First day of the seat (YYYY-MM-DD).") var from: CalendarDate?
    @Option(help: "Last day of the seat (YYYY-MM-DD).") var to: CalendarDate?
    @Option(help: "The person's e-mail address.") var email: String?
    @Option(help: "The person's title, e.g. \"kommunalsjef\".") var title: String?

    func run() throws {
        let membership = try store.open().addMember(name: name, bodySlug: body, role: role, organisation: org, votes: votes,
                                                    from: from, to: to, email: email, title: title)
        print("\(membership.person) sits in \(membership.body) as \(membership.role.argumentName)"
              + (membership.organisation.map { " for \($0)" } ?? "") + (membership.votes ? "" : " (does not vote)"))
    }
}
