import DocketModel

/// An item's heading in the running text: "PS 1/26 Temaplan næring", "Sak 08/19 – Budsjettprinsipper",
/// or the one-row "NR | SAK | TEMA" table some summonses put above each item.
struct ItemHeading: Equatable {
    var number: ItemNumber
    var raw: String
    var title: String
    var line: Int
    /// Index into the document's lines of the heading's last line (title continuations included).
    var lastIndex: Int
    var firstIndex: Int
    /// A kind given with the heading (the "TEMA" column of a heading table).
    var kindText: String?
}

/// The lines that belong to one item: from its heading to the next heading.
struct ItemBlock {
    var heading: ItemHeading
    var body: [SourceLine]
}

/// Step 2 of the pipeline (sections): finds item headings and cuts the text into item blocks.
enum BlockFinder {
    /// Labels that end a heading's title: the block proper has begun.
    private static let blockLabel = Pattern(
        #"^\s*(?:behandling|vedtak|innstilling|forslag til vedtak|framlegg til vedtak|handsaming|saksprotokoll|saksbehandler|arkivsak|saksframlegg|bakgrunn|sakens bakgrunn|vedlegg)\b|behandling\s+av\s+sak\b|^\s*_{5,}"#)

    static func headings(in lines: [SourceLine], skipping tableLines: Set<Int>, headingTables: [ItemTable]) -> [ItemHeading] {
        var headings: [ItemHeading] = []
        let tableRows = Dictionary(headingTables.flatMap(\.rows).map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let row = tableRows[line.number] {
                headings.append(ItemHeading(number: row.number, raw: row.raw, title: row.title, line: line.number,
                                            lastIndex: index, firstIndex: index, kindText: row.kindText))
                index += 1
                continue
            }
            if tableLines.contains(line.number) || line.isBlank {
                index += 1
                continue
            }
            let standsAlone = index == 0 || lines[index - 1].isBlank || lines[index - 1].number != line.number - 1
            // A number alone on its line opens an item after a blank line, or, in a text layer that lost its
            // blank lines, when an all-capitals title follows ("Sak nr.: 0003/02" over "ÅRSMELDING 2001").
            let alone = standsAlone || (index + 1 < lines.count && isCapitalsTitle(lines[index + 1].trimmed))
                || (index + 1 < lines.count && numberAlone(in: line)?.hasCaseWord == false && isTitleLike(lines[index + 1].trimmed))
            // A piece of a line the text layer glued a page onto (cut before each number, its neighbours
            // keep the line's number): an agenda's row, whose title may end with a full stop.
            let gluedPiece = (index > 0 && lines[index - 1].number == line.number)
                || (index + 1 < lines.count && lines[index + 1].number == line.number)
            guard let found = heading(in: line, gluedPiece: gluedPiece) ?? (alone ? numberAlone(in: line) : nil) else {
                index += 1
                continue
            }
            var title = TitleEnd.cut(withoutLeader(found.rest))
            var last = index
            if title.isEmpty {
                // "Sak 8/19" alone, the title in the next paragraph (Word documents do this).
                var next = index + 1
                while next < lines.count, lines[next].isBlank, next - index <= 2 { next += 1 }
                // A short title after "Sak"/"R-" may end with a full stop here as on the number's line ("R-02/19" over
                // "Partnerskap Nord-Norges Brüsselkontor.").
                if next < lines.count, !lines[next].isBlank, heading(in: lines[next]) == nil,
                   isTitleLike(lines[next].trimmed) || (found.hasCaseWord && isShortSentenceTitle(lines[next].trimmed)) {
                    title = lines[next].trimmed
                    last = next
                } else {
                    // No title: a label's value ("Saksnr.: 12/19") inside a case paper, read as a reference.
                    index += 1
                    continue
                }
            }
            // pdftotext wraps a long heading; its continuation follows without a blank line.
            var previousLength = line.text.trimmingTrailingSpaces.count
            // A bulleted list holds one entry a line: what follows it is a note on the entry (who presents it).
            while !line.isTabular, line.trimmed.first != "•", previousLength >= 70, last + 1 < lines.count, last - index < 2 {
                let next = lines[last + 1]
                guard !next.isBlank, !next.isTabular, next.number == lines[last].number + 1,
                      !blockLabel.matches(next.text), !VoteReader.isVoteStart(next.text),
                      heading(in: next) == nil, !next.trimmed.hasSuffix(":"), next.indent <= line.indent + 2
                else { break }
                title = TextJoiner.join([title, next.trimmed])
                previousLength = next.text.trimmingTrailingSpaces.count
                last += 1
            }
            headings.append(ItemHeading(number: found.number, raw: found.raw, title: title, line: line.number,
                                        lastIndex: last, firstIndex: index, kindText: nil))
            index = last + 1
        }
        return headings
    }

    /// A line that opens an item: a number at the start, then a title.
    ///
    /// A bare number ("8/19 Title") or one after "Sak" must be followed by a title that does not end
    /// like a sentence, so "Sak 22/18 ble behandlet i juni." in prose is not mistaken for a heading.
    static func heading(in line: SourceLine, gluedPiece: Bool = false) -> ItemNumberScanner.Found? {
        guard line.indent <= 12, let first = line.trimmed.first, first != "-", first != "*" else { return nil }
        // A bullet opens an item only with a number right after it ("• 1/22 Kun én gang"): a list of items.
        if first == "•", !isBulletedNumber(line.trimmed) { return nil }
        guard let found = ItemNumberScanner.leading(in: line.text) else { return position(in: line) }
        // pdftotext sometimes indents a heading; only a series code makes an indented number a heading.
        if line.indent > 4, !found.hasSeries { return nil }
        let rest = found.rest
        guard let initial = rest.first, initial.isUppercase || initial.isNumber || "«\"“”„".contains(initial),
              rest.contains(where: \.isLetter) else { return nil }
        // "KS- 063/21 Vedtak:" labels a body's decision inside an item; it opens none.
        let lowerRest = rest.lowercased()
        if lowerRest == "vedtak" || lowerRest.hasPrefix("vedtak:") || lowerRest.hasPrefix("vedtak :") { return nil }
        if !found.hasSeries {
            // A short title after "Sak"/"R-" may end with a full stop ("R-06/19 “Næringsvennlig Region” – endret finansiering.").
            let words = rest.split(separator: " ").count
            if (rest.hasSuffix(".") && !(found.hasCaseWord && words <= 12) && !(gluedPiece && words <= 16)) || words > 25 { return nil }
        }
        if !found.hasSeries, !found.hasCaseWord, !line.isTabular {
            // A bare "38/26   Formannskap   13.05.2026" is a row of a case's history (saksgang), not a heading.
            // A title that names a meeting by its date ("Godkjenning av referat fra møtet 13.02.2019") is a heading.
            if line.cells.count >= 3 { return nil }
            // So is one with a colon after its number ("193/2021: Godkjenning av protokoll - 25.11.21").
            if DateTimeReader.firstDate(in: rest) != nil, !lowerRest.includes("møte"), !lowerRest.includes("protokoll"),
               !lowerRest.includes("referat"), !line.text.dropFirst(line.indent).dropFirst(found.raw.count).hasPrefix(":") { return nil }
        }
        return found
    }

    private static let bulletedNumber = Pattern(#"^•\s+\d{1,4}\s*/\s*\d{2,4}\s+\S"#)

    /// "• 7/20 Title": a bullet, then at once an item's number and a title.
    static func isBulletedNumber(_ trimmed: String) -> Bool { bulletedNumber.matches(trimmed) }

    /// The year a position-only number ("Sak 3 Valg av styret") holds until the meeting's year is known.
    static let positionYear = 0

    private static let positionPattern = Pattern(#"^\s*(?:Sak|SAK)(?:\s+nr\.?)?\s+(\d{1,3})\s*[.:)–-]?\s+(\p{Lu}.{1,160})$"#, caseSensitive: true)

    /// "Sak 3        Valg av to til å undertegne protokollen": an item numbered by its place only; the year
    /// is the meeting's (set by the reader once the date is read).
    static func position(in line: SourceLine) -> ItemNumberScanner.Found? {
        guard line.text.hasPrefix("Sak") || line.trimmed.hasPrefix("Sak") || line.trimmed.hasPrefix("SAK"),
              let match = positionPattern.firstMatch(in: line.text), let sequence = match[1].flatMap({ Int($0) }), sequence > 0,
              let title = match[2]?.trimmed, !title.hasSuffix(".") else { return nil }
        return ItemNumberScanner.Found(number: ItemNumber(series: nil, sequence: sequence, year: positionYear),
                                       raw: "Sak \(sequence)", rest: title, hasSeries: false, hasCaseWord: true)
    }

    /// An agenda written as a list of headings ("Saksliste:" then "Sak 1/19 …", "Sak 2/19 …") rather than
    /// a table: a run of two or more headings with nothing between them, whose numbers come back later
    /// as the items' own headings. Returned as a table, with the headings that remain.
    static func agendaList(_ headings: [ItemHeading], in lines: [SourceLine]) -> (ItemTable, [ItemHeading])? {
        func isEmptyBetween(_ first: ItemHeading, _ second: ItemHeading) -> Bool {
            lines[(first.lastIndex + 1)..<second.firstIndex].allSatisfy(\.isBlank)
        }
        // Where each number is seen last, so "does it come back after this run" is one lookup
        // (a set of all later headings per run was quadratic in a text of many headings).
        var lastSeen: [ItemAssembler.Key: Int] = [:]
        for (index, heading) in headings.enumerated() { lastSeen[ItemAssembler.Key(heading.number)] = index }
        var start = 0
        while start < headings.count {
            var end = start
            var seen: Set<ItemAssembler.Key> = [ItemAssembler.Key(headings[start].number)]
            // The list ends where the text begins, or where a number comes round again.
            while end + 1 < headings.count, isEmptyBetween(headings[end], headings[end + 1]),
                  seen.insert(ItemAssembler.Key(headings[end + 1].number)).inserted {
                end += 1
            }
            let run = headings[start...end]
            if run.count >= 2, run.contains(where: { lastSeen[ItemAssembler.Key($0.number), default: 0] > end }) {
                var table = ItemTable(headerLine: run.first!.line)
                table.introducedAsAgenda = true
                for heading in run {
                    table.rows.append(ItemTable.Row(number: heading.number, raw: heading.raw, line: heading.line, title: heading.title))
                    for index in heading.firstIndex...heading.lastIndex { table.lines.insert(lines[index].number) }
                }
                return (table, Array(headings[..<start] + headings[(end + 1)...]))
            }
            start = end + 1
        }
        return nil
    }

    private static let agendaHeading = Pattern(#"^\s*#{0,4}\s*(?:agenda|saksliste|sakliste|dagsorden|dagsorden/saksliste)\s*:?\s*$"#)
    private static let numberedEntry = Pattern(#"^\s*(\d{1,2})[.)]\s+(\p{Lu}.{1,160})$"#, caseSensitive: true)

    /// An agenda that numbers its items by place only, as a numbered list under its heading ("Agenda" then
    /// "1. Gjennomgang av agendaen", "2. Tilbakemeldinger …"): minutes from outside the case systems.
    /// Read only where no item has a number of its own; the rows take the meeting's year later.
    static func numberedAgenda(in lines: [SourceLine]) -> ItemTable? {
        guard let start = lines.firstIndex(where: { agendaHeading.matches($0.text) }) else { return nil }
        var table = ItemTable(headerLine: lines[start].number)
        table.introducedAsAgenda = true
        var index = start + 1
        while index < lines.count, lines[index].isBlank, index - start <= 3 { index += 1 }
        while index < lines.count, let match = numberedEntry.firstMatch(in: lines[index].text),
              let sequence = match[1].flatMap({ Int($0) }), sequence == table.rows.count + 1, let title = match[2]?.trimmed {
            table.rows.append(ItemTable.Row(number: ItemNumber(series: nil, sequence: sequence, year: positionYear),
                                            raw: "\(sequence).", line: lines[index].number, title: title))
            table.lines.insert(lines[index].number)
            index += 1
        }
        return table.rows.count >= 2 ? table : nil
    }

    /// A line holding only a number introduced by "Sak" or a series ("Sak 8/19", "PS 12/26"), after a
    /// blank line: a heading whose title follows. Kept as a heading even when no title follows, so the
    /// number is never lost. In lower case ("sak OS 5/26") it ends a sentence broken over lines instead.
    static func numberAlone(in line: SourceLine) -> ItemNumberScanner.Found? {
        guard line.indent <= 8, let first = line.trimmed.first, first.isUppercase || first.isNumber,
              var found = ItemNumberScanner.leading(in: line.text) else { return nil }
        if found.rest.isEmpty, found.hasSeries || found.hasCaseWord { return found }
        // "0003/02 02/00672" (an agenda's number, then the archive's case number; the title on the next line).
        if !found.hasCaseWord, archiveNumberAlone.matches(found.rest) {
            found.rest = ""
            return found
        }
        return nil
    }

    private static let archiveNumberAlone = Pattern(#"^\d{2,4}/\d{1,7}(?:-\d{1,4})?$"#)

    /// A title in capitals ("KOMMUNEREGNSKAP 2001", "SØKNAD OM FRITAK - NN"), as older minutes print them.
    static func isCapitalsTitle(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase) && text.count <= 160 && !text.hasSuffix(":")
    }

    /// A note of which paper a link or list entry points to ("Konstituering (saksfremlegg)"): no part of the title.
    private static let paperNote = Pattern(#"\s*\((?:saksfremlegg|saksframlegg|saksdokument(?:er)?|vedlegg|protokoll|innstilling)\)\s*$"#)

    private static let leader = Pattern(#"\s*(?:\.{2,}|…|(?:\s\.){2,})[.… ]*\d{0,4}\s*$"#)

    /// A table of contents' title without its dot leader and page number ("GODKJENNING AV DAGSORDEN... 2").
    static func withoutLeader(_ title: String) -> String {
        if title.hasSuffix(")"), let match = paperNote.firstMatch(in: title) { return String(title[..<match.range.lowerBound]).trimmed }
        guard title.includes("..") || title.includes("…") || title.includes(" . ."), let match = leader.firstMatch(in: title) else { return title }
        return String(title[..<match.range.lowerBound]).trimmed
    }

    /// "Partnerskap Nord-Norges Brüsselkontor.": a title of one short sentence, its full stop at the end only.
    static func isShortSentenceTitle(_ text: String) -> Bool {
        guard text.hasSuffix("."), !text.dropLast().contains("."), text.split(separator: " ").count <= 12 else { return false }
        return isTitleLike(String(text.dropLast()))
    }

    static func isTitleLike(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber, !text.hasSuffix(":"), !text.hasSuffix("."),
              text.split(separator: " ").count <= 20 else { return false }
        return !blockLabel.matches(text) && !VoteReader.isVoteStart(text)
    }

    /// The lines that close minutes: adjournment, certification, approval ("Referatet ble godkjent i
    /// møte …", "Referatet er ikke godkjent."), signatures. They end the last block.
    private static let closing = Pattern(
        #"^\s*(?:møtet\s+(?:ble\s+)?hevet|møtet\s+avsluttet|møteslutt|rett\s+utskrift|(?:protokollen|referatet|møteprotokollen|møteboka)\s+(?:er\s+|ble\s+)?(?:ikke\s+)?godkjent|underskrifter?\b|sign\.)"#)

    /// Cuts the lines into blocks, one per heading, each running to the next heading
    /// (the last one to the closing lines of the minutes, when there are any).
    static func blocks(in lines: [SourceLine], headings: [ItemHeading], skipping tableLines: Set<Int>) -> [ItemBlock] {
        headings.enumerated().map { position, heading in
            var end = position + 1 < headings.count ? headings[position + 1].firstIndex : lines.count
            let start = min(heading.lastIndex + 1, end)
            if position + 1 == headings.count,
               let closingIndex = lines[start..<end].firstIndex(where: { closing.matches($0.text) }) {
                end = closingIndex
            }
            let body = lines[start..<end].filter { !tableLines.contains($0.number) }
            return ItemBlock(heading: heading, body: Array(body))
        }
    }
}
