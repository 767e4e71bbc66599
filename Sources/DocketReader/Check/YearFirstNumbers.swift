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

    static func swapped(_ number: ItemNumber, years: Set<Int>) -> ItemNumber {
        guard years.contains(number.sequence), number.year % 100 > 0 else { return number }
        return ItemNumber(series: number.series, sequence: number.year % 100, year: ItemNumber.fullYear(fromTwoDigits: number.sequence))
    }

    static func fix(_ headings: inout [ItemHeading], _ tables: inout [ItemTable]) {
        let all = headings.map(\.number) + tables.flatMap { $0.rows.map(\.number) }
        let years = yearsWrittenFirst(all)
        guard !years.isEmpty else { return }
        for index in headings.indices { headings[index].number = swapped(headings[index].number, years: years) }
        for table in tables.indices {
            for row in tables[table].rows.indices {
                tables[table].rows[row].number = swapped(tables[table].rows[row].number, years: years)
            }
        }
    }
}
