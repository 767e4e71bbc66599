import Mustache

/// The escaping of each format, registered with Mustache as content types so that every `{{value}}`
/// in a template is escaped for the format the template writes (`{{% CONTENT_TYPE: MARKDOWN}}`).
///
/// Values are data, never templates: Mustache prints them after escaping and does not parse them,
/// so `{{` in user text comes out as `{{`.
enum Escaping {
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
    /// Inline markup characters are backslash-escaped everywhere (`\ * _ [ ] < > | ~ ``), `&` where it
    /// could start an entity, and at the start of a line whatever would start a block (`#`, `-`, `+`,
    /// `=`, `1.`). Leading spaces are dropped (four would start a code block). A line break inside a
    /// paragraph becomes a hard break (`\` at the end of the line), so lines stay lines.
    static func markdown(_ text: String) -> String {
        guard text.utf8.contains(where: { markdownTriggers[Int($0)] }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var firstLine = true
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            var trimmed = Substring(line)
            while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
            if trimmed.isEmpty { continue }
            if !firstLine { result += "\\\n" }
            firstLine = false
            escapeMarkdownLine(trimmed, into: &result)
        }
        return result
    }

    private static let markdownTriggers: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\\`*_[]<>|~&#-+=.)\n\r\t" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    private static func escapeMarkdownLine(_ line: Substring, into result: inout String) {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        // Block markers at the start of the line.
        if let first = scalars.first {
            switch first {
            case "#", "-", "+", "=":
                result += "\\"
            default:
                var digits = 0
                while digits < scalars.count, ("0"..."9").contains(scalars[digits]) { digits += 1 }
                if digits > 0, digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")" {
                    for scalar in scalars[0..<digits] { result.unicodeScalars.append(scalar) }
                    result += "\\"
                    index = digits
                }
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next == "#" || next.properties.isAlphabetic { result += "\\" }
                result += "&"
            case "\t":
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
    }

    /// Escapes text for the inside of a WordprocessingML `<w:t xml:space="preserve">` run: XML
    /// escapes, characters XML 1.0 forbids dropped, a line break as `<w:br/>`, a tab as `<w:tab/>`.
    static func wordprocessingML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "</w:t><w:br/><w:t xml:space=\"preserve\">"
            case "\n":
                if !previousWasCarriageReturn { result += "</w:t><w:br/><w:t xml:space=\"preserve\">" }
            case "\t": result += "</w:t><w:tab/><w:t xml:space=\"preserve\">"
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes text for XML outside runs (attributes, core properties): no line handling.
    static func xml(_ text: String) -> String {
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
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes text for HTML element content and quoted attributes.
    static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0x0D })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
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
