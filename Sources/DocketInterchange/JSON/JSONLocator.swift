/// Finds where a value sits in a JSON text, by its path, so that an error found after decoding
/// (an unknown body, a duplicate number) can still name the line and column.
///
/// It skims the text without building anything: strings are skipped escape by escape, objects and
/// arrays by their brackets. On text that is not JSON it gives up (nil), which only costs the
/// message its line number.
struct JSONLocator {
    let bytes: [UInt8]

    init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self.bytes = Array(bytes)
    }

    /// Line and column (1-based, the column counted in characters) of the value at `path`.
    func location(of path: [JSONPathComponent]) -> (line: Int, column: Int)? {
        var index = 0
        skipWhitespace(&index)
        for component in path {
            guard index < bytes.count else { return nil }
            switch component {
            case let .key(key):
                guard bytes[index] == UInt8(ascii: "{") else { return nil }
                index += 1
                var found = false
                while !found {
                    skipWhitespace(&index)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                    let start = index
                    guard skipString(&index) else { return nil }
                    let name = String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self)
                    skipWhitespace(&index)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    skipWhitespace(&index)
                    if name == key {
                        found = true
                    } else {
                        guard skipValue(&index) else { return nil }
                        skipWhitespace(&index)
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
                        index += 1
                    }
                }
            case let .index(wanted):
                guard bytes[index] == UInt8(ascii: "[") else { return nil }
                index += 1
                skipWhitespace(&index)
                for _ in 0..<wanted {
                    guard skipValue(&index) else { return nil }
                    skipWhitespace(&index)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
                    index += 1
                    skipWhitespace(&index)
                }
            }
        }
        return lineAndColumn(at: index)
    }

    func lineAndColumn(at offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Skips a string from its opening quote to just past its closing one.
    private func skipString(_ index: inout Int) -> Bool {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): index += 1; return true
            default: index += 1
            }
        }
        return false
    }

    private func skipValue(_ index: inout Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return skipString(&index)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString(&index) else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { index += 1; return true }
                default: break
                }
                index += 1
            }
            return false
        default:
            while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return true
        }
    }
}
