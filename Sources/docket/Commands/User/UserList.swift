import ArgumentParser
import DocketStore
import Foundation

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the users of the secretary's web area and their roles (never their passwords).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listed: Encodable {
        var name: String
        var role: String
        var created: String
    }

    func run() throws {
        let users = try store.openForReading().users()
        let formatter = ISO8601DateFormatter()
        let listed = users.map {
            Listed(name: $0.name, role: $0.role.rawValue, created: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.createdAt))))
        }
        if output.json { return try printJSON(listed) }
        if listed.isEmpty { return print("No users; add one with docket user add \"NAME\" --role admin") }
        let width = max(4, listed.map(\.name.count).max() ?? 0)
        print("NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  ROLE       CREATED")
        for user in listed {
            print(user.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + user.role.padding(toLength: 9, withPad: " ", startingAt: 0) + "  " + user.created)
        }
    }
}
