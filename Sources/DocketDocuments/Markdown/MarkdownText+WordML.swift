/// WordprocessingML for a ``MarkdownText``: paragraphs in a given style, real Word lists (numbering
/// definitions in `word/numbering.xml`, each ordered list restarting at its own number) and tables.
extension MarkdownText {
    func wordML(paragraphStyle: String, numbering: WordNumbering) -> String {
        var output = ""
        for block in blocks { Self.wordML(block, style: paragraphStyle, level: 0, numbering: numbering, into: &output) }
        return output
    }

    private static func paragraph(_ style: String, _ runs: String, numID: Int? = nil, level: Int = 0) -> String {
        let list = numID.map { "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\($0)\"/></w:numPr>" } ?? ""
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(list)</w:pPr>\(runs)</w:p>\n"
    }

    private static func wordML(_ block: MarkdownBlock, style: String, level: Int, numbering: WordNumbering, into output: inout String) {
        switch block {
        case let .paragraph(inlines):
            output += paragraph(style, runs(inlines))
        case let .heading(_, inlines):
            output += paragraph(style, runs(inlines, bold: true))
        case let .quote(inner):
            for block in inner { wordML(block, style: style, level: level, numbering: numbering, into: &output) }
        case let .list(ordered, start, items):
            let numID = ordered ? numbering.orderedList(start: start) : WordNumbering.bulletID
            for item in items {
                var first = true
                for block in item {
                    if first, case let .paragraph(inlines) = block {
                        output += paragraph(style, runs(inlines), numID: numID, level: min(level, 8))
                    } else if case .list = block {
                        wordML(block, style: style, level: level + 1, numbering: numbering, into: &output)
                    } else {
                        wordML(block, style: style, level: level, numbering: numbering, into: &output)
                    }
                    first = false
                }
            }
        case let .table(table):
            output += wordTable(table, style: style)
        case let .code(text):
            output += paragraph(style, run(text.trimmingTrailingNewlines, properties: "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>"))
        case .rule:
            output += "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"auto\"/></w:pBdr></w:pPr></w:p>\n"
        }
    }

    private static func wordTable(_ table: MarkdownTable, style: String) -> String {
        let columns = max(table.columnCount, 1)
        let width = 9000 / columns
        var output = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            output += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
        }
        output += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
        output += "<w:tblLook w:val=\"0020\" w:firstRow=\"1\"/></w:tblPr><w:tblGrid>"
        output += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns)
        output += "</w:tblGrid>\n"
        func row(_ cells: [[MarkdownInline]], header: Bool) {
            output += header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for column in 0..<columns {
                let cell = column < cells.count ? cells[column] : []
                var justification = ""
                if column < table.alignments.count {
                    switch table.alignments[column] {
                    case .center: justification = "<w:jc w:val=\"center\"/>"
                    case .right: justification = "<w:jc w:val=\"right\"/>"
                    default: break
                    }
                }
                output += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>"
                output += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/><w:spacing w:before=\"0\" w:after=\"0\"/>\(justification)</w:pPr>"
                output += runs(cell, bold: header) + "</w:p></w:tc>"
            }
            output += "</w:tr>\n"
        }
        if !table.header.isEmpty { row(table.header, header: true) }
        for cells in table.rows { row(cells, header: false) }
        // Word needs a paragraph between a table and what follows.
        return output + "</w:tbl>\n<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>\n"
    }

    private static func run(_ text: String, properties: String) -> String {
        let props = properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>"
        return "<w:r>\(props)<w:t xml:space=\"preserve\">\(Escaping.wordprocessingML(text))</w:t></w:r>"
    }

    private static func runs(_ inlines: [MarkdownInline], bold: Bool = false, italic: Bool = false, strike: Bool = false,
                             link: Bool = false) -> String {
        var properties = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        if strike { properties += "<w:strike/>" }
        if link { properties += "<w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>" }
        var output = ""
        for inline in inlines {
            switch inline {
            case let .text(text): output += run(text, properties: properties)
            case .lineBreak: output += "<w:r><w:br/></w:r>"
            case let .code(text):
                output += run(text, properties: properties + "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>")
            case let .emphasis(inner): output += runs(inner, bold: bold, italic: true, strike: strike, link: link)
            case let .strong(inner): output += runs(inner, bold: true, italic: italic, strike: strike, link: link)
            case let .strikethrough(inner): output += runs(inner, bold: bold, italic: italic, strike: true, link: link)
            case let .link(url, inner):
                let shown = runs(inner.isEmpty ? [.text(url)] : inner, bold: bold, italic: italic, strike: strike, link: url.isSafeLinkTarget)
                guard url.isSafeLinkTarget else {
                    output += shown
                    continue
                }
                // A real hyperlink: WordPackage turns the placeholder id into a relationship of
                // document.xml.rels with the address as its external target.
                output += "<w:hyperlink r:id=\"\(WordPackage.linkMarker)\(Escaping.xmlAttribute(url))\" w:history=\"1\">\(shown)</w:hyperlink>"
            }
        }
        return output
    }
}

/// The list definitions of a Word document: one bulleted list definition, and one numbering
/// instance per ordered list so that each restarts at its own first number. Filled while the
/// document is rendered, then written as `word/numbering.xml`.
final class WordNumbering: @unchecked Sendable {
    static let bulletID = 1
    private(set) var orderedStarts: [Int] = []

    /// A new numbering instance for an ordered list beginning at `start`; its id.
    func orderedList(start: Int) -> Int {
        orderedStarts.append(start)
        return orderedStarts.count + 1
    }

    /// `word/numbering.xml`.
    var part: String {
        var output = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            """
        output += Self.abstract(id: 0, format: "bullet", text: { _ in "•" })
        output += Self.abstract(id: 1, format: "decimal", text: { "%\($0 + 1)." })
        output += "<w:num w:numId=\"\(Self.bulletID)\"><w:abstractNumId w:val=\"0\"/></w:num>"
        for (index, start) in orderedStarts.enumerated() {
            output += "<w:num w:numId=\"\(index + 2)\"><w:abstractNumId w:val=\"1\"/>"
            output += "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"\(start)\"/></w:lvlOverride></w:num>"
        }
        return output + "</w:numbering>"
    }

    private static func abstract(id: Int, format: String, text: (Int) -> String) -> String {
        var output = "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        for level in 0..<9 {
            let indent = 720 + 360 * level
            output += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/>"
            output += "<w:lvlText w:val=\"\(text(level))\"/><w:lvlJc w:val=\"left\"/>"
            output += "<w:pPr><w:ind w:left=\"\(indent)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
        }
        return output + "</w:abstractNum>"
    }
}
