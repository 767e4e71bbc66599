import DocketDocuments
import Foundation
import Testing

/// The DOCX is a real Word document: the parts a package needs, every XML part well formed,
/// the agenda a real table, named styles; LibreOffice converts it where it is installed.
@Suite struct WordTests {
    let renderer = DocumentRenderer()

    @Test(arguments: DocumentKind.allCases)
    func everyPartParses(kind: DocumentKind) throws {
        let entries = try Extract.unzip(try renderer.render(kind, of: SampleMeeting.papers(), as: .docx))
        #expect(Set(entries.keys) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
            "word/styles.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "word/numbering.xml",
        ])
        for (path, data) in entries {
            #expect(throws: Never.self, "\(path)") { try Extract.parseXML(data) }
            #expect(String(decoding: data.prefix(5), as: UTF8.self) == "<?xml", "\(path) must start with its XML declaration")
        }
    }

    @Test func agendaIsATableAndStylesAreNamed() throws {
        let entries = try Extract.unzip(try renderer.render(.summons, of: CorpusMeeting.papers(), as: .docx))
        let document = String(decoding: try #require(entries["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("<w:tbl>"))
        #expect(document.components(separatedBy: "<w:tr>").count - 1 == 1 + 2 + 11)
        let styles = String(decoding: try #require(entries["word/styles.xml"]), as: UTF8.self)
        for style in ["Title", "Heading1", "Heading2", "BodyText", "DocketLabel", "DocketProposal", "DocketCasePaperHeading", "DocketAgendaTable"] {
            #expect(styles.contains("w:styleId=\"\(style)\""), "style \(style)")
        }
        // Every style the document uses is defined.
        for used in Set(document.components(separatedBy: "w:pStyle w:val=\"").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }) {
            #expect(styles.contains("w:styleId=\"\(used)\""), "undefined style \(used)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let first = try renderer.render(.minutes, of: SampleMeeting.papers(), as: .docx)
        let second = try renderer.render(.minutes, of: SampleMeeting.papers(), as: .docx)
        #expect(first == second)
    }

    @Test func libreOfficeConvertsIt() throws {
        guard let soffice = which("soffice") ?? which("libreoffice") else {
            Issue.record("scripts/setup installs what this test needs, but LibreOffice (soffice) is not installed (Debian: libreoffice-writer-nogui)")
            return
        }
        let folder = try temporaryFolder("docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("summons.docx")
        try renderer.render(.summons, of: CorpusMeeting.papers(), as: .docx).write(to: docx)
        let result = try run(soffice, [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf",
            "--outdir", folder.path, docx.path,
        ])
        let pdf = folder.appendingPathComponent("summons.pdf")
        #expect(result.status == 0, "soffice: \(result.errors)")
        let bytes = try #require(FileManager.default.contents(atPath: pdf.path), "soffice wrote no PDF: \(result.errors)")
        #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "%PDF-")
    }
}
