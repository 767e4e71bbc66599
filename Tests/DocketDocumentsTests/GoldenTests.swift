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

    /// `DOCKET_SAMPLES_DIR=DIR` writes every paper of both meetings in every format (DOCX and PDF
    /// included) to DIR, for a person to open and review.
    @Test func writeSamplesForReview() throws {
        guard let path = ProcessInfo.processInfo.environment["DOCKET_SAMPLES_DIR"] else { return }
        let folder = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (prefix, papers) in [("sample", SampleMeeting.papers()), ("corpus", CorpusMeeting.papers())] {
            for kind in DocumentKind.allCases {
                for format in DocumentFormat.allCases where format != .pdf || PDFEngine().isAvailable {
                    try renderer.render(kind, of: papers, as: format)
                        .write(to: folder.appendingPathComponent("\(prefix)-\(kind.rawValue).\(format.fileExtension)"))
                }
            }
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
