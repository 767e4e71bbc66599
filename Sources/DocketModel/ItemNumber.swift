/// The number of an agenda item: an optional series, a sequence and a year ("8/19", "PS 12/26").
///
/// Numbers are unique per body, year and series; "PS 1/26" and "RS 1/26" are two items of one meeting.
/// The canonical spelling uses a two-digit year, as the documents do; ``init(_:)`` accepts only it,
/// while ``init(tolerant:defaultSeries:)`` reads every spelling seen in real documents.
public struct ItemNumber: Hashable, Sendable, Comparable {
    public var series: Series?
    public var sequence: Int
    /// The full year, e.g. 2019.
    public var year: Int

    public init(series: Series? = nil, sequence: Int, year: Int) {
        self.series = series
        self.sequence = sequence
        self.year = year
    }

    /// Reads the canonical spelling only: `8/19` or `PS 8/19`.
    public init?(_ text: String) {
        guard let parsed = ItemNumber.parse(text, strict: true) else { return nil }
        self = parsed
    }

    /// Reads any spelling found in documents: `08/19`, `8/2019`, `Sak 8/19`, `sak 08/19`, `PS 8/19`,
    /// `RS 2/2026`, `Sak 8-2019`. A number without series takes `defaultSeries` (the body's own).
    public init?(tolerant text: String, defaultSeries: Series? = nil) {
        guard let parsed = ItemNumber.parse(text, strict: false) else { return nil }
        self = parsed.inSeries(defaultSeries)
    }

    /// The series rule, in one place: a number written without a series ("4/26") is in the body's
    /// own series (``Series`` given as the body's default), so in a body that numbers "PS 4/26" the
    /// two name one item. A number that gives its series keeps it; a body without one keeps "4/26".
    /// The store's references, the reference scanner and the document importer all read numbers so.
    public func inSeries(_ defaultSeries: Series?) -> ItemNumber {
        guard series == nil, let defaultSeries else { return self }
        return ItemNumber(series: defaultSeries, sequence: sequence, year: year)
    }

    /// Two-digit years below 70 are this century; documents from before 1970 write four digits.
    public static func fullYear(fromTwoDigits year: Int) -> Int {
        year < 70 ? 2000 + year : 1900 + year
    }

    public static func < (lhs: ItemNumber, rhs: ItemNumber) -> Bool {
        (lhs.year, lhs.series?.code ?? "", lhs.sequence) < (rhs.year, rhs.series?.code ?? "", rhs.sequence)
    }

    private static func parse(_ text: String, strict: Bool) -> ItemNumber? {
        var scanner = Substring(strict ? text : text.trimmingWhitespace())
        var series: Series?
        if !strict, let word = scanner.prefix(while: { $0.isLetter }).nonEmpty,
           word.lowercased() == "sak" || word.lowercased() == "saksnr" {
            scanner = scanner.dropFirst(word.count)
            scanner = scanner.drop(while: { $0 == " " || $0 == "." })
        }
        if let letters = scanner.prefix(while: { $0.isLetter }).nonEmpty {
            guard !strict || letters.allSatisfy(\.isUppercase), let code = Series(String(letters)) else { return nil }
            series = code
            scanner = scanner.dropFirst(letters.count)
            guard scanner.first == " " else { return nil }
            scanner = strict ? scanner.dropFirst() : scanner.drop(while: { $0 == " " })
        }
        let sequenceDigits = scanner.prefix(while: { $0.isASCIIDigit })
        guard !sequenceDigits.isEmpty, sequenceDigits.count <= 5 else { return nil }
        if strict, sequenceDigits.count > 1, sequenceDigits.first == "0" { return nil }
        scanner = scanner.dropFirst(sequenceDigits.count)
        let separators: Set<Character> = strict ? ["/"] : ["/", "-", "–"]
        if !strict { scanner = scanner.drop(while: { $0 == " " }) }
        guard let separator = scanner.first, separators.contains(separator) else { return nil }
        scanner = scanner.dropFirst()
        if !strict { scanner = scanner.drop(while: { $0 == " " }) }
        let yearDigits = scanner.prefix(while: { $0.isASCIIDigit })
        scanner = scanner.dropFirst(yearDigits.count)
        guard scanner.isEmpty, let sequence = Int(sequenceDigits), sequence > 0,
              let yearValue = Int(yearDigits) else { return nil }
        let year: Int
        switch yearDigits.count {
        case 2: year = fullYear(fromTwoDigits: yearValue)
        case 4 where !strict: year = yearValue
        default: return nil
        }
        return ItemNumber(series: series, sequence: sequence, year: year)
    }
}

extension ItemNumber: CustomStringConvertible {
    /// The canonical spelling: `8/19`, `PS 8/19`.
    public var description: String {
        let number = "\(sequence)/\(String(format2: year % 100))"
        guard let series else { return number }
        return "\(series.code) \(number)"
    }
}

extension ItemNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = ItemNumber(tolerant: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an item number like '8/19' or 'PS 8/19'")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }

    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    var nonEmpty: Substring? { isEmpty ? nil : self }
}
