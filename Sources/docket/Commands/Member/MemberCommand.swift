import ArgumentParser

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Give people seats in bodies, list them, and end them.",
        subcommands: [MemberAdd.self, MemberList.self, MemberEnd.self])
}
