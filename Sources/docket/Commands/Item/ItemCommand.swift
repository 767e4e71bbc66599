import ArgumentParser
import DocketModel
import DocketStore

struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Build a meeting's numbered agenda: add, edit, move, postpone and refer items.",
        subcommands: [ItemAdd.self, ItemEdit.self, ItemMove.self, ItemPostpone.self, ItemRefer.self,
                      ItemList.self, ItemShow.self, ItemRemove.self])
}

/// An item's texts and facts, shared by `add` and `edit`. Long texts come inline or from a file ('-' for stdin).
struct ItemFields: ParsableArguments {
    @Option(help: "The item's title.") var title: String?
    @Option(help: "decision, information or discussion.") var kind: ItemKind?
    @Option(help: "The document basis (saksunderlag), e.g. Notat.") var basis: String?
    @Option(help: "The case text.") var text: String?
    @Option(help: ArgumentHelp("The case text from a file ('-' for stdin).", valueName: "path")) var textFile: String?
    @Option(help: "The proposed decision (forslag til vedtak).") var proposal: String?
    @Option(help: ArgumentHelp("The proposal from a file ('-' for stdin).", valueName: "path")) var proposalFile: String?
    @Option(help: "The archive case number, e.g. 2019/123.") var archiveCase: String?
    @Flag(help: "The item is exempt from public access.") var exempt = false
    @Option(help: "The legal basis of the exemption, e.g. \"offl. § 13\"; makes the item exempt.") var exemptionBasis: String?
    @Option(help: "The title the public may see.") var publicTitle: String?
    @Option(help: "Screened until this date.") var exemptUntil: CalendarDate?

    func draft() throws -> ItemDraft {
        var draft = ItemDraft(title: title, kind: kind, basis: basis,
                              caseText: try longText(inline: text, file: textFile, name: "case text"),
                              proposal: try longText(inline: proposal, file: proposalFile, name: "proposal"))
        draft.archiveCaseNumber = archiveCase
        draft.isExempt = exempt ? true : nil
        draft.exemptionBasis = exemptionBasis
        draft.publicTitle = publicTitle
        draft.exemptUntil = exemptUntil
        return draft
    }
}
