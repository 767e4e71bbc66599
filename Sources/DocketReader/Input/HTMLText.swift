import Foundation

/// Turns HTML into lines the way a person would copy them out of a browser.
///
/// Block elements end lines, table cells are kept apart by tabs (so an agenda table reads as a
/// table), list items get a "- " marker, script and style vanish, entities are decoded.
/// A small scanner rather than an XML parser: real HTML is seldom well-formed.
enum HTMLText {
    static func text(from html: String) -> String {
        var output = ""
        var line = ""
        var index = html.startIndex
        var skipUntil: String?
        var cellsInRow = 0

        func endLine() {
            let value = line.trimmingTrailingSpaces
            output += value.drop(while: { $0 == " " }) + "\n"
            line = ""
        }

        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                let tag = html[html.index(after: index)..<close]
                index = html.index(after: close)
                if tag.hasPrefix("!--") {
                    // The comment ends at the first "-->" after "<!--", perhaps the ">" just found.
                    // One never closed runs to the end, as in a browser (and searching again from
                    // every later "<!--" would be quadratic).
                    let body = html.index(tag.startIndex, offsetBy: 3)
                    index = html[body...].range(of: "-->")?.upperBound ?? html.endIndex
                    continue
                }
                let isClosing = tag.hasPrefix("/")
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if let skip = skipUntil {
                    if isClosing, name == skip { skipUntil = nil }
                    continue
                }
                switch name {
                case "script", "style", "head":
                    if !isClosing { skipUntil = name }
                case "br":
                    endLine()
                case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
                     "footer", "ul", "ol", "table", "blockquote", "pre", "title":
                    if !line.trimmed.isEmpty { endLine() }
                case "li":
                    if !line.trimmed.isEmpty { endLine() }
                    if !isClosing { line = "- " }
                case "tr":
                    if !line.trimmed.isEmpty || cellsInRow > 0 { endLine() }
                    cellsInRow = 0
                case "td", "th":
                    if !isClosing {
                        if cellsInRow > 0 { line = line.trimmingTrailingSpaces + "\t" }
                        cellsInRow += 1
                    }
                default:
                    break
                }
                continue
            }
            if skipUntil != nil {
                index = html.index(after: index)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: index)..<semicolon])
                if let decoded = decodeEntity(entity) {
                    line += decoded
                    index = html.index(after: semicolon)
                    continue
                }
            }
            if character.isWhitespace {
                if !line.isEmpty, line.last != " ", line.last != "\t" { line += " " }
            } else {
                line.append(character)
            }
            index = html.index(after: index)
        }
        if !line.isEmpty { endLine() }
        return output
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "aring": "å", "Aring": "Å", "oslash": "ø", "Oslash": "Ø", "aelig": "æ", "AElig": "Æ",
        "eacute": "é", "Eacute": "É", "uuml": "ü", "ouml": "ö", "auml": "ä", "Ouml": "Ö", "Auml": "Ä",
        "ndash": "–", "mdash": "—", "laquo": "«", "raquo": "»", "hellip": "…", "sect": "§",
        "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "bull": "•", "shy": "", "euro": "€",
    ]

    static func decodeEntity(_ entity: String) -> String? {
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
            return UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if entity.hasPrefix("#") {
            return UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return namedEntities[entity]
    }
}
