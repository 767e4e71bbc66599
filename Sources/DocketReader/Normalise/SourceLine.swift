import Foundation

/// One line of the document's text, remembering its 1-based number in the text as read.
///
/// Steps that drop lines (page headers and footers) keep the numbers of the others, so every warning
/// still points at the line a person sees when opening the text.
struct SourceLine: Sendable, Equatable {
    var number: Int
    var text: String
    /// True for the first line of a page (after a form feed).
    var startsPage: Bool = false

    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    var trimmed: String { text.trimmed }

    /// Leading spaces (a tab counts as the start of a new cell, so it stops the count).
    var indent: Int { text.prefix(while: { $0 == " " }).count }

    /// True when the line came from a table (DOCX, HTML or text copied from Word keeps cells apart with tabs).
    var isTabular: Bool { text.utf8.contains(9) }

    /// The line's cells: tab-separated fields, or, in layout text, runs of text apart by two or more spaces.
    ///
    /// A cell's `column` is its character offset in layout text and its ordinal in tab-separated text;
    /// tables compare columns only with columns of the same kind.
    var cells: [Cell] {
        if isTabular {
            return text.split(separator: "\t", omittingEmptySubsequences: false).enumerated().compactMap { index, part in
                let value = String(part).trimmed
                return value.isEmpty ? nil : Cell(text: value, column: index)
            }
        }
        var result: [Cell] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, character) in text.enumerated() {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                result.append(Cell(text: current, column: start))
                current = ""
            } else if spaces > 0, !current.isEmpty {
                current += String(repeating: " ", count: spaces)
            }
            if current.isEmpty { start = offset }
            current.append(character)
            spaces = 0
        }
        if !current.isEmpty { result.append(Cell(text: current, column: start)) }
        return result
    }
}

/// A cell of a table row, or a run of text in a layout line.
struct Cell: Sendable, Equatable {
    var text: String
    var column: Int
}

extension String {
    /// Splits text into numbered lines: `\r\n` and `\r` end lines too; a form feed marks a page start.
    func sourceLines() -> [SourceLine] {
        let unified = replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines: [SourceLine] = []
        for (index, raw) in unified.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = String(raw)
            var startsPage = index == 0
            if text.includes("\u{0C}") {
                startsPage = true
                text.removeAll { $0 == "\u{0C}" }
            }
            lines.append(SourceLine(number: index + 1, text: text, startsPage: startsPage))
        }
        if lines.last?.text.isEmpty == true, lines.count > 1 { lines.removeLast() }
        return lines
    }
}
