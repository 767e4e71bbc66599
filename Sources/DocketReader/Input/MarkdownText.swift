/// Turns Markdown into lines the way it reads on screen: pipe-table rows become tab-separated
/// cells (so an agenda reads as a table), the table's rule row and horizontal rules vanish,
/// `#` heading marks and `**`/`*` emphasis go, and backslash escapes give back their character.
enum MarkdownText {
    static func text(from markdown: String) -> String {
        var lines: [String] = []
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: " ")
            if isRule(trimmed) || isTableRule(trimmed) {
                lines.append("")
                continue
            }
            if trimmed.hasPrefix("|") {
                var row = cells(of: trimmed).map(inline)
                while row.last?.isEmpty == true { row.removeLast() }
                lines.append(row.joined(separator: "\t"))
                continue
            }
            var body = trimmed
            // "- **Tid:** 11. desember 2024": a list of labelled fields reads as the fields.
            if (body.hasPrefix("- **") || body.hasPrefix("* **")), body.contains(":**") {
                body = String(body.dropFirst(2))
            }
            if body.hasPrefix("#") {
                body = String(body.drop(while: { $0 == "#" }).drop(while: { $0 == " " }))
            }
            lines.append(inline(body))
        }
        return lines.joined(separator: "\n")
    }

    /// `---`, `***`, `___` alone on a line.
    static func isRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// `| --- | :---: |`
    static func isTableRule(_ line: String) -> Bool {
        line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }

    /// The cells of a table row, split at pipes that are not escaped.
    static func cells(of row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: " "))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingCharacters(in: " ").isEmpty { cells.append(current.trimmingCharacters(in: " ")) }
        return cells
    }

    /// Emphasis marks removed, escapes resolved: `**Faste saker**` → `Faste saker`, `\*` → `*`.
    static func inline(_ text: String) -> String {
        var output = ""
        var escaped = false
        for character in text {
            if escaped {
                output.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "*" {
                continue
            } else {
                output.append(character)
            }
        }
        if escaped { output.append("\\") }
        return output
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
