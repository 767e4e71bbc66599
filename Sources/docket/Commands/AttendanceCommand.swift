import DocketModel
import ArgumentParser
import DocketStore

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Record who attended a meeting.",
        subcommands: [AttendanceRecord.self])
}

struct AttendanceRecord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record who was present, who sent apologies and who met as substitute for whom.",
        discussion: """
            Example:
              docket attendance record styringsgruppen@2019-02-13 --present "Kari Nordmann" --present "Ola Hansen" \\
                  --apologies "Per Olsen" --substitute "Siri Dahl:Per Olsen" \\
                  --guest "Berit Revisor" --role "revisor"

            A guest is someone who holds no seat in the body; each --guest takes the --role that follows it \
            (what they came as), and is printed among the others present in the minutes.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @Option(help: "A person who was present (repeatable).") var present: [String] = []
    @Option(help: "A person who sent apologies (repeatable).") var apologies: [String] = []
    @Option(help: ArgumentHelp("A substitute and the member they met for, as \"SUBSTITUTE:MEMBER\" (repeatable).", valueName: "substitute:member"))
    var substitute: [String] = []
    @Option(help: "A guest who holds no seat in the body (repeatable; each with a --role).") var guest: [String] = []
    @Option(help: "What the guest before it came as, e.g. \"revisor\" (one per --guest).") var role: [String] = []

    func validate() throws {
        if present.isEmpty && apologies.isEmpty && substitute.isEmpty && guest.isEmpty {
            throw ValidationError("name at least one person with --present, --apologies, --substitute or --guest")
        }
        if guest.count != role.count {
            throw ValidationError("give each --guest the --role they came as, e.g. --guest \"Berit Revisor\" --role \"revisor\" "
                                  + "(\(guest.count) guest\(guest.count == 1 ? "" : "s"), \(role.count) role\(role.count == 1 ? "" : "s"))")
        }
        for pair in substitute where pair.split(separator: ":").count != 2 {
            throw ValidationError("'\(pair)' should be \"SUBSTITUTE:MEMBER\", e.g. \"Siri Dahl:Per Olsen\"")
        }
    }

    func run() throws {
        let pairs = substitute.map { pair in
            let parts = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            return (person: parts[0], for: parts[1])
        }
        let guests = zip(guest, role).map { (person: $0, role: $1) }
        try store.open().recordAttendance(meeting: meeting, present: present, apologies: apologies, substitutes: pairs, guests: guests)
        print("Recorded attendance at \(meeting): \(present.count) present, \(apologies.count) apologies, \(pairs.count) substitutes"
              + (guests.isEmpty ? "" : ", \(guests.count) guest\(guests.count == 1 ? "" : "s")"))
    }
}
