import Foundation
import Testing

extension InterchangeCommandTests {
    /// Finding 1 as a user meets it: an export whose attachment bytes were swapped for others of
    /// the same length, the sha256 kept. Before, the import stored the forged bytes, and a later
    /// `docket attach` of the real file gave them back from `attachment extract`.
    @Test func aForgedAttachmentIsRefusedAndTheRealFileAttachesItsOwnBytes() throws {
        try sample()
        let export = dir.path("arkiv.json")
        expectSuccess(try docket.run("export", "-o", export))
        let real = try Data(contentsOf: dir.url.appending(path: "saksframlegg.pdf"))
        var forgedBytes = real
        forgedBytes[forgedBytes.startIndex + 9] ^= 0x20
        let good = try String(contentsOfFile: export, encoding: .utf8)
        let forgedText = good.replacingOccurrences(of: "\"content\":\"\(real.base64EncodedString())\"",
                                                   with: "\"content\":\"\(forgedBytes.base64EncodedString())\"")
        try #require(forgedText != good, "the export does not hold saksframlegg.pdf")
        let forged = dir.path("forged.json")
        try forgedText.write(toFile: forged, atomically: true, encoding: .utf8)
        let line = forgedText[..<forgedText.range(of: forgedBytes.base64EncodedString())!.lowerBound].filter { $0 == "\n" }.count + 1

        let fresh = DocketProcess(database: dir.path("fresh.sqlite"))
        expectSuccess(try fresh.run("init"))
        let before = try fileBytes(fresh.database)
        let result = try fresh.run("import", forged)
        #expect(result.status != 0, "the forged file was accepted")
        #expect(result.stderr.contains("\(forged):\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("SHA-256") && result.stderr.contains("expected"), "\(result.stderr)")
        #expect(try fileBytes(fresh.database) == before, "the forged file changed the database")

        // The real export imports, and the real file attached there gives back its own bytes.
        expectSuccess(try fresh.run("import", export))
        let out = dir.path("ut.pdf")
        expectSuccess(try fresh.run("attachment", "extract", "saksframlegg.pdf", "-o", out))
        #expect(FileManager.default.contents(atPath: out) == real)
    }
}
