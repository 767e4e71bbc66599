/// Which paper to render.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    /// Innkalling: the letter with the agenda, then the case papers.
    case summons
    /// Dagsorden alone.
    case agenda
    /// Saksframlegg alone.
    case casePapers = "casepapers"
    /// Referat / protokoll.
    case minutes
}

/// The file format of a rendered paper.
public enum DocumentFormat: String, CaseIterable, Sendable, Codable {
    case markdown = "md"
    /// One self-contained HTML file with print CSS for A4.
    case html
    /// Plain UTF-8 text.
    case text = "txt"
    /// A Word document (WordprocessingML in a ZIP).
    case docx
    /// PDF, rendered from the HTML by WeasyPrint.
    case pdf

    /// Reads `md`, `markdown`, `html`, `txt`, `text`, `docx`, `word`, `pdf`.
    public init?(name: String) {
        switch name.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "txt", "text": self = .text
        case "docx", "word": self = .docx
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// The file name extension: `md`, `html`, `txt`, `docx`, `pdf`.
    public var fileExtension: String { rawValue }

    /// The suffix of this format's templates: `md`, `html`, `txt`, `wordml` (DOCX), `html` (PDF).
    var templateSuffix: String {
        switch self {
        case .markdown: "md"
        case .html, .pdf: "html"
        case .text: "txt"
        case .docx: "wordml"
        }
    }

    /// Markdown, HTML and text are text; DOCX and PDF are binary.
    public var isText: Bool { self == .markdown || self == .html || self == .text }
}

extension DocumentFormat {
    /// Escapes user text the way this format's templates do (`{{value}}`): Markdown backslash
    /// escapes, HTML entities, WordprocessingML run text; plain text is left as it is.
    public func escape(_ text: String) -> String {
        switch self {
        case .markdown: Escaping.markdown(text)
        case .html, .pdf: Escaping.html(text)
        case .text: text
        case .docx: Escaping.wordprocessingML(text)
        }
    }
}
