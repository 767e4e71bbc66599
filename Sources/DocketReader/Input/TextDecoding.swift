import Foundation

/// The encodings old text files come in.
public enum SourceEncoding: String, Codable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"
}

/// Decides a plain text file's encoding and decodes it.
///
/// Valid UTF-8 is taken as UTF-8 (a BOM is dropped); a UTF-16 BOM means UTF-16. Anything else is
/// a legacy Western encoding: Windows-1252 when bytes 0x80–0x9F occur that it defines (curly quotes,
/// dashes, €), Latin-1 otherwise. The two agree on every other byte, so this never guesses wrong
/// letters for Norwegian text; the decoding table is our own so it works without platform converters.
enum TextDecoding {
    static func decode(_ data: Data) -> (text: String, encoding: SourceEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = String(data: data, encoding: .utf16) {
            return (text, .utf16)
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if let text = String(validatingUTF8Bytes: body) {
            return (text, .utf8)
        }
        let usesWindowsRange = bytes.contains { (0x80...0x9F).contains($0) && windows1252High[Int($0) - 0x80] != nil }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252High[Int(byte) - 0x80] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), usesWindowsRange ? .windows1252 : .latin1)
    }

    /// Windows-1252 bytes 0x80–0x9F; nil where the code page leaves a byte undefined.
    static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}

extension String {
    /// Decodes UTF-8, or nil when the bytes are not valid UTF-8 (no replacement characters).
    init?(validatingUTF8Bytes bytes: ArraySlice<UInt8>) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): scalars.append(scalar)
            case .emptyInput: self = String(scalars); return
            case .error: return nil
            }
        }
    }
}
