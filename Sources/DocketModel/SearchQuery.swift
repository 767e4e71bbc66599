/// Turns what an archivist types into an FTS5 query that cannot be a syntax error.
///
/// Kept: "exact phrases", prefix words (`saksbeh*`), and the operators AND, OR, NOT in capitals
/// between words, and a column filter (`title: vedtektene`) for the columns the index has.
/// Everything else is a word, quoted, so that `plan- og byggesak`, `C++` or a stray `"` searches
/// for words instead of failing.
public struct SearchQuery: Hashable, Sendable {
    public let userText: String
    /// The FTS5 MATCH expression.
    public let expression: String
    /// The expression's shape for the top-k ranking (docket_topk): one character per phrase, '+' for
    /// a phrase every hit has (AND), '?' for one of several (OR), '-' for one no hit has (NOT); nil
    /// for a shape that is not one of those (OR mixed with AND or NOT), which is ranked through SQL.
    public let shape: String?
    /// The expression's phrases in order (one for each character of ``shape``), for what marks them
    /// in a snippet.
    public let phrases: [Phrase]

    /// A quoted phrase of the expression: its words, whether its last word is a prefix, and the
    /// column it is limited to.
    public struct Phrase: Hashable, Sendable {
        public var text: String
        public var isPrefix: Bool
        public var column: String?
    }

    /// The columns of Docket's search index, which `column:` may name.
    public static let indexColumns: Set<String> = ["title", "case_text", "proposal", "decision", "debate"]

    public init?(_ text: String, columns: Set<String> = SearchQuery.indexColumns) {
        userText = text
        var parts: [String] = []
        var phrases: [Phrase] = []
        var pendingColumn: String?
        var tokens = SearchQuery.tokens(of: text)
        // "title:word" is a column filter followed by a word.
        tokens = tokens.flatMap { token -> [Token] in
            guard case let .word(word) = token, let colon = word.firstIndex(of: ":"),
                  columns.contains(String(word[..<colon]).lowercased()) else { return [token] }
            let rest = String(word[word.index(after: colon)...])
            return [.word(String(word[...colon]))] + (rest.isEmpty ? [] : [.word(rest)])
        }
        for token in tokens {
            if case let .word(word) = token, word.hasSuffix(":"), columns.contains(String(word.dropLast()).lowercased()) {
                pendingColumn = String(word.dropLast()).lowercased()
                continue
            }
            let before = parts.count
            switch token {
            case let .phrase(words):
                let inner = words // the splitter leaves no quote inside a phrase
                if inner.contains(where: { $0.isLetter || $0.isNumber }) {
                    parts.append("\"\(inner)\"")
                    phrases.append(Phrase(text: inner, isPrefix: false))
                }
            case let .word(word):
                if ["AND", "OR", "NOT"].contains(word) {
                    parts.append(word)
                    continue
                }
                let isPrefix = word.hasSuffix("*")
                let stem = String(word.drop(while: { !$0.isLetter && !$0.isNumber }).reversed()
                    .drop(while: { !$0.isLetter && !$0.isNumber }).reversed())
                guard !stem.isEmpty else { continue }
                let quoted = "\"" + stem + "\"" // no quote inside: quotes start phrases
                parts.append(isPrefix ? quoted + "*" : quoted)
                phrases.append(Phrase(text: stem, isPrefix: isPrefix))
            }
            if let column = pendingColumn, parts.count > before, !["AND", "OR", "NOT"].contains(parts[before]) {
                parts[before] = column + " : " + parts[before]
                phrases[phrases.count - 1].column = column
                pendingColumn = nil
            }
        }
        // Operators need a term on each side: drop leading, trailing and doubled ones.
        var cleaned: [String] = []
        for part in parts {
            let isOperator = ["AND", "OR", "NOT"].contains(part)
            if isOperator && (cleaned.isEmpty || ["AND", "OR", "NOT"].contains(cleaned.last!)) { continue }
            cleaned.append(part)
        }
        while let last = cleaned.last, ["AND", "OR", "NOT"].contains(last) { cleaned.removeLast() }
        guard !cleaned.isEmpty else { return nil }
        expression = cleaned.joined(separator: " ")
        shape = SearchQuery.shape(of: cleaned)
        self.phrases = phrases
    }

    /// FTS5 binds words side by side (implicit AND) tightest, then NOT, then AND, then OR. So without
    /// OR, a phrase right after NOT is excluded and every other one required, as long as the
    /// excluded phrase stands alone (`a NOT b c` is `a NOT (b c)`: not this shape); with OR only,
    /// every phrase is one of several.
    private static func shape(of parts: [String]) -> String? {
        let operators = parts.filter { ["AND", "OR", "NOT"].contains($0) }
        let terms = parts.count - operators.count
        if operators.contains("OR") {
            guard operators.allSatisfy({ $0 == "OR" }), operators.count == terms - 1 else { return nil }
            return String(repeating: "?", count: terms)
        }
        var shape = ""
        for (index, part) in parts.enumerated() where part != "AND" && part != "NOT" {
            let negated = index > 0 && parts[index - 1] == "NOT"
            if negated, index + 1 < parts.count, !["AND", "NOT"].contains(parts[index + 1]) { return nil }
            shape.append(negated ? "-" : "+")
        }
        return shape
    }

    private enum Token { case word(String), phrase(String) }

    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var inPhrase = false
        for character in text {
            if character == "\"" {
                if inPhrase {
                    tokens.append(.phrase(current))
                } else if !current.isEmpty {
                    tokens.append(.word(current))
                }
                current = ""
                inPhrase.toggle()
            } else if character.isWhitespace && !inPhrase {
                if !current.isEmpty { tokens.append(.word(current)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(inPhrase ? .phrase(current) : .word(current)) }
        return tokens
    }
}
