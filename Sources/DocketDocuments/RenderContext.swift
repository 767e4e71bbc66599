import DocketModel
import Foundation

/// Turns ``MeetingPapers`` into the dictionaries templates read. Everything a template prints is
/// here ready made: dates and times formatted, phrases chosen, sentences built, long text split
/// into paragraphs, and single-line fields cleaned of line breaks. Every key is present in every
/// dictionary (an absent value is `""`, `[]` or `false`), so a lookup never falls through to an
/// outer dictionary by accident.
///
/// The variables are listed in `Templates/README.md`, which `docket templates export` writes too:
/// keep the two in step.
struct RenderContext {
    let papers: MeetingPapers
    let phrases: Phrases
    /// The format the long texts are written for (`caseTextBody`, `proposalBody`, …): they are
    /// Markdown, rendered through ``MarkdownText`` into this format's own lists, tables and emphasis.
    let format: DocumentFormat
    /// Word's list definitions, filled as the texts are written (DOCX only).
    let numbering: WordNumbering

    /// How the papers are laid out: set by the renderer, not by the meeting.
    struct Options {
        var pagePerItem = false
        var letterhead: Letterhead?
    }
    let options: Options

    init(_ papers: MeetingPapers, format: DocumentFormat = .markdown, numbering: WordNumbering = WordNumbering(),
         options: Options = Options()) {
        self.papers = papers
        self.phrases = papers.language.phrases
        self.format = format
        self.numbering = numbering
        self.options = options
    }

    /// The letterhead's variables: its lines, and its logo as a data URI (HTML) and in EMU (Word), 18 mm high.
    private func letterheadContext() -> [String: Any] {
        let letterhead = options.letterhead
        var logo: [String: Any] = [:]
        if let data = letterhead?.logo, let pixels = letterhead?.logoPixels {
            let heightMM = 18.0
            let widthMM = min(heightMM * Double(pixels.width) / Double(pixels.height), 80)
            logo = [
                "dataURI": "data:\(letterhead?.logoMediaType ?? "image/png");base64," + data.base64EncodedString(),
                "widthMM": String(format: "%.1f", widthMM),
                "heightMM": String(format: "%.1f", heightMM),
                "widthEMU": Int(widthMM * 36_000),
                "heightEMU": Int(heightMM * 36_000),
            ]
        }
        return [
            "hasLetterhead": letterhead != nil,
            "letterheadLines": (letterhead?.lines ?? []).map(line),
            "hasLogo": !logo.isEmpty,
            "logo": logo,
        ]
    }

    /// Where a long text goes: the HTML class and the Word style of its paragraphs.
    enum TextRole {
        case caseText, proposal, decision, remarks, original

        var htmlClass: String {
            switch self {
            case .caseText, .remarks, .original: "text"
            case .proposal: "text proposal"
            case .decision: "text decision"
            }
        }

        var wordStyle: String {
            switch self {
            case .caseText, .remarks, .original: "BodyText"
            case .proposal: "DocketProposal"
            case .decision: "DocketDecision"
            }
        }
    }

    /// A long text written in Markdown, rendered for the format: `[]` when there is none, else one
    /// string (a list, so that `{{#caseTextBody}}{{{.}}}{{/caseTextBody}}` prints it once or not at all).
    /// `lead` paragraphs (Docket's own sentences, such as where a referred item came from) come first.
    func body(_ text: String?, _ role: TextRole, lead: [String] = []) -> [String] {
        var blocks = lead.map { MarkdownBlock.paragraph([.text($0)]) }
        if let text = text.flatMap(nonBlank) { blocks += MarkdownText(text).blocks }
        guard !blocks.isEmpty else { return [] }
        let markdown = MarkdownText(blocks: blocks)
        switch format {
        case .markdown: return [markdown.markdown + "\n"]
        case .text: return [markdown.plainText + "\n"]
        case .html, .pdf: return [markdown.html(paragraphClass: role.htmlClass).trimmingTrailingNewlines]
        case .docx: return [markdown.wordML(paragraphStyle: role.wordStyle, numbering: numbering).trimmingTrailingNewlines]
        }
    }

    func make() -> [String: Any] {
        let meeting = papers.meeting
        let date = phrases.format(meeting.date)
        let start = meeting.start.map(phrases.format)
        let end = meeting.end.map(phrases.format)
        let timeRange = start.map { phrases.timeRange($0, end) } ?? ""
        let bodyName = line(papers.body.name)
        let shortName = line(papers.body.shortName)
        let place = line(meeting.place)
        // Each item's context is made once (its texts are parsed and written once) and shared by
        // the agenda and the case papers.
        let agendaRows = papers.items.map(itemContext)
        let paperOrder = papers.items.indices.filter { !papers.items[$0].isAnyOtherBusiness }.map { agendaRows[$0] }
            + papers.items.indices.filter { papers.items[$0].isAnyOtherBusiness }.map { agendaRows[$0] }
        let widths = ColumnWidths(rows: papers.items, phrases: phrases, cleaner: line)

        var sections: [[String: Any]] = []
        for section in Section.allCases {
            let rows = zip(papers.items, agendaRows).filter { $0.0.section == section }.map { widths.pad($0.1) }
            guard !rows.isEmpty else { continue }
            sections.append(["title": phrases.section(section), "rows": rows])
        }

        let attendance = papers.attendance
        let approval = papers.approval.map {
            phrases.approvalLine(phrases.format($0.date), $0.bodyName.map(line), $0.itemNumber?.description)
        }
        let attachmentTexts: [[String: Any]] = papers.attachments.compactMap { attachment in
            guard let text = attachment.text else { return nil }
            return ["heading": line(attachment.heading ?? attachment.title), "paragraphs": paragraphs(text),
                    "body": body(text, .caseText)]
        }

        return letterheadContext().merging([
            "pagePerItem": options.pagePerItem,
            "t": labels(),
            "lang": papers.language.rawValue,
            "languageTag": phrases.languageTag,
            "isPublic": papers.isPublicVersion,
            "publicNotice": phrases.publicVersion,
            "bodyName": bodyName,
            "bodyShortName": shortName,
            "summonsTitle": phrases.summonsTitle(bodyName),
            "agendaTitle": phrases.agendaTitle(bodyName),
            "casePapersTitle": phrases.casePapersTitle(bodyName),
            "minutesTitle": phrases.minutesTitle(bodyName),
            "addressees": papers.summons.addressees.map(addressee),
            "issueLine": "\(line(papers.summons.issuePlace)), \(phrases.format(papers.summons.issueDate))",
            "invitation": phrases.invitation(shortName, date, place, start, end),
            "date": date,
            "timeRange": timeRange,
            "dateAndTime": timeRange.isEmpty ? date : "\(date)\(phrases.dateTimeSeparator)\(timeRange)",
            "place": place,
            "meetingKind": phrases.meetingKind(meeting.kind) ?? "",
            "hasMeetingKind": phrases.meetingKind(meeting.kind) != nil,
            "agendaHeader": widths.header(),
            "sections": sections,
            "signerName": line(papers.summons.signer.name),
            "signerTitle": lines(papers.summons.signer.title),
            "attachments": papers.attachments.map { line($0.title) },
            "hasAttachments": !papers.attachments.isEmpty,
            "attachmentTexts": attachmentTexts,
            "hasAttachmentTexts": !attachmentTexts.isEmpty,
            "casePapers": paperOrder,
            "present": attendance.present.map(attendee),
            "hasPresent": !attendance.present.isEmpty,
            "apologies": attendance.apologies.map(attendee),
            "hasApologies": !attendance.apologies.isEmpty,
            "substitutes": attendance.substitutes.map { phrases.substitution(attendee($0.substitute), line($0.member)) },
            "hasSubstitutes": !attendance.substitutes.isEmpty,
            "others": attendance.others.map(attendee),
            "hasOthers": !attendance.others.isEmpty,
            "minuteTaker": papers.minuteTaker.map(line) ?? "",
            "hasMinuteTaker": papers.minuteTaker != nil,
            "isApproved": approval != nil,
            "approvalLine": approval ?? phrases.notApproved,
            "hasSigners": !(papers.approval?.signers.isEmpty ?? true),
            "signers": (papers.approval?.signers ?? []).map { ["name": line($0)] },
        ]) { $1 }
    }

    /// Case papers and minutes follow the agenda, but any other business (eventuelt) is taken last,
    /// as the corpus summons prints it.
    func casePaperOrder() -> [PaperItem] {
        papers.items.filter { !$0.isAnyOtherBusiness } + papers.items.filter(\.isAnyOtherBusiness)
    }

    private func itemContext(_ item: PaperItem) -> [String: Any] {
        let withheld = item.isExempt && papers.isPublicVersion
        let proposal = item.proposal.flatMap(nonBlank)
        let decision = item.decision
        let decisionText = decision?.text.flatMap(nonBlank)
        // A decision taken as proposed prints the proposal as the decision; one that differs prints both.
        let decided: String? = decisionText ?? (decision.map { [.adopted, .noted].contains($0.outcome) } == true ? proposal : nil)
        let differs = decisionText != nil && proposal != nil && normalised(decisionText!) != normalised(proposal!)
        let outcome = decision.flatMap { decision -> String? in
            // "Tatt til orientering." under a decision that already takes the item to orientation
            // said it twice under every information item; it is said once, where nothing else says
            // it. (A short decision naming "til orientering" is how a reader, Docket's own
            // included, tells a noted item.)
            if decision.outcome == .noted, let decided, Self.saysNoted(decided) { return nil }
            return phrases.outcomeSentence(decision.outcome, decision.continuation, phrases.format)
        }
        let vote = decision.flatMap { decision in decision.vote.map { phrases.decisionVote($0, decision.outcome) } }
        let remarks = decision?.remarks.flatMap(nonBlank)
        return [
            "number": item.number.description,
            "title": line(item.title),
            "kind": item.kind.map(phrases.kind) ?? "",
            "hasKind": item.kind != nil,
            "basis": item.documentBasis.map(line) ?? "",
            "section": phrases.section(item.section),
            "isExempt": item.isExempt,
            "isWithheld": withheld,
            "exemptNotice": item.isExempt ? phrases.exemptNotice(item.exemptionBasis.map(line)) : "",
            "caseText": (item.origin.map { [phrases.origin(line($0.bodyName), $0.number.description, $0.referred)] } ?? [])
                + (item.caseText.map(paragraphs) ?? []),
            "caseTextBody": body(item.caseText, .caseText,
                                 lead: item.origin.map { [phrases.origin(line($0.bodyName), $0.number.description, $0.referred)] } ?? []),
            "proposalBody": body(proposal, .proposal),
            "decisionBody": body(decided, .decision),
            "remarksBody": body(remarks, .remarks),
            "hasCaseText": item.caseText.flatMap(nonBlank) != nil || item.origin != nil,
            "proposal": proposal.map(paragraphs) ?? [],
            "hasProposal": proposal != nil,
            "isDecided": decision != nil,
            "decision": decided.map(paragraphs) ?? [],
            "hasDecision": decided != nil,
            // The minutes print the proposal beside the decision when they differ, and alone when no
            // decision was taken (not yet, or the item was postponed, referred or withdrawn).
            "showProposalInMinutes": proposal != nil && (differs || decided == nil),
            "vote": vote ?? "",
            "hasVote": vote != nil,
            "outcome": outcome ?? "",
            "hasOutcome": outcome != nil,
            "remarks": remarks.map(paragraphs) ?? [],
            "hasRemarks": remarks != nil,
            "conflicts": item.conflicts.map { phrases.conflictSentence(line($0.person), $0.reason.flatMap(nonBlank).map(line)) },
            "hasConflicts": !item.conflicts.isEmpty,
            "alternatives": item.alternatives.map { alternative -> [String: Any] in
                let vote = alternative.vote.map { phrases.proposalVote($0, line(alternative.proposer), alternative.isAdopted ?? false) }
                return [
                    "heading": phrases.proposalHeading(line(alternative.proposer)),
                    "text": paragraphs(alternative.text),
                    "textBody": body(alternative.text, .proposal),
                    "vote": vote ?? "",
                    "hasVote": vote != nil,
                ]
            },
            "hasAlternatives": !item.alternatives.isEmpty,
            "namedVote": item.namedVote.map { phrases.namedVote($0.votesFor.map(line), $0.against.map(line), $0.abstaining.map(line)) } ?? "",
            "hasNamedVote": item.namedVote != nil,
            "corrections": item.corrections.map { correction -> [String: Any] in
                let original = correction.originalText.flatMap(nonBlank)
                return [
                    "line": phrases.correctionLine(correction.date, line(correction.reason)),
                    "originalLabel": phrases.originalDecision,
                    "original": original.map(paragraphs) ?? [],
                    "originalBody": body(original, .original),
                    "hasOriginal": original != nil,
                ]
            },
            "hasCorrections": !item.corrections.isEmpty,
        ]
    }

    private func labels() -> [String: String] {
        [
            "agendaHeading": phrases.agendaHeading,
            "numberColumn": phrases.numberColumn,
            "itemColumn": phrases.itemColumn,
            "basisColumn": phrases.basisColumn,
            "kindColumn": phrases.kindColumn,
            "greeting": phrases.greeting,
            "closing": phrases.closing,
            "attachments": phrases.attachments,
            "casePapers": phrases.casePapers,
            "proposal": phrases.proposal,
            "decision": phrases.decision,
            "remarks": phrases.remarks,
            "vote": phrases.vote,
            "time": phrases.time,
            "place": phrases.place,
            "present": phrases.present,
            "apologies": phrases.apologies,
            "substitutes": phrases.substitutes,
            "others": phrases.others,
            "minuteTaker": phrases.minuteTaker,
            "signedBy": phrases.signedBy,
            "item": phrases.item,
            "page": phrases.page,
            "pageOf": phrases.pageOf,
            "attendance": phrases.attendance,
            "items": phrases.items,
            "publicVersion": phrases.publicVersion,
        ]
    }

    /// "Til styringsgruppens medlemmer"; an addressee the secretary already wrote with "Til" keeps
    /// the one it has ("Til Til …" was printed).
    private func addressee(_ text: String) -> String {
        let written = line(text)
        let prefix = phrases.addresseePrefix
        // The language's own word, or the Norwegian "Til" that an English summons translates.
        for own in Set([prefix, "Til"]) where written.lowercased().hasPrefix(own.lowercased() + " ") {
            return prefix + written.dropFirst(own.count)
        }
        return "\(prefix) \(written)"
    }

    private func attendee(_ person: Attendee) -> String {
        var details: [String] = []
        if let organisation = person.organisation.flatMap(nonBlank) { details.append(line(organisation)) }
        if let role = person.role, role != .member { details.append(phrases.role(role)) }
        if let guestRole = person.guestRole.flatMap(nonBlank) { details.append(line(guestRole)) }
        let name = line(person.name)
        return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }

    /// One line: runs of whitespace, line breaks included, become one space; ends trimmed.
    func line(_ text: String) -> String {
        let utf8 = text.utf8
        var previousWasSpace = true
        var needsWork = false
        for byte in utf8 {
            let isSpace = byte == 0x20
            if byte == 0x0A || byte == 0x0D || byte == 0x09 || (isSpace && previousWasSpace) {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        guard needsWork || previousWasSpace else { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lines, each cleaned, blank ones dropped: for signatures and other short multi-line fields.
    private func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line(String($0)) }.filter { !$0.isEmpty }
    }

    /// Paragraphs split at blank lines; inside a paragraph, line breaks are kept (templates print
    /// them as the format's line break) and trailing spaces dropped. Works on UTF-8 bytes: the
    /// separators are all ASCII.
    private func paragraphs(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [String] = []
            var current: [UInt8] = []
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
                var blank = true
                for index in lineStart..<end where bytes[index] != 0x20 && bytes[index] != 0x09 {
                    blank = false
                    break
                }
                if blank {
                    if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
                    current.removeAll(keepingCapacity: true)
                } else {
                    if !current.isEmpty { current.append(0x0A) }
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                }
                lineStart = lineEnd + 1
            }
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            return result
        }
    }

    /// A short decision (two lines at most) that itself says the item was taken to orientation.
    static func saysNoted(_ text: String) -> Bool {
        let lower = text.lowercased()
        let lines = lower.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        return lines.count <= 2 && (lower.contains("til orientering") || lower.contains("til etterretning"))
    }

    private func nonBlank(_ text: String) -> String? {
        text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) ? nil : text
    }

    private func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Widths of the agenda's columns for plain text, where columns are lined up with spaces.
private struct ColumnWidths {
    var number: Int
    var title: Int
    var basis: Int
    let phrases: Phrases

    init(rows: [PaperItem], phrases: Phrases, cleaner: (String) -> String) {
        self.phrases = phrases
        number = max(phrases.numberColumn.count, rows.map { $0.number.description.count }.max() ?? 0)
        title = max(phrases.itemColumn.count, rows.map { cleaner($0.title).count }.max() ?? 0)
        basis = max(phrases.basisColumn.count, rows.map { cleaner($0.documentBasis ?? "").count }.max() ?? 0)
    }

    /// The row with `pad`: the same cells padded with spaces to the column widths.
    func pad(_ row: [String: Any]) -> [String: Any] {
        var row = row
        row["pad"] = [
            "number": padded(row["number"] as? String ?? "", number),
            "title": padded(row["title"] as? String ?? "", title),
            "basis": padded(row["basis"] as? String ?? "", basis),
        ]
        return row
    }

    func header() -> [String: String] {
        [
            "number": padded(phrases.numberColumn, number),
            "title": padded(phrases.itemColumn, title),
            "basis": padded(phrases.basisColumn, basis),
            "kind": phrases.kindColumn,
        ]
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
