import ArgumentParser
import DocketModel
import DocketStore

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Write a meeting's minutes as a document, or approve them.",
        discussion: "'docket minutes MEETING' writes the minutes; 'docket minutes approve MEETING' approves them.",
        subcommands: [MinutesRender.self, MinutesApprove.self],
        defaultSubcommand: MinutesRender.self)
}

struct MinutesApprove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a held meeting's minutes; from then on its decisions change only by recorded correction.",
        discussion: "By default the minutes are approved at the meeting whose 'approval of the minutes' item names this meeting, on its date.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting whose minutes are approved, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @Option(help: "The meeting that approves them.", transform: MeetingReference.argument) var at: MeetingReference?
    @Option(help: "The date of approval.") var on: CalendarDate?
    @Option(help: "A person who signs the minutes (repeatable).") var signer: [String] = []

    func run() throws {
        let opened = try store.open()
        let approval = try opened.approveMinutes(of: meeting, at: at, on: on, signers: signer)
        print("The minutes of \(meeting) are approved \(approval.approvedOn)" + (approval.approvedAt.map { " at \($0)" } ?? ""))
        // Approving ahead of the meeting that approves them is allowed (the secretary records the
        // approval when the papers go out), but said plainly: that meeting has not been held.
        if let approvingID = approval.approvedAtMeetingID {
            let approving = try opened.meeting(id: approvingID)
            if approving.status == .planned || approving.status == .summoned {
                printNote("warning: \(approving.reference), which approves these minutes, is still \(approving.status.rawValue) (not held); "
                          + "the minutes count as approved from \(approval.approvedOn). If that meeting does not approve them, "
                          + "they cannot be un-approved: corrections are recorded with docket decision correct")
            }
        }
    }
}
