import Foundation

/// Renders meeting papers through a set of templates.
///
/// ```swift
/// let renderer = DocumentRenderer()                               // the embedded defaults
/// let markdown = try renderer.renderText(.summons, of: papers, as: .markdown)
/// let word = try renderer.render(.minutes, of: papers, as: .docx, isPublic: true)
/// ```
public struct DocumentRenderer: Sendable {
    public let templates: DocumentTemplates
    /// Runs WeasyPrint for PDF output.
    public var pdfEngine: PDFEngine
    /// Start every case paper on a new page (`--page-per-item`); by default they flow on.
    public var pagePerItem = false

    /// WeasyPrint making tagged PDF for accessibility: PDF/UA-1, the document's language from the
    /// HTML's `lang` (WeasyPrint 57 offers `--pdf-variant pdf/ua-1`).
    public static let accessiblePDF: PDFEngine = {
        var engine = PDFEngine()
        engine.extraArguments = ["--pdf-variant", "pdf/ua-1"]
        return engine
    }()

    /// A renderer with the given templates (the embedded defaults unless told otherwise).
    public init(templates: DocumentTemplates = .defaults(), pdfEngine: PDFEngine = DocumentRenderer.accessiblePDF) {
        self.templates = templates
        self.pdfEngine = pdfEngine
    }

    /// A renderer with a body's own templates: files in `folder` replace the defaults of the same name.
    ///
    /// - Throws: ``DocumentError/templateSyntax(file:line:column:lineText:reason:)`` for a file that does not parse.
    public init(templateFolder folder: URL) throws {
        self.init(templates: try DocumentTemplates(overrideFolder: folder))
    }

    /// Renders a paper in any format.
    ///
    /// - Parameters:
    ///   - isPublic: Render the public version: the papers are first redacted with
    ///     ``MeetingPapers/redactedForPublic()``, so exempt items keep only their number and placeholder.
    /// - Returns: UTF-8 text for Markdown, HTML and text; the file's bytes for DOCX and PDF.
    /// - Throws: ``DocumentError``.
    public func render(_ kind: DocumentKind, of papers: MeetingPapers, as format: DocumentFormat, isPublic: Bool = false) throws -> Data {
        switch format {
        case .markdown, .html, .text:
            return Data(try renderText(kind, of: papers, as: format, isPublic: isPublic).utf8)
        case .docx:
            return try WordPackage.make(parts: try wordParts(kind, of: papers, isPublic: isPublic))
        case .pdf:
            let html = try renderText(kind, of: papers, as: .html, isPublic: isPublic)
            return try pdfEngine.makePDF(fromHTML: html)
        }
    }

    private var options: RenderContext.Options {
        RenderContext.Options(pagePerItem: pagePerItem, letterhead: templates.letterhead)
    }

    /// Renders a paper as Markdown, HTML or plain text.
    ///
    /// - Throws: ``DocumentError/notText(_:)`` for DOCX and PDF; other ``DocumentError``s.
    public func renderText(_ kind: DocumentKind, of papers: MeetingPapers, as format: DocumentFormat, isPublic: Bool = false) throws -> String {
        guard format.isText else { throw DocumentError.notText(format) }
        let context = RenderContext(isPublic ? papers.redactedForPublic() : papers, format: format, options: options).make()
        return try templates.render("\(kind.rawValue).\(format.templateSuffix)", context: context)
    }

    /// The XML parts of the DOCX: `word/document.xml`, `word/styles.xml`, `word/footer1.xml`, and the title.
    public func wordParts(_ kind: DocumentKind, of papers: MeetingPapers, isPublic: Bool = false) throws -> WordParts {
        let shown = isPublic ? papers.redactedForPublic() : papers
        let numbering = WordNumbering()
        let context = RenderContext(shown, format: .docx, numbering: numbering, options: options).make()
        let titleKey: String
        switch kind {
        case .summons: titleKey = "summonsTitle"
        case .agenda: titleKey = "agendaTitle"
        case .casePapers: titleKey = "casePapersTitle"
        case .minutes: titleKey = "minutesTitle"
        }
        return WordParts(
            document: try templates.render("\(kind.rawValue).wordml", context: context).trimmingLeadingWhitespace(),
            numbering: numbering.part,
            styles: try templates.render("styles.wordml", context: context).trimmingLeadingWhitespace(),
            footer: try templates.render("footer.wordml", context: context).trimmingLeadingWhitespace(),
            title: context[titleKey] as? String ?? "",
            languageTag: shown.language.phrases.languageTag,
            logo: templates.letterhead?.logo
        )
    }
}

extension String {
    /// An XML declaration must be the very first thing in a part.
    func trimmingLeadingWhitespace() -> String {
        guard let first = first, first.isWhitespace else { return self }
        return String(drop(while: \.isWhitespace))
    }
}
