import Foundation

/// Reads the text of a Word document (`.docx`): `word/document.xml` inside the ZIP.
///
/// Paragraphs become lines; a table row becomes one line with its cells apart by tabs (paragraphs
/// inside a cell joined by spaces), so agenda tables read as tables; `w:tab` is a tab, `w:br` a new
/// line; list paragraphs (`w:numPr`) get a "- " marker, as a person copying the text would see bullets.
///
/// The archive and the XML are read by the reader's own ``ZipArchive`` and ``XMLScanner``, which
/// check what they are given: a hostile file is an error naming the entry, never a crash.
enum DocxText {
    /// What `word/document.xml` may inflate to. Real minutes are well under a megabyte of XML.
    static let maximumEntrySize = 64 << 20
    static let documentEntry = "word/document.xml"

    static func text(from data: Data) throws -> String {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(data)
        } catch {
            throw ReaderError.unreadable(format: .docx, reason: error.description)
        }
        guard let entry = archive.entry(named: documentEntry) else {
            throw ReaderError.unreadable(format: .docx, reason: "no \(documentEntry) inside the archive")
        }
        let xml: [UInt8]
        do {
            xml = try archive.contents(of: entry, limit: maximumEntrySize)
        } catch {
            throw ReaderError.unreadable(format: .docx, reason: error.description)
        }
        return try text(fromDocumentXML: xml)
    }

    /// The text of `word/document.xml` itself; split out so it can be tested without a ZIP.
    static func text(fromDocumentXML xml: Data) throws -> String {
        try text(fromDocumentXML: [UInt8](xml))
    }

    static func text(fromDocumentXML xml: [UInt8]) throws -> String {
        var collector = Collector()
        do {
            try XMLScanner.scan(xml) { event in
                switch event {
                case let .start(name): collector.start(localName(name))
                case let .end(name): collector.end(localName(name))
                case let .text(text): collector.characters(text)
                }
            }
        } catch {
            throw ReaderError.unreadable(format: .docx, reason: "\(documentEntry) is not well-formed XML (\(error))")
        }
        return collector.lines.joined(separator: "\n") + "\n"
    }

    private static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// Collects lines while the scanner walks the XML.
    private struct Collector {
        var lines: [String] = []
        private var paragraph = ""
        private var inText = false
        private var isListParagraph = false
        private var tableDepth = 0
        private var rowCells: [[String]] = []
        private var cellParagraphs: [String]?

        mutating func start(_ name: Substring) {
            switch name {
            case "p": paragraph = ""; isListParagraph = false
            case "t": inText = true
            case "tab": paragraph += "\t"
            case "br", "cr":
                if cellParagraphs != nil { paragraph += " " } else { lines.append(paragraph); paragraph = "" }
            case "numPr": isListParagraph = true
            case "tbl": tableDepth += 1
            case "tr" where tableDepth == 1: rowCells = []
            case "tc" where tableDepth == 1: cellParagraphs = []
            default: break
            }
        }

        mutating func end(_ name: Substring) {
            switch name {
            case "t": inText = false
            case "p":
                let text = (isListParagraph ? "- " : "") + paragraph
                if cellParagraphs != nil {
                    cellParagraphs?.append(text.trimmed)
                } else {
                    lines.append(text)
                }
                paragraph = ""
            case "tc" where tableDepth == 1:
                rowCells.append(cellParagraphs ?? [])
                cellParagraphs = nil
            case "tr" where tableDepth == 1:
                let cells = rowCells.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }
                lines.append(cells.joined(separator: "\t"))
            case "tbl":
                tableDepth -= 1
            default: break
            }
        }

        mutating func characters(_ string: String) {
            if inText { paragraph += string }
        }
    }
}
