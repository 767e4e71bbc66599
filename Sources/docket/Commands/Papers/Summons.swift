import DocketModel
import ArgumentParser
import DocketDocuments

struct Summons: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The summons letter with the agenda, then the case papers item by item.",
        discussion: """
            Examples:
              docket summons styringsgruppen@2019-02-13 > innkalling.md
              docket summons styringsgruppen@2019-02-13 --format docx -o innkalling.docx
              docket summons styringsgruppen@2019-02-13 --format pdf --public
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var paper: PaperOptions

    func run() throws {
        try paper.write(.summons, of: meeting, store: store)
    }
}

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The agenda alone: Nr, Sak, Saksunderlag, Type sak.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var paper: PaperOptions

    func run() throws {
        try paper.write(.agenda, of: meeting, store: store)
    }
}

struct CasePapers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casepapers", abstract: "The case papers alone: each item's text and proposed decision.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var paper: PaperOptions

    func run() throws {
        try paper.write(.casePapers, of: meeting, store: store)
    }
}

struct MinutesRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "The minutes: attendance, then item by item the decision and the vote (the default of 'docket minutes').",
        discussion: "Example:  docket minutes styringsgruppen@2019-02-13 --format docx -o protokoll.docx")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The meeting, e.g. styringsgruppen@2019-02-13.", transform: MeetingReference.argument) var meeting: MeetingReference
    @OptionGroup var paper: PaperOptions

    func run() throws {
        try paper.write(.minutes, of: meeting, store: store)
    }
}
