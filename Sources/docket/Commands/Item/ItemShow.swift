import ArgumentParser
import DocketStore

struct ItemShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an item: its texts, proposal, decision and the path of its case.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".") var item: String

    struct Report: Encodable {
        var item: AgendaItem
        var decision: Decision?
        var casePath: [String]
    }

    func run() throws {
        let store = try store.open()
        let item = try store.item(item)
        let report = Report(item: item, decision: try store.decision(itemID: item.id),
                            casePath: try store.casePath(of: item.reference).map { "\($0.meetingDate) \($0.reference)" })
        if output.json { return try printJSON(report) }
        printFields([("Item", "\(item.reference) \(item.title)"), ("Meeting", "\(item.body)@\(item.meetingDate)"),
                     ("Kind", item.kind?.norwegian), ("Section", item.section.norwegian), ("Basis", item.basis),
                     ("Archive case", item.archiveCaseNumber),
                     ("Exempt", item.isExempt ? "Unntatt offentlighet, jf. \(item.exemptionBasis ?? "")" : nil),
                     ("Case text", item.caseText), ("Proposal", item.proposal),
                     ("Decision", report.decision.map { [$0.text, $0.outcome.norwegian, $0.tally?.norwegian].compactMap { $0 }.joined(separator: "\n") }),
                     ("Case path", report.casePath.count > 1 ? report.casePath.joined(separator: "\n") : nil)])
    }
}
