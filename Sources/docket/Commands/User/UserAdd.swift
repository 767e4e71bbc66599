import ArgumentParser
import DocketServer
import DocketStore
import Foundation

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user of the secretary's web area; the password is asked for, never given as an argument.",
        discussion: """
            The password is read from the terminal (twice, not shown), or from the first line of \
            standard input when that is not a terminal or --password-stdin is given. It needs at least \
            \(Passwords.minimumLength) characters and is stored as a bcrypt hash only.

            Examples:
              docket user add "Kari Nordmann" --role secretary
              printf '%s\\n' "$PASSWORD" | docket user add "Ola Admin" --role admin --password-stdin
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The name the user signs in with, e.g. \"Kari Nordmann\".") var name: String
    @Option(help: "admin, secretary or reader.") var role: UserRole
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        let opened = try store.open()
        let password = try readPassword()
        let hash: String
        do { hash = try Passwords.hash(password) } catch let error as PasswordError { throw ValidationError(error.description) }
        let user = try opened.addUser(name: name, role: role, passwordHash: hash, at: Int64(Date().timeIntervalSince1970))
        print("Added \(user.name) as \(user.role.rawValue)")
    }

    private func readPassword() throws -> String {
        if passwordStdin || isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no password on standard input; give it as the first line")
            }
            return line
        }
        guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }), !first.isEmpty else {
            throw ValidationError("no password given")
        }
        guard let second = getpass("Again: ").map({ String(cString: $0) }), second == first else {
            throw ValidationError("the two passwords differ; nothing was stored")
        }
        return first
    }
}
