import ArgumentParser
import DocketModel
import DocketStore

struct OrganisationAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register an organisation (or update the one of that name).",
        discussion: "Members of the cooperation (--member) must sit in every expert group; 'docket body check' tests that.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The organisation's name, e.g. \"Sandnes kommune\".") var name: String
    @Option(help: "municipality, county, company, office or other.") var kind: OrganisationKind = .municipality
    @Flag(help: "The organisation is a member of the cooperation.") var member = false
    @Option(help: "The nine-digit organisation number.") var number: String?

    func run() throws {
        let organisation = try store.open().saveOrganisation(name: name, kind: kind, isCooperationMember: member, organisationNumber: number)
        print("Registered \(organisation.name) (\(organisation.kind.argumentName)\(organisation.isCooperationMember ? ", member of the cooperation" : ""))")
    }
}
