import Foundation

/// The encodings old text files come in.
public enum SourceEncoding: String, Codable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"
}

/// Text decoded from a file's bytes, with the bytes that had to be replaced.
struct DecodedText {
    /// A byte that is not UTF-8 in a file read as UTF-8, replaced by U+FFFD.
    struct ReplacedByte: Equatable {
        /// 1-based line of the file.
        var line: Int
        var byte: UInt8
    }

    var text: String
    var encoding: SourceEncoding?
    var replaced: [ReplacedByte] = []
    /// Set when the text was recognised from page images (a scanned PDF), not read.
    var recognised: OCRText.Recognition? = nil
}

/// Decides a plain text file's encoding and decodes it.
///
/// Valid UTF-8 is taken as UTF-8 (a BOM is dropped); a UTF-16 BOM means UTF-16. A file that is
/// UTF-8 but for a few bad bytes (no more bad bytes than good multi-byte letters) is UTF-8 too:
/// each bad byte becomes U+FFFD and is reported with its line, rather than the whole file turned
/// into mojibake. Anything else is a legacy Western encoding: Windows-1252 when bytes 0x80–0x9F
/// occur that it defines (curly quotes, dashes, €), Latin-1 otherwise. The two agree on every other
/// byte, so this never guesses wrong letters for Norwegian text; the decoding table is our own so
/// it works without platform converters.
enum TextDecoding {
    static func decode(_ data: Data) -> DecodedText {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = String(data: data, encoding: .utf16) {
            return DecodedText(text: text, encoding: .utf16)
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        let utf8 = UTF8Scan(body)
        if utf8.replaced.isEmpty || (utf8.replaced.count <= utf8.multiByteLetters) {
            return DecodedText(text: utf8.text, encoding: .utf8, replaced: utf8.replaced)
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
        return DecodedText(text: String(scalars), encoding: usesWindowsRange ? .windows1252 : .latin1)
    }

    /// One pass over bytes as UTF-8: the text with each invalid byte replaced, where those bytes
    /// were, and how many well-formed multi-byte sequences there were (the evidence for UTF-8).
    struct UTF8Scan {
        var text = ""
        var replaced: [DecodedText.ReplacedByte] = []
        var multiByteLetters = 0

        init(_ bytes: ArraySlice<UInt8>) {
            var index = bytes.startIndex
            var runStart = index
            var line = 1
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A { line += 1 }
                    index += 1
                    continue
                }
                if let length = Self.sequenceLength(bytes, at: index) {
                    multiByteLetters += 1
                    index += length
                    continue
                }
                text += String(decoding: bytes[runStart..<index], as: UTF8.self)
                text.unicodeScalars.append("\u{FFFD}")
                replaced.append(.init(line: line, byte: byte))
                index += 1
                runStart = index
            }
            text += String(decoding: bytes[runStart..<index], as: UTF8.self)
        }

        /// The length of the well-formed multi-byte sequence at `index` (Unicode table 3-7), or nil.
        static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
            func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                index + offset < bytes.endIndex && range.contains(bytes[index + offset])
            }
            switch bytes[index] {
            case 0xC2...0xDF: return continuation(1) ? 2 : nil
            case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
            case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
            case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
            case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
            case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
            case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
            default: return nil
            }
        }
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
