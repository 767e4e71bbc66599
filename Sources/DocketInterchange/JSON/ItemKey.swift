import DocketModel

/// How the interchange file names an item: `8/2019` or `PS 8/2019` after the body's slug.
///
/// The year has four digits, unlike the documents' `8/19`, so that an item of 1965 does not come
/// back as one of 2065; the series is written out, so that no body default is needed to read it.
struct ItemKey: Hashable, Sendable {
    var body: String
    /// "" for the body's one plain series.
    var series: String
    var sequence: Int
    var year: Int

    static func number(series: String, sequence: Int, year: Int) -> String {
        (series.isEmpty ? "" : series + " ") + "\(sequence)/\(year)"
    }

    var number: String { ItemKey.number(series: series, sequence: sequence, year: year) }
    var reference: String { "\(body) \(number)" }

    init(body: String, series: String, sequence: Int, year: Int) {
        self.body = body
        self.series = series
        self.sequence = sequence
        self.year = year
    }

    /// Reads `PS 8/2019` or `8/2019` for `body`; nil when it is not written so.
    init?(body: String, number: String) {
        let parts = number.split(separator: " ")
        guard (1...2).contains(parts.count) else { return nil }
        var series = ""
        if parts.count == 2 {
            guard let parsed = Series(String(parts[0])), parsed.code == parts[0] else { return nil }
            series = parsed.code
        }
        let numbers = parts.last!.split(separator: "/", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers[1].count == 4, let sequence = Int(numbers[0]), sequence > 0,
              numbers[0].utf8.allSatisfy({ (0x30...0x39).contains($0) }), let year = Int(numbers[1]), (1800...2999).contains(year) else { return nil }
        self.init(body: body, series: series, sequence: sequence, year: year)
    }

    /// Reads `body PS 8/2019`.
    init?(reference: String) {
        guard let space = reference.firstIndex(of: " ") else { return nil }
        self.init(body: String(reference[..<space]), number: String(reference[reference.index(after: space)...]))
    }

    static let expected = "a number like '8/2019' or 'PS 8/2019' (series, sequence, four-digit year)"
}

/// A meeting's name in the file: `body@2019-02-13`.
struct MeetingKey: Hashable, Sendable {
    var body: String
    var date: CalendarDate

    init(body: String, date: CalendarDate) {
        self.body = body
        self.date = date
    }

    init?(reference: String) {
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let date = CalendarDate(parts[1]) else { return nil }
        self.init(body: parts[0], date: date)
    }

    var reference: String { "\(body)@\(date)" }
}
