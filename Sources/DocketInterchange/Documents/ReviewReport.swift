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

    /// One document's part of the report, as a format knows nothing of: its facts, its tables of
    /// items and attendance (rows of plain cells), and its warnings. The two writers only render it.
    struct Section {
        struct Table {
            var caption: String
            var columns: [String]
            var rows: [[String]]
        }

        var anchor: String
        var name: String
        var failed: Bool
        var facts: [(label: String, value: String)]
        var tables: [Table]
        /// Said where a document was read but no items were found.
        var note: String?
        var warnings: [ReadWarning]
    }

    /// One document's part of the report.
    public func section(for result: DocumentImport) -> String {
        let model = sectionModel(for: result)
        switch format {
        case .html: return htmlSection(model)
        case .markdown: return markdownSection(model)
        }
    }

    func sectionModel(for result: DocumentImport) -> Section {
        var facts: [(label: String, value: String)] = [("File", result.file), ("Status", statusText(result))]
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
        var tables: [Section.Table] = []
        if !items.isEmpty {
            tables.append(Section.Table(caption: "Items (\(items.count))",
                                        columns: ["Line", "Number", "Title", "Proposal starts", "Decision starts", "Outcome"],
                                        rows: items.map { item in
                ["\(item.line)", item.number.description, item.title, excerpt(item.proposal), excerpt(item.decision),
                 item.outcome.map { "\($0.norwegian)" } ?? ""]
            }))
        }
        if !attendance.isEmpty {
            tables.append(Section.Table(caption: "Attendance (\(attendance.count))", columns: ["Line", "Name", "Status", "Role"],
                                        rows: attendance.map { ["\($0.line)", $0.name, attendanceStatus($0), $0.roleText ?? ""] }))
        }
        return Section(anchor: "doc-" + anchor(result.file), name: URL(fileURLWithPath: result.file).lastPathComponent,
                       failed: result.status == .failed, facts: facts, tables: tables,
                       note: items.isEmpty && result.read != nil ? "No items read." : nil, warnings: result.warnings)
    }

    private func htmlSection(_ section: Section) -> String {
        var out = "<section aria-labelledby=\"\(section.anchor)\">\n<h2 id=\"\(section.anchor)\"\(section.failed ? " class=\"failed\"" : "")>\(html(section.name))</h2>\n<dl>\n"
        for (label, value) in section.facts { out += "<dt>\(html(label))</dt><dd>\(html(value))</dd>\n" }
        out += "</dl>\n"
        if let note = section.note { out += "<p>\(html(note))</p>\n" }
        for table in section.tables {
            out += "<table>\n<caption>\(html(table.caption))</caption>\n<thead><tr>"
                + table.columns.map { "<th scope=\"col\">\(html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(html($0))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        if !section.warnings.isEmpty {
            out += "<h3>Warnings (\(section.warnings.count))</h3>\n<ul>\n"
            for warning in section.warnings {
                out += "<li>line \(warning.line.map(String.init) ?? "–"): <code>\(html(warning.code.rawValue))</code> \(html(warning.message))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    private func markdownSection(_ section: Section) -> String {
        var out = "## \(markdown(section.name))\n\n"
        for (label, value) in section.facts { out += "- **\(label):** \(markdown(value))\n" }
        out += "\n"
        if let note = section.note { out += "\(markdown(note))\n\n" }
        for table in section.tables {
            out += "\(markdown(table.caption)):\n\n| " + table.columns.map(markdown).joined(separator: " | ") + " |\n|"
                + String(repeating: "---|", count: table.columns.count) + "\n"
            for row in table.rows { out += "| " + row.map(markdown).joined(separator: " | ") + " |\n" }
            out += "\n"
        }
        if !section.warnings.isEmpty {
            out += "Warnings (\(section.warnings.count)):\n\n"
            for warning in section.warnings {
                out += "- line \(warning.line.map(String.init) ?? "–"): `\(warning.code.rawValue)` \(markdown(warning.message))\n"
            }
            out += "\n"
        }
        return out
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
