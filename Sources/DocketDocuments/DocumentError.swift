/// What can go wrong when papers are rendered.
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A template does not parse: the file (the name of a default, or the path of a body's own
    /// file), the line and column of the error, the line's text and what is wrong.
    case templateSyntax(file: String, line: Int, column: Int, lineText: String, reason: String)
    /// The folder of a body's own templates, or a file in it, cannot be read.
    case templateFolder(path: String, reason: String)
    /// A template the document needs is in neither the body's folder nor the defaults.
    case missingTemplate(name: String)
    /// Exporting the templates would overwrite a file.
    case exists(path: String)
    /// This format is not text (DOCX, PDF): use ``DocumentRenderer/render(_:of:as:isPublic:)``.
    case notText(DocumentFormat)
    /// The PDF engine is not installed.
    case pdfEngineMissing(command: String, package: String)
    /// The PDF engine ran and failed.
    case pdfEngineFailed(status: Int32, message: String)
    /// qpdf could not append the attachments to the paper.
    case pdfAppendFailed(status: Int32, message: String)
    /// The DOCX could not be assembled.
    case packaging(reason: String)

    public var description: String {
        switch self {
        case let .templateSyntax(file, line, column, lineText, reason):
            "\(file):\(line):\(column): \(reason)\n    \(lineText)"
        case let .templateFolder(path, reason):
            "cannot read templates at \(path): \(reason)"
        case let .missingTemplate(name):
            "no template \(name) (neither in the body's template folder nor among the defaults)"
        case let .exists(path):
            "\(path) exists already; nothing was written (remove it, or export to an empty folder)"
        case let .notText(format):
            "\(format.rawValue) is not a text format"
        case let .pdfEngineMissing(command, package):
            "PDF output needs the '\(command)' command, which is not installed: install the Debian package '\(package)' (apt-get install \(package))"
        case let .pdfEngineFailed(status, message):
            "weasyprint failed (exit status \(status)): \(message)"
        case let .pdfAppendFailed(status, message):
            "qpdf could not append the PDF attachments (exit status \(status)): \(message)"
        case let .packaging(reason):
            "cannot build the DOCX: \(reason)"
        }
    }
}
