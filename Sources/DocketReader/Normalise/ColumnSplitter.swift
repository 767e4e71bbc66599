/// Undoes two-column page layout in `pdftotext -layout` output.
///
/// A page set in two columns comes out as lines holding the left column's line, a wide gap, and the
/// right column's line. Read as they stand, sentences from both columns interleave. When most lines of
/// a page share a gap at the same place, and both sides hold running text, the page is read as its left
/// column then its right column. Each piece keeps the number of the line it came from.
///
/// The thresholds are strict on purpose: tables (attendance, agenda, budgets) also have aligned gaps,
/// but one of their sides is short (a role, a party, a number), and they must stay as they are.
enum ColumnSplitter {
    static func split(_ lines: [SourceLine]) -> [SourceLine] {
        let pageStarts = lines.indices.filter { lines[$0].startsPage }
        let bounds = (pageStarts.isEmpty ? [0] : pageStarts) + [lines.count]
        var result: [SourceLine] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) where start < end {
            let page = Array(lines[start..<end])
            result += splitPage(page) ?? page
        }
        return result
    }

    /// The page as left column then right column, or nil when it is not set in two columns.
    static func splitPage(_ page: [SourceLine]) -> [SourceLine]? {
        let textLines = page.filter { !$0.isBlank && !$0.isTabular }
        guard textLines.count >= 8 else { return nil }
        // Count, for each column, how many lines have a gap of four or more spaces covering it.
        var covered: [Int: Int] = [:]
        for line in textLines {
            let characters = Array(line.text)
            var index = characters.firstIndex { $0 != " " } ?? characters.count
            while index < characters.count {
                if characters[index] == " " {
                    var end = index
                    while end < characters.count, characters[end] == " " { end += 1 }
                    if end - index >= 4, end < characters.count {
                        for column in (index + 1)..<(end - 1) { covered[column, default: 0] += 1 }
                    }
                    index = end
                } else {
                    index += 1
                }
            }
        }
        guard let (gutter, count) = covered.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
              Double(count) >= 0.6 * Double(textLines.count) else { return nil }
        var left: [SourceLine] = []
        var right: [SourceLine] = []
        var leftLengths = 0
        var rightLengths = 0
        var bothSides = 0
        for line in page {
            let characters = Array(line.text)
            guard characters.count > gutter, !line.isTabular else {
                left.append(line)
                continue
            }
            // Text running through the gutter means this line is not in two columns.
            if characters[gutter] != " " { return nil }
            let leftText = String(characters[..<gutter]).trimmingTrailingSpaces
            let rightText = String(characters[gutter...])
            let rightTrimmed = rightText.trimmed
            left.append(SourceLine(number: line.number, text: leftText, startsPage: line.startsPage))
            if !rightTrimmed.isEmpty {
                right.append(SourceLine(number: line.number, text: rightTrimmed))
                if !leftText.trimmed.isEmpty {
                    bothSides += 1
                    leftLengths += leftText.trimmed.count
                    rightLengths += rightTrimmed.count
                }
            }
        }
        guard bothSides >= 6, leftLengths / bothSides >= 25, rightLengths / bothSides >= 25 else { return nil }
        return left + right
    }
}
