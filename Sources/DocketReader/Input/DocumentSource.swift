import Foundation

/// The formats the reader takes.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case text
    case docx
    case pdf
    case html
    /// Markdown, as secretaries (and Docket) write papers: pipe tables, # headings, emphasis.
    case markdown

    /// From a file name's extension; plain text for anything unknown (".txt", none).
    public init(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "docx": self = .docx
        case "pdf": self = .pdf
        case "html", "htm", "xhtml": self = .html
        case "md", "markdown": self = .markdown
        default: self = .text
        }
    }
}

/// Why a document could not be read at all (as opposed to warnings about what it says).
public enum ReaderError: Error, Equatable, CustomStringConvertible {
    case missingTool(name: String, debianPackage: String)
    case unreadable(format: DocumentFormat, reason: String)
    case fileNotFound(String)
    /// A format the reader does not take, with what to do about it.
    case unsupportedFormat(fileExtension: String, advice: String)

    public var description: String {
        switch self {
        case let .missingTool(name, package):
            "\(name) is not installed; it is needed to read PDF files. Install the Debian package \(package) (apt-get install \(package))."
        case let .unreadable(format, reason):
            "the \(format.rawValue) document could not be read: \(reason)"
        case let .fileNotFound(path):
            "no such file: \(path)"
        case let .unsupportedFormat(fileExtension, advice):
            ".\(fileExtension) files cannot be read: \(advice)"
        }
    }
}

/// Turns a file or its bytes into text plus the encoding it was read in.
enum DocumentSource {
    static func text(of data: Data, format: DocumentFormat) throws -> DecodedText {
        switch format {
        case .text:
            if looksBinary(data) {
                throw ReaderError.unreadable(format: .text, reason: "the file holds binary data, not text")
            }
            return TextDecoding.decode(data)
        case .html:
            var decoded = TextDecoding.decode(data)
            decoded.text = HTMLText.text(from: decoded.text)
            return decoded
        case .markdown:
            var decoded = TextDecoding.decode(data)
            decoded.text = MarkdownText.text(from: decoded.text)
            return decoded
        case .docx:
            return DecodedText(text: try DocxText.text(from: data), encoding: nil)
        case .pdf:
            let temporary = FileManager.default.temporaryDirectory
                .appendingPathComponent("docket-reader-\(UUID().uuidString).pdf")
            try data.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            return try PDFText.decoded(fromFile: temporary)
        }
    }

    /// Old office formats an archive is likely to hold, and how to get them into one the reader takes.
    static let unsupported: [String: String] = [
        "doc": "convert it to .docx first (soffice --headless --convert-to docx FILE)",
        "rtf": "convert it to .docx first (soffice --headless --convert-to docx FILE)",
        "odt": "convert it to .docx first (soffice --headless --convert-to docx FILE)",
        "wpd": "convert it to .docx first (soffice --headless --convert-to docx FILE)",
    ]

    /// NUL bytes in a file without a UTF-16 byte order mark: a binary file given as text.
    static func looksBinary(_ data: Data) -> Bool {
        let prefix = data.prefix(4096)
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return false }
        return prefix.contains(0)
    }

    static func text(ofFile url: URL) throws -> DecodedText {
        guard FileManager.default.fileExists(atPath: url.path) else { throw ReaderError.fileNotFound(url.path) }
        if let advice = unsupported[url.pathExtension.lowercased()] {
            throw ReaderError.unsupportedFormat(fileExtension: url.pathExtension.lowercased(), advice: advice)
        }
        let format = DocumentFormat(fileExtension: url.pathExtension)
        if format == .pdf { return try PDFText.decoded(fromFile: url) }
        return try text(of: Data(contentsOf: url), format: format)
    }
}
