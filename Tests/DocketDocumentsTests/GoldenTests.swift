import DocketDocuments
import Foundation
import Testing

/// The reviewed output of every format. A change to a template or to the view-model layer shows up
/// here as a diff; `DOCKET_UPDATE_GOLDEN=1` rewrites the files.
@Suite struct GoldenTests {
    let renderer = DocumentRenderer()

    @Test(arguments: DocumentKind.allCases)
    func sampleMeeting(kind: DocumentKind) throws {
        try checkAllFormats(kind, of: SampleMeeting.papers(), prefix: "sample")
    }

    @Test func corpusSummons() throws {
        try checkAllFormats(.summons, of: CorpusMeeting.papers(), prefix: "corpus")
    }

    @Test func publicSummons() throws {
        let markdown = try renderer.renderText(.summons, of: SampleMeeting.papers(), as: .markdown, isPublic: true)
        try Golden.check(markdown, against: "sample-summons-public.md")
    }

    @Test func englishMinutes() throws {
        let markdown = try renderer.renderText(.minutes, of: SampleMeeting.papers(language: .english), as: .markdown)
        try Golden.check(markdown, against: "sample-minutes-en.md")
    }

    @Test func wordStylesAndFooter() throws {
        let parts = try renderer.wordParts(.summons, of: SampleMeeting.papers())
        try Golden.check(parts.styles, against: "styles.xml")
        try Golden.check(parts.footer, against: "footer1.xml")
    }

    /// Every paper of both meetings in every format (DOCX and PDF included), written as a person would
    /// open them: each file holds the body's name where its text can be read back. `DOCKET_SAMPLES_DIR=DIR`
    /// keeps them in DIR for review; otherwise they go to a temporary folder.
    @Test func writeSamplesForReview() throws {
        let kept = ProcessInfo.processInfo.environment["DOCKET_SAMPLES_DIR"]
        let folder = try kept.map { path in
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        } ?? temporaryFolder("samples")
        defer { if kept == nil { try? FileManager.default.removeItem(at: folder) } }
        #expect(PDFEngine().isAvailable, "scripts/setup installs weasyprint, which the PDF papers need")
        for (prefix, papers) in [("sample", SampleMeeting.papers()), ("corpus", CorpusMeeting.papers())] {
            for kind in DocumentKind.allCases {
                for format in DocumentFormat.allCases where format != .pdf || PDFEngine().isAvailable {
                    let file = folder.appendingPathComponent("\(prefix)-\(kind.rawValue).\(format.fileExtension)")
                    try renderer.render(kind, of: papers, as: format).write(to: file)
                    let text = try readableText(of: file, format: format)
                    #expect(text.contains(papers.body.name), "\(file.lastPathComponent) does not name \(papers.body.name)")
                }
            }
        }
    }

    /// The text a reader of the file sees: the file itself, the DOCX's document part, or pdftotext's output.
    private func readableText(of file: URL, format: DocumentFormat) throws -> String {
        let data = try Data(contentsOf: file)
        switch format {
        case .docx:
            return try Extract.wordText(try #require(try Extract.unzip(data)["word/document.xml"]))
        case .pdf:
            #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-")
            let pdftotext = try #require(which("pdftotext"), "scripts/setup installs pdftotext (poppler-utils)")
            let out = file.appendingPathExtension("txt")
            _ = try run(pdftotext, [file.path, out.path])
            return try String(contentsOf: out, encoding: .utf8).replacingOccurrences(of: "\n", with: " ")
        default:
            return String(decoding: data, as: UTF8.self)
        }
    }

    private func checkAllFormats(_ kind: DocumentKind, of papers: MeetingPapers, prefix: String) throws {
        let name = "\(prefix)-\(kind.rawValue)"
        for format in [DocumentFormat.markdown, .html, .text] {
            try Golden.check(try renderer.renderText(kind, of: papers, as: format), against: "\(name).\(format.fileExtension)")
        }
        let parts = try renderer.wordParts(kind, of: papers)
        try Golden.check(parts.document, against: "\(name).document.xml")
    }
}
