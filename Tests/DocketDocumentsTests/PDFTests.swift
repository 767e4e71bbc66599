import DocketDocuments
import Foundation
import Testing

@Suite struct PDFTests {
    @Test func rendersA4WithPageNumbers() throws {
        guard PDFEngine().isAvailable else {
            Issue.record("scripts/setup installs what this test needs, but weasyprint is not installed (apt-get install weasyprint)")
            return
        }
        let pdf = try DocumentRenderer().render(.summons, of: CorpusMeeting.papers(), as: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        guard let pdftotext = which("pdftotext"), let pdfinfo = which("pdfinfo") else {
            Issue.record("scripts/setup installs what this test needs, but pdftotext/pdfinfo (poppler-utils) are not installed to read the PDF back")
            return
        }
        let folder = try temporaryFolder("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("summons.pdf")
        try pdf.write(to: file)
        let text = folder.appendingPathComponent("summons.txt")
        try run(pdftotext, [file.path, text.path])
        let shown = try String(contentsOf: text, encoding: .utf8)
        #expect(shown.contains("Innkalling til møte i Digi Rogalands styringsgruppe"))
        #expect(shown.contains("Side 1 av"))
        let info = folder.appendingPathComponent("info.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdfinfo)
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        _ = info
        // A4 is 595 x 842 points; the case papers flow on (a page each only with pagePerItem), but
        // the attachments' texts start pages, so there are more than 5 pages. The PDF is tagged.
        #expect(output.contains("595.276 x 841.89") || output.contains("595 x 842"), "\(output)")
        let pages = output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect((pages ?? 0) > 5)
        #expect(output.contains("Tagged:          yes"), "\(output)")
    }

    @Test func missingEngineNamesThePackage() {
        let renderer = DocumentRenderer(pdfEngine: PDFEngine(command: "docket-no-such-weasyprint", package: "weasyprint"))
        #expect(throws: DocumentError.pdfEngineMissing(command: "docket-no-such-weasyprint", package: "weasyprint")) {
            try renderer.render(.agenda, of: SampleMeeting.papers(), as: .pdf)
        }
        let message = DocumentError.pdfEngineMissing(command: "weasyprint", package: "weasyprint").description
        #expect(message.contains("apt-get install weasyprint"))
    }
}
