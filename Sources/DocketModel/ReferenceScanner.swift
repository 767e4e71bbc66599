/// A reference to an agenda item written in running text: "sak 22/18", "jf. sak 08/19", "PS 12/19".
public struct TextReference: Hashable, Sendable, Codable {
    /// The words as written, e.g. "sak 22/18".
    public var text: String
    public var number: ItemNumber
    /// True when the sentence places the item in another body ("i deres styringsgruppe sak 01 – 2019"):
    /// such a reference must never be resolved to an item of the body whose text it is.
    public var namesAnotherBody: Bool
    /// Where `text` starts in the scanned string, in characters: what comes before it ("jf. ",
    /// "behandling av ") is the reader's to weigh.
    public var offset: Int

    public init(text: String, number: ItemNumber, namesAnotherBody: Bool, offset: Int = 0) {
        self.text = text
        self.number = number
        self.namesAnotherBody = namesAnotherBody
        self.offset = offset
    }
}

/// Finds item references in text. A number needs a word that makes it one ("sak", "saken",
/// "saksnr.", or a series code like "PS"): a bare "12/12" is as likely a date.
public struct ReferenceScanner: Sendable {
    /// Words for bodies; one of them shortly before a reference, qualified as someone else's or not
    /// one of this body's names, means the reference is to another body's item.
    static let bodyNouns = ["styringsgruppe", "styre", "utvalg", "råd", "faggruppe", "kommunestyre", "formannskap",
                            "komité", "komite", "bystyre", "fylkesting", "samstyringsutvalg", "porteføljeråd", "arbeidsutvalg"]
    static let otherOwnerWords: Set<String> = ["deres", "sin", "sitt", "sine", "hans", "hennes", "their"]

    /// The body's own names, lowercased (its name and aliases), so that "i styringsgruppen sak 22/18"
    /// in the steering group's own papers stays its own.
    public var ownNames: [String]
    public var defaultSeries: Series?

    public init(ownNames: [String] = [], defaultSeries: Series? = nil) {
        self.ownNames = ownNames.map { $0.lowercased() }
        self.defaultSeries = defaultSeries
    }

    static let leadWords: Set<String> = ["sak", "saken", "saker", "sakene", "saksnr", "saksnummer", "utvalgssak"]
    static let seriesCodes: Set<String> = ["PS", "RS", "OS", "DS", "FO"]

    /// Scans by hand rather than with a regular expression: it runs on every text the store
    /// writes, and Swift's Regex costs milliseconds on a long case text.
    public func references(in text: String) -> [TextReference] {
        // Most lines hold no digit at all: skip them before splitting into characters.
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return [] }
        let characters = Array(text)
        var found: [TextReference] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !characters[index - 1].isLetter && !characters[index - 1].isASCIIDigit else {
                index += 1
                continue
            }
            let digitsStart = index
            while index < characters.count, characters[index].isASCIIDigit { index += 1 }
            guard index - digitsStart <= 4, let sequence = Int(String(characters[digitsStart..<index])), sequence > 0,
                  let (year, end) = yearAfter(characters, from: index),
                  let (lead, leadStart) = leadBefore(characters, at: digitsStart) else { continue }
            let series = ReferenceScanner.seriesCodes.contains(lead) ? Series(lead) : nil
            let number = ItemNumber(series: series, sequence: sequence, year: year).inSeries(defaultSeries)
            found.append(TextReference(text: String(characters[leadStart..<end]), number: number,
                                       namesAnotherBody: namesAnotherBody(before: lookBack(characters, from: leadStart)),
                                       offset: leadStart))
            index = end
        }
        return found
    }

    /// "/18", " / 2018" or " – 2019" after the sequence: the year and where the reference ends.
    private func yearAfter(_ characters: [Character], from start: Int) -> (Int, Int)? {
        var index = start
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index < characters.count else { return nil }
        let separator = characters[index]
        guard separator == "/" || separator == "–" || separator == "-" else { return nil }
        index += 1
        while index < characters.count, characters[index] == " " { index += 1 }
        let digitsStart = index
        while index < characters.count, characters[index].isASCIIDigit { index += 1 }
        let count = index - digitsStart
        guard count == 4 || (count == 2 && separator == "/"), index == characters.count || !characters[index].isLetter,
              let value = Int(String(characters[digitsStart..<index])) else { return nil }
        let year = count == 2 ? ItemNumber.fullYear(fromTwoDigits: value) : value
        return (1900...2199).contains(year) ? (year, index) : nil
    }

    /// The word that makes a number a reference ("sak", "saksnr.:", "sak nr.", "PS"), right before it.
    private func leadBefore(_ characters: [Character], at digitsStart: Int) -> (String, Int)? {
        guard let (word, start) = word(before: digitsStart, in: characters) else { return nil }
        if ReferenceScanner.seriesCodes.contains(word) { return (word, start) }
        // "sak nr. 12/19"
        if word.lowercased() == "nr", let (previous, previousStart) = self.word(before: start, in: characters),
           previous.lowercased() == "sak" {
            return ("sak nr", previousStart)
        }
        guard ReferenceScanner.leadWords.contains(word.lowercased()) else { return nil }
        return (word.lowercased(), start)
    }

    /// The word that ends right before `end`, past spaces, dots and a colon, and where it starts.
    private func word(before end: Int, in characters: [Character]) -> (String, Int)? {
        var index = end
        while index > 0, characters[index - 1] == " " || characters[index - 1] == "." || characters[index - 1] == ":" { index -= 1 }
        let wordEnd = index
        while index > 0, characters[index - 1].isLetter { index -= 1 }
        guard wordEnd > index else { return nil }
        return (String(characters[index..<wordEnd]), index)
    }

    /// How far back, in characters, a reference's sentence is read: eight words fit many times over.
    static let lookBackLimit = 400

    /// The text before a reference that ``namesAnotherBody(before:)`` weighs: at most
    /// ``lookBackLimit`` characters, starting at a word. Bounded so that a long text with many
    /// references is scanned in linear time (copying everything before each reference was quadratic:
    /// a 2 MB case text took half a minute).
    private func lookBack(_ characters: [Character], from end: Int) -> Substring {
        var start = max(0, end - ReferenceScanner.lookBackLimit)
        if start > 0 {
            // Do not begin inside a word: its tail could pass for a body's name.
            while start < end, characters[start - 1].isLetter { start += 1 }
        }
        return String(characters[start..<end])[...]
    }

    /// Looks back over the same sentence, at most eight words, for a body named as another's.
    private func namesAnotherBody(before: Substring) -> Bool {
        let sentenceStart = before.lastIndex(where: { $0 == "." || $0 == "\n" || $0 == "!" || $0 == "?" })
            .map { before.index(after: $0) } ?? before.startIndex
        let words = before[sentenceStart...].split(whereSeparator: { !$0.isLetter })
            .suffix(8).map { $0.lowercased() }
        for (index, word) in words.enumerated() where ReferenceScanner.bodyNouns.contains(where: { word.hasPrefix($0) }) {
            let qualifier = index > 0 ? words[index - 1] : ""
            if ReferenceScanner.otherOwnerWords.contains(qualifier) { return true }
            let isOwn = ownNames.contains { name in name.contains(word) || word.contains(name) }
            if !isOwn && !ownNames.isEmpty { return true }
        }
        return false
    }
}

extension String {
    func trimmingWhitespaceAndDots() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || last == "." { slice.removeLast() }
        return String(slice)
    }
}
