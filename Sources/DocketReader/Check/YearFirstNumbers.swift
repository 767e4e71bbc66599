import DocketModel

/// Numbers written year first with two digits on both sides ("BU 14/72", "BU 14/73", "BU 14/74"): the
/// same first part before several second parts is the year, as a sequence never repeats within a year.
/// Read the usual way they would be one item "14" of the years 1972, 1973 and 1974.
enum YearFirstNumbers {
    /// The sequences that are years: written first with three or more different second parts.
    static func yearsWrittenFirst(_ numbers: [ItemNumber]) -> Set<Int> {
        var seconds: [Int: Set<Int>] = [:]
        for number in numbers where number.sequence <= 99 && number.year % 100 <= 99 {
            seconds[number.sequence, default: []].insert(number.year)
        }
        // Three or more: an agenda row "8/18" beside its heading "8/19" is a typing slip, not a year written first.
        return Set(seconds.filter { $0.value.count >= 3 }.keys)
    }

    /// The year most of the document's numbers have, when more than half have it.
    static func dominantYear(_ numbers: [ItemNumber]) -> Int? {
        var counts: [Int: Int] = [:]
        for number in numbers { counts[number.year, default: 0] += 1 }
        guard let (year, count) = counts.max(by: { $0.value < $1.value }), count * 2 > numbers.count else { return nil }
        return year
    }

    static func swapped(_ number: ItemNumber, years: Set<Int>) -> ItemNumber {
        guard years.contains(number.sequence), number.sequence <= 99, number.year % 100 > 0,
              ItemNumber.fullYear(fromTwoDigits: number.sequence) != number.year else { return number }
        return ItemNumber(series: number.series, sequence: number.year % 100, year: ItemNumber.fullYear(fromTwoDigits: number.sequence))
    }

    static func fix(_ headings: inout [ItemHeading], _ tables: inout [ItemTable]) {
        let all = headings.map(\.number) + tables.flatMap { $0.rows.map(\.number) }
        var years = yearsWrittenFirst(all)
        // "OR 21/19" among "PS 21/137", "PS 21/138" (read as 137/21, 138/21): a first part that is the
        // document's year is the year.
        if let dominant = dominantYear(all), all.contains(where: { $0.year == dominant && $0.sequence >= 100 }) {
            years.insert(dominant % 100)
        }
        guard !years.isEmpty else { return }
        for index in headings.indices { headings[index].number = swapped(headings[index].number, years: years) }
        for table in tables.indices {
            for row in tables[table].rows.indices {
                tables[table].rows[row].number = swapped(tables[table].rows[row].number, years: years)
            }
        }
    }
}
