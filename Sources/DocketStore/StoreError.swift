/// What went wrong, phrased for the secretary at the command line: what was wrong and what would be right.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A name that matches nothing, with the nearest names that exist.
    case notFound(kind: String, name: String, suggestions: [String])
    /// Several things match a name that should pick one.
    case ambiguous(kind: String, name: String, candidates: [String])
    case newerDatabase(found: Int, supported: Int)
    /// A write refused, with its facts; each edge words it in its own language.
    case refused(Refusal)
    /// A fault no user's input leads to (a broken migration, a consistency check), in English.
    case invalid(String)

    public var description: String {
        switch self {
        case let .notFound(kind, name, suggestions):
            var text = "no \(kind) '\(name)'"
            if suggestions.count == 1 {
                text += "; did you mean '\(suggestions[0])'?"
            } else if !suggestions.isEmpty {
                text += "; did you mean one of " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            }
            return text
        case let .ambiguous(kind, name, candidates):
            return "'\(name)' names several \(kind)s (" + candidates.joined(separator: ", ") + "); be more specific"
        case let .newerDatabase(found, supported):
            return "this database has schema version \(found), but this docket knows versions up to \(supported); "
                + "use a newer docket (the file was left untouched)"
        case let .refused(refusal):
            return refusal.description
        case let .invalid(message):
            return message
        }
    }
}

/// The names closest to `name` by edit distance, for "did you mean" suggestions.
func suggestions(for name: String, among candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(name.lowercased())
    let threshold = max(2, target.count / 3)
    return candidates
        .map { ($0, editDistance(target, Array($0.lowercased()))) }
        .filter { $0.1 <= threshold || $0.0.lowercased().hasPrefix(name.lowercased()) }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        .prefix(limit)
        .map(\.0)
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
