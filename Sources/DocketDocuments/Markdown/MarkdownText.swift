import CCmarkGFM

/// A text written in Markdown (a case text, a proposal, a decision), read once by cmark-gfm —
/// GitHub's CommonMark parser, with tables, strikethrough and autolinks — into a small tree of
/// Swift values that each format's writer walks: HTML, plain text, Markdown and WordprocessingML.
///
/// Docket parses no Markdown of its own. Raw HTML in the text is never passed through: cmark's
/// HTML nodes become text, which every writer escapes, so `<script>` prints as `<script>`. Images
/// become their alt text and address (papers never fetch a picture from the net). A line break
/// inside a paragraph stays a line break, as secretaries type them and old minutes hold them.
struct MarkdownText: Hashable, Sendable {
    var blocks: [MarkdownBlock]

    /// Parses `text`; any text parses (CommonMark has no syntax errors).
    init(_ text: String) {
        blocks = Self.parse(text)
    }

    init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }

    /// True when the text has no markup beyond paragraphs of plain text.
    var isPlain: Bool {
        blocks.allSatisfy { block in
            guard case let .paragraph(inlines) = block else { return false }
            return inlines.allSatisfy { inline in
                switch inline {
                case .text, .lineBreak: true
                default: false
                }
            }
        }
    }

    private static let extensionNames = ["table", "strikethrough", "autolink"]

    private static func parse(_ text: String) -> [MarkdownBlock] {
        cmark_gfm_core_extensions_ensure_registered()
        // CMARK_OPT_SAFE is cmark-gfm's default; HTML nodes are turned into text below in any case.
        guard let parser = cmark_parser_new(CMARK_OPT_SAFE) else { return [.paragraph([.text(text)])] }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        return blocks(under: document)
    }

    private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    private static func blocks(under node: OpaquePointer) -> [MarkdownBlock] {
        children(node).compactMap(block)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(under: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(node).map { blocks(under: $0) }
            return .list(ordered: ordered, start: ordered ? Int(cmark_node_get_list_start(node)) : 1, items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .code(literal(node))
        case CMARK_NODE_HTML_BLOCK:
            // Raw HTML is text here, printed as written and escaped by every writer.
            let text = literal(node).trimmingTrailingNewlines
            return text.isEmpty ? nil : .paragraph([.text(text)])
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule
        default:
            guard typeName(node) == "table" else {
                let nested = blocks(under: node)
                return nested.isEmpty ? nil : .quote(nested)
            }
            return table(node)
        }
    }

    private static func table(_ node: OpaquePointer) -> MarkdownBlock {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch UInt8(raw[column]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        for row in children(node) {
            let cells = children(row).map { inlines(under: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return .table(MarkdownTable(alignments: alignments, header: header, rows: rows))
    }

    private static func inlines(under node: OpaquePointer) -> [MarkdownInline] {
        children(node).compactMap(inline)
    }

    private static func inline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
            return .text(literal(node))
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            return .lineBreak
        case CMARK_NODE_CODE:
            return .code(literal(node))
        case CMARK_NODE_EMPH:
            return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG:
            return .strong(inlines(under: node))
        case CMARK_NODE_LINK:
            return .link(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "", inlines(under: node))
        case CMARK_NODE_IMAGE:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            return .link(url: url, inlines(under: node))
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(under: node)) }
            let nested = inlines(under: node)
            return nested.isEmpty ? (literal(node).isEmpty ? nil : .text(literal(node))) : .emphasis(nested)
        }
    }
}

/// A block of a Markdown text.
indirect enum MarkdownBlock: Hashable, Sendable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    case quote([MarkdownBlock])
    /// Each item is its own blocks; `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]])
    case table(MarkdownTable)
    case code(String)
    case rule
}

/// A table: a header row and body rows of cells, each cell a run of inlines.
struct MarkdownTable: Hashable, Sendable {
    var alignments: [MarkdownAlignment]
    var header: [[MarkdownInline]]
    var rows: [[[MarkdownInline]]]

    var columnCount: Int { max(alignments.count, header.count, rows.map(\.count).max() ?? 0) }
}

enum MarkdownAlignment: Hashable, Sendable {
    case none, left, center, right
}

/// Inline content.
indirect enum MarkdownInline: Hashable, Sendable {
    case text(String)
    case lineBreak
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    /// A link (or an image, as a link to it): the address and the text shown.
    case link(url: String, [MarkdownInline])
}

extension [MarkdownInline] {
    /// The text without markup: for plain text, cells and alt texts.
    var plainText: String {
        var result = ""
        for inline in self {
            switch inline {
            case let .text(text), let .code(text): result += text
            case .lineBreak: result += "\n"
            case let .emphasis(inner), let .strong(inner), let .strikethrough(inner): result += inner.plainText
            case let .link(url, inner):
                let shown = inner.plainText
                result += shown.isEmpty || shown == url ? url : shown
            }
        }
        return result
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }

    /// Whether the address is one a paper may link to: the web and e-mail. Others (`javascript:`,
    /// `file:`, `data:`) are printed as text.
    var isSafeLinkTarget: Bool {
        let lower = lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }
}
