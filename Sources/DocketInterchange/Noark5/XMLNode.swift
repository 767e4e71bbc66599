import Foundation

/// A small XML tree, written with two-space indentation. Every text and attribute value is escaped
/// here, in one place; characters XML 1.0 cannot carry (most controls) are dropped, a carriage
/// return is kept as `&#13;`.
struct XMLNode: Sendable {
    var name: String
    var attributes: [(String, String)] = []
    var text: String?
    var children: [XMLNode] = []

    init(_ name: String, _ text: String? = nil, attributes: [(String, String)] = []) {
        self.name = name
        self.text = text
        self.attributes = attributes
    }

    init(_ name: String, attributes: [(String, String)] = [], children: [XMLNode]) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// An element with text, or nothing when the text is nil or blank (optional elements of the schema
    /// are left out rather than written empty: most Noark 5 strings need at least one character).
    static func optional(_ name: String, _ text: String?) -> [XMLNode] {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        return [XMLNode(name, text)]
    }

    /// The document: declaration, then the tree.
    func document() -> Data {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(to: &out, indent: 0)
        return Data(out.utf8)
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        out += pad + "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(XMLNode.escape(value, attribute: true))\"" }
        if children.isEmpty {
            if let text {
                out += ">" + XMLNode.escape(text, attribute: false) + "</\(name)>\n"
            } else {
                out += "/>\n"
            }
            return
        }
        out += ">\n"
        if let text { out += pad + "  " + XMLNode.escape(text, attribute: false) + "\n" }
        for child in children { child.write(to: &out, indent: indent + 1) }
        out += pad + "</\(name)>\n"
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0: no C0 controls but tab, LF, CR; no U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
