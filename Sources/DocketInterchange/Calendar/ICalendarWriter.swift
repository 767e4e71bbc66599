import DocketModel
import Foundation

/// The lexical rules of iCalendar (RFC 5545 §3.1 and §3.3.11): CRLF after every line, lines
/// longer than 75 octets folded (a CRLF and a space) at a UTF-8 character boundary, never inside
/// a character; TEXT values with backslash, semicolon, comma and line breaks escaped.
struct ICalendarWriter {
    static let zone = "Europe/Oslo"
    static let maximumOctets = 75

    private(set) var data = Data()

    mutating func line(_ content: String) {
        var octets = 0
        var folded = ""
        for scalar in content.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > Self.maximumOctets {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        data.append(contentsOf: Array((folded + "\r\n").utf8))
    }

    mutating func lines(_ contents: [String]) {
        for content in contents { line(content) }
    }

    /// A property whose value is TEXT, escaped.
    mutating func property(_ name: String, text: String) {
        line("\(name):\(Self.escape(text))")
    }

    /// A property whose value is written as it is (dates, codes, UIDs).
    mutating func property(_ name: String, raw: String) {
        line("\(name):\(raw)")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for character in normalised {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func basicDate(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// A local date-time, `20190213T130000`, to go with TZID.
    static func local(_ date: CalendarDate, _ time: TimeOfDay) -> String {
        basicDate(date) + "T" + time.description.replacingOccurrences(of: ":", with: "") + "00"
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// Europe/Oslo since 1996: CET in winter, CEST from the last Sunday of March at 02:00 to the
    /// last Sunday of October at 03:00 (the EU rule).
    static let osloTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Oslo",
        "X-LIC-LOCATION:Europe/Oslo",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
