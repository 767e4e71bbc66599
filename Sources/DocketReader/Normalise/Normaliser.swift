import Foundation

/// Step 1 of the pipeline: makes the text of any source look alike before sections are sought.
///
/// Each part is its own function so it can be tested alone: odd characters, page furniture
/// (running headers and footers, "Side 3 av 7"), pages set in two columns (`ColumnSplitter`),
/// and words hyphenated across lines.
/// Line numbers are kept: dropped lines leave gaps, joined words stay on the first line.
enum Normaliser {
    static func normalise(_ text: String) -> [SourceLine] {
        var lines = cleanCharacters(text).sourceLines()
        lines = blankRules(lines)
        lines = closeLetterSpacing(lines)
        lines = removePageFurniture(lines)
        lines = ColumnSplitter.split(lines)
        lines = dehyphenate(lines)
        lines = GluedLineSplitter.split(lines)
        return lines
    }

    /// No-break and exotic spaces become spaces; soft hyphens, zero-width characters and BOMs go.
    static func cleanCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xA0 && isOdd($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: result.append(" ")
            case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: continue
            case 0x2028, 0x2029: result.append("\n")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isOdd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0xAD, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// A line that is only a rule ("------", "______", "======"), as plain-text minutes draw one
    /// between items, separates what is above it from what is below; it is not text. It becomes a
    /// blank line (its number kept), so the paragraph before it ends there.
    static func blankRules(_ lines: [SourceLine]) -> [SourceLine] {
        lines.map { line in
            let trimmed = line.trimmed
            guard trimmed.count >= 4, let first = trimmed.first, "-_=─━*".contains(first), trimmed.allSatisfy({ $0 == first }) else { return line }
            var blank = line
            blank.text = ""
            return blank
        }
    }

    /// A word set letter-spaced for emphasis ("i n n s t i l l i n g:", "V e d t a k") is read as the
    /// word: a line of four or more single letters apart by single spaces, with an optional colon.
    static func closeLetterSpacing(_ lines: [SourceLine]) -> [SourceLine] {
        lines.map { line in
            let trimmed = line.trimmed
            guard trimmed.count >= 7, trimmed.count <= 80, trimmed.includes(" ") else { return line }
            var core = Substring(trimmed)
            var colon = ""
            if core.last == ":" { core.removeLast(); colon = ":" }
            let parts = core.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count >= 4, parts.allSatisfy({ $0.count == 1 && $0.first!.isLetter }) else { return line }
            var closed = line
            closed.text = String(repeating: " ", count: line.indent) + parts.joined() + colon
            return closed
        }
    }

    // MARK: Page furniture

    private static let pageNumberAlone = Pattern(
        #"^\s*(?:(?:side|page|s\.)\s*\d+(?:\s*(?:av|of|/)\s*\d+)?|-\s*\d+\s*-|\d+\s*(?:av|of)\s*\d+)\s*$"#)
    private static let pageNumberAtEnd = Pattern(#"\s{2,}(?:side|page)\s*\d+\s*(?:av|of|/)\s*\d+\s*$"#)

    /// Drops page numbers ("Side 3 av 7", "- 3 -") and running headers and footers.
    ///
    /// A running header is a line at the top or bottom of a page that recurs, digits aside, on at
    /// least half of the pages (three or more). Without form feeds there are no pages to compare,
    /// so only lines that carry a page number are dropped: repeated lines alone are not enough,
    /// because minutes legitimately repeat "Vedtak" or "Behandling" once per item.
    static func removePageFurniture(_ lines: [SourceLine]) -> [SourceLine] {
        var drop = Set<Int>()
        for (index, line) in lines.enumerated() where line.text.contains(where: \.isNumber) {
            // Cheap tests first: a page number line is short, or ends in "side/page N av M".
            let text = line.text
            if text.count <= 24, pageNumberAlone.matches(text) { drop.insert(index) }
            let lower = text.lowercased()
            if lower.includes("side") || lower.includes("page"), pageNumberAtEnd.matches(text) { drop.insert(index) }
        }
        let pageStarts = lines.indices.filter { lines[$0].startsPage }
        if pageStarts.count >= 3 {
            var edgeLines: [String: [Int]] = [:]
            for (pageIndex, start) in pageStarts.enumerated() {
                let end = pageIndex + 1 < pageStarts.count ? pageStarts[pageIndex + 1] : lines.count
                let nonBlank = (start..<end).filter { !lines[$0].isBlank }
                let edges = Set(nonBlank.prefix(2) + nonBlank.suffix(2))
                for index in edges {
                    edgeLines[furnitureKey(lines[index].text), default: []].append(index)
                }
            }
            let needed = max(3, pageStarts.count / 2)
            for (_, indices) in edgeLines where indices.count >= needed {
                drop.formUnion(indices)
            }
        }
        return lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// A line with digits masked and spaces collapsed, so "Side 2" and "Side 3" compare equal.
    static func furnitureKey(_ text: String) -> String {
        String(text.collapsingWhitespace.lowercased().map { $0.isNumber ? "#" : $0 })
    }

    // MARK: Hyphenation

    /// Words a line may end with "-" before, where the hyphen belongs ("helse- og omsorg").
    static let conjunctions: Set<String> = ["og", "eller", "samt", "and", "or", "til", "som", "enn"]

    /// Joins a word broken across two prose lines ("behand-" / "lingen") onto the first line.
    ///
    /// Only where both lines are prose (no cell gaps, the second not indented beyond the first):
    /// in tables the next line belongs to another column. A hyphen stays when the next word is a
    /// conjunction ("helse- og") or starts with a capital or digit ("Krogstad-Wiborg", "2026-2027").
    static func dehyphenate(_ lines: [SourceLine]) -> [SourceLine] {
        var result = lines
        var index = 0
        while index + 1 < result.count {
            let line = result[index]
            let next = result[index + 1]
            defer { index += 1 }
            guard next.number == line.number + 1, !line.isTabular, !next.isTabular else { continue }
            let body = line.text.trimmingTrailingSpaces
            guard body.hasSuffix("-"), body.count >= 3 else { continue }
            let beforeHyphen = body.dropLast().last
            guard let beforeHyphen, beforeHyphen.isLetter, beforeHyphen.isLowercase else { continue }
            guard line.cells.count == 1, next.cells.count == 1, next.indent <= line.indent else { continue }
            let nextText = next.text.drop(while: { $0 == " " })
            let word = nextText.prefix(while: { !$0.isWhitespace })
            guard let first = word.first, first.isLetter, first.isLowercase else { continue }
            let bareWord = word.trimmingCharacters(in: .punctuationCharacters).lowercased()
            guard !conjunctions.contains(bareWord) else { continue }
            result[index].text = String(body.dropLast()) + word
            let rest = nextText.dropFirst(word.count).drop(while: { $0 == " " })
            result[index + 1].text = String(repeating: " ", count: next.indent) + rest
        }
        return result
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var value = Substring(self)
        while let last = value.last, last == " " || last == "\t" { value.removeLast() }
        return String(value)
    }
}
