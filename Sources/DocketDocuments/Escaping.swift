import Mustache

/// The escaping of each format, registered with Mustache as content types so that every `{{value}}`
/// in a template is escaped for the format the template writes (`{{% CONTENT_TYPE: MARKDOWN}}`).
///
/// Values are data, never templates: Mustache prints them after escaping and does not parse them,
/// so `{{` in user text comes out as `{{`.
public enum Escaping {
    /// Registers the content types once; safe to call from several threads.
    static func register() { _ = registered }

    private static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(WordprocessingMLContentType(), named: "WORDML")
        MustacheContentTypes.register(PlainHTMLContentType(), named: "DOCKET_HTML")
        return true
    }()

    /// Escapes text for CommonMark/GitHub Markdown so that it prints literally.
    ///
    /// Inline markup characters are backslash-escaped everywhere (`\ * _ [ ] < > | ~ `` and `#`, which
    /// would close a heading), `&` where it starts an entity (`&amp;`), and at the start of a line whatever
    /// would start a block (`-`, `+`, `=`, `1. `). Leading spaces are dropped (four would start a code block). A line break inside a
    /// paragraph becomes a hard break (`\` at the end of the line), so lines stay lines.
    ///
    /// Every character that matters is ASCII, so the work is done on UTF-8 bytes.
    static func markdown(_ text: String) -> String {
        guard text.utf8.first == space || text.utf8.first == tab || text.utf8.contains(where: { markdownTriggers[Int($0)] })
        else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            var firstLine = true
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                var start = lineStart
                var end = lineEnd
                while start < end, bytes[start] == space || bytes[start] == tab || bytes[start] == carriageReturn { start += 1 }
                while end > start, bytes[end - 1] == space || bytes[end - 1] == tab || bytes[end - 1] == carriageReturn { end -= 1 }
                if start < end {
                    if !firstLine { output.append(contentsOf: [backslash, newline]) }
                    firstLine = false
                    escapeMarkdownLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &output)
                }
                lineStart = lineEnd + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let tab: UInt8 = 0x09
    private static let space: UInt8 = 0x20
    private static let backslash: UInt8 = 0x5C

    private static let markdownTriggers: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\\`*_[]<>|~&#-+=.)\n\r\t" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    /// Escaped wherever they stand.
    private static let markdownInline: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\\`*_[]<>|~#" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    private static func escapeMarkdownLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        // Block markers at the start of the line.
        switch line[0] {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            output.append(backslash)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digits = 0
            while digits < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digits]) { digits += 1 }
            // "1. " or "1) " starts an ordered list; "13.02.2019" does not.
            let followedByBlank = digits + 1 == line.count || line[digits + 1] == space || line[digits + 1] == tab
            if digits <= 9, digits < line.count, line[digits] == UInt8(ascii: ".") || line[digits] == UInt8(ascii: ")"),
               followedByBlank {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<digits]))
                output.append(backslash)
                index = digits
            }
        default:
            break
        }
        while index < line.count {
            let byte = line[index]
            if markdownInline[Int(byte)] {
                output.append(backslash)
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                if startsEntity(line, at: index) { output.append(backslash) }
                output.append(byte)
            } else if byte == tab {
                output.append(space)
            } else {
                output.append(byte)
            }
            index += 1
        }
    }

    /// Whether the `&` at `index` starts what Markdown reads as an entity: `&amp;`, `&#38;`, `&#x26;`.
    private static func startsEntity(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var position = index + 1
        var length = 0
        if position < line.count, line[position] == UInt8(ascii: "#") {
            position += 1
            if position < line.count, line[position] | 0x20 == UInt8(ascii: "x") { position += 1 }
        }
        while position < line.count, length <= 32 {
            let byte = line[position]
            let isAlphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if byte == UInt8(ascii: ";") { return length > 0 }
            guard isAlphanumeric else { return false }
            length += 1
            position += 1
        }
        return false
    }

    /// Escapes text for the inside of a WordprocessingML `<w:t xml:space="preserve">` run: XML
    /// escapes, characters XML 1.0 forbids dropped, a line break as `<w:br/>`, a tab as `<w:tab/>`.
    /// Text for an XML attribute value: the five markup characters as entities, control characters dropped.
    static func xmlAttribute(_ text: String) -> String {
        xml(text, keepingLines: false)
    }

    static func wordprocessingML(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
        else { return text }
        var text = text
        return text.withUTF8 { bytes in wordprocessingML(bytes) }
    }

    private static let lineBreakRun = Array("</w:t><w:br/><w:t xml:space=\"preserve\">".utf8)
    private static let tabRun = Array("</w:t><w:tab/><w:t xml:space=\"preserve\">".utf8)

    private static func wordprocessingML(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let lineBreak = lineBreakRun
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x26: output.append(contentsOf: "&amp;".utf8)
            case 0x3C: output.append(contentsOf: "&lt;".utf8)
            case 0x3E: output.append(contentsOf: "&gt;".utf8)
            case 0x22: output.append(contentsOf: "&quot;".utf8)
            case 0x27: output.append(contentsOf: "&apos;".utf8)
            case carriageReturn:
                output.append(contentsOf: lineBreak)
                if index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
            case newline: output.append(contentsOf: lineBreak)
            case tab: output.append(contentsOf: tabRun)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2  // U+FFFE and U+FFFF are not XML characters
            default:
                if byte >= 0x20 { output.append(byte) }  // other control characters are not XML characters
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes text for XML outside runs (core properties): no line handling; `keepingLines: false`
    /// drops line breaks and tabs too, as an attribute value wants.
    static func xml(_ text: String, keepingLines: Bool = true) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if scalar.value < 0x20, !keepingLines || (scalar != "\n" && scalar != "\t") { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes text for HTML element content and quoted attributes, a byte at a time (the web
    /// pages' Mustache escaping uses it too).
    public static func html(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0x0D })
        else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: "&amp;".utf8)
            case 0x3C: output.append(contentsOf: "&lt;".utf8)
            case 0x3E: output.append(contentsOf: "&gt;".utf8)
            case 0x22: output.append(contentsOf: "&quot;".utf8)
            case 0x27: output.append(contentsOf: "&#39;".utf8)
            case 0x0D: continue
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.markdown(text) }
}

struct WordprocessingMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.wordprocessingML(text) }
}

/// HTML escaping with a fast path for text that needs none (Mustache's own `HTML` escapes the same characters).
struct PlainHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.html(text) }
}
