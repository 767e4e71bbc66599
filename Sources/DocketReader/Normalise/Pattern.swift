import Foundation

/// A compiled regular expression with the few operations the reader needs.
///
/// ICU-backed `NSRegularExpression` is fast on Linux and is immutable once built, so sharing
/// one instance between threads is safe.
final class Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    /// Case-insensitive unless told otherwise; patterns are written by us, so a bad one is a programming error.
    init(_ pattern: String, caseSensitive: Bool = false) {
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if !caseSensitive { options.insert(.caseInsensitive) }
        do {
            regex = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("bad pattern \(pattern): \(error)")
        }
    }

    /// One match: the whole text and each group (nil when a group did not take part).
    struct Match {
        var range: Range<String.Index>
        var groups: [String?]
        var groupRanges: [Range<String.Index>?]
        var text: String
        subscript(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
    }

    func firstMatch(in text: String) -> Match? {
        let range = NSRange(text.startIndex..., in: text)
        guard let result = regex.firstMatch(in: text, range: range) else { return nil }
        return Self.match(result, in: text)
    }

    func matches(in text: String) -> [Match] {
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Self.match($0, in: text) }
    }

    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }

    private static func match(_ result: NSTextCheckingResult, in text: String) -> Match? {
        guard let whole = Range(result.range, in: text) else { return nil }
        var groups: [String?] = []
        var ranges: [Range<String.Index>?] = []
        for index in 0..<result.numberOfRanges {
            let range = Range(result.range(at: index), in: text)
            ranges.append(range)
            groups.append(range.map { String(text[$0]) })
        }
        return Match(range: whole, groups: groups, groupRanges: ranges, text: String(text[whole]))
    }
}

extension String {
    /// Without leading and trailing whitespace.
    var trimmed: String {
        // Native rather than Foundation's trimmingCharacters, which bridges through NSString on Linux.
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Whitespace runs made single spaces, trimmed.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Nil when empty after trimming.
    var nonBlank: String? {
        let value = trimmed
        return value.isEmpty ? nil : value
    }
}

extension StringProtocol {
    /// Substring search on UTF-8 bytes. Foundation's `contains(_:)` goes through NSString on Linux
    /// and dominated the reader's run time; the reader asks this question for every line.
    func includes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Bool in
            guard haystack.count >= pattern.count else { return false }
            var index = 0
            let last = haystack.count - pattern.count
            while index <= last {
                if haystack[index] == first {
                    var offset = 1
                    while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
