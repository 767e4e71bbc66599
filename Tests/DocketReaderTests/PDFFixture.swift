import Foundation

/// Writes a small but valid PDF of text pages, so the PDF path can be tested without a fixture file.
///
/// Each page is a list of lines set in Helvetica (WinAnsiEncoding, so æøå are single bytes).
enum PDFFixture {
    static func make(pages: [[String]]) -> Data {
        var objects: [String] = []
        // 1: catalog, 2: pages, 3: font, then per page: page object and content stream.
        let pageIDs = pages.indices.map { 4 + $0 * 2 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (index, lines) in pages.enumerated() {
            var stream = "BT /F1 11 Tf 14 TL 60 780 Td\n"
            for line in lines { stream += "(\(escape(line))) Tj T*\n" }
            stream += "ET"
            let length = stream.unicodeScalars.count
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[index] + 1) 0 R >>")
            objects.append("<< /Length \(length) >>\nstream\n\(stream)\nendstream")
        }
        var output: [UInt8] = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += latin1("\(index + 1) 0 obj\n\(object)\nendobj\n")
        }
        let xref = output.count
        output += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { output += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        output += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(output)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    /// Latin-1 bytes (the WinAnsi letters we use, æøåÆØÅ, have the same codes).
    private static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}
