import ArgumentParser
import DocketModel
import DocketStore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An item's whole story: meeting, proposal, decision and vote, attachments, the case's path, references.",
        discussion: """
            The case's path lists every meeting and body the matter came before, in date order (postponed from, \
            referred to, decided in). References written in the item's texts are resolved in the same body \
            unless the text names another body; unresolved ones are listed as such.

            Example:
              docket show "styringsgruppen 8/19"
            """)

    @OptionGroup var story: StoryArguments

    func run() throws {
        try story.print()
    }
}

/// What `docket show` and `docket item show` take, and what they print.
struct StoryArguments: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The item, e.g. \"styringsgruppen 8/19\".", transform: ItemReference.argument) var item: ItemReference
    @Flag(help: "The public version: an exempt item keeps its number, public title and legal basis only.") var `public` = false

    func print() throws {
        let story = try store.openForReading().story(of: item, isPublic: `public`)
        if output.json { return try printJSON(story) }
        printStory(story)
    }
}

func printStory(_ story: ItemStory) {
    let item = story.item
    let meeting = story.meeting
    let decision = story.decision
    printFields([
        ("Item", "\(item.reference)  \(item.title)"),
        ("Meeting", "\(meeting.bodyName), \(meeting.date)" + (meeting.place.map { ", \($0)" } ?? "")),
        ("Kind", item.kind?.norwegian), ("Section", item.section.norwegian), ("Basis", item.basis),
        ("Archive case", item.archiveCaseNumber),
        ("Exempt", item.isExempt ? "Unntatt offentlighet, jf. \(item.exemptionBasis ?? "")" : nil),
        ("Case text", item.caseText),
        ("Proposal", item.proposal),
        ("Decision", decision.map { decision in
            [decision.text, decision.outcome.norwegian.capitalizedFirst + (decision.referredTo.map { " til \($0)" } ?? ""),
             decision.tally?.norwegian(outcome: decision.outcome), decision.remarks].compactMap { $0 }.joined(separator: "\n")
        }),
        ("Votes", [Ballot.for, .against, .blank].compactMap { ballot -> String? in
            let names = story.ballots.filter { $0.ballot == ballot }.map { $0.person + ($0.represents.map { " (\($0))" } ?? "") }
            guard !names.isEmpty else { return nil }
            return "\(ballot == .for ? "For" : ballot == .against ? "Mot" : "Avsto"): \(names.joined(separator: ", "))."
        }.joined(separator: "\n")),
        ("Conflicts", story.conflicts.map { conflict in
            "\(conflict.person) erklærte seg inhabil" + (conflict.reason.map { " (\($0))" } ?? "") + " og fratrådte."
                + (conflict.replacedBy.map { " \($0) møtte i stedet." } ?? "")
        }.joined(separator: "\n")),
        ("Proposals", story.proposals.map { proposal in
            var lines = ["\(proposal.number). Forslag fra \(proposal.proposer): \(proposal.text)"]
            if let tally = proposal.tally {
                lines.append(tally.norwegian(proposalBy: proposal.proposer, adopted: proposal.outcome == .adopted) + ".")
            } else if proposal.outcome == nil {
                lines.append("Ikke stemt over.")
            }
            let named = [Ballot.for, .against, .blank].compactMap { ballot -> String? in
                let names = proposal.ballots.filter { $0.ballot == ballot }.map(\.person)
                guard !names.isEmpty else { return nil }
                return "\(ballot == .for ? "For" : ballot == .against ? "Mot" : "Avsto"): \(names.joined(separator: ", "))."
            }
            if !named.isEmpty { lines.append(named.joined(separator: " ")) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")),
        ("Corrected", story.corrections.map { correction in
            "Rettet \(correction.correctedOn.numeric): \(correction.reason)"
                + (correction.oldValue.map { "\nOpprinnelig tekst: \($0)" } ?? "")
        }.joined(separator: "\n")),
        ("Changed", decision.flatMap { d in d.text != nil && d.text != item.proposal && item.proposal != nil ? "the decision differs from the proposal" : nil }),
        ("Attachments", story.attachments.map { "\($0.title) (\($0.mediaType)\($0.size.map { ", \($0) bytes" } ?? ""))" }.joined(separator: "\n")),
    ])
    if story.casePath.count > 1 {
        print("\nThe case's path")
        var table = TextTable("Date", "Item", "Body", "Came as", "Outcome", "Linked by")
        for step in story.casePath {
            let marker = step.item == item.reference.description ? " ◀" : ""
            table.append(step.meetingDate.description, step.item + marker, step.bodyName, step.arrival ?? "", step.outcome?.norwegian ?? "",
                         step.linkedBy == "title" ? "title (a guess)" : step.linkedBy.spaced)
        }
        table.print()
    }
    if !story.references.isEmpty {
        print("\nRefers to")
        for reference in story.references {
            let resolution = reference.target.map { "\($0)  \(reference.targetTitle ?? "")" }
                ?? (reference.namesAnotherBody ? "another body's item (not resolved)" : "unresolved: no such item in the store")
            print("  \(reference.text)  →  \(resolution)")
        }
    }
    if !story.referredToBy.isEmpty {
        print("\nReferred to by")
        for referring in story.referredToBy {
            print("  \(referring.item)  \(referring.meetingDate)  \(referring.title)")
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
