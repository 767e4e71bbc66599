import ArgumentParser

struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Register the organisations members represent (municipalities, the county, the cooperation's office).",
        subcommands: [OrganisationAdd.self, OrganisationList.self])
}
