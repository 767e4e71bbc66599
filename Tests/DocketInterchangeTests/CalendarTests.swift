import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Testing

@Suite struct CalendarTests {
    func calendar() throws -> Data {
        let store = try makeRichStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate("2019-10-30")!, MeetingDraft(start: TimeOfDay("09:00")))
        try store.setStatus(.cancelled, of: "styringsgruppen@2019-10-30")
        return try CalendarExporter(store: store, domain: "test.invalid").export(scope: .init(body: "styringsgruppen", year: 2019))
    }

    @Test func linesEndInCRLFAndAreFoldedAt75OctetsOnCharacterBoundaries() throws {
        let data = try calendar()
        let text = try #require(String(data: data, encoding: .utf8), "folding split a character")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long agenda is folded")
        #expect(text.contains("UID:styringsgruppen-2019-02-13@test.invalid"))
        #expect(text.contains("DTSTART;TZID=Europe/Oslo:20190612T130000"))
        #expect(text.contains("BEGIN:VTIMEZONE"))
        #expect(!text.contains("Ola Nordmann"), "the calendar shows public titles only")
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("LOCATION:Søknad om tilskudd 🏔️\\; «Ærlig» og \"åpen\"\\, æøåÆØÅ"))
    }

    @Test func aRealParserReadsOneEventPerMeetingAt13LocalInWinterAndSummer() throws {
        guard let probe = runProcess("python3", ["-c", "import icalendar"]), probe.status == 0 else {
            Issue.record("scripts/setup installs what this test needs, but the Python module icalendar is not installed (pip install -r scripts/python-requirements.txt)")
            return
        }
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            for event in cal.walk('VEVENT'):
                start = event.decoded('DTSTART')
                print(event['UID'], start.isoformat(), getattr(start, 'tzinfo', None) and start.utcoffset(), event.get('STATUS'))
            """
        let result = try #require(runProcess("python3", ["-c", script], stdin: try calendar()))
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.output)")
        #expect(lines.contains { $0.hasPrefix("styringsgruppen-2019-02-13@test.invalid 2019-02-13T13:00:00+01:00 1:00:00 CONFIRMED") }, "\(result.output)")
        #expect(lines.contains { $0.hasPrefix("styringsgruppen-2019-06-12@test.invalid 2019-06-12T13:00:00+02:00 2:00:00 TENTATIVE") }, "\(result.output)")
        #expect(lines.contains { $0.contains("2019-10-30") && $0.hasSuffix("CANCELLED") }, "\(result.output)")
    }
}
