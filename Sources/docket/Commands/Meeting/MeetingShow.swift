import DocketModel
import ArgumentParser
import DocketStore

struct MeetingShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a meeting: its facts, its numbered agenda and who attended.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference

    struct Report: Encodable {
        var meeting: Meeting
        var items: [AgendaItem]
        var attendance: [AttendanceEntry]
        var approval: MinutesApproval?
    }

    func run() throws {
        let store = try store.openForReading()
        let report = Report(meeting: try store.meeting(meeting), items: try store.items(meeting: meeting),
                            attendance: try store.attendance(meeting: meeting), approval: try store.minutesApproval(of: meeting))
        if output.json { return try printJSON(report) }
        let m = report.meeting
        printFields([("Meeting", "\(m.bodyName), \(m.date)"), ("Time", [m.start, m.end].compactMap { $0?.description }.joined(separator: "–")),
                     ("Place", m.place), ("Kind", m.kind.rawValue), ("Status", m.status.rawValue.spaced),
                     ("Minute-taker", m.minuteTaker), ("Summons", [m.summonsPlace, m.summonsDate?.description].compactMap { $0 }.joined(separator: ", ")),
                     ("Signed by", m.signer),
                     ("Approved", report.approval.map { "\($0.approvedOn)" + ($0.approvedAt.map { " at \($0)" } ?? "") })])
        print("")
        printAgenda(report.items)
        if !report.attendance.isEmpty {
            print("\nAttendance")
            var table = TextTable("Name", "Status", "Role")
            for entry in report.attendance {
                let status = entry.substituteFor.map { "substitute for \($0)" } ?? entry.status.rawValue
                table.append(entry.person, status, entry.role?.argumentName ?? "")
            }
            table.print()
        }
    }
}

/// The agenda as a table: Nr, Sak, Saksunderlag, Type sak, grouped by section as in the summons.
func printAgenda(_ items: [AgendaItem]) {
    var table = TextTable("Nr", "Sak", "Saksunderlag", "Type sak", "Status")
    var section: String?
    for item in items {
        if item.section.norwegian != section {
            section = item.section.norwegian
            table.append("", item.section.norwegian.uppercased(), "", "", "")
        }
        table.append(item.number.description, item.title + (item.isExempt ? " (unntatt offentlighet)" : ""), item.basis ?? "",
                     item.kind?.norwegian ?? "", item.handlingStatus.map { $0 == .pending ? "" : $0.rawValue.spaced } ?? "")
    }
    table.print()
}
