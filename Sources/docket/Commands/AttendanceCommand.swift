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
                  --apologies "Per Olsen" --substitute "Siri Dahl:Per Olsen"
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @Option(help: "A person who was present (repeatable).") var present: [String] = []
    @Option(help: "A person who sent apologies (repeatable).") var apologies: [String] = []
    @Option(help: ArgumentHelp("A substitute and the member they met for, as \"SUBSTITUTE:MEMBER\" (repeatable).", valueName: "substitute:member"))
    var substitute: [String] = []

    func validate() throws {
        if present.isEmpty && apologies.isEmpty && substitute.isEmpty {
            throw ValidationError("name at least one person with --present, --apologies or --substitute")
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
        try store.open().recordAttendance(meeting: meeting, present: present, apologies: apologies, substitutes: pairs)
        print("Recorded attendance at \(meeting): \(present.count) present, \(apologies.count) apologies, \(pairs.count) substitutes")
    }
}
