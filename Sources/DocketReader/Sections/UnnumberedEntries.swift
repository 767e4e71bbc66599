import DocketModel

/// Agenda entries that carry no case number of their own, beside items that do (or where a text layer
/// lost every number): the standing items a district council numbers by place ("1. Åpen halvtime
/// 2. Godkjenning av innkalling … BU 14/72 Økonomi … 13. Orienteringssaker"), labels flattened out of
/// a table's column ("Pkt. 1 Pkt. 2 Pkt. 3" before the titles), numbers reduced to their separator
/// ("TIL BEHANDLING: /: MELDINGER /: BUDSJETT"), and a bulleted list under the agenda's heading
/// ("SAKSLISTE" / "• Folkehøgskolen – plan v/NN") before the numbered items.
///
/// Each is an item in its place, numbered by that place and the meeting's year (the issue's "plain
/// positions with the year from the date"), with a warning naming its line, so the archivist sees that
/// the number is the reader's. Read only where no item is numbered by position already.
enum UnnumberedEntries {
    struct Entry: Equatable {
        var position: Int
        var title: String
        var line: Int
        var exempt = false
        /// The numbered item the entry follows in the agenda (nil: it comes before every numbered one).
        var after: ItemNumber?
    }

    /// An agenda's heading word where it opens the agenda, in a line of its own or glued into a page.
    private static let agendaWord = Pattern(
        #"(?<![\p{L}])(?:Saksliste|SAKSLISTE|Sakliste|SAKLISTE|Sakskart|SAKSKART|Dagsorden|DAGSORDEN|Agenda|AGENDA|Til behandling|TIL BEHANDLING|Saker til behandling|SAKER TIL BEHANDLING)(?![\p{L}])\s*:?"#,
        caseSensitive: true)

    static func entries(in lines: [SourceLine]) -> [Entry] {
        guard let (start, textStart) = agendaStart(in: lines) else { return [] }
        // The agenda's lines: the heading's line and what follows it without a blank line (a glued page's
        // pieces keep one line number and follow one another).
        var pieces: [SourceLine] = []
        var first = lines[start]
        first.text = String(first.text[textStart...])
        var index = start + 1
        if first.isBlank {
            // The heading alone on its line: the list begins under it.
            while index < lines.count, lines[index].isBlank, index - start <= 3 { index += 1 }
        } else {
            pieces.append(first)
        }
        while index < lines.count, !lines[index].isBlank, pieces.count < 200 {
            pieces.append(lines[index])
            index += 1
        }
        guard !pieces.isEmpty else { return bulletsUnderHeading(lines, headingIndex: start) }
        for reader in [placeNumbered, flattenedLabels, lostNumbers] {
            let found = reader(pieces)
            if found.count >= 2 { return found }
        }
        return bulletsUnderHeading(lines, headingIndex: start)
    }

    private static func agendaStart(in lines: [SourceLine]) -> (Int, String.Index)? {
        for (index, line) in lines.enumerated() where !line.isBlank {
            if let match = agendaWord.firstMatch(in: line.text) { return (index, match.range.upperBound) }
        }
        return nil
    }

    // MARK: "1. Åpen halvtime 2. Godkjenning … BU 14/72 … 13. Orienteringssaker"

    /// A place number before a title: "13. Orienteringssaker" (not "31. oktober").
    private static let placeMarker = Pattern(#"(?<![\S])(\d{1,2})\.\s+(?=[\p{Lu}«"“])"#, caseSensitive: true)

    private static let trailingPlace = Pattern(#"\s+\d{1,2}\.$"#)

    /// A list numbered by place whose numbered items (a case number instead of the place, or after it)
    /// take their places too: the entries without a case number are read with their places.
    static func placeNumbered(_ pieces: [SourceLine]) -> [Entry] {
        // The list begins with "1." within a few words of the heading ("Saksliste: Saksnr Tittel 1. …").
        // Only a table's header words may stand between ("Saksliste: Saksnr Tittel 1. Åpen halvtime").
        guard let head = placeMarker.firstMatch(in: pieces[0].text), head[1] == "1",
              pieces[0].text[..<head.range.lowerBound].split(separator: " ").allSatisfy({ isHeaderWord(String($0)) }) else { return [] }
        var entries: [Entry] = []
        var position = 0
        var lastNumbered: ItemNumber?

        func entry(_ position: Int, _ raw: Substring, line: Int) {
            var title = String(raw).trimmed
            // "… Storokrysset 7." before "BU 14/75": the next entry's place, glued on.
            if let place = trailingPlace.firstMatch(in: title) { title = String(title[..<place.range.lowerBound]) }
            title = BlockFinder.withoutLeader(title.trimmed)
            guard !title.isEmpty, title.split(separator: " ").count <= 16 else { return }
            entries.append(Entry(position: position, title: title, line: line, after: lastNumbered))
        }

        for piece in pieces {
            let text = piece.text
            var open: String.Index?
            // Where the text not yet given to an entry begins, and whether a numbered item's title holds it.
            var free = text.startIndex
            var freeIsNumberedTitle = false
            if let found = ItemNumberScanner.leading(in: text), found.hasSeries || found.hasCaseWord {
                position += 1
                lastNumbered = found.number
                free = text.index(text.endIndex, offsetBy: -found.rest.count)
                freeIsNumberedTitle = true
            }
            for marker in placeMarker.matches(in: text) where marker.range.lowerBound >= free {
                guard let value = marker[1].flatMap({ Int($0) }) else { continue }
                if value == 1, position >= 1 {
                    // The list begins again: the items' own headings follow.
                    if let from = open { entry(position, text[from..<marker.range.lowerBound], line: piece.number) }
                    return entries
                }
                if value == position + 2 {
                    // A place whose number the text layer lost: its title is the text before the next place
                    // ("… møteplan år Spørretimen 13." → "Spørretimen").
                    guard open == nil else { return [] }
                    let before = String(text[free..<marker.range.lowerBound]).trimmed
                    let lost = freeIsNumberedTitle || before.split(separator: " ").count > 6 ? lastCapitalised(before) : before
                    if let lost, !lost.isEmpty { entry(position + 1, Substring(lost), line: piece.number) }
                    position += 1
                }
                guard value == position + 1 else { continue }
                if let from = open { entry(position, text[from..<marker.range.lowerBound], line: piece.number) }
                position = value
                open = marker.range.upperBound
                free = marker.range.upperBound
                freeIsNumberedTitle = false
            }
            // An entry ends with its piece: a glued page is cut before each numbered item and after a title.
            if let from = open { entry(position, text[from...], line: piece.number) }
        }
        // A list of places alone, the numbered items following it, is a summary of those items, not entries.
        return lastNumbered == nil ? [] : entries
    }

    private static func isHeaderWord(_ word: String) -> Bool {
        let header = TableReader.headerWord(word)
        return TableReader.numberHeaders.contains(header) || TableReader.titleHeaders.contains(header)
            || TableReader.column(forHeader: word) != .other
    }

    /// "Forslag til møteplan år Spørretimen" → "Spørretimen": the words from the last capitalised one,
    /// when words in lower case come before it.
    private static func lastCapitalised(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let last = words.lastIndex(where: { $0.first?.isUppercase == true }), last >= 2,
              words[last - 1].first?.isLowercase == true, words.count - last <= 3 else { return nil }
        return words[last...].joined(separator: " ")
    }

    // MARK: "Pkt. 1 Pkt. 2 Pkt. 3 Godkjenning av … Valg av … Habilitet"

    private static let labelRun = Pattern(#"^\s*((?:(?:Pkt|PKT|Punkt|PUNKT|Sak|SAK)\.?\s*\d{1,2}\s+){2,})(.+)$"#, caseSensitive: true)
    private static let labelNumber = Pattern(#"\d{1,2}"#)

    /// A table flattened column by column: the place labels first, then as many titles, each set in
    /// sentence case (a capital opens a title). Read only when the titles count exactly as many as the labels.
    static func flattenedLabels(_ pieces: [SourceLine]) -> [Entry] {
        let piece = pieces[0]
        guard let match = labelRun.firstMatch(in: piece.text), let labels = match[1], let rest = match[2] else { return [] }
        let places = labelNumber.matches(in: labels).compactMap { Int($0.text) }
        guard let first = places.first, places == Array(first..<(first + places.count)) else { return [] }
        var titles: [[Substring]] = []
        for word in rest.split(separator: " ") {
            if word.first?.isUppercase == true {
                // A table's header ("Utvalgssaksnr", "Innhold") ends the column of titles.
                if TableReader.numberHeaders.contains(TableReader.headerWord(String(word))) { break }
                titles.append([word])
            } else if titles.isEmpty {
                return []
            } else {
                titles[titles.count - 1].append(word)
            }
        }
        guard titles.count == places.count else { return [] }
        return zip(places, titles).map { Entry(position: $0, title: $1.joined(separator: " "), line: piece.number) }
    }

    // MARK: "TIL BEHANDLING: /: MELDINGER /: BUDSJETT"

    private static let lostNumber = Pattern(#"(?<![\S])/\s?:\s+"#)
    private static let capitalsRun = Pattern(#"[\p{Lu}\d][\p{Lu}\d.,&/()«»"'–-]*(?![\p{Ll}])(?:\s+[\p{Lu}\d.,&/()«»"'–-][\p{Lu}\d.,&/()«»"'–-]*(?![\p{Ll}]))*"#, caseSensitive: true)

    /// Numbers of which only the separator is left ("/:" for "112/15:"): the entries in their order.
    static func lostNumbers(_ pieces: [SourceLine]) -> [Entry] {
        let piece = pieces[0]
        let text = piece.text
        let markers = lostNumber.matches(in: text)
        guard markers.count >= 2, String(text[..<markers[0].range.lowerBound]).trimmed.isEmpty else { return [] }
        var entries: [Entry] = []
        for (index, marker) in markers.enumerated() {
            let end = index + 1 < markers.count ? markers[index + 1].range.lowerBound : text.endIndex
            let entryText = String(text[marker.range.upperBound..<end]).trimmed
            // A title in capitals is the title; what is written before it in lower case is a note on the
            // entry ("Unntatt offentlig ofl GRUNNERVERV …"), what after it is the page going on.
            var title = entryText
            var exempt = false
            if let run = capitalsRun.matches(in: entryText).first(where: { $0.text.filter(\.isLetter).count >= 4 }) {
                title = run.text
                exempt = entryText[..<run.range.lowerBound].lowercased().includes("unntatt")
            } else if entryText.split(separator: " ").count > 12 {
                return []
            }
            while title.hasSuffix(".") { title.removeLast() }
            title = title.trimmed
            guard !title.isEmpty else { return [] }
            entries.append(Entry(position: index + 1, title: title, line: piece.number, exempt: exempt))
        }
        return entries
    }

    // MARK: "SAKSLISTE" / "Orientering og drøfting" / "• Title v/NN"

    private static let bullet = Pattern(#"^\s*[•▪●◦]\s+(\S.{2,200})$"#)

    /// Bullets under the agenda's heading (after at most one line naming a group of them), before the
    /// first numbered item: entries without numbers.
    static func bulletsUnderHeading(_ lines: [SourceLine], headingIndex: Int) -> [Entry] {
        let heading = lines[headingIndex]
        guard let match = agendaWord.firstMatch(in: heading.text), String(heading.text[match.range.upperBound...]).trimmed.isEmpty,
              String(heading.text[..<match.range.lowerBound]).trimmed.isEmpty else { return [] }
        var index = headingIndex + 1
        var groupLines = 0
        var entries: [Entry] = []
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                if !entries.isEmpty { break }
            } else if let found = bullet.firstMatch(in: line.text), let title = found[1]?.trimmed {
                guard ItemNumberScanner.leading(in: line.text) == nil else { return [] }
                entries.append(Entry(position: entries.count + 1, title: title, line: line.number))
            } else if entries.isEmpty, groupLines == 0, line.trimmed.split(separator: " ").count <= 5,
                      !line.trimmed.contains(where: \.isNumber) {
                groupLines += 1
            } else {
                break
            }
            index += 1
        }
        return entries
    }

    // MARK: The entries' own text

    /// Where the only items are entries without numbers, each entry's text is where its title comes
    /// again after the agenda ("… SAKEN GJELDER: MELDINGER - KOMMUNESTYRET RÅDMANNENS INNSTILLING: …"),
    /// to the next entry's title. Titles of fewer than two words are too common to be sought.
    static func blocks(of entries: [Entry], in lines: [SourceLine]) -> [ItemBlock?] {
        var found: [(entry: Int, index: Int, rest: String)] = []
        var from = lines.firstIndex { $0.number > (entries.map(\.line).max() ?? 0) } ?? lines.count
        for (position, entry) in entries.enumerated() where entry.title.split(separator: " ").count >= 2 {
            guard let index = lines[from...].firstIndex(where: { $0.text.includes(entry.title) }),
                  let range = lines[index].text.range(of: entry.title) else { continue }
            found.append((position, index, String(lines[index].text[range.upperBound...])))
            from = index + 1
        }
        var blocks: [ItemBlock?] = Array(repeating: nil, count: entries.count)
        for (order, hit) in found.enumerated() {
            let end = order + 1 < found.count ? found[order + 1].index : lines.count
            // What follows the title on its line, without the dots and colons between them.
            let rest = String(hit.rest.drop(while: { ".,:; ".contains($0) }))
            var body = [SourceLine(number: lines[hit.index].number, text: rest)]
            if hit.index + 1 < end { body += lines[(hit.index + 1)..<end] }
            let entry = entries[hit.entry]
            let heading = ItemHeading(number: ItemNumber(series: nil, sequence: entry.position, year: BlockFinder.positionYear),
                                      raw: "", title: entry.title, line: lines[hit.index].number, lastIndex: hit.index,
                                      firstIndex: hit.index, kindText: nil)
            blocks[hit.entry] = ItemBlock(heading: heading, body: body)
        }
        return blocks
    }

    // MARK: Into the items

    /// The item an entry follows, also when its number was read year first later ("BU 14/72" is 72/14).
    private static func follows(_ number: ItemNumber, _ after: ItemNumber) -> Bool {
        guard number.series == after.series else { return false }
        if number.sequence == after.sequence, number.year == after.year { return true }
        return number.sequence == after.year % 100 && number.year % 100 == after.sequence
    }

    /// Puts each entry in its place among the items, numbered by its place and the year; a place that a
    /// numbered item of the document holds already takes the next free sequence instead. Warns of each.
    static func insert(_ entries: [Entry], into items: inout [ReadItem], year: Int, warnings: inout [ReadWarning],
                       blocks: [ItemBlock?] = [], assembler: ItemAssembler? = nil) {
        var taken = Set(items.filter { $0.number.series == nil && $0.number.year == year }.map(\.number.sequence))
        var nextFree = (taken.max() ?? 0) + 1
        var insertAt = 0
        var previousAfter: ItemNumber?
        // An entry whose title a numbered item has is that item, listed twice.
        let titles = items.map { ItemAssembler.normalisedTitle($0.title) }
        for (order, entry) in entries.enumerated() {
            let title = ItemAssembler.normalisedTitle(entry.title)
            if titles.contains(where: { $0 == title || $0.hasPrefix(title + " ") }) { continue }
            if order == 0 || entry.after != previousAfter {
                if let after = entry.after, let index = items.firstIndex(where: { follows($0.number, after) }) {
                    insertAt = index + 1
                }
                previousAfter = entry.after
            }
            var sequence = entry.position
            if taken.contains(sequence) {
                while taken.contains(nextFree) { nextFree += 1 }
                sequence = nextFree
            }
            taken.insert(sequence)
            let number = ItemNumber(series: nil, sequence: sequence, year: year)
            var item = ReadItem(number: number, line: entry.line, title: entry.title)
            item.exempt = entry.exempt
            if order < blocks.count, let block = blocks[order], let assembler {
                var heading = block.heading
                heading.number = number
                var ignored: [ReadWarning] = []
                assembler.apply(ItemBlockReader.read(block.body, number: number), heading: heading, to: &item, warnings: &ignored)
            }
            items.insert(item, at: min(insertAt, items.count))
            insertAt = min(insertAt, items.count - 1) + 1
            let place = sequence == entry.position ? "plassen (\(entry.position)) i sakslisten" : "neste ledige nummer (plass \(entry.position) i sakslisten har et annet saksnummer)"
            warnings.append(ReadWarning(.numberFromPosition, line: entry.line, item: number,
                "Saken «\(entry.title)» på linje \(entry.line) har intet saksnummer i teksten; lest som \(number) etter \(place) og møtets år."))
        }
    }
}
