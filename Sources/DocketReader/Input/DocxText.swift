import Foundation
@preconcurrency import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the text of a Word document (`.docx`): `word/document.xml` inside the ZIP.
///
/// Paragraphs become lines; a table row becomes one line with its cells apart by tabs (paragraphs
/// inside a cell joined by spaces), so agenda tables read as tables; `w:tab` is a tab, `w:br` a new
/// line; list paragraphs (`w:numPr`) get a "- " marker, as a person copying the text would see bullets.
enum DocxText {
    static func text(from data: Data) throws -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReaderError.unreadable(format: .docx, reason: "not a ZIP archive (\(error))")
        }
        guard let entry = archive["word/document.xml"] else {
            throw ReaderError.unreadable(format: .docx, reason: "no word/document.xml inside the archive")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw ReaderError.unreadable(format: .docx, reason: "word/document.xml could not be extracted (\(error))")
        }
        return try text(fromDocumentXML: xml)
    }

    /// The text of `word/document.xml` itself; split out so it can be tested without a ZIP.
    static func text(fromDocumentXML xml: Data) throws -> String {
        let collector = Collector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else {
            throw ReaderError.unreadable(format: .docx,
                                         reason: "word/document.xml is not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "unknown error"))")
        }
        return collector.lines.joined(separator: "\n") + "\n"
    }

    /// Collects lines while the parser walks the XML.
    private final class Collector: NSObject, XMLParserDelegate {
        var lines: [String] = []
        private var paragraph = ""
        private var inText = false
        private var isListParagraph = false
        private var tableDepth = 0
        private var rowCells: [[String]] = []
        private var cellParagraphs: [String]?

        private func localName(_ name: String) -> String {
            name.split(separator: ":").last.map(String.init) ?? name
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            switch localName(elementName) {
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

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            switch localName(elementName) {
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

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { paragraph += string }
        }
    }
}
