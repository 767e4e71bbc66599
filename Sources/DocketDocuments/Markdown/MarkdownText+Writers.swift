/// The writers of a ``MarkdownText``, one a format. Each escapes every piece of text for its
/// format; none passes markup from the text through.
extension MarkdownText {
    /// HTML: paragraphs with `paragraphClass`, lists, tables, emphasis and links (web and e-mail only).
    func html(paragraphClass: String) -> String {
        var output = ""
        for block in blocks { Self.html(block, paragraphClass: paragraphClass, into: &output) }
        return output
    }

    private static func html(_ block: MarkdownBlock, paragraphClass: String, into output: inout String) {
        switch block {
        case let .paragraph(inlines):
            output += "<p class=\"\(paragraphClass)\">" + html(inlines) + "</p>\n"
        case let .heading(_, inlines):
            output += "<p class=\"\(paragraphClass) subheading\"><strong>" + html(inlines) + "</strong></p>\n"
        case let .quote(inner):
            output += "<blockquote>\n"
            for block in inner { html(block, paragraphClass: paragraphClass, into: &output) }
            output += "</blockquote>\n"
        case let .list(ordered, start, items):
            output += ordered ? (start == 1 ? "<ol class=\"markdown\">\n" : "<ol class=\"markdown\" start=\"\(start)\">\n") : "<ul class=\"markdown\">\n"
            for item in items {
                output += "<li>"
                if item.count == 1, case let .paragraph(inlines) = item[0] {
                    output += html(inlines)
                } else {
                    output += "\n"
                    for block in item { html(block, paragraphClass: paragraphClass, into: &output) }
                }
                output += "</li>\n"
            }
            output += ordered ? "</ol>\n" : "</ul>\n"
        case let .table(table):
            output += "<table class=\"markdown\">\n"
            if !table.header.isEmpty {
                output += "<thead><tr>"
                for (column, cell) in table.header.enumerated() { output += "<th\(alignment(table, column))>" + html(cell) + "</th>" }
                output += "</tr></thead>\n"
            }
            output += "<tbody>\n"
            for row in table.rows {
                output += "<tr>"
                for (column, cell) in row.enumerated() { output += "<td\(alignment(table, column))>" + html(cell) + "</td>" }
                output += "</tr>\n"
            }
            output += "</tbody>\n</table>\n"
        case let .code(text):
            output += "<pre>" + Escaping.html(text.trimmingTrailingNewlines) + "</pre>\n"
        case .rule:
            output += "<hr>\n"
        }
    }

    private static func alignment(_ table: MarkdownTable, _ column: Int) -> String {
        guard column < table.alignments.count else { return "" }
        switch table.alignments[column] {
        case .none, .left: return ""
        case .center: return " style=\"text-align: center\""
        case .right: return " style=\"text-align: right\""
        }
    }

    private static func html(_ inlines: [MarkdownInline]) -> String {
        var output = ""
        for inline in inlines {
            switch inline {
            case let .text(text): output += Escaping.html(text)
            case .lineBreak: output += "<br>"
            case let .code(text): output += "<code>" + Escaping.html(text) + "</code>"
            case let .emphasis(inner): output += "<em>" + html(inner) + "</em>"
            case let .strong(inner): output += "<strong>" + html(inner) + "</strong>"
            case let .strikethrough(inner): output += "<del>" + html(inner) + "</del>"
            case let .link(url, inner):
                let shown = inner.isEmpty ? Escaping.html(url) : html(inner)
                output += url.isSafeLinkTarget ? "<a href=\"\(Escaping.html(url))\">\(shown)</a>" : shown
            }
        }
        return output
    }

    /// Plain text: paragraphs apart by a blank line, "- " and "1. " lists, tables as columns lined up with spaces.
    var plainText: String {
        Self.plain(blocks).joined(separator: "\n\n")
    }

    private static func plain(_ blocks: [MarkdownBlock]) -> [String] {
        blocks.map { block in
            switch block {
            case let .paragraph(inlines), let .heading(_, inlines):
                return inlines.plainText
            case let .quote(inner):
                return plain(inner).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "  " + $0 }.joined(separator: "\n")
            case let .list(ordered, start, items):
                return items.enumerated().map { index, item in
                    let marker = ordered ? "\(start + index). " : "- "
                    let text = plain(item).joined(separator: "\n")
                    let indent = String(repeating: " ", count: marker.count)
                    return marker + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
                }.joined(separator: "\n")
            case let .table(table):
                return plainTable(table)
            case let .code(text):
                return text.trimmingTrailingNewlines
            case .rule:
                return String(repeating: "-", count: 20)
            }
        }
    }

    private static func plainTable(_ table: MarkdownTable) -> String {
        let columns = table.columnCount
        func cells(_ row: [[MarkdownInline]]) -> [String] {
            (0..<columns).map { $0 < row.count ? row[$0].plainText.split(whereSeparator: \.isNewline).joined(separator: " ") : "" }
        }
        let header = cells(table.header)
        let rows = table.rows.map(cells)
        var widths = header.map(\.count)
        for row in rows { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                let alignment = column < table.alignments.count ? table.alignments[column] : .none
                return alignment == .right ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        var lines: [String] = []
        if !table.header.isEmpty {
            lines.append(line(header))
            lines.append(widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  "))
        }
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    /// Markdown again, written by Docket: every piece of text escaped, so that what the text shows
    /// is what a Markdown reader shows, and nothing in it (raw HTML included) becomes markup.
    var markdown: String {
        Self.markdown(blocks).joined(separator: "\n\n")
    }

    private static func markdown(_ blocks: [MarkdownBlock]) -> [String] {
        blocks.map { block in
            switch block {
            case let .paragraph(inlines):
                return markdown(inlines)
            case let .heading(_, inlines):
                return "**" + markdown(inlines) + "**"
            case let .quote(inner):
                return markdown(inner).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "> " + $0 }.joined(separator: "\n")
            case let .list(ordered, start, items):
                return items.enumerated().map { index, item in
                    let marker = ordered ? "\(start + index). " : "- "
                    let indent = String(repeating: " ", count: marker.count)
                    return marker + markdown(item).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                        .joined(separator: "\n" + indent)
                }.joined(separator: "\n")
            case let .table(table):
                let columns = table.columnCount
                func row(_ cells: [[MarkdownInline]]) -> String {
                    "| " + (0..<columns).map { column in
                        column < cells.count ? markdown(cells[column].map { $0 == .lineBreak ? .text(" ") : $0 }) : ""
                    }.joined(separator: " | ") + " |"
                }
                let rule = "|" + (0..<columns).map { column -> String in
                    switch column < table.alignments.count ? table.alignments[column] : .none {
                    case .none: "---"
                    case .left: ":---"
                    case .center: ":---:"
                    case .right: "---:"
                    }
                }.joined(separator: "|") + "|"
                return ([row(table.header), rule] + table.rows.map(row)).joined(separator: "\n")
            case let .code(text):
                return Escaping.markdown(text.trimmingTrailingNewlines)
            case .rule:
                return "---"
            }
        }
    }

    /// A run of text inside a paragraph, escaped; the spaces at its ends are kept (they separate it
    /// from the emphasis or link beside it), which ``Escaping/markdown(_:)`` trims for whole fields.
    private static func inlineMarkdown(_ text: String) -> String {
        let core = text.drop { $0 == " " }
        guard !core.isEmpty else { return text.isEmpty ? "" : " " }
        let trimmed = core.dropLast(core.reversed().prefix { $0 == " " }.count)
        let leading = text.count - core.count > 0 ? " " : ""
        let trailing = core.count - trimmed.count > 0 ? " " : ""
        return leading + Escaping.markdown(String(trimmed)) + trailing
    }

    private static func markdown(_ inlines: [MarkdownInline]) -> String {
        var output = ""
        for inline in inlines {
            switch inline {
            case let .text(text), let .code(text): output += inlineMarkdown(text)
            case .lineBreak: output += "\\\n"
            case let .emphasis(inner): output += "*" + markdown(inner) + "*"
            case let .strong(inner): output += "**" + markdown(inner) + "**"
            case let .strikethrough(inner): output += "~~" + markdown(inner) + "~~"
            case let .link(url, inner):
                let shown = inner.isEmpty ? Escaping.markdown(url) : markdown(inner)
                guard url.isSafeLinkTarget else { output += shown; continue }
                output += "[" + shown + "](<" + url.percentEncodingMarkdownDestination + ">)"
            }
        }
        return output
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// A link destination inside `<…>`: nothing in it may close it or break the line.
    var percentEncodingMarkdownDestination: String {
        var output = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "<": output += "%3C"
            case ">": output += "%3E"
            case " ": output += "%20"
            case "\\": output += "%5C"
            case "\n", "\r", "\t": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
