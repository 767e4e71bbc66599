import DocketModel
import DocketReader
import Foundation

/// The review report of a document import (`docket import … --report report.html`): per document
/// what was read — meeting, body, each item with its number, title and the start of its proposal
/// and decision, attendance — and every warning with its line, so that a person can check a batch
/// of hundreds in minutes, and find the few documents to open.
///
/// The report is written as the batch goes, one document at a time (``header``, ``section(for:)``
/// each, ``footer(_:)``): it never holds the batch. Every text from a document is escaped for the
/// format; the HTML is a plain, accessible page (headings per document, tables with captions and
/// column headers, a language, no script).
public struct ReviewReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case html
        case markdown = "md"

        /// From the report's file name: .html/.htm is HTML, anything else (and `-`) Markdown.
        public init(path: String) {
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            self = (ext == "html" || ext == "htm") ? .html : .markdown
        }
    }

    public var format: Format
    public var dryRun: Bool
    /// How much of a proposal or decision is shown: enough to recognise it.
    public static let excerptLength = 160

    public init(format: Format, dryRun: Bool) {
        self.format = format
        self.dryRun = dryRun
    }

    var title: String { dryRun ? "Import review (dry run: nothing stored)" : "Import review" }

    public func header(documents: Int) -> String {
        switch format {
        case .html:
            return """
                <!DOCTYPE html>
                <html lang="nb">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>\(html(title))</title>
                <style>
                body { font-family: system-ui, sans-serif; line-height: 1.4; margin: 1rem auto; max-width: 70rem; padding: 0 1rem; color: #111; }
                table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
                th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
                caption { text-align: left; font-weight: bold; }
                .failed { color: #8b0000; }
                section { border-top: 2px solid #333; margin-top: 1.5rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>\(html(title))</h1>
                <p>\(documents) document(s), in the order they were stored. Warnings give the line of the text read (for a PDF: of the text pdftotext, or for a scan Tesseract, gave).</p>

                """
        case .markdown:
            return "# \(markdown(title))\n\n\(documents) document(s), in the order they were stored. "
                + "Warnings give the line of the text read (for a PDF: of the text pdftotext, or for a scan Tesseract, gave).\n\n"
        }
    }

    /// One document's part of the report.
    public func section(for result: DocumentImport) -> String {
        let name = URL(fileURLWithPath: result.file).lastPathComponent
        var facts: [(String, String)] = [("File", result.file), ("Status", statusText(result))]
        if let meeting = result.meeting { facts.append(("Meeting", meeting)) }
        if let read = result.read {
            facts.append(("Kind", read.kind.rawValue))
            facts.append(("Body as written", read.body ?? "(none)"))
            if let place = read.meeting.place { facts.append(("Place", place)) }
            if let start = read.meeting.start { facts.append(("Time", "\(start)" + (read.meeting.end.map { "–\($0)" } ?? ""))) }
        }
        if let body = result.bodyCreated { facts.append(("New body", body)) }
        if let failure = result.failure { facts.append(("Failure", failure)) }
        let items = result.read?.items ?? []
        let attendance = (result.read?.attendance ?? []) + (result.read?.otherAttendees ?? [])
        switch format {
        case .html:
            var out = "<section aria-labelledby=\"doc-\(anchor(result.file))\">\n<h2 id=\"doc-\(anchor(result.file))\"\(result.status == .failed ? " class=\"failed\"" : "")>\(html(name))</h2>\n<dl>\n"
            for (label, value) in facts { out += "<dt>\(html(label))</dt><dd>\(html(value))</dd>\n" }
            out += "</dl>\n"
            if !items.isEmpty {
                out += "<table>\n<caption>Items (\(items.count))</caption>\n<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Number</th><th scope=\"col\">Title</th><th scope=\"col\">Proposal starts</th><th scope=\"col\">Decision starts</th><th scope=\"col\">Outcome</th></tr></thead>\n<tbody>\n"
                for item in items {
                    out += "<tr><td>\(item.line)</td><td>\(html(item.number.description))</td><td>\(html(item.title))</td><td>\(html(excerpt(item.proposal)))</td><td>\(html(excerpt(item.decision)))</td><td>\(html(item.outcome.map { "\($0.norwegian)" } ?? ""))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            } else if result.read != nil {
                out += "<p>No items read.</p>\n"
            }
            if !attendance.isEmpty {
                out += "<table>\n<caption>Attendance (\(attendance.count))</caption>\n<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Name</th><th scope=\"col\">Status</th><th scope=\"col\">Role</th></tr></thead>\n<tbody>\n"
                for person in attendance {
                    out += "<tr><td>\(person.line)</td><td>\(html(person.name))</td><td>\(html(attendanceStatus(person)))</td><td>\(html(person.roleText ?? ""))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            if !result.warnings.isEmpty {
                out += "<h3>Warnings (\(result.warnings.count))</h3>\n<ul>\n"
                for warning in result.warnings {
                    out += "<li>line \(warning.line.map(String.init) ?? "–"): <code>\(html(warning.code.rawValue))</code> \(html(warning.message))</li>\n"
                }
                out += "</ul>\n"
            }
            return out + "</section>\n"
        case .markdown:
            var out = "## \(markdown(name))\n\n"
            for (label, value) in facts { out += "- **\(label):** \(markdown(value))\n" }
            out += "\n"
            if !items.isEmpty {
                out += "Items (\(items.count)):\n\n| Line | Number | Title | Proposal starts | Decision starts | Outcome |\n|---|---|---|---|---|---|\n"
                for item in items {
                    out += "| \(item.line) | \(markdown(item.number.description)) | \(markdown(item.title)) | \(markdown(excerpt(item.proposal))) | \(markdown(excerpt(item.decision))) | \(markdown(item.outcome.map { "\($0.norwegian)" } ?? "")) |\n"
                }
                out += "\n"
            } else if result.read != nil {
                out += "No items read.\n\n"
            }
            if !attendance.isEmpty {
                out += "Attendance (\(attendance.count)):\n\n| Line | Name | Status | Role |\n|---|---|---|---|\n"
                for person in attendance {
                    out += "| \(person.line) | \(markdown(person.name)) | \(markdown(attendanceStatus(person))) | \(markdown(person.roleText ?? "")) |\n"
                }
                out += "\n"
            }
            if !result.warnings.isEmpty {
                out += "Warnings (\(result.warnings.count)):\n\n"
                for warning in result.warnings {
                    out += "- line \(warning.line.map(String.init) ?? "–"): `\(warning.code.rawValue)` \(markdown(warning.message))\n"
                }
                out += "\n"
            }
            return out
        }
    }

    public func footer(_ summary: ImportSummary) -> String {
        let verb = dryRun ? "would be imported" : "imported"
        let line = "\(summary.documents) documents: \(summary.imported) \(verb), \(summary.unchanged) unchanged, \(summary.failed) failed; "
            + "\(summary.meetings) new meetings, \(summary.items) new items, \(summary.decisions) decisions, \(summary.warnings) warnings."
        switch format {
        case .html: return "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<p>\(html(line))</p>\n</section>\n</main>\n</body>\n</html>\n"
        case .markdown: return "## Summary\n\n\(markdown(line))\n"
        }
    }

    private func statusText(_ result: DocumentImport) -> String {
        switch result.status {
        case .imported: "imported"
        case .dryRun: "would be imported (dry run)"
        case .unchanged: "imported before; nothing changed"
        case .failed: "failed: nothing stored"
        }
    }

    private func attendanceStatus(_ person: ReadAttendee) -> String {
        switch person.status {
        case .present: "present"
        case .apologies: "apologies"
        case .substitute: "substitute" + (person.substituteFor.map { " for \($0)" } ?? "")
        case nil: "other"
        }
    }

    /// The start of a text on one line, cut at a word.
    func excerpt(_ text: String?) -> String {
        guard let text else { return "" }
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard line.count > Self.excerptLength else { return line }
        var cut = String(line.prefix(Self.excerptLength))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }

    /// Text for HTML content and attribute values.
    func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text on one line of Markdown (a list item or a table cell), printed literally: line breaks
    /// become spaces, markup characters are backslash-escaped, and a line start cannot open a block.
    func markdown(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        var out = ""
        for (index, character) in line.enumerated() {
            if "\\`*_[]<>|~#&!{}".contains(character) || (index == 0 && "-+=.".contains(character)) { out += "\\" }
            out.append(character)
        }
        return out
    }

    private func anchor(_ path: String) -> String {
        String(path.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" })
    }
}
