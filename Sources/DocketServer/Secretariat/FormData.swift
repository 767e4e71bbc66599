import Foundation
import Hummingbird

/// The fields of a posted form (`application/x-www-form-urlencoded`), in order, a name possibly
/// repeated (check boxes).
struct FormData: Sendable {
    var fields: [(name: String, value: String)]

    /// The largest form body read (uploads are not taken by these forms).
    static let limit = 1 << 20

    init(fields: [(name: String, value: String)]) { self.fields = fields }

    /// Parses `a=1&b=x+y`: `+` is a space, `%XX` a byte of UTF-8.
    init(urlEncoded text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads the request's form body (collected, so the request can be read again).
    static func read(_ request: inout Request) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return FormData(fields: []) }
        let buffer = try await request.collectBody(upTo: limit)
        return FormData(urlEncoded: String(buffer: buffer))
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        guard let value = fields.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every non-empty value of `name`.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The fields as a dictionary for re-showing a form after an error (the first value of each).
    var values: [String: Any] {
        var result: [String: Any] = [:]
        for field in fields where result[field.name] == nil && field.name != "csrf" { result[field.name] = field.value }
        return result
    }
}
