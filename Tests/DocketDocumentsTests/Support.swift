import DocketDocuments
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@preconcurrency import ZIPFoundation

/// Golden files: the reviewed output of each format, under `Golden/`. A test compares what it
/// renders with the file; `DOCKET_UPDATE_GOLDEN=1 swift test --filter DocketDocumentsTests` rewrites
/// them instead (review the diff with `git diff` before committing).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["DOCKET_UPDATE_GOLDEN"] == "1" }

    /// Checks `actual` against `Golden/name`, or writes it when updating.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if isUpdating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("No golden file \(name); run with DOCKET_UPDATE_GOLDEN=1 to write it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if let difference = firstDifference(expected, actual) {
            Issue.record("\(name) differs from its golden file at \(difference) (DOCKET_UPDATE_GOLDEN=1 rewrites it)",
                         sourceLocation: sourceLocation)
        }
    }

    /// "line 12: expected '…', got '…'", or nil when equal.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? expectedLines[index] : "<end of file>"
            let right = index < actualLines.count ? actualLines[index] : "<end of file>"
            if left != right { return "line \(index + 1): expected '\(left)', got '\(right)'" }
        }
        return "trailing bytes"
    }
}

/// Reading back what was rendered.
enum Extract {
    /// The entries of a ZIP archive, by path.
    static func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, consumer: { bytes.append($0) })
            entries[entry.path] = bytes
        }
        return entries
    }

    /// The text of a WordprocessingML document, one line per paragraph (w:p), cells of a table row
    /// joined by tabs, `w:br` as a line break and `w:tab` as a tab. Throws when the XML does not parse.
    static func wordText(_ xml: Data) throws -> String {
        let delegate = WordTextCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        guard parser.parse() else {
            throw ExtractError.xml(parser.parserError.map(String.init(describing:)) ?? "unknown error", line: parser.lineNumber)
        }
        return delegate.text
    }

    /// Parses XML, throwing with the parser's message and line when it is not well formed.
    static func parseXML(_ xml: Data) throws {
        let parser = XMLParser(data: xml)
        guard parser.parse() else {
            throw ExtractError.xml(parser.parserError.map(String.init(describing:)) ?? "unknown error", line: parser.lineNumber)
        }
    }

    /// HTML to text: tags dropped, the five entities and numeric ones decoded. Good enough to read back our own output.
    static func htmlText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var inStyle = false
        var tag = ""
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased()
                    if name.hasPrefix("style") { inStyle = true }
                    if name.hasPrefix("/style") { inStyle = false }
                    if ["p", "/p", "tr", "/tr", "li", "h1", "h2", "h3", "br", "/h1", "/h2", "/h3", "dt", "dd"].contains(where: { name == $0 || name.hasPrefix($0 + " ") }) {
                        text += "\n"
                    } else if name.hasPrefix("td") || name.hasPrefix("th") {
                        text += "\t"
                    }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if !inStyle {
                text.append(character)
            }
        }
        return decodeEntities(text)
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Markdown to what a reader sees of its text: backslash escapes removed, emphasis markers kept
    /// (they are only around our own labels).
    static func markdownText(_ markdown: String) -> String {
        // A link shows its text: "[www.digirogaland.no](<http://www.digirogaland.no>)".
        let markdown = markdown.replacingOccurrences(of: #"\[([^\]]*)\]\(<[^>]*>\)"#, with: "$1", options: .regularExpression)
        var text = ""
        var escaped = false
        for character in markdown {
            if escaped {
                if character != "\n" { text.append(character) } else { text.append("\n") }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }

    enum ExtractError: Error, CustomStringConvertible {
        case xml(String, line: Int)
        var description: String {
            switch self {
            case let .xml(message, line): "XML does not parse at line \(line): \(message)"
            }
        }
    }
}

private final class WordTextCollector: NSObject, XMLParserDelegate {
    var text = ""
    private var inText = false
    private var cellsInRow = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "w:t": inText = true
        case "w:br": text += "\n"
        case "w:tab": text += "\t"
        case "w:tr": cellsInRow = 0
        case "w:tc":
            if cellsInRow > 0 { text += "\t" }
            cellsInRow += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "w:t": inText = false
        case "w:p":
            if cellsInRow == 0 { text += "\n" } else { text += "" }
        case "w:tr":
            text += "\n"
            cellsInRow = 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}

/// Finds a command on PATH.
func which(_ command: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(command)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs a command, returning its exit status and its standard error.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docket-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
