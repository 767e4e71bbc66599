import ArgumentParser
import DocketStore

struct UserRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a user of the secretary's web area and end their sessions (the audit log keeps their name).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The user's name.") var name: String

    func run() throws {
        let user = try store.open().removeUser(named: name)
        print("Removed \(user.name) (\(user.role.rawValue))")
    }
}
