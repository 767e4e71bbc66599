@testable import DocketReader
import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// Word files from anyone: each damaged or hostile one is an error naming what is wrong and where,
/// never a crash (Foundation's XMLParser trapped on the first two, ZIPFoundation on the third) and
/// never gigabytes of memory.
@Suite struct HostileDocxTests {
    static let prologue = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    static let namespace = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// A DOCX whose `word/document.xml` is exactly these bytes.
    static func docx(xml: [UInt8]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let content = Data(xml)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(content.count),
                             compressionMethod: .deflate) { position, size in
            content.subdata(in: Int(position)..<Int(position) + size)
        }
        return try #require(archive.data)
    }

    static func docx(body: String) throws -> Data {
        try docx(xml: Array("\(prologue)<w:document \(namespace)><w:body>\(body)</w:body></w:document>".utf8))
    }

    /// The reason the reader gives, or a recorded issue when it read the file after all.
    static func failure(reading data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let document = try DocumentReader().read(data: data, format: .docx)
            Issue.record("read a hostile DOCX without complaint: \(document.items.count) items", sourceLocation: sourceLocation)
            return ""
        } catch let error as ReaderError {
            return error.description
        } catch {
            Issue.record("not a ReaderError: \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    /// `<?pi?>` (a target, no data) trapped XMLParser; it is well-formed, and the text around it reads.
    @Test func aProcessingInstructionWithoutDataIsRead() throws {
        let xml = "\(Self.prologue)\n<?pi?><w:document \(Self.namespace)><w:body>\(DocxTests.paragraph("Møteprotokoll"))<?pi?></w:body></w:document>"
        let text = try DocxText.text(from: try Self.docx(xml: Array(xml.utf8)))
        #expect(text == "Møteprotokoll\n")
    }

    @Test func aProcessingInstructionWithoutATargetIsAnError() throws {
        let reason = Self.failure(reading: try Self.docx(xml: Array("\(Self.prologue)\n<? ?><w:document \(Self.namespace)/>".utf8)))
        #expect(reason.contains("word/document.xml is not well-formed XML"), "\(reason)")
        #expect(reason.contains("line 2: a processing instruction without a target"), "\(reason)")
    }

    @Test func aByteThatIsNotUTF8InAnElementNameIsAnError() throws {
        let xml = Array("\(Self.prologue)<w:document \(Self.namespace)><w:body><w:p".utf8) + [0xFF, 0xFE]
            + Array("/></w:body></w:document>".utf8)
        let reason = Self.failure(reading: try Self.docx(xml: xml))
        #expect(reason.contains("a name that is not UTF-8 (byte 0xFF)"), "\(reason)")
    }

    @Test func aByteThatIsNotUTF8InAnAttributeNameIsAnError() throws {
        let xml = Array("\(Self.prologue)<w:document \(Self.namespace)><w:body><w:p w:".utf8) + [0xC3, 0x28]
            + Array("=\"1\"/></w:body></w:document>".utf8)
        let reason = Self.failure(reading: try Self.docx(xml: xml))
        #expect(reason.contains("a name that is not UTF-8"), "\(reason)")
    }

    @Test func anEntryWhoseLocalHeaderLiesPastTheEndIsAnError() throws {
        var bytes = [UInt8](try Self.docx(body: DocxTests.paragraph("Innkalling til møte i Styret")))
        // The central directory record's "relative offset of local header" (offset 42 of the record).
        let record = try #require(bytes.indices.dropLast(4).first { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
        let pastTheEnd = UInt32(bytes.count + 1_000)
        for shift in 0..<4 { bytes[record + 42 + shift] = UInt8(truncatingIfNeeded: pastTheEnd >> (8 * UInt32(shift))) }
        let reason = Self.failure(reading: Data(bytes))
        #expect(reason.contains("word/document.xml: its local header at offset \(pastTheEnd) lies past the end of the file"), "\(reason)")
    }

    @Test func aCentralDirectoryOutsideTheFileIsAnError() throws {
        var bytes = [UInt8](try Self.docx(body: DocxTests.paragraph("Innkalling")))
        let end = try #require(bytes.indices.dropLast(4).last { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x05, 0x06] })
        bytes[end + 16] = 0xFF; bytes[end + 17] = 0xFF; bytes[end + 18] = 0xFF; bytes[end + 19] = 0x7F
        let reason = Self.failure(reading: Data(bytes))
        #expect(reason.contains("the central directory lies outside the file"), "\(reason)")
    }

    /// 65 MiB of XML in a DOCX of about 65 KiB: refused once 64 MiB are inflated, naming the entry.
    @Test func anEntryThatInflatesPastTheLimitIsRefusedWhileInflating() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let head = Array("\(Self.prologue)<w:document \(Self.namespace)><w:body><w:p><w:t>".utf8)
        let size = 65 << 20
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: 1 << 16) { position, chunk in
            var data = Data(repeating: UInt8(ascii: "a"), count: chunk)
            if position == 0 { data.replaceSubrange(0..<head.count, with: head) }
            return data
        }
        let docx = try #require(archive.data)
        #expect(docx.count < 1 << 20)
        let reason = Self.failure(reading: docx)
        #expect(reason.contains("word/document.xml inflates to more than 64 MiB"), "\(reason)")
    }

    @Test func elementsNestedBeyondTheLimitAreAnError() throws {
        let depth = XMLScanner.maximumDepth + 10
        let body = String(repeating: "<w:sdt>", count: depth) + String(repeating: "</w:sdt>", count: depth)
        let reason = Self.failure(reading: try Self.docx(body: body))
        #expect(reason.contains("elements nested deeper than \(XMLScanner.maximumDepth) levels"), "\(reason)")
    }

    /// "Billion laughs": entities a document declares are never expanded.
    @Test func entitiesADocumentDeclaresAreRefusedNotExpanded() throws {
        let xml = """
            \(Self.prologue)<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <w:document \(Self.namespace)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        let reason = Self.failure(reading: try Self.docx(xml: Array(xml.utf8)))
        #expect(reason.contains("line 2: unknown entity &b;"), "\(reason)")
    }

    @Test func aCutShortDeflateStreamIsAnErrorNotAHang() throws {
        let text = String(repeating: DocxTests.paragraph("Sak 1/26 Godkjenning av innkalling og dagsorden"), count: 200)
        var bytes = [UInt8](try Self.docx(body: text))
        // Zero the second half of the compressed data: the stream breaks off (or turns to nonsense).
        let record = try #require(bytes.indices.dropLast(4).first { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
        let compressed = Int(bytes[record + 20]) | Int(bytes[record + 21]) << 8 | Int(bytes[record + 22]) << 16
        let local = 30 + Int(bytes[26]) + Int(bytes[28])
        #expect(compressed > 100)
        for index in (local + compressed / 2)..<(local + compressed) { bytes[index] = 0 }
        let reason = Self.failure(reading: Data(bytes))
        #expect(reason.contains("word/document.xml"), "\(reason)")
    }

    @Test func commentsCDATAEntitiesAndCharacterReferencesReadAsText() throws {
        let body = "<!-- a comment --><w:p><w:r><w:t>Sak 1/26 &amp; &#248;konomi&#x2013;plan <![CDATA[<rå>]]></w:t></w:r></w:p>"
        let text = try DocxText.text(from: try Self.docx(body: body))
        #expect(text == "Sak 1/26 & økonomi–plan <rå>\n")
    }
}
