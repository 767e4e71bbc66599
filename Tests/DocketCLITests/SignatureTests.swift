import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// Issue 14, point 4 (first half): the approved minutes carry a signature block with the names
/// given to `minutes approve --signer`, in every format a secretary sends.
@Suite(.serialized) struct SignatureTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
        // The sample approves December's minutes with --signer "Ingrid Fjeld" --signer "Torstein Lyng".
        try buildSampleCooperation(docket)
    }

    func minutes(_ meeting: String, _ format: String, language: String = "nb") throws -> String {
        let file = dir.path("protokoll.\(format)")
        let result = try docket.run("minutes", "write", meeting, "--format", format, "--language", language, "-o", file)
        #expect(result.status == 0, "\(result.stderr)")
        guard format == "docx" else { return try String(contentsOfFile: file, encoding: .utf8) }
        let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        var document = Data()
        if let entry = archive["word/document.xml"] { _ = try archive.extract(entry) { document.append($0) } }
        return String(decoding: document, as: UTF8.self)
    }

    @Test(arguments: ["md", "html", "txt", "docx"])
    func approvedMinutesEndWithTheSignersNames(format: String) throws {
        let text = try minutes("styringsgruppen@2024-12-11", format)
        #expect(text.contains("Referatet er signert av:"), "\(format)")
        let fjeld = try #require(text.range(of: "Ingrid Fjeld", options: .backwards), "\(format)")
        let lyng = try #require(text.range(of: "Torstein Lyng", options: .backwards), "\(format)")
        let block = try #require(text.range(of: "Referatet er signert av:"))
        #expect(block.upperBound < fjeld.lowerBound && block.upperBound < lyng.lowerBound, "\(format): the names follow the block's heading")
    }

    @Test func theBlockIsInTheLanguageOfThePaperAndOnlyUnderApprovedMinutes() throws {
        #expect(try minutes("styringsgruppen@2024-12-11", "md", language: "en").contains("Signed by:"))
        #expect(try minutes("styringsgruppen@2024-12-11", "md", language: "nn").contains("Referatet er underskrive av:"))
        let notApproved = try minutes("styringsgruppen@2025-02-12", "md")
        #expect(!notApproved.contains("signert av"))
    }
}
