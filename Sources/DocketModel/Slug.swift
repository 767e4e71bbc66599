/// A body's short name, used on the command line and in references: `styringsgruppen`, `fg-helse`.
///
/// What a slug may hold is what the schema's CHECK on `body.slug` allows, stated once here:
/// lowercase a–z, æ, ø, å, the digits 0–9 and single hyphens, starting with a letter, at most
/// 40 characters. A name with other letters (`Komité for oppvekst`) is folded into one with
/// ``init(folding:maxLength:)``; a slug typed on the command line is checked with ``init(_:)``.
public struct Slug: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public static let maxLength = 40

    /// The rule, as messages state it.
    public static let rule = "a slug holds lowercase letters a–z, æ, ø and å, digits and single hyphens, "
        + "starts with a letter and is at most \(maxLength) characters long"

    /// A slug exactly as given, or nil when it breaks ``rule``.
    public init?(_ text: String) {
        guard let first = text.first, Slug.isLetter(first), text.count <= Slug.maxLength,
              text.allSatisfy(Slug.isAllowed), !text.hasSuffix("-"), !text.contains("--")
        else { return nil }
        rawValue = text
    }

    /// A valid slug made from any name: lowercased; æ, ø and å kept; ä and ö written as æ and ø
    /// (as Norwegian does), other accented letters without their accents (é → e, ü → u), ß as ss;
    /// everything else (spaces, punctuation, letters of other scripts) a single hyphen. A name
    /// that leaves no letter to start with gets the prefix `organ` ("body").
    public init(folding name: String, maxLength: Int = Slug.maxLength) {
        var folded = ""
        for character in name.lowercased() {
            let replacement = Slug.fold(character)
            if replacement.isEmpty {
                if !folded.isEmpty, folded.last != "-" { folded.append("-") }
            } else {
                folded += replacement
            }
        }
        func trimmed(_ text: String) -> String {
            var text = text
            while text.hasSuffix("-") { text.removeLast() }
            return text
        }
        folded = trimmed(folded)
        if !(folded.first.map(Slug.isLetter) ?? false) {
            folded = "organ" + (folded.isEmpty ? "" : "-" + folded)
        }
        // A long name is cut at the last word boundary that fits ("kontrollutvalget-i-…" rather
        // than "…-i-fjordv"); a first word longer than the limit is cut where the limit falls.
        let limit = max(5, min(maxLength, Slug.maxLength))
        if folded.count > limit {
            let head = String(folded.prefix(limit + 1))
            if head.hasSuffix("-") {
                folded = String(head.dropLast())
            } else if let boundary = head.lastIndex(of: "-"), head.distance(from: head.startIndex, to: boundary) >= 5 {
                folded = String(head[..<boundary])
            } else {
                folded = String(head.prefix(limit))
            }
        }
        rawValue = trimmed(folded)
    }

    public var description: String { rawValue }

    static func isLetter(_ character: Character) -> Bool {
        ("a"..."z").contains(character) && character.isASCII || character == "æ" || character == "ø" || character == "å"
    }

    static func isAllowed(_ character: Character) -> Bool {
        isLetter(character) || (character.isASCII && character.isNumber) || character == "-"
    }

    /// A character of a lowercased name as a slug writes it; empty for a separator.
    private static func fold(_ character: Character) -> String {
        if isLetter(character) || (character.isASCII && character.isNumber) { return String(character) }
        if let folded = folding[character] { return folded }
        // A letter a–z with combining marks the table does not list (q̃, i̇): the letter.
        if let first = character.unicodeScalars.first, ("a"..."z").contains(first) { return String(first) }
        return ""
    }

    /// Letters of the Latin alphabets Norwegian documents meet, as a slug writes them. Keys are
    /// characters, so a decomposed é (e and a combining accent) is found as well as a composed one.
    private static let folding: [Character: String] = {
        var table: [Character: String] = ["ä": "æ", "ö": "ø", "ß": "ss", "œ": "oe", "ð": "d", "þ": "th", "ĳ": "ij"]
        let groups: [(String, String)] = [
            ("àáâãāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        for (letters, base) in groups {
            for letter in letters { table[letter] = base }
        }
        return table
    }()
}
