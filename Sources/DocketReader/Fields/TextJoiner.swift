import Foundation

/// Joins the pieces of one text broken over lines, the way it was before the line breaks.
///
/// "Forvaltningsrevisjon - Tildeling av helse- og" + "omsorgstjenester" keeps "helse- og";
/// "behand-" + "lingen" becomes "behandlingen"; "Krogstad-" + "Wiborg" and "01.07.2026-" + "31.12.2026"
/// keep their hyphen without a space; everything else is joined with one space.
enum TextJoiner {
    static func join(_ parts: [String]) -> String {
        var result = ""
        for part in parts.map({ $0.trimmed }) where !part.isEmpty {
            guard !result.isEmpty else { result = part; continue }
            if result.hasSuffix("-"), !result.hasSuffix(" -"), let first = part.first {
                let word = part.prefix(while: { !$0.isWhitespace }).lowercased()
                let beforeHyphen = result.dropLast().last
                if Normaliser.conjunctions.contains(word) {
                    result += " " + part
                } else if first.isLowercase, beforeHyphen?.isLowercase == true {
                    result = String(result.dropLast()) + part
                } else {
                    result += part
                }
            } else {
                result += " " + part
            }
        }
        return result.collapsingWhitespace
    }

    /// A block of lines as text: paragraphs (split by blank lines) keep their line breaks,
    /// common indentation goes, and leading/trailing blank lines are dropped.
    static func block(_ lines: [SourceLine]) -> String? {
        var texts = lines.map { line in
            line.isTabular ? line.text.trimmingTrailingSpaces.replacingOccurrences(of: "\t", with: "  ") : line.text.trimmingTrailingSpaces
        }
        while texts.first?.trimmed.isEmpty == true { texts.removeFirst() }
        while texts.last?.trimmed.isEmpty == true { texts.removeLast() }
        guard !texts.isEmpty else { return nil }
        let indent = texts.filter { !$0.trimmed.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        var output: [String] = []
        var blankRun = 0
        for text in texts {
            if text.trimmed.isEmpty {
                blankRun += 1
                continue
            }
            if blankRun > 0, !output.isEmpty { output.append("") }
            blankRun = 0
            output.append(String(text.dropFirst(min(indent, text.prefix(while: { $0 == " " }).count))))
        }
        return output.joined(separator: "\n")
    }
}
