/// A reference to an agenda item written in running text: "sak 22/18", "jf. sak 08/19", "PS 12/19".
public struct TextReference: Hashable, Sendable, Codable {
    /// The words as written, e.g. "sak 22/18".
    public var text: String
    public var number: ItemNumber
    /// True when the sentence places the item in another body ("i deres styringsgruppe sak 01 – 2019"):
    /// such a reference must never be resolved to an item of the body whose text it is.
    public var namesAnotherBody: Bool

    public init(text: String, number: ItemNumber, namesAnotherBody: Bool) {
        self.text = text
        self.number = number
        self.namesAnotherBody = namesAnotherBody
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

    public func references(in text: String) -> [TextReference] {
        let pattern = /(?i)(?<lead>\b(?:utvalgssak|saksnummer|saksnr\.?|sakene|saken|sak|PS|RS|OS|DS|FO)\s*)(?<sequence>\d{1,4})(?:\s*\/\s*(?<short>\d{4}|\d{2})\b|\s*[–-]\s*(?<long>\d{4})\b)/
        var found: [TextReference] = []
        for match in text.matches(of: pattern) {
            let lead = String(match.output.lead).trimmingWhitespaceAndDots()
            let series = Series(lead).flatMap { series in
                ["PS", "RS", "OS", "DS", "FO"].contains(series.code) && lead == lead.uppercased() ? series : nil
            }
            if series == nil && !lead.lowercased().hasPrefix("sak") && !lead.lowercased().hasPrefix("utvalgssak") { continue }
            guard let sequence = Int(match.output.sequence), sequence > 0 else { continue }
            let yearText = match.output.short ?? match.output.long ?? ""
            guard let yearValue = Int(yearText) else { continue }
            let year = yearText.count == 2 ? ItemNumber.fullYear(fromTwoDigits: yearValue) : yearValue
            let number = ItemNumber(series: series ?? defaultSeries, sequence: sequence, year: year)
            let before = text[..<match.range.lowerBound]
            found.append(TextReference(text: String(text[match.range]).trimmingWhitespaceAndDots(), number: number,
                                       namesAnotherBody: namesAnotherBody(before: before)))
        }
        return found
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
