import Foundation
import Testing

/// `docket user add|list|remove`: the users of the secretary's web area, passwords from stdin.
@Suite struct UserCommandTests {
    @Test func usersAreAddedListedAndRemovedWithPasswordsFromStandardInput() throws {
        let dir = try TemporaryDirectory()
        let docket = DocketProcess(database: dir.path("docket.sqlite"))
        #expect(try docket.run("init").status == 0)

        let added = try docket.run("user", "add", "Kari Nordmann", "--role", "secretary", stdin: "et langt passord\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added Kari Nordmann as secretary"))
        #expect(try docket.run("user", "add", "Ola Admin", "--role", "admin", "--password-stdin", stdin: "enda lengre passord\n").status == 0)

        let list = try docket.run("user", "list", "--json")
        #expect(list.status == 0)
        #expect(list.stdout.contains("\"name\" : \"Kari Nordmann\"") || list.stdout.contains("\"name\":\"Kari Nordmann\""))
        #expect(!list.stdout.contains("passord") && !list.stdout.contains("$2"), "no password or hash is printed")
        let table = try docket.run("user", "list")
        #expect(table.stdout.contains("Ola Admin") && table.stdout.contains("admin"))

        // The password is stored as a bcrypt hash only.
        let bytes = try databaseBytes(dir.path("docket.sqlite"))
        #expect(bytes.range(of: Data("et langt passord".utf8)) == nil)

        #expect(try docket.run("user", "remove", "kari nordmann").status == 0)
        #expect(!(try docket.run("user", "list").stdout.contains("Kari")))
    }

    @Test func badInputIsRefusedAndNothingIsStored() throws {
        let dir = try TemporaryDirectory()
        let docket = DocketProcess(database: dir.path("docket.sqlite"))
        #expect(try docket.run("init").status == 0)
        let short = try docket.run("user", "add", "Kari", "--role", "secretary", stdin: "kort\n")
        #expect(short.status != 0)
        #expect(short.stderr.contains("at least 10 characters"))
        let empty = try docket.run("user", "add", "Kari", "--role", "secretary", stdin: "")
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no password on standard input"))
        let role = try docket.run("user", "add", "Kari", "--role", "boss", stdin: "et langt passord\n")
        #expect(role.status != 0)
        #expect(role.stderr.contains("admin") && role.stderr.contains("reader"))
        #expect(try docket.run("user", "add", "Kari", "--role", "reader", stdin: "et langt passord\n").status == 0)
        let twice = try docket.run("user", "add", "KARI", "--role", "admin", stdin: "et langt passord\n")
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("Kari"))
        let missing = try docket.run("user", "remove", "Nobody")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("Nobody"))
        #expect(try docket.run("user", "list", "--json").stdout.components(separatedBy: "\"role\"").count == 2, "one user")
        // The last admin stays while others remain (someone must be able to manage users).
        #expect(try docket.run("user", "add", "Ola Admin", "--role", "admin", stdin: "et langt passord\n").status == 0)
        let lastAdmin = try docket.run("user", "remove", "Ola Admin")
        #expect(lastAdmin.status != 0)
        #expect(lastAdmin.stderr.contains("last admin"))
    }
}
