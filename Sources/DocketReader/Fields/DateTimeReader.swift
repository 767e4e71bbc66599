import DocketModel
/// Reads the dates and times Norwegian documents write.
///
/// Dates: "13 februar 2019", "13. februar 2019", "29.januar 2026", "27.01.2026", "27.01.26",
/// "Tirsdag 27.01.2026", "2026-01-27". Times: "kl. 13.00–15.00", "fra klokken 13.00 til 15.00",
/// "12:00 - 14:30", "10:00 -" (start only).
enum DateTimeReader {
    static let months: [String: Int] = [
        "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
        "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "des": 12,
    ]

    private static let numericDate = Pattern(#"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])"#)
    private static let writtenDate = Pattern(
        #"(?<![\d])(\d{1,2})\.?\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des)\.?\s+(\d{4})(?!\d)"#)
    private static let isoDate = Pattern(#"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"#)

    /// A date found in text, with where it starts, so callers can take the first one.
    struct FoundDate {
        var date: CalendarDate
        var offset: Int
        var text: String
    }

    static func dates(in text: String) -> [FoundDate] {
        var found: [FoundDate] = []
        for match in numericDate.matches(in: text) {
            guard let day = Int(match[1] ?? ""), let month = Int(match[2] ?? ""), let yearText = match[3],
                  let year = Int(yearText) else { continue }
            let fullYear = yearText.count == 2 ? 2000 + year : year
            if let date = CalendarDate(year: fullYear, month: month, day: day) {
                found.append(FoundDate(date: date, offset: text.distance(from: text.startIndex, to: match.range.lowerBound), text: match.text))
            }
        }
        for match in writtenDate.matches(in: text) {
            guard let day = Int(match[1] ?? ""), let month = months[(match[2] ?? "").lowercased()],
                  let year = Int(match[3] ?? "") else { continue }
            if let date = CalendarDate(year: year, month: month, day: day) {
                found.append(FoundDate(date: date, offset: text.distance(from: text.startIndex, to: match.range.lowerBound), text: match.text))
            }
        }
        for match in isoDate.matches(in: text) {
            guard let year = Int(match[1] ?? ""), let month = Int(match[2] ?? ""), let day = Int(match[3] ?? "") else { continue }
            if let date = CalendarDate(year: year, month: month, day: day) {
                found.append(FoundDate(date: date, offset: text.distance(from: text.startIndex, to: match.range.lowerBound), text: match.text))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    static func firstDate(in text: String) -> CalendarDate? { dates(in: text).first?.date }

    private static let clock = #"(\d{1,2})[.:](\d{2})"#
    private static let timeRange = Pattern(
        #"(?:(?:fra\s+)?(?:kl(?:okken)?\.?\s*))?"# + clock + #"\s*(?:-|–|—|til|to)\s*(?:kl(?:okken)?\.?\s*)?"# + clock + #"(?!\d)"#)
    private static let labelledTime = Pattern(#"(?:kl(?:okken)?\.?\s*|^\s*)"# + clock + #"(?!\d)"#)

    /// "13.12.2018": what looked like a time is the start of a date.
    private static func followedByDateDigits(_ rest: Substring) -> Bool {
        rest.hasPrefix(".") && rest.dropFirst().first?.isNumber == true
    }

    /// Start and end of a meeting from a time phrase; the end is nil when the text gives only a start.
    static func times(in text: String) -> (start: TimeOfDay?, end: TimeOfDay?) {
        for match in timeRange.matches(in: text) {
            guard let startHour = Int(match[1] ?? ""), let startMinute = Int(match[2] ?? ""),
                  let endHour = Int(match[3] ?? ""), let endMinute = Int(match[4] ?? "") else { continue }
            // "13.12.2018" is a date, not 13:12; reject a range glued to a date.
            if let range = match.groupRanges[0], followedByDateDigits(text[range.upperBound...]) { continue }
            if let start = TimeOfDay(hour: startHour, minute: startMinute) {
                return (start, TimeOfDay(hour: endHour, minute: endMinute))
            }
        }
        for match in labelledTime.matches(in: text) {
            guard let hour = Int(match[1] ?? ""), let minute = Int(match[2] ?? "") else { continue }
            if let range = match.groupRanges[0], followedByDateDigits(text[range.upperBound...]) { continue }
            if let start = TimeOfDay(hour: hour, minute: minute) { return (start, nil) }
        }
        return (nil, nil)
    }
}
