import DocketModel

/// Reads the item number that opens a line (an agenda row or an item heading: "PS 1/26 Title",
/// "Sak 8/19 – Title", "08/19"), in every spelling the glossary lists.
///
/// Numbers inside running text, where only a number introduced by "sak" or a series code counts
/// ("sak 22/18", "jf. PS 12/19": bare "86/6" in prose is a land register number or a date far more
/// often than an item), are the model's `ReferenceScanner`'s to find (see ``ReferenceReader``).
enum ItemNumberScanner {
    /// A number found in text.
    struct Found: Equatable {
        var number: ItemNumber
        /// The text as written.
        var raw: String
        /// What follows the number on the line (for a leading number: the title, separators stripped).
        var rest: String
        var hasSeries: Bool
        var hasCaseWord: Bool
    }

    /// Series code in capitals even though the rest of the pattern ignores case.
    private static let series = "(?-i:([A-ZÆØÅ]{2,4}))"

    private static let leadingPattern = Pattern(
        #"^\s*(?:[-•*]\s+)?(?:\p{L}{1,6}[-/](?=sak))?(?:(sak|saksnr\.?|sak nr\.?)\s*:?\s*)?((?-i:[A-ZÆØÅ]{1,2})-\s*(?=\d))?(?:"# + series + #"\s+)?(\d{1,4})\s*(/|\s*[–-]\s*)\s*(\d{4}|\d{3}|\d{2})(?![\d/.,])(.*)$"#)

    /// A number at the start of a line: a table cell or an item heading.
    ///
    /// A dash between sequence and year ("Sak 8-2019") is accepted only after the word "sak",
    /// because a bare "8-19" is more often a range than an item.
    static func leading(in text: String) -> Found? {
        guard mayHoldNumber(text), let match = leadingPattern.firstMatch(in: text),
              let sequenceText = match[4], let separator = match[5], let yearText = match[6] else { return nil }
        // A letter and a dash before the number ("R-01/19") mark it as an item's as plainly as "Sak" does.
        let caseWord = match[1] != nil || match[2] != nil
        if separator.trimmed != "/", !caseWord {
            // "21-24 Ny samarbeidsavtale": a bare dash only before a two-digit year and a title, never in a range ("8-19 år").
            let title = (match[7] ?? "").drop(while: { $0 == " " || $0 == "\t" })
            guard yearText.count == 2, sequenceText.count <= 3, title.first?.isUppercase == true else { return nil }
        }
        // Year first ("PS 21/137", "Sak nr. 10/234"): a two-digit year before a three-digit sequence.
        var (sequencePart, yearPart) = (sequenceText, yearText)
        if yearText.count == 3 {
            guard sequenceText.count == 2 else { return nil }
            (sequencePart, yearPart) = (yearText, sequenceText)
        }
        guard let number = makeNumber(series: match[3], sequence: sequencePart, year: yearPart) else { return nil }
        var rest = Substring(match[7] ?? "")
        rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "–" || $0 == "-" || $0 == ":" || $0 == "—" })
        // "10/16 16/103 Møteprotokoll": the archive's case number between an agenda's number and its title.
        if rest.first?.isNumber == true, let archive = archiveNumberBeforeTitle.firstMatch(in: String(rest)) {
            rest = rest.dropFirst(archive.text.count)
        }
        if let rawRange = match.groupRanges[0], let restRange = match.groupRanges[7] {
            let raw = String(text[rawRange.lowerBound..<restRange.lowerBound]).trimmed
            return Found(number: number, raw: raw, rest: String(rest).trimmed, hasSeries: match[3] != nil,
                         hasCaseWord: caseWord)
        }
        return nil
    }

    private static let archiveNumberBeforeTitle = Pattern(#"^\d{2,4}/\d{3,7}(?:-\d{1,4})?\s+(?=(?-i:[\p{Lu}«"]))"#)

    /// A cheap test before the patterns: a number needs a digit and a separator.
    static func mayHoldNumber(_ text: String) -> Bool {
        var digit = false
        var separator = false
        for character in text.utf8 {
            if character >= 48 && character <= 57 { digit = true } else if character == 47 || character == 45 { separator = true }
            if digit && separator { return true }
        }
        return digit && text.includes("–")
    }

    static func makeNumber(series code: String?, sequence: String, year: String) -> ItemNumber? {
        guard let sequence = Int(sequence), sequence > 0, let yearValue = Int(year) else { return nil }
        let fullYear = year.count == 2 ? ItemNumber.fullYear(fromTwoDigits: yearValue) : yearValue
        guard (1900...2199).contains(fullYear) else { return nil }
        var series: Series?
        if let code {
            guard let parsed = Series(code) else { return nil }
            series = parsed
        }
        return ItemNumber(series: series, sequence: sequence, year: fullYear)
    }
}
