import DocketDocuments
import DocketModel
import Foundation
import Testing

@Suite struct ViewModelTests {
    @Test func codableRoundTrip() throws {
        let papers = SampleMeeting.papers()
        let data = try JSONEncoder().encode(papers)
        let decoded = try JSONDecoder().decode(MeetingPapers.self, from: data)
        #expect(decoded == papers)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"2026-03-11\""))
        #expect(json.contains("\"09:30\""))
        #expect(json.contains("\"5\\/26\"") || json.contains("\"5/26\""))
    }

    @Test func datesAndTimes() {
        #expect(CalendarDate("2019-02-13") == CalendarDate(year: 2019, month: 2, day: 13))
        #expect(CalendarDate("2019-02-29") == nil)
        #expect(CalendarDate("2020-02-29") != nil)
        #expect(CalendarDate("13.02.2019") == nil)
        #expect(TimeOfDay("13.00") == TimeOfDay(hour: 13, minute: 0))
        #expect(TimeOfDay("24:00") == nil)
        let norwegian = Language.norwegian.phrases
        #expect(norwegian.format(CalendarDate("2019-02-13")!) == "13. februar 2019")
        #expect(norwegian.timeRange(norwegian.format(TimeOfDay("13:00")!), norwegian.format(TimeOfDay("15:00")!)) == "kl. 13.00–15.00")
        let english = Language.english.phrases
        #expect(english.format(CalendarDate("2019-02-13")!) == "13 February 2019")
        #expect(english.timeRange(english.format(TimeOfDay("9:05")!), nil) == "09:05")
    }

    @Test func phrases() {
        let norwegian = Language.norwegian.phrases
        #expect(norwegian.greeting == "Vel møtt!")
        #expect(norwegian.closing == "Med vennlig hilsen")
        #expect(norwegian.proposal == "Forslag til vedtak:")
        #expect(norwegian.decision == "Vedtak:")
        #expect(norwegian.apologies == "Forfall:")
        #expect(norwegian.voteText(.unanimous) == "Enstemmig vedtatt")
        #expect(norwegian.voteText(.counted(for: 5, against: 2, abstaining: 0)) == "Vedtatt med 5 mot 2 stemmer")
        #expect(norwegian.exemptNotice("offl. § 13") == "Unntatt offentlighet, jf. offl. § 13")
        #expect(norwegian.substitution("Tor Lunde", "Anne Lund") == "Tor Lunde, møtt for Anne Lund")
        #expect(Language.english.phrases.voteText(.unanimous) == "Adopted unanimously")
        #expect(Language(code: "EN") == .english)
        #expect(Language(code: "nb") == .norwegian)
        #expect(Language(code: "de") == nil)
    }

    @Test func minutesSayWhatBecameOfEachItem() throws {
        let text = try DocumentRenderer().renderText(.minutes, of: SampleMeeting.papers(), as: .text)
        #expect(text.contains("Tid: 11. mars 2026 kl. 09.30–12.00"))
        #expect(text.contains("Forfall:\n- Anne Lund (Lunde kommune)"))
        #expect(text.contains("Tor Lunde (Lunde kommune, varamedlem), møtt for Anne Lund"))
        #expect(text.contains("Eva Fjell (Fjordnett, rådgiver)"))
        #expect(text.contains("Referent: Mari Nes"))
        #expect(text.contains("Saken ble utsatt til møte 15. april 2026."))
        #expect(text.contains("Saken ble oversendt til Porteføljerådet."))
        #expect(text.contains("Vedtatt med 5 mot 2 stemmer"))
        #expect(text.contains("Referatet ble godkjent i møte 15. april 2026, sak 10/26."))
        // The amended item prints both proposal and decision; an item decided as proposed prints the decision only.
        let amended = try #require(text.range(of: "5/26  Budsjett"))
        let next = try #require(text.range(of: "6/26  Ny faggruppe"))
        let block = text[amended.upperBound..<next.lowerBound]
        #expect(block.contains("Forslag til vedtak:") && block.contains("Vedtak:"))
        let first = try #require(text.range(of: "1/26  Godkjenning"))
        let second = try #require(text.range(of: "2/26  Godkjenning"))
        #expect(!text[first.upperBound..<second.lowerBound].contains("Forslag til vedtak:"))
        // Eventuelt comes last.
        let anyOtherBusiness = try #require(text.range(of: "4/26  Eventuelt"))
        let lastItem = try #require(text.range(of: "8/26  "))
        #expect(anyOtherBusiness.lowerBound > lastItem.lowerBound)
    }

    @Test func unapprovedMinutesSaySo() throws {
        var papers = SampleMeeting.papers()
        papers.approval = nil
        let text = try DocumentRenderer().renderText(.minutes, of: papers, as: .text)
        #expect(text.contains("Referatet er ikke godkjent."))
    }

    /// A meeting with nothing but its date, place and letter renders in every format without empty headings.
    @Test(arguments: DocumentKind.allCases)
    func minimalMeeting(kind: DocumentKind) throws {
        let papers = MeetingPapers(
            body: BodyHeading(name: "Et organ", shortName: "organet"),
            meeting: MeetingDetails(date: CalendarDate("2026-01-05")!, place: "Teams", kind: .circulation),
            summons: SummonsDetails(addressees: [], issuePlace: "Byen", issueDate: CalendarDate("2026-01-02")!,
                                    signer: Signer(name: "Leder", title: "")),
            items: [])
        let renderer = DocumentRenderer()
        for format in [DocumentFormat.markdown, .html, .text] {
            let text = try renderer.renderText(kind, of: papers, as: format)
            #expect(!text.contains("Til stede"))
            #expect(!text.contains("Faste saker"))
            if kind == .summons {
                #expect(text.contains("Det innkalles med dette til møte i organet den 5. januar 2026 på Teams."))
                #expect(text.contains("Møte ved sirkulasjon (e-postmøte)"))
            }
        }
        let entries = try Extract.unzip(try renderer.render(kind, of: papers, as: .docx))
        for (_, data) in entries { try Extract.parseXML(data) }
    }

    @Test func englishSummons() throws {
        let text = try DocumentRenderer().renderText(.summons, of: SampleMeeting.papers(language: .english), as: .text)
        #expect(text.contains("Notice of meeting: Fjordnetts styringsgruppe"))
        #expect(text.contains("on 11 March 2026 at Fjordbyen rådhus, møterom Utsikten from 09:30 to 12:00."))
        #expect(text.contains("See you there!"))
        #expect(text.contains("Proposed decision:"))
    }
}
