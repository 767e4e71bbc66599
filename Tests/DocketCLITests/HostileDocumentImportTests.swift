import Foundation
import Testing

/// `docket import` of folders holding bad documents, and of minutes written the way real bodies
/// write them: one bad file is that file's failure, never the batch's.
@Suite(.serialized) struct HostileDocumentImportTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    /// Minutes of a council that writes its numbers bare ("4/26") though it numbers in series PS.
    static let minutes = """
        Møteprotokoll

        Kommunestyret

        Møtedato: 13.05.2026
        Tidspunkt: 12:00 - 15:00
        Møtested: Rådhuset

        Saksliste
        Saksnr\tInnhold
        4/26\tBudsjett 2027
        5/26\tMøteplan 2027

        Sak 4/26 Budsjett 2027

        Behandling
        Enstemmig vedtatt.

        Vedtak
        Budsjettet for 2027 vedtas.

        Sak 5/26 Møteplan 2027

        Vedtak
        Møteplanen for 2027 vedtas.

        """

    static let prologue = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let document = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#

    @Test func aFolderWithBadWordFilesImportsTheRestAndCountsEachFailure() throws {
        let folder = dir.url.appending(path: "arkiv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Foundation's XMLParser trapped on the first two, ZIPFoundation on the third.
        try StoredZip.archive(["word/document.xml": Array("\(Self.prologue)<?pi?>\(Self.document)</w:body></w:document>".utf8)])
            .write(to: folder.appending(path: "a-pi.docx"))
        try StoredZip.archive(["word/document.xml": Array("\(Self.prologue)\(Self.document)<w:p".utf8) + [0xFF] + Array("/></w:body></w:document>".utf8)])
            .write(to: folder.appending(path: "b-name.docx"))
        var pastTheEnd = StoredZip.archive(["word/document.xml": Array("\(Self.prologue)\(Self.document)</w:body></w:document>".utf8)])
        StoredZip.setLocalHeaderOffset(of: &pastTheEnd, to: UInt32(pastTheEnd.count + 4096))
        try pastTheEnd.write(to: folder.appending(path: "c-offset.docx"))
        try Data(Self.minutes.utf8).write(to: folder.appending(path: "d-protokoll.txt"))

        #expect(try docket.run("init").status == 0)
        let result = try docket.run("import", folder.path)
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        // Well-formed, but holding no minutes: its own failure, after it was read.
        #expect(result.stdout.contains("✗ a-pi.docx: ") && result.stdout.contains("found no body's name"), "\(result.stdout)")
        #expect(result.stdout.contains("✗ b-name.docx: the docx document could not be read: word/document.xml is not well-formed XML (line 1: a name that is not UTF-8 (byte 0xFF))"), "\(result.stdout)")
        #expect(result.stdout.contains("✗ c-offset.docx: the docx document could not be read: word/document.xml: its local header at offset"), "\(result.stdout)")
        #expect(result.stdout.contains("✓ d-protokoll.txt: minutes of kommunestyret@2026-05-13"), "\(result.stdout)")
        #expect(result.stdout.contains("4 documents read: 1 imported, 0 unchanged, 3 failed"), "\(result.stdout)")
    }

    /// A body that numbers in series PS: minutes writing "4/26" are its items PS 4/26 and PS 5/26,
    /// decisions included (they were read as 4/26 and looked up as PS 4/26, which failed the import).
    @Test func bareNumbersInMinutesAreTheBodysSeries() throws {
        #expect(try docket.run("init").status == 0)
        #expect(try docket.run("body", "add", "kommunestyret", "--name", "Kommunestyret", "--series", "PS").status == 0)
        let file = dir.path("protokoll.txt")
        try Data(Self.minutes.utf8).write(to: URL(fileURLWithPath: file))
        // The dry run reports the numbers that would be stored.
        let dryRun = try JSONSerialization.jsonObject(with: Data(try docket.run("import", file, "--dry-run", "--json").stdout.utf8)) as? [String: Any]
        let read = ((dryRun?["documents"] as? [[String: Any]])?.first?["read"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(read.compactMap { $0["number"] as? String } == ["PS 4/26", "PS 5/26"])
        let result = try docket.run("import", file)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("2 items (2 new, 0 merged), 2 decisions"), "\(result.stdout)")
        let list = try JSONSerialization.jsonObject(with: Data(try docket.run("item", "list", "kommunestyret@2026-05-13", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["number"] as? String } == ["PS 4/26", "PS 5/26"])
        let shown = try docket.run("show", "kommunestyret 4/26")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Budsjettet for 2027 vedtas."), "\(shown.stdout)")
    }

    /// One 0xFF byte in UTF-8 minutes: the letters stay letters and the warning names the line.
    @Test func aStrayByteIsReplacedAndWarnedWithItsLine() throws {
        #expect(try docket.run("init").status == 0)
        var bytes = Array(Self.minutes.utf8)
        let budget = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("Budsjettet".utf8)) })
        bytes.insert(0xFF, at: budget)
        let file = dir.path("protokoll.txt")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try docket.run("import", file, "--dry-run")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("warning: protokoll.txt:20: Byten 0xFF på linje 20 i filen er ikke gyldig UTF-8"), "\(result.stdout)")
        #expect(result.stdout.contains("Kommunestyret") || result.stdout.contains("kommunestyret"))
        #expect(!result.stdout.contains("Ã"), "\(result.stdout)")
    }
}

/// A ZIP archive with stored (uncompressed) entries, written byte by byte, so a test can build
/// exactly the damaged archive it needs.
enum StoredZip {
    static func archive(_ entries: KeyValuePairs<String, [UInt8]>) -> Data {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for (name, content) in entries {
            let offset = UInt32(bytes.count)
            let crc = crc32(content)
            let nameBytes = Array(name.utf8)
            bytes += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(crc) + le32(UInt32(content.count)) + le32(UInt32(content.count))
                + le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + content
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(crc) + le32(UInt32(content.count)) + le32(UInt32(content.count))
                + le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let directoryOffset = UInt32(bytes.count)
        bytes += directory
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
            + le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return Data(bytes)
    }

    /// Points the first central directory record at another local header offset.
    static func setLocalHeaderOffset(of data: inout Data, to offset: UInt32) {
        var bytes = [UInt8](data)
        guard let record = bytes.indices.dropLast(4).first(where: { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] }) else { return }
        bytes.replaceSubrange((record + 42)..<(record + 46), with: le32(offset))
        data = Data(bytes)
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
