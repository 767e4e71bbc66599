import DocketModel
import DocketStore
import Foundation

/// A body's meeting plan as iCalendar (RFC 5545), for the calendars people already use.
///
/// Each meeting is one VEVENT whose UID is made of the body's slug and the date, which is what
/// names a meeting in Docket, so a re-exported plan updates the events it made before instead of
/// adding copies. Times are local wall-clock times in Europe/Oslo, with the zone's rules
/// (CET/CEST) written out in a VTIMEZONE so that no calendar has to guess. Cancelled meetings
/// stay in the plan with STATUS:CANCELLED, so that calendars remove them. The agenda in the
/// description lists each item in its public form (``ItemFacts/publicForm(placeholder:)``): calendars
/// are shared widely.
public struct CalendarExporter {
    public static let defaultDomain = "docket.invalid"

    let store: Store
    let domain: String
    /// DTSTAMP: when the calendar was written (RFC 5545 requires it on every event).
    let stamp: Date

    public init(store: Store, domain: String = CalendarExporter.defaultDomain, stamp: Date = Date()) {
        self.store = store
        self.domain = domain
        self.stamp = stamp
    }

    public func export(scope: InterchangeDocument.Scope) throws -> Data {
        var calendar = ICalendarWriter()
        calendar.line("BEGIN:VCALENDAR")
        calendar.line("VERSION:2.0")
        calendar.line("PRODID:-//Docket//Docket møteplan//NO")
        calendar.line("CALSCALE:GREGORIAN")
        calendar.line("METHOD:PUBLISH")
        if let body = scope.body {
            calendar.property("X-WR-CALNAME", text: "Møteplan " + (try store.body(slug: body).name))
        }
        calendar.property("X-WR-TIMEZONE", raw: ICalendarWriter.zone)
        calendar.lines(ICalendarWriter.osloTimeZone)
        let meetings = try store.meetings(bodySlug: scope.body, year: scope.year).filter { meeting in scope.since.map { meeting.date >= $0 } ?? true }
        for meeting in meetings {
            try event(for: meeting, into: &calendar)
        }
        calendar.line("END:VCALENDAR")
        return calendar.data
    }

    private func event(for meeting: Meeting, into calendar: inout ICalendarWriter) throws {
        calendar.line("BEGIN:VEVENT")
        calendar.property("UID", raw: "\(meeting.body)-\(meeting.date)@\(domain)")
        calendar.property("DTSTAMP", raw: ICalendarWriter.utcStamp(stamp))
        if let start = meeting.start {
            calendar.line("DTSTART;TZID=\(ICalendarWriter.zone):\(ICalendarWriter.local(meeting.date, start))")
            if let end = meeting.end {
                calendar.line("DTEND;TZID=\(ICalendarWriter.zone):\(ICalendarWriter.local(meeting.date, end))")
            }
        } else {
            // A meeting without a time is a whole day's event.
            calendar.line("DTSTART;VALUE=DATE:\(ICalendarWriter.basicDate(meeting.date))")
        }
        calendar.property("SUMMARY", text: "Møte i \(meeting.bodyName)")
        if let place = meeting.place { calendar.property("LOCATION", text: place) }
        let agenda = try store.items(meeting: meeting.reference).map { item in
            let published = item.facts().publicForm()
            return "\(published.number) \(published.title)"
        }
        if !agenda.isEmpty { calendar.property("DESCRIPTION", text: "Saksliste:\n" + agenda.joined(separator: "\n")) }
        calendar.property("STATUS", raw: meeting.status == .cancelled ? "CANCELLED" : (meeting.status == .planned ? "TENTATIVE" : "CONFIRMED"))
        // A cancellation is a later version of the same event.
        calendar.property("SEQUENCE", raw: meeting.status == .cancelled ? "1" : "0")
        calendar.line("END:VEVENT")
    }
}
