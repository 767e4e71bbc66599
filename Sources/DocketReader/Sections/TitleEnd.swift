/// Where an item's title ends when a text layer glued what follows it onto the same line: a lettered
/// list of the item's parts ("Innmeldte saker fra kommunene a) Fauske kommune: …"), a list of dashes
/// ("Orienteringer -sekretariatet -rådmannsgruppa"), or the summons's closing note on absence
/// ("Eventuelt Eventuelle forfall meldes til …"). None of these belongs to a title in any layout.
enum TitleEnd {
    /// "a) Fauske kommune": a lettered part list after the title's words, its first part capitalised.
    private static let letteredPart = Pattern(#"\s+a\)\s+\p{Lu}"#, caseSensitive: true)
    /// "-sekretariatet -rådmannsgruppa": two or more dashes glued to words in lower case.
    private static let dashedParts = Pattern(#"(?:\s+-\p{Ll}[\p{L}\d]*){2,}\s*"#, caseSensitive: true)
    /// "Eventuelle forfall meldes til …", "Forfall meldes på telefon …": the summons's note on absence.
    private static let absenceNote = Pattern(#"\s+(?:(?:Eventuelle|Eventuelt|Evt\.?)\s+)?[Ff]orfall\s+(?:meldes|må\s+meldes|bes\s+meldt|vert\s+meldt)"#, caseSensitive: true)

    static func cut(_ title: String) -> String {
        var text = title
        for pattern in [letteredPart, absenceNote, dashedParts] {
            // Only after a word of title: a title never begins with these.
            guard let match = pattern.firstMatch(in: text), text[..<match.range.lowerBound].contains(where: \.isLetter) else { continue }
            text = String(text[..<match.range.lowerBound])
        }
        return text.trimmed
    }
}
