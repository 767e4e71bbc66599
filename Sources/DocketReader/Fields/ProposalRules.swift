/// Rules that find an item's proposal (and tell its decision from its neighbours) in layouts that label
/// them in other words than "Forslag til vedtak:", or not at all. Each is structural: a line's shape, a
/// role's word, the order of an item's parts; none names a body or a case system.
extension ItemBlockReader {
    /// A line that opens a stage of the case's path: a date and a body's name alone on a line
    /// ("15.12.2021 Kommunestyret", "Formannskap 24.11.2021:", "Hovedutvalg for oppvekst 16.11.2021:").
    /// What a case system prints above the first such line is the text put before the bodies.
    private static let meetingLine = Pattern(
        #"^\s*(?:\d{1,2}\.\d{1,2}\.\d{4}\s+\p{Lu}[\p{L}' -]{2,60}|\p{Lu}[\p{L}' -]{2,60}?\s+\d{1,2}\.\d{1,2}\.\d{4}\s*:?)\s*$"#,
        caseSensitive: true)

    static func isMeetingLine(_ text: String) -> Bool {
        guard text.count <= 80, text.contains(where: \.isNumber) else { return false }
        return meetingLine.matches(text)
    }

    /// A proposal introduced by a sentence or named by its author's role rather than labelled:
    /// "Brannsjefen anbefaler styret å fatte følgende vedtak:", "Rådmannen rår formannskapet til å gjere slikt vedtak:",
    /// "Forslag fra sekretariatet:", "Styreleders forslag:", "Saksbehandlers forslag til vedtak:" (the last already a label).
    /// A party's or a member's motion ("Forslag fra Høyre:", "Høyres forslag:") is none: only roles of the administration
    /// and the chair put the proposal.
    private static let introducedProposal = Pattern(
        #"^\s*(?:(?:[\p{L}-]+\s+){1,3}(?:anbefaler|rår|tilrår|ber)\s+(?:[\p{L}-]+\s+){0,4}?(?:til\s+)?å\s+(?:fatte|gjere|gjøre|treffe|vedta)\s+(?:følgende|følgjande|slikt|slik|dette)\s+vedtak|(?:forslag|framlegg)\s+(?:til\s+vedtak\s+)?fr[aå]\s+"# + roles + #"|(?:"# + roles + #")s?\s+(?:forslag|framlegg))\s*:\s*(.*)$"#)
    /// The roles that put a proposal before a body, in bokmål and nynorsk, definite or not.
    private static let roles = #"(?:sekretariatet|administrasjonen|administrasjonens|rådmannen|rådmann|kommunedirektøren|kommunedirektør|fylkesrådmannen|fylkesdirektøren|direktøren|daglig\s+leder|dagleg\s+leiar|styreleder|styreleiar|leder|leiar|ordføreren|ordfører|ordførar|saksbehandler|sakshandsamar|brannsjefen|sekretariatets|administrasjonens|rådmannens|kommunedirektørens|styreleders|leders|ordførers|ordførarens|saksbehandlers|daglig\s+leders)"#

    /// The text after an introduced proposal's colon, or "" when it stands alone; nil when the line is none.
    static func introducedProposalText(_ text: String) -> String? {
        guard text.count <= 160, text.includes(":"), let match = introducedProposal.firstMatch(in: text) else { return nil }
        return (match[1] ?? "").trimmed
    }

    /// A decision label that is a sentence: "Kommunestyrets enstemmige vedtak i samsvar med kommunedirektørens forslag:"
    /// states the decision's first line, it opens no new one.
    static func isStatedDecisionLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.includes("vedtak i samsvar") || lower.includes("vedtak i tråd") || lower.includes("vedtak som i")
    }

    /// A line left by the template the minutes were written in ("&&& Fyll inn vedtaket i saken under denne linjen"):
    /// a run of one marking symbol before an instruction. It is no part of any text.
    static func isTemplateMarker(_ text: String) -> Bool {
        let trimmed = text.trimmed
        guard let first = trimmed.first, "&#%@$§".contains(first) else { return false }
        return trimmed.prefix(while: { $0 == first }).count >= 3
    }

    /// A line with no letter or digit, short (a "<" or "»" the PDF's layer left at the head of a text).
    static func isStrayMark(_ text: String) -> Bool {
        let trimmed = text.trimmed
        return !trimmed.isEmpty && trimmed.count <= 3 && !trimmed.contains(where: { $0.isLetter || $0.isNumber })
    }

    /// A motion put in prose where no proposal is labelled ("Maret Guhttor fremmet følgende forslag til valg av
    /// fullmaktskomite: 1. …", "Kontrollutvalgets leder fremmet kontrollutvalgets innstilling:" over its text,
    /// "… fremmet følgende forslag til endring av reglement § 9" over its text): the first is the item's proposal.
    private static let proseMotion = Pattern(
        #"\bfremmet\s+(?:følgende|følgjande|sitt|sin|\p{L}+s)\s+(?:forslag|framlegg|innstilling|tilråding)\b[^:]{0,80}?(?::\s*(.*))?$"#)

    /// The proposal a motion in prose puts, from the item's case text and handling (in that order).
    static func proposalFromMotion(in lines: [SourceLine]) -> String? {
        var index = 0
        while index < lines.count {
            let text = lines[index].text
            defer { index += 1 }
            guard text.lowercased().includes("fremmet"), let match = proseMotion.firstMatch(in: text) else { continue }
            var taken: [String] = []
            if let inline = match[1]?.trimmed, !inline.isEmpty {
                taken.append(inline)
            }
            // What follows up to the vote on it (or a blank line) belongs to the motion.
            var next = index + 1
            while next < lines.count, taken.count < 12 {
                let line = lines[next]
                if line.isBlank { if taken.isEmpty { next += 1; continue } else { break } }
                if VoteReader.mayStartVote(line.text.lowercased()), VoteReader.isVoteStart(line.text) { break }
                let lower = line.text.lowercased()
                if lower.includes("vedtatt") || lower.includes("vedteke") || lower.includes("fremmet") { break }
                taken.append(line.trimmed)
                next += 1
            }
            if let text = TextJoiner.block(taken.map { SourceLine(number: 0, text: $0) }) { return text }
        }
        return nil
    }

    /// Where no label names the proposal, the text a case system prints between the item's heading and the first
    /// stage of its path (a meeting line, a handling, a vote, a decision) is the proposal put before the bodies,
    /// when it is short: a few paragraphs, no case paper's headings. Lines that finish the item's title (a heading
    /// broken over lines) are no part of it.
    static func openingProposal(_ opening: [SourceLine], title: String) -> (proposal: String, rest: Int)? {
        var lines = opening
        var dropped = 0
        let normalisedTitle = ItemAssembler.normalisedTitle(title)
        while let first = lines.first, first.isBlank || (!normalisedTitle.isEmpty && normalisedTitle.hasSuffix(ItemAssembler.normalisedTitle(first.text))
                                                       && !ItemAssembler.normalisedTitle(first.text).isEmpty) {
            lines.removeFirst()
            dropped += 1
        }
        let written = lines.filter { !$0.isBlank }
        guard !written.isEmpty, written.count <= 15 else { return nil }
        let paragraphs = lines.split(whereSeparator: \.isBlank).count
        let characters = written.reduce(0) { $0 + $1.trimmed.count }
        guard paragraphs <= 3, characters <= 1_200 else { return nil }
        if written.contains(where: { $0.trimmed.count <= 60 && casePaperHeading.matches($0.text) }) { return nil }
        guard let text = TextJoiner.block(lines) else { return nil }
        return (text, dropped + lines.count)
    }
}

extension ItemBlockReader {
    /// The proposal so far is one sentence that introduces what follows ("… til å fatte slikt", "… følgende").
    static func introducesBelow(_ lines: [SourceLine]) -> Bool {
        let written = lines.filter { !$0.isBlank }
        guard written.count == 1, let last = written[0].trimmed.split(separator: " ").last?.lowercased() else { return false }
        return ["slikt", "slik", "følgende", "følgjande", "dette", "nytt"].contains(last)
    }
}

/// Where a line that lost its breaks is cut: before a label (which then stands on a line of its own) or
/// before a sentence that must start a line (a vote on a proposal).
struct GluedCut {
    var range: Range<String.Index>
    var isLabel: Bool
}

extension ItemBlockReader {
    /// Lines shorter than this are never cut: a label line with its text is that short.
    static let gluedLineLength = 60

    /// A proposal's label with its author ("Ordførers innstilling: ", "Rådmannen sitt framlegg til vedtak: "), an
    /// introducing sentence ("Brannsjefen anbefaler brannstyret å fatte følgende vedtak: "), or a role's proposal
    /// ("Forslag fra sekretariatet: "), inside a line, text after it.
    private static let gluedAuthoredLabel = Pattern(
        #"(?<=\s)(?:\p{Lu}\p{Ll}+s\s+(?:(?:forslag|framlegg)\s+til\s+vedtak|innstilling|tilråding)|\p{Lu}\p{Ll}+\s+sitt?\s+(?:(?:forslag|framlegg)\s+til\s+vedtak|innstilling|tilråding)|\p{Lu}\p{Ll}+\s+(?:anbefaler|rår|tilrår)\s+(?:\S+\s+){0,4}?(?:til\s+)?å\s+(?:fatte|gjere|gjøre|treffe)\s+(?:følgende|følgjande|slikt|slik)\s+vedtak|[Ff]orslag\s+fr[aå]\s+(?:sekretariatet|administrasjonen|rådmannen|kommunedirektøren|styreleder|styreleiar|daglig\s+leder|dagleg\s+leiar))\s?:\s"#,
        caseSensitive: true)
    /// A glued vote on a proposal after a sentence: "… godkjennes. Rådmannens innstilling enstemmig vedtatt (7 st.)."
    private static let gluedVote = Pattern(
        #"(?<=[.!?]\s)\p{Lu}\p{Ll}+s\s+(?:innstilling|forslag|tilråding|framlegg)\b[^.:]{0,40}?\b(?:vedtatt|vedteke|vedteken|falt)\b"#,
        caseSensitive: true)
    /// "KS- 063/21 " before a label: the label is numbered, and stays whole.
    private static let numberedLabelPrefix = Pattern(#"\d{1,4}\s*/\s*\d{2,4}\s*$"#)

    /// Cuts for labels with an author and glued votes: in any line longer than `gluedLineLength` (a label line
    /// with its text is shorter), never after a numbered label's number.
    static func gluedCuts(in text: String, long: Bool) -> [GluedCut] {
        guard text.count > gluedLineLength else { return [] }
        let lower = text.lowercased()
        var cuts: [GluedCut] = []
        if lower.includes("innstilling") || lower.includes("forslag") || lower.includes("framlegg") || lower.includes("tilråding")
            || lower.includes("vedtak") {
            for match in gluedAuthoredLabel.matches(in: text) {
                if numberedLabelPrefix.matches(String(text[..<match.range.lowerBound])) { continue }
                cuts.append(GluedCut(range: match.range, isLabel: true))
            }
            for match in gluedVote.matches(in: text) { cuts.append(GluedCut(range: match.range, isLabel: false)) }
        }
        return cuts
    }

    /// Both lists of cuts in the line's order, the first of two overlapping kept.
    static func mergingCuts(_ first: [GluedCut], _ second: [GluedCut]) -> [GluedCut] {
        var result: [GluedCut] = []
        for cut in (first + second).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = result.last, cut.range.lowerBound < last.range.upperBound { continue }
            result.append(cut)
        }
        return result
    }
}

extension ItemBlockReader {
    /// An opening text is the proposal only when the bodies then decided on it: its first words stand in a
    /// decision of the case's path (this body's or an earlier one's). A reply, a table or a remnant of a label
    /// never does.
    static func decided(_ opening: String, in decisions: [String]) -> Bool {
        let start = String(normalisedForComparison(opening).prefix(24))
        guard start.count >= 12 else { return false }
        return decisions.contains { normalisedForComparison($0).includes(start) }
    }

    /// "Ingen", "Ingen innstilling.", "Ikkje noko framlegg": the paper says there is no proposal.
    static func isNoProposal(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        guard let first = words.first, words.count <= 3 else { return false }
        return ["ingen", "ikke", "ikkje", "intet", "inga"].contains(String(first))
    }
}

extension ItemBlockReader {
    /// "Innstilling for rådene:", "Innstilling for formannskap og kommunestyre:": the head of one of several
    /// proposals, each for a body the case goes to.
    private static let addressedHeading = Pattern(
        #"^\s*(?:innstilling|tilråding|(?:forslag|framlegg)\s+til\s+vedtak)\s+(?:for|til)\s+([\p{L} ,-]{2,80}):\s*$"#)

    /// One proposal for each body the case goes to: the one addressed to this body (or, when none names it,
    /// the last, the case's final stage) is this item's. Nil when the proposal has no such parts.
    static func addressedSection(of proposal: String, body: String?) -> String? {
        guard proposal.lowercased().includes(" for ") || proposal.lowercased().includes(" til ") else { return nil }
        let lines = proposal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heads = lines.indices.filter { lines[$0].count <= 100 && addressedHeading.matches(lines[$0]) }
        guard heads.count >= 2, var chosen = heads.last else { return nil }
        let name = (body ?? "").lowercased().split(separator: " ").first.map(String.init) ?? ""
        let stem = String(name.prefix(max(0, name.count - 2)))
        if stem.count >= 5, let named = heads.first(where: { (addressedHeading.firstMatch(in: lines[$0])?[1] ?? "").lowercased().includes(stem) }) {
            chosen = named
        }
        let end = heads.first(where: { $0 > chosen }) ?? lines.count
        return TextJoiner.block(lines[(chosen + 1)..<end].map { SourceLine(number: 0, text: $0) })
    }
}
