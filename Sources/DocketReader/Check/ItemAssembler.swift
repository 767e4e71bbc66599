import DocketModel

/// Step 4 of the pipeline (consistency): merges the agenda's rows with the item blocks into items,
/// deciding what is likely where the two disagree and warning each time.
///
/// Rows and blocks are matched on series and sequence; when their years differ the one that
/// matches the meeting's year wins ("8/18" in the agenda of a 2019 meeting whose text says "8/19").
/// No number is lost: an unmatched block becomes an item of its own, a duplicate row a warning.
struct ItemAssembler {
    var meetingYear: Int?
    var isSummons: Bool

    struct Key: Hashable {
        var series: String
        var sequence: Int
        init(_ number: ItemNumber) {
            series = number.series?.code ?? ""
            sequence = number.sequence
        }
    }

    /// `fields` holds each block's fields, read once by the caller (same order as `blocks`).
    func assemble(agenda: ItemTable?, blocks: [ItemBlock], fields blockFields: [ItemBlockReader.Fields],
                  warnings: inout [ReadWarning]) -> [ReadItem] {
        var items: [ReadItem] = []
        var hasBlock: [Bool] = []
        var indexByKey: [Key: Int] = [:]
        var kindMissing: [Int] = []
        // Text of repeated headings, joined onto the case text once at the end (appending to the
        // case text each time copied it each time: quadratic when a text repeats its headings).
        var repeatedText: [Int: [String]] = [:]
        /// Items whose decision was read from a vote's paragraph (or not at all): a later block's labelled decision wins.
        var decidedByVote: Set<Int> = []

        for row in agenda?.rows ?? [] {
            let key = Key(row.number)
            if let existing = indexByKey[key] {
                warnings.append(ReadWarning(.duplicateNumber, line: row.line, item: row.number,
                    "Saksnummer \(row.number) står to ganger i sakslisten (også linje \(items[existing].line)); raden «\(row.title)» er ikke lest som egen sak."))
                continue
            }
            var item = ReadItem(number: row.number, line: row.line, title: row.title)
            item.section = row.section
            item.basis = row.basis?.nonBlank
            item.kind = row.kindText.flatMap { ItemKind(label: $0) }
            if let exempt = row.exemptText?.nonBlank, !["nei", "no", "-"].contains(exempt.lowercased()) {
                item.exempt = true
                // A bare mark ("X", "Ja") says exempt without saying why.
                item.exemptionBasis = exempt.count <= 3 ? nil : exempt.collapsingWhitespace
            }
            if let archive = row.archiveText?.nonBlank, archive.contains("/") {
                item.archiveCaseNumber = archive
            }
            if agenda?.hasKindColumn == true, item.kind == nil {
                kindMissing.append(items.count)
            } else if agenda?.hasBasisColumn == true, item.basis == nil {
                warnings.append(ReadWarning(.missingBasis, line: row.line, item: row.number,
                    "Sak \(row.number) «\(row.title)» har intet saksunderlag i sakslisten."))
            }
            indexByKey[key] = items.count
            items.append(item)
            hasBlock.append(false)
        }

        for (block, fields) in zip(blocks, blockFields) {
            let heading = block.heading
            let key = Key(heading.number)
            if let index = indexByKey[key] ?? seriesLessMatch(heading.number, in: items) {
                if hasBlock[index] {
                    warnings.append(ReadWarning(.repeatedHeading, line: heading.line, item: items[index].number,
                        "Sak \(heading.number) har overskrift for andre gang («\(heading.title)»); teksten er lagt til sakens saksframlegg."))
                    repeatedText[index, default: []].append(appendRepeated(block, fields: fields, to: &items[index],
                                                                           replacingDecision: decidedByVote.contains(index)))
                    if fields.decision != nil, !fields.decisionFromVote { decidedByVote.remove(index) }
                    continue
                }
                hasBlock[index] = true
                resolveNumber(of: &items[index], heading: heading, warnings: &warnings)
                apply(fields, heading: heading, to: &items[index], warnings: &warnings)
                if fields.decisionFromVote || fields.decision == nil { decidedByVote.insert(index) }
            } else {
                var item = ReadItem(number: heading.number, line: heading.line, title: heading.title)
                if agenda != nil {
                    warnings.append(ReadWarning(.notInAgenda, line: heading.line, item: heading.number,
                        "Sak \(heading.number) «\(heading.title)» har egen tekst, men står ikke i sakslisten."))
                }
                checkYear(item.number, line: heading.line, warnings: &warnings)
                apply(fields, heading: heading, to: &item, warnings: &warnings)
                indexByKey[key] = items.count
                items.append(item)
                hasBlock.append(true)
            }
        }

        for (index, parts) in repeatedText {
            items[index].caseText = ([items[index].caseText].compactMap { $0 } + parts).joined(separator: "\n\n")
        }

        // Said after the blocks are read, so the warning can tell what the item's own text says.
        for index in kindMissing {
            let item = items[index]
            let basisNote = agenda?.hasBasisColumn == true && item.basis == nil ? " og intet saksunderlag" : ""
            let decided = item.kind.map { " Saksteksten sier «\($0.norwegian)»; lest slik." } ?? ""
            warnings.append(ReadWarning(.missingKind, line: item.line, item: item.number,
                "Sak \(item.number) «\(item.title)» har ingen type sak\(basisNote) i sakslisten.\(decided)"))
        }
        for (index, item) in items.enumerated() where !hasBlock[index] {
            checkYear(item.number, line: item.line, warnings: &warnings)
            if !blocks.isEmpty {
                warnings.append(ReadWarning(.noItemBlock, line: item.line, item: item.number,
                    "Sak \(item.number) «\(item.title)» står i sakslisten, men har ingen egen tekst i dokumentet."))
            }
        }
        // Minutes in prose: the first motion put is the proposal (the outcome was read without it, from what was decided).
        // Summonses print no motions, so this holds for a document whose kind was misread too.
        for index in items.indices where items[index].proposal == nil {
            guard let text = [items[index].caseText, items[index].handling].compactMap({ $0 }).joined(separator: "\n\n").nonBlank else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { SourceLine(number: 0, text: String($0)) }
            items[index].proposal = ItemBlockReader.proposalFromMotion(in: lines)
        }
        for index in items.indices where items[index].kind == nil {
            items[index].kind = items[index].number.series?.impliedKind
        }
        return items
    }

    /// A heading without series ("Saksnr.: 12/19") names the one item of that sequence and year, if there is one.
    private func seriesLessMatch(_ number: ItemNumber, in items: [ReadItem]) -> Int? {
        guard number.series == nil else { return nil }
        let candidates = items.indices.filter { items[$0].number.sequence == number.sequence && items[$0].number.year == number.year }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Agenda row and heading agree on series and sequence; the year the meeting has wins.
    private func resolveNumber(of item: inout ReadItem, heading: ItemHeading, warnings: inout [ReadWarning]) {
        let rowNumber = item.number
        let headingNumber = heading.number
        guard rowNumber.year != headingNumber.year else {
            checkYear(rowNumber, line: item.line, warnings: &warnings)
            return
        }
        let chosen = headingNumber.year == meetingYear || rowNumber.year != meetingYear ? headingNumber : rowNumber
        let yearText = meetingYear.map { ", møtet er i \($0)" } ?? ""
        warnings.append(ReadWarning(.numberYearMismatch, line: item.line, item: chosen,
            "Sakslisten nummererer saken \(rowNumber), men saksteksten (linje \(heading.line)) skriver \(headingNumber)\(yearText); lest som \(chosen)."))
        item.number = chosen
    }

    private func checkYear(_ number: ItemNumber, line: Int, warnings: inout [ReadWarning]) {
        guard let meetingYear, number.year != meetingYear else { return }
        warnings.append(ReadWarning(.numberYearMismatch, line: line, item: number,
            "Saksnummer \(number) har årstall \(number.year), men møtet er i \(meetingYear)."))
    }

    func apply(_ read: ItemBlockReader.Fields, heading: ItemHeading, to item: inout ReadItem,
                       warnings: inout [ReadWarning]) {
        var fields = read
        // No label named the proposal: minutes that print the case's path put it above the first stage.
        if !isSummons, fields.proposal == nil, let decision = fields.decision, !fields.decisionFromVote, !fields.opening.isEmpty,
           let opening = ItemBlockReader.openingProposal(fields.opening, title: item.title.count >= heading.title.count ? item.title : heading.title),
           ItemBlockReader.decided(opening.proposal, in: [decision, fields.handling ?? ""]) {
            fields.proposal = opening.proposal
            fields.caseText = TextJoiner.block(Array(fields.opening[opening.rest...]) + fields.afterOpening)
        }
        item.headingTitle = heading.title
        item.headingLine = heading.line
        if item.title.trimmed.isEmpty { item.title = heading.title }
        if item.kind == nil, let text = heading.kindText { item.kind = ItemKind(label: text) }
        item.caseText = fields.caseText
        item.proposal = fields.proposal
        item.handling = fields.handling
        item.decision = fields.decision
        item.votes = fields.votes
        item.archiveCaseNumber = item.archiveCaseNumber ?? fields.archiveCaseNumber
        if fields.exempt, !item.exempt {
            item.exempt = true
            item.exemptionBasis = fields.exemptionBasis
        }
        item.attachments += fields.attachments
        item.plannedMeetings = fields.plannedMeetings
        item.outcome = isSummons ? nil : ItemBlockReader.outcome(of: fields, kind: item.kind)
        // Minutes without labels: the decision is the sentence that states it.
        if !isSummons, item.decision == nil, item.proposal == nil,
           let text = [fields.caseText, fields.handling].compactMap({ $0 }).joined(separator: "\n\n").nonBlank,
           let decision = ItemBlockReader.unlabelledDecision(in: text) {
            item.decision = decision
            var stated = fields
            stated.decision = decision
            item.outcome = ItemBlockReader.outcome(of: stated, kind: item.kind)
        }

        if !titlesAgree(item.title, heading.title) {
            warnings.append(ReadWarning(.titleMismatch, line: heading.line, item: item.number,
                "Sak \(item.number) heter «\(item.title)» i sakslisten (linje \(item.line)), men «\(heading.title)» i overskriften; sakslistens tittel er brukt."))
        }
    }

    /// A second heading for the same item (an attached case paper): returns the text that joins the
    /// case text, and takes what the first block lacked.
    private func appendRepeated(_ block: ItemBlock, fields: ItemBlockReader.Fields, to item: inout ReadItem,
                                replacingDecision: Bool = false) -> String {
        let text = [block.heading.title, TextJoiner.block(block.body)].compactMap { $0 }.joined(separator: "\n\n")
        item.attachments += fields.attachments
        if item.archiveCaseNumber == nil { item.archiveCaseNumber = fields.archiveCaseNumber }
        // What the first block lacked, the second may give.
        if item.proposal == nil { item.proposal = fields.proposal }
        if item.decision == nil || (replacingDecision && fields.decision != nil && !fields.decisionFromVote) {
            let replaced = item.decision != nil
            item.decision = fields.decision
            if item.outcome == nil || replaced, !isSummons { item.outcome = ItemBlockReader.outcome(of: fields, kind: item.kind) }
        }
        if item.handling == nil { item.handling = fields.handling }
        if item.votes.isEmpty { item.votes = fields.votes }
        return text
    }

    /// Titles agree when equal after normalising case, hyphens and spacing, or when one was cut short.
    static func normalisedTitle(_ text: String) -> String {
        let mapped = text.lowercased().map { character -> Character in
            character.isLetter || character.isNumber ? character : " "
        }
        return String(mapped).collapsingWhitespace
    }

    func titlesAgree(_ first: String, _ second: String) -> Bool {
        let one = Self.normalisedTitle(first)
        let two = Self.normalisedTitle(second)
        if one == two || one.replacingOccurrences(of: " ", with: "") == two.replacingOccurrences(of: " ", with: "") { return true }
        let shorter = one.count < two.count ? one : two
        let longer = one.count < two.count ? two : one
        return shorter.count >= 20 && longer.hasPrefix(shorter)
    }
}
