/// A small XML reader for the one XML file the reader needs (`word/document.xml`), in place of
/// Foundation's `XMLParser`.
///
/// `XMLParser` on Linux traps on bytes that are not UTF-8 inside an element or attribute name and
/// on a processing instruction without a target (`<?pi?>`), which took a whole batch import down
/// with one bad file. This scanner walks the bytes itself, so any input ends in elements, text or a
/// ``Failure`` naming the line: it never traps. It also expands no entity a document declares
/// (a DOCTYPE is skipped), so "billion laughs" cannot inflate, and it refuses elements nested deeper
/// than ``maximumDepth``, which no Word document comes near.
///
/// What it checks is what reading needs: tags are closed in order, names and text are UTF-8,
/// entities are the five predefined ones or character references. It does not validate namespaces.
struct XMLScanner {
    enum Event {
        /// An element opens; `name` is the qualified name ("w:p"). A self-closing element is
        /// reported as `start` followed by `end`.
        case start(name: String)
        case end(name: String)
        /// Character data, entities decoded (CDATA sections included).
        case text(String)
    }

    struct Failure: Error, Equatable, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    /// Deeper nesting is refused: Word nests a few dozen levels at most (tables in tables).
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var open: [String] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Walks the whole document, handing each event to `handle`.
    static func scan(_ bytes: [UInt8], _ handle: (Event) -> Void) throws(Failure) {
        var scanner = XMLScanner(bytes)
        try scanner.run(handle)
    }

    private mutating func run(_ handle: (Event) -> Void) throws(Failure) {
        var sawRoot = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                if starts(with: "<?") {
                    try skipProcessingInstruction()
                } else if starts(with: "<!--") {
                    try skip(past: "-->", what: "comment")
                } else if starts(with: "<![CDATA[") {
                    guard !open.isEmpty else { throw fail("CDATA outside the root element") }
                    position += 9
                    let start = position
                    try skip(past: "]]>", what: "CDATA section")
                    handle(.text(try utf8(bytes[start..<(position - 3)], what: "CDATA section")))
                } else if starts(with: "<!DOCTYPE") {
                    guard !sawRoot else { throw fail("DOCTYPE after the root element") }
                    try skipDoctype()
                } else if starts(with: "</") {
                    position += 2
                    let name = try readName()
                    skipSpaces()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                        throw fail("expected '>' to close </\(name)")
                    }
                    position += 1
                    guard let expected = open.popLast() else { throw fail("</\(name)> closes no element") }
                    guard expected == name else { throw fail("</\(name)> closes <\(expected)>") }
                    handle(.end(name: name))
                } else {
                    position += 1
                    guard open.isEmpty ? !sawRoot : true else { throw fail("a second root element") }
                    let name = try readName()
                    let selfClosing = try skipAttributes(of: name)
                    sawRoot = true
                    handle(.start(name: name))
                    if selfClosing {
                        handle(.end(name: name))
                    } else {
                        guard open.count < Self.maximumDepth else {
                            throw fail("elements nested deeper than \(Self.maximumDepth) levels")
                        }
                        open.append(name)
                    }
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
                    if bytes[position] == UInt8(ascii: "\n") { line += 1 }
                    position += 1
                }
                let text = try decodeText(bytes[start..<position])
                if open.isEmpty {
                    guard text.allSatisfy(\.isWhitespace) else { throw fail("text outside the root element") }
                } else if !text.isEmpty {
                    handle(.text(text))
                }
            }
        }
        if let unclosed = open.last { throw fail("<\(unclosed)> is never closed") }
        guard sawRoot else { throw fail("no root element") }
    }

    // MARK: Pieces

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != pointer[offset] { return false }
        return true
    }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

    /// Moves past the next `terminator`, counting lines; a missing one is an error.
    private mutating func skip(past terminator: StaticString, what: String) throws(Failure) {
        let startLine = line
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
        throw Failure(line: startLine, reason: "a \(what) is never closed")
    }

    /// `<?target …?>`: the target must be a name (the XML declaration is one too).
    private mutating func skipProcessingInstruction() throws(Failure) {
        position += 2
        guard position < bytes.count, Self.isNameStart(bytes[position]) else {
            throw fail("a processing instruction without a target")
        }
        _ = try readName()
        try skip(past: "?>", what: "processing instruction")
    }

    /// `<!DOCTYPE …>` with an optional internal subset in brackets: skipped, its entities unused.
    private mutating func skipDoctype() throws(Failure) {
        let startLine = line
        var inSubset = false
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\n") { line += 1 }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if byte == UInt8(ascii: ">"), !inSubset {
                return
            }
        }
        throw Failure(line: startLine, reason: "the DOCTYPE is never closed")
    }

    private mutating func skipSpaces() {
        while position < bytes.count, Self.isSpace(bytes[position]) {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
    }

    /// A name: ASCII letters, digits, `_ : . -`, or any UTF-8 beyond ASCII, which must be valid.
    private mutating func readName() throws(Failure) -> String {
        let start = position
        guard position < bytes.count, Self.isNameStart(bytes[position]) else {
            throw fail(position < bytes.count ? "expected a name, found byte 0x\(hex(bytes[position]))" : "expected a name at the end of the file")
        }
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        return try utf8(bytes[start..<position], what: "name")
    }

    /// Attributes are checked (name, `=`, quoted value in UTF-8) but not kept: the text is all
    /// the reader needs. Returns whether the tag ends in `/>`.
    private mutating func skipAttributes(of element: String) throws(Failure) -> Bool {
        while true {
            let hadSpace = position < bytes.count && Self.isSpace(bytes[position])
            skipSpaces()
            guard position < bytes.count else { throw fail("<\(element) is never closed") }
            if bytes[position] == UInt8(ascii: ">") { position += 1; return false }
            if starts(with: "/>") { position += 2; return true }
            guard hadSpace else { throw fail("expected a space, '>' or '/>' in <\(element)") }
            let name = try readName()
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw fail("attribute \(name) of <\(element)> has no value")
            }
            position += 1
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw fail("attribute \(name) of <\(element)> has an unquoted value")
            }
            let quote = bytes[position]
            position += 1
            let start = position
            while position < bytes.count, bytes[position] != quote {
                if bytes[position] == UInt8(ascii: "<") { throw fail("'<' in the value of attribute \(name)") }
                if bytes[position] == UInt8(ascii: "\n") { line += 1 }
                position += 1
            }
            guard position < bytes.count else { throw fail("the value of attribute \(name) is never closed") }
            _ = try decodeText(bytes[start..<position])
            position += 1
        }
    }

    /// Character data: UTF-8 with the predefined entities and character references decoded.
    private func decodeText(_ slice: ArraySlice<UInt8>) throws(Failure) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return try utf8(slice, what: "text") }
        var output = ""
        var index = slice.startIndex
        var runStart = index
        while index < slice.endIndex {
            guard slice[index] == UInt8(ascii: "&") else { index += 1; continue }
            output += try utf8(slice[runStart..<index], what: "text")
            let nameStart = index + 1
            var end = nameStart
            while end < slice.endIndex, end - nameStart < 12, slice[end] != UInt8(ascii: ";") { end += 1 }
            guard end < slice.endIndex, slice[end] == UInt8(ascii: ";") else { throw fail("an '&' that starts no entity") }
            let entity = String(decoding: slice[nameStart..<end], as: UTF8.self)
            guard let decoded = Self.entity(entity) else { throw fail("unknown entity &\(entity);") }
            output.unicodeScalars.append(decoded)
            index = end + 1
            runStart = index
        }
        output += try utf8(slice[runStart..<slice.endIndex], what: "text")
        return output
    }

    static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value: UInt32?
            if name.hasPrefix("#x") { value = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
            else { value = nil }
            // XML allows neither NUL nor surrogates as characters.
            guard let value, value != 0 else { return nil }
            return Unicode.Scalar(value)
        }
    }

    private func utf8(_ slice: ArraySlice<UInt8>, what: String) throws(Failure) -> String {
        var index = slice.startIndex
        while index < slice.endIndex {
            if slice[index] < 0x80 {
                index += 1
            } else if let length = TextDecoding.UTF8Scan.sequenceLength(slice, at: index) {
                index += length
            } else {
                throw fail("a \(what) that is not UTF-8 (byte 0x\(hex(slice[index])))")
            }
        }
        return String(decoding: slice, as: UTF8.self)
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
