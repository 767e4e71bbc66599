import DocketModel
import ArgumentParser
import DocketDocuments
import DocketStore
import Foundation

extension DocumentFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// What every paper command takes: the format, the public version, the language and where to write.
struct PaperOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "md, html, docx, txt or pdf (PDF needs Debian's weasyprint).")
    var format: DocumentFormat = .markdown
    @Flag(help: "The public version: items exempt from public access keep their number, placeholder title and legal basis only.")
    var `public` = false
    @Option(help: "nb (bokmål, the default), nn (nynorsk) or en.") var language = "nb"
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file ('-' for standard output; the default for md, html and txt).", valueName: "path"))
    var output: String?
    @Flag(help: "Start each case paper on a new page (summons and case papers); by default they flow on.")
    var pagePerItem = false

    /// Renders one paper of a meeting and writes it where it should go.
    func write(_ kind: DocumentKind, of meetingReference: MeetingReference, store: StoreOptions) throws {
        guard let language = Language(code: language) else {
            throw ValidationError("'\(language)' is not a language Docket writes; use nb, nn or en")
        }
        let opened = try store.openForReading()
        let papers = try MeetingPapers(store: opened, meeting: meetingReference, language: language)
        let meeting = try opened.meeting(meetingReference)
        var renderer: DocumentRenderer
        if let folder = try opened.body(slug: meeting.body).templateFolder {
            renderer = try DocumentRenderer(templateFolder: URL(fileURLWithPath: folder))
        } else {
            renderer = DocumentRenderer()
        }
        renderer.pagePerItem = pagePerItem
        var data = try renderer.render(kind, of: papers, as: format, isPublic: `public`)
        if format == .pdf, kind == .summons {
            // The summons as sent: the PDF attachments follow it in agenda order (those of exempt
            // items are not in the public version); the others are listed by title in it.
            let shown = `public` ? papers.redactedForPublic() : papers
            var pdfs: [(title: String, pdf: Data)] = []
            for attachment in shown.attachments where attachment.mediaType == "application/pdf" {
                guard let id = attachment.fileID, let content = try opened.attachmentContent(id: id) else { continue }
                pdfs.append((attachment.title, content))
            }
            data = try PDFAttachments().append(pdfs, to: data)
        }
        let isBinary = format == .docx || format == .pdf
        let destination = output ?? (isBinary ? "\(meeting.body)-\(meeting.date)-\(kind.rawValue)\(`public` ? "-offentlig" : "").\(format.fileExtension)" : "-")
        try writeOutput(data, to: destination)
        if destination != "-" { printNote("Wrote \(destination) (\(data.count) bytes)") }
    }
}
