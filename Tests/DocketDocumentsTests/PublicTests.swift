import DocketDocuments
import DocketModel
import Foundation
import Testing

/// `--public`: an exempt item keeps its number, placeholder and legal basis, and nothing of its text.
@Suite struct PublicTests {
    let renderer = DocumentRenderer()
    let marker = SampleMeeting.exemptMarker

    @Test(arguments: DocumentKind.allCases)
    func textFormatsHoldNothingOfTheExemptItem(kind: DocumentKind) throws {
        for format in [DocumentFormat.markdown, .html, .text] {
            let unredacted = try renderer.renderText(kind, of: SampleMeeting.papers(), as: format)
            let published = try renderer.renderText(kind, of: SampleMeeting.papers(), as: format, isPublic: true)
            #expect(unredacted.contains(marker), "the internal \(kind) in \(format) should show the item")
            #expect(!published.contains(marker), "the public \(kind) in \(format) shows the exempt item's text")
            #expect(published.contains("8/26"))
            #expect(published.contains("Tilsetting av prosjektleder"))
            if kind != .agenda {
                #expect(Extract.decodeEntities(published).contains("Unntatt offentlighet, jf. offl. § 25"))
            }
        }
    }

    @Test(arguments: DocumentKind.allCases)
    func wordHoldsNothingOfTheExemptItem(kind: DocumentKind) throws {
        let data = try renderer.render(kind, of: SampleMeeting.papers(), as: .docx, isPublic: true)
        for (path, bytes) in try Extract.unzip(data) {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(marker), "\(path) of the public \(kind)")
        }
    }

    @Test func pdfHoldsNothingOfTheExemptItem() throws {
        guard PDFEngine().isAvailable, let pdftotext = which("pdftotext") else {
            Issue.record("scripts/setup installs what this test needs, but weasyprint or pdftotext is missing (Debian packages weasyprint, poppler-utils)")
            return
        }
        let folder = try temporaryFolder("public-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("minutes.pdf")
        try renderer.render(.minutes, of: SampleMeeting.papers(), as: .pdf, isPublic: true).write(to: pdf)
        let text = folder.appendingPathComponent("minutes.txt")
        try run(pdftotext, [pdf.path, text.path])
        let shown = try String(contentsOf: text, encoding: .utf8)
        #expect(!shown.contains(marker))
        #expect(shown.contains("8/26"))
    }

    @Test func redactionKeepsNumberPlaceholderAndBasisOnly() throws {
        let redacted = SampleMeeting.papers().redactedForPublic()
        let item = try #require(redacted.items.first { $0.number == ItemNumber("8/26") })
        #expect(item.title == "Tilsetting av prosjektleder")
        #expect(item.caseText == nil && item.proposal == nil && item.decision == nil && item.documentBasis == nil && item.kind == nil)
        #expect(item.exemptionBasis == "offl. § 25")
        #expect(redacted.isPublicVersion)
        #expect(!redacted.attachments.contains { $0.itemNumber == ItemNumber("8/26") })
        let encoded = String(decoding: try JSONEncoder().encode(redacted), as: UTF8.self)
        #expect(!encoded.contains(marker))
    }

    @Test func placeholderWhenNoPublicTitle() throws {
        var papers = SampleMeeting.papers()
        papers.items[7].publicTitle = nil
        let markdown = try renderer.renderText(.agenda, of: papers, as: .markdown, isPublic: true)
        #expect(markdown.contains("| 8/26 | Unntatt offentlighet |"))
    }
}
