import DocketModel
import Foundation

/// The meeting date an archive's file name gives (`ks_2021-12-15.pdf`, `protokoll 20211215.pdf`,
/// `Møtebok 15.12.2021.docx`), used only when the document's text gives none.
///
/// The forms: year first with `-`, `_` or `.` between (`2021-12-15`, `2021_12_15`), day first with
/// the same (`15.12.2021`, `15-12-2021`), and eight digits year first (`20211215`). A run of digits
/// longer than the form is not a date (a case number, a checksum), nor is a day that does not exist.
public enum FileNameDate {
    public static func date(in fileName: String) -> (date: CalendarDate, text: String)? {
        let name = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        let characters = Array(name)
        // Digit runs and what separates them, read left to right.
        var index = 0
        while index < characters.count {
            guard characters[index].isPlainDigit, index == 0 || !characters[index - 1].isPlainDigit else {
                index += 1
                continue
            }
            if let found = date(at: index, in: characters) { return found }
            index += 1
        }
        return nil
    }

    /// A year alone in the file name ("protokoll_2011.pdf", "ks 2009 innkalling.txt"): four digits
    /// from 1900 to 2100 standing apart from other digits. Used only where no whole date is known.
    public static func year(in fileName: String) -> (year: Int, text: String)? {
        let name = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        let characters = Array(name)
        var index = 0
        while index < characters.count {
            guard characters[index].isPlainDigit else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isPlainDigit { end += 1 }
            let run = String(characters[index..<end])
            if run.count == 4, let year = Int(run), (1900...2100).contains(year) { return (year, run) }
            index = end
        }
        return nil
    }

    private static func date(at start: Int, in characters: [Character]) -> (date: CalendarDate, text: String)? {
        func run(from index: Int) -> (String, Int) {
            var end = index
            while end < characters.count, characters[end].isPlainDigit { end += 1 }
            return (String(characters[index..<end]), end)
        }
        let (first, afterFirst) = run(from: start)
        if first.count == 8, let year = Int(first.prefix(4)), let month = Int(first.dropFirst(4).prefix(2)), let day = Int(first.suffix(2)),
           (1900...2100).contains(year), let date = CalendarDate(year: year, month: month, day: day) {
            return (date, first)
        }
        guard afterFirst < characters.count, "-_.".contains(characters[afterFirst]) else { return nil }
        let separator = characters[afterFirst]
        let (second, afterSecond) = run(from: afterFirst + 1)
        guard (1...2).contains(second.count), afterSecond < characters.count, characters[afterSecond] == separator else { return nil }
        let (third, afterThird) = run(from: afterSecond + 1)
        let text = String(characters[start..<afterThird])
        if first.count == 4, (1...2).contains(third.count), let year = Int(first), (1900...2100).contains(year),
           let date = CalendarDate(year: year, month: Int(second) ?? 0, day: Int(third) ?? 0) {
            return (date, text)
        }
        if (1...2).contains(first.count), third.count == 4, let year = Int(third), (1900...2100).contains(year),
           let date = CalendarDate(year: year, month: Int(second) ?? 0, day: Int(first) ?? 0) {
            return (date, text)
        }
        return nil
    }
}

private extension Character {
    var isPlainDigit: Bool { isASCII && isNumber }
}
