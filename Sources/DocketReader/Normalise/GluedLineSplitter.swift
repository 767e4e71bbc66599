/// Splits lines into which a text layer glued a whole page: transcripts and PDFs that lost their line
/// breaks print an agenda as "01/2016 Godkjenning … 02/2016 Godkjenning …" and items as
/// "Sak nr.: 62/12 GODKJENNING AV DAGSORDEN Dagsorden godkjennes. Sak nr.: 63/12 …" on one line, or a
/// web page's list of links as "Sak 049/25 Konstituering (saksfremlegg)Sak 050/25 …".
///
/// A long line that holds two or more item numbers where items open (after a case word, a series
/// code, or a bare number before a capitalised title) is cut before each; a title in capitals is cut
/// from the text after it. The pieces keep the line's number. Lines of ordinary layouts are shorter
/// than `minimumLength` or hold fewer numbers, and stay as they are. One pass over each line.
enum GluedLineSplitter {
    static let minimumLength = 160

    /// An item's number where an item opens inside a line: "Sak 97 /10", "Sak nr.: 62/12", "SR-sak 32/14",
    /// "PS 4/15", "PS4/15", "BU 14/72", or a bare "02/2016" before a capitalised word, or before the
    /// archive's case number and then a capitalised word ("10/16 16/103 Møteprotokoll", a saksliste's row).
    private static let opening = Pattern(
        #"(?<=[\s)]|^)(?:(?:[A-ZÆØÅ]{1,4}-[Ss]ak|Sak|SAK)(?:\s*nr\.?)?\s*:?\s*\d{1,4}\s*/\s*\d{2,4}|[A-ZÆØÅ]{2,3}\s?\d{1,4}\s*/\s*\d{2,4}(?=\s*\p{L})|\d{0,4}/(?:\d{4}|\d{2})(?=\s*:?\s+[\p{Lu}«"])|\d{0,4}/(?:\d{4}|\d{2})(?=\s+\d{2,4}/\d{3,7}(?:-\d{1,4})?\s+[\p{Lu}«"]))(?![\d/])"#,
        caseSensitive: true)

    static func split(_ lines: [SourceLine]) -> [SourceLine] {
        guard lines.contains(where: { $0.text.utf8.count >= minimumLength }) else { return lines }
        var result: [SourceLine] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            guard line.text.utf8.count >= minimumLength, !line.isTabular, ItemNumberScanner.mayHoldNumber(line.text) else {
                result.append(line)
                continue
            }
            let starts = opening.matches(in: line.text).map(\.range.lowerBound)
            guard starts.count >= 2 else {
                result.append(line)
                continue
            }
            var pieces: [Substring] = []
            var from = line.text.startIndex
            for start in starts where start > from {
                pieces.append(line.text[from..<start])
                from = start
            }
            pieces.append(line.text[from...])
            pieces = joiningStrayNumbers(pieces)
            var previous: (sequence: Int, year: Substring)?
            for var piece in pieces {
                // A text layer that lost a number's digits ("02/2016 … /2016 Årsmelding … 04/2016 …"): the
                // sequence between its neighbours' is the one after the previous.
                if piece.first == "/", let known = previous {
                    let year = piece.dropFirst().prefix(while: \.isNumber)
                    if year == known.year { piece = Substring("\(known.sequence + 1)") + piece }
                }
                if let slash = piece.firstIndex(of: "/"), piece.distance(from: piece.startIndex, to: slash) <= 16 {
                    let digits = piece[..<slash].reversed().prefix(while: \.isNumber)
                    if let sequence = Int(String(digits.reversed())) {
                        previous = (sequence, piece[piece.index(after: slash)...].prefix(while: \.isNumber))
                    }
                }
                for part in cutCapitalsTitle(piece) {
                    let text = part.trimmed
                    if !text.isEmpty { result.append(SourceLine(number: line.number, text: text, startsPage: false)) }
                }
            }
        }
        return result
    }

    /// A bare number that breaks the run of its neighbours is part of a title, not an item
    /// ("16/16 Regulert investeringsbudsjett 2/2016 Orientringssak 17/16 …", "66/11 10/1935 TILBUD"):
    /// its sequence does not follow the previous piece's and its year is written otherwise.
    static func joiningStrayNumbers(_ pieces: [Substring]) -> [Substring] {
        var result: [Substring] = []
        var previous: (sequence: Int, year: Substring)?
        for piece in pieces {
            // An agenda's number alone, then the archive's case number ("66/11 10/1935 TILBUD …"): one row.
            if let last = result.last, last.endIndex == piece.startIndex, bareNumber(piece) != nil, numberOnly.matches(String(last)) {
                result[result.count - 1] = last.base[last.startIndex..<piece.endIndex]
                continue
            }
            guard let (sequence, year) = bareNumber(piece) else {
                // A number that lost its digits ("/11 …") follows the previous one.
                if piece.first == "/", let known = previous, piece.dropFirst().hasPrefix(known.year) {
                    previous = (known.sequence + 1, known.year)
                } else {
                    previous = nil
                }
                result.append(piece)
                continue
            }
            if let known = previous, let last = result.last, sequence != known.sequence + 1, year != known.year,
               last.endIndex == piece.startIndex {
                result[result.count - 1] = last.base[last.startIndex..<piece.endIndex]
                continue
            }
            result.append(piece)
            previous = (sequence, year)
        }
        return result
    }

    private static let numberOnly = Pattern(#"^\s*\d{1,4}/\d{2,4}\s*$"#)

    private static let bareNumberPattern = Pattern(#"^(\d{1,4})/(\d{2,4})(?![\d/])"#)

    private static func bareNumber(_ piece: Substring) -> (Int, Substring)? {
        guard piece.first?.isNumber == true, let match = bareNumberPattern.firstMatch(in: String(piece)),
              let sequence = match[1].flatMap({ Int($0) }), let year = match[2] else { return nil }
        return (sequence, Substring(year))
    }

    private static let numberThenCapitals = Pattern(
        #"^(.*?\d{1,4}\s*/\s*\d{2,4}\s*:?\s+(?:[\p{Lu}\d][\p{Lu}\d.,&/()«»"'-]*\s+)*?[\p{Lu}][\p{Lu}\d.,&/()«»"'-]+)\s+(?=[\p{Lu}][\p{Ll}])"#,
        caseSensitive: true)

    /// "62/12 GODKJENNING AV DAGSORDEN Dagsorden godkjennes." → the heading and the text after it.
    static func cutCapitalsTitle(_ piece: Substring) -> [String] {
        let text = String(piece)
        guard let match = numberThenCapitals.firstMatch(in: text), let head = match[1],
              head.filter(\.isLetter).count >= 4 else { return cutLostBreak(text) }
        let rest = String(text[match.range.upperBound...])
        return [head, rest]
    }

    private static let numberThenTitle = Pattern(
        #"^(.*?\d{1,4}\s*/\s*\d{2,4}\s*:?\s+[\p{Lu}\d«"][^.!?]*?\s\p{Ll}[\p{Ll}\d,-]*)\s+(?=[\p{Lu}][\p{Ll}])"#,
        caseSensitive: true)

    /// The same, where the word before the capital is no preposition or conjunction: a title does not end
    /// in "til", "i" or "og" ("Referatsaker til Arbeidsmiljøutvalget møte", "styremøte i Asker og Bærum brannvesen").
    private static let numberThenTitleNotAfterLink = Pattern(
        #"^(.*?\d{1,4}\s*/\s*\d{2,4}\s*:?\s+[\p{Lu}\d«"][^.!?]*?\s(?!(?:i|av|til|for|om|fra|frå|med|på|og|eller|ved|mot|etter|over|under|den|det|de|som|samt|mellom|hos|og)\s)\p{Ll}[\p{Ll}\d,-]*)\s+(?=[\p{Lu}][\p{Ll}])"#,
        caseSensitive: true)

    /// "Sak 14/07: Godkjenning av innkalling til møtet Innkalling til møtet godkjennes. …": a piece that goes on
    /// into sentences lost the break after its title where a capital follows a word in lower case (not after a
    /// preposition or conjunction, where one such break can be found).
    static func cutLostBreak(_ text: String) -> [String] {
        let words = text.split(separator: " ").count
        guard text.includes(". ") || text.hasSuffix("."), words > 8 else { return [text] }
        // A piece short enough to be one title is cut only where no preposition or conjunction comes before.
        for pattern in words <= 16 ? [numberThenTitleNotAfterLink] : [numberThenTitleNotAfterLink, numberThenTitle] {
            guard let match = pattern.firstMatch(in: text), let head = match[1], head.split(separator: " ").count <= 16 else { continue }
            return [head, String(text[match.range.upperBound...])]
        }
        return [text]
    }
}
