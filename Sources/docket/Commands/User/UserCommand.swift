import ArgumentParser
import DocketStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage who may sign in to the secretary's web area (docket serve, /sekretariat).",
        discussion: """
            Roles: admin (manages users and does everything), secretary (writes), reader (reads everything, \
            exempt items too, and writes nothing).
            """,
        subcommands: [UserAdd.self, UserList.self, UserRemove.self])
}

extension UserRole: ExpressibleByArgument {}
