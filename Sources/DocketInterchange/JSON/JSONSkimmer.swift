import Foundation

/// Finds the top-level fields of a JSON object and the elements of its arrays without parsing
/// them, so that an import can decode one record at a time from a memory-mapped file instead of
/// building the whole document: memory stays bounded by the largest record, not the archive.
///
/// It checks only the structure it walks (brackets, strings, commas); each record's own syntax is
/// checked when it is decoded. On text it cannot walk it returns nil, and the caller lets
/// Foundation's parser say where the JSON is broken.
struct JSONSkimmer {
    /// The bytes, read through a raw pointer: byte-by-byte access through `Data` costs several
    /// times more, and an archive is walked byte by byte.
    let data: UnsafeRawBufferPointer
    /// Told, every few megabytes, how far the walk has come (so a mapped file's pages behind it can go).
    let progress: Progress?

    final class Progress {
        let report: (Range<Int>) -> Void
        var reported = 0
        init(_ report: @escaping (Range<Int>) -> Void) { self.report = report }

        func passed(_ offset: Int) {
            guard offset - reported >= 4 << 20 else { return }
            report(reported..<offset)
            reported = offset
        }
    }

    /// Runs `body` with a skimmer over `data` (whose indices must start at 0).
    static func with<T>(_ data: Data, progress: ((Range<Int>) -> Void)? = nil, _ body: (JSONSkimmer) throws -> T) rethrows -> T {
        precondition(data.startIndex == 0, "skim a Data whose indices start at 0")
        return try data.withUnsafeBytes { try body(JSONSkimmer(data: $0, progress: progress.map(Progress.init))) }
    }

    /// The byte range of each top-level field's value.
    func topLevelFields() -> [String: Range<Int>]? {
        var index = data.startIndex
        skipWhitespace(&index)
        guard index < data.endIndex, data[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var fields: [String: Range<Int>] = [:]
        skipWhitespace(&index)
        if index < data.endIndex, data[index] == UInt8(ascii: "}") { return fields }
        while true {
            skipWhitespace(&index)
            guard index < data.endIndex, data[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index
            guard skipString(&index) else { return nil }
            guard let key = try? JSONDecoder().decode(String.self, from: Data(data[keyStart..<index])) else { return nil }
            skipWhitespace(&index)
            guard index < data.endIndex, data[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace(&index)
            let valueStart = index
            guard skipValue(&index) else { return nil }
            fields[key] = valueStart..<index
            skipWhitespace(&index)
            guard index < data.endIndex else { return nil }
            if data[index] == UInt8(ascii: "}") { break }
            guard data[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        index += 1
        skipWhitespace(&index)
        return index == data.endIndex ? fields : nil
    }

    /// The byte ranges of an array's elements; nil when `range` is not an array.
    func elements(of range: Range<Int>) -> [Range<Int>]? {
        var index = range.lowerBound
        guard index < range.upperBound, data[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var elements: [Range<Int>] = []
        skipWhitespace(&index)
        if index < range.upperBound, data[index] == UInt8(ascii: "]") { return elements }
        if let progress { progress.reported = range.lowerBound }
        while index < range.upperBound {
            skipWhitespace(&index)
            let start = index
            guard skipValue(&index) else { return nil }
            elements.append(start..<index)
            progress?.passed(index)
            skipWhitespace(&index)
            guard index < range.upperBound else { return nil }
            if data[index] == UInt8(ascii: "]") { return elements }
            guard data[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
        return nil
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < data.endIndex {
            switch data[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func skipString(_ index: inout Int) -> Bool {
        index += 1
        while index < data.endIndex {
            switch data[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): index += 1; return true
            default: index += 1
            }
        }
        return false
    }

    private func skipValue(_ index: inout Int) -> Bool {
        guard index < data.endIndex else { return false }
        switch data[index] {
        case UInt8(ascii: "\""):
            return skipString(&index)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < data.endIndex {
                switch data[index] {
                case UInt8(ascii: "\""):
                    guard skipString(&index) else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { index += 1; return true }
                    progress?.passed(index)
                default:
                    break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while index < data.endIndex {
                switch data[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: return index > start
                default: index += 1
                }
            }
            return index > start
        }
    }
}
