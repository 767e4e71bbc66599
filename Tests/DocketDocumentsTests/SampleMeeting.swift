import DocketDocuments
import DocketModel

/// A fictional meeting that uses every part of the view model: standing items and items for
/// consideration, an amended decision with a counted vote, a postponed and a referred item, an item
/// exempt from public access (whose marker word is ``exemptMarker``), substitutes and other attendees,
/// printed attachments and an approval line.
enum SampleMeeting {
    /// A word that appears only in the exempt item's title, text, proposal, decision and attachment.
    static let exemptMarker = "Tindefjell"

    static func papers(language: Language = .norwegian) -> MeetingPapers {
        MeetingPapers(
            language: language,
            body: BodyHeading(name: "Fjordnetts styringsgruppe", shortName: "styringsgruppen"),
            meeting: MeetingDetails(
                date: CalendarDate("2026-03-11")!, start: TimeOfDay("09:30"), end: TimeOfDay("12:00"),
                place: "Fjordbyen rådhus, møterom Utsikten"),
            summons: SummonsDetails(
                addressees: ["styringsgruppens medlemmer", "observatørene i Fjordnett"],
                issuePlace: "Fjordbyen", issueDate: CalendarDate("2026-03-02")!,
                signer: Signer(name: "Ingrid Haugland", title: "Leder i styringsgruppen\nFjordnett")),
            items: [
                PaperItem(
                    number: ItemNumber("1/26")!, title: "Godkjenning av dagsorden", section: .standing, kind: .decision,
                    documentBasis: "Dagsorden",
                    caseText: "Dagsorden foreligger i innkallingen.",
                    proposal: "Dagsorden godkjennes med de merknader som fremkommer i møtet.",
                    decision: ItemDecision(outcome: .adopted, vote: .unanimous)),
                PaperItem(
                    number: ItemNumber("2/26")!, title: "Godkjenning av referat fra møtet 10.12.25", section: .standing,
                    kind: .decision, documentBasis: "Referat",
                    caseText: "Referatet ble sendt ut sammen med innkallingen.",
                    proposal: "Referatet godkjennes.",
                    decision: ItemDecision(outcome: .adopted, vote: .unanimous)),
                PaperItem(
                    number: ItemNumber("3/26")!, title: "Orienteringer fra sekretariatet", section: .standing,
                    kind: .information, documentBasis: "Notat",
                    caseText: """
                        Sekretariatet orienterer om:

                        - status for felles e-postløsning
                        - ny nettside, fjordnett.example
                        - 3 av 7 kommuner har svart på høringen
                        """,
                    proposal: "Styringsgruppen tar orienteringene til orientering.",
                    decision: ItemDecision(outcome: .noted, remarks: "Sekretariatet svarte på spørsmål om nettsiden.")),
                PaperItem(
                    number: ItemNumber("4/26")!, title: "Eventuelt", section: .standing, kind: .information,
                    caseText: "Ingen innmeldte saker.",
                    isAnyOtherBusiness: true,
                    decision: ItemDecision(outcome: .noted, remarks: "Ingen saker ble tatt opp.")),
                PaperItem(
                    number: ItemNumber("5/26")!, title: "Budsjett 2027 – fordeling av kostnader", section: .forConsideration,
                    kind: .decision, documentBasis: "Saksframlegg",
                    caseText: """
                        Sekretariatet legger fram forslag til budsjett for 2027. Kostnadene fordeles med en fast del \
                        per kommune og en del per innbygger (50/50).

                        Fordelingen gir Fjordbyen 38 % av kostnadene.
                        """,
                    proposal: "Styringsgruppen vedtar budsjett for 2027 med fordeling 50/50.",
                    decision: ItemDecision(
                        text: "Styringsgruppen vedtar budsjett for 2027 med fordeling 40/60 (fast del/innbyggertall).",
                        outcome: .amended, vote: .counted(for: 5, against: 2, abstaining: 0),
                        remarks: "Strand kommune foreslo fordeling 40/60. Forslaget ble satt opp mot innstillingen.")),
                PaperItem(
                    number: ItemNumber("6/26")!, title: "Ny faggruppe for velferdsteknologi", section: .forConsideration,
                    kind: .decision, documentBasis: "Notat",
                    caseText: "Tre kommuner ønsker en faggruppe for velferdsteknologi.",
                    proposal: "Styringsgruppen oppretter en faggruppe for velferdsteknologi.",
                    decision: ItemDecision(outcome: .postponed, continuation: .postponed(toMeetingOn: CalendarDate("2026-04-15")))),
                PaperItem(
                    number: ItemNumber("7/26")!, title: "Felles anskaffelse av arkivsystem", section: .forConsideration,
                    kind: .discussion, documentBasis: "Notat",
                    caseText: "Avtalene med dagens leverandør løper ut i 2027.",
                    proposal: "Styringsgruppen drøfter saken.",
                    decision: ItemDecision(
                        text: "Saken løftes til Porteføljerådet.", outcome: .referred, vote: .unanimous,
                        continuation: .referred(toBody: "Porteføljerådet"))),
                PaperItem(
                    number: ItemNumber("8/26")!, title: "Tilsetting av prosjektleder – Kari \(exemptMarker)",
                    publicTitle: "Tilsetting av prosjektleder", section: .forConsideration, kind: .decision,
                    documentBasis: "Saksframlegg",
                    caseText: "Innstillingen gjelder Kari \(exemptMarker), som er rangert først av tre søkere.",
                    proposal: "Kari \(exemptMarker) tilsettes som prosjektleder.",
                    isExempt: true, exemptionBasis: "offl. § 25",
                    decision: ItemDecision(
                        text: "Kari \(exemptMarker) tilsettes som prosjektleder fra 1. mai.", outcome: .adopted,
                        vote: .unanimous)),
            ],
            attachments: [
                Attachment(title: "Referat fra møtet 10.12.25", itemNumber: ItemNumber("2/26")),
                Attachment(title: "Budsjettforslag 2027", itemNumber: ItemNumber("5/26"),
                           text: "Fast del: 50 %\nInnbyggertall: 50 %"),
                Attachment(title: "Søkerliste med vurdering av \(exemptMarker)", itemNumber: ItemNumber("8/26"),
                           text: "Rangering: 1. Kari \(exemptMarker)"),
            ],
            attendance: Attendance(
                present: [
                    Attendee(name: "Ingrid Haugland", role: .chair, organisation: "Fjordbyen kommune"),
                    Attendee(name: "Per Strand", role: .member, organisation: "Strand kommune"),
                    Attendee(name: "Liv Berge", role: .member, organisation: "Bergvik kommune"),
                    Attendee(name: "Ola Vik", role: .member, organisation: "Vikøy kommune"),
                    Attendee(name: "Nils Dal", role: .member, organisation: "Dalen kommune"),
                    Attendee(name: "Sara Holm", role: .member, organisation: "Holmen kommune"),
                ],
                apologies: [Attendee(name: "Anne Lund", role: .member, organisation: "Lunde kommune")],
                substitutes: [Substitution(
                    substitute: Attendee(name: "Tor Lunde", role: .deputy, organisation: "Lunde kommune"), member: "Anne Lund")],
                others: [
                    Attendee(name: "Eva Fjell", role: .adviser, organisation: "Fjordnett"),
                    Attendee(name: "Jon Sand", role: .observer, organisation: "Sandøy kommune"),
                    Attendee(name: "Mari Nes", role: .secretary, organisation: "Fjordnett"),
                ]),
            minuteTaker: "Mari Nes",
            approval: MinutesApproval(date: CalendarDate("2026-04-15")!, itemNumber: ItemNumber("10/26"))
        )
    }

    /// A meeting of `count` items for consideration (after the four standing items), for benchmarks and size tests.
    static func large(count: Int) -> MeetingPapers {
        var papers = self.papers()
        papers.items = Array(papers.items.prefix(4))
        for index in 0..<count {
            papers.items.append(PaperItem(
                number: ItemNumber(sequence: 5 + index, year: 2026), title: "Sak nummer \(index + 1) om felles tjenester",
                section: .forConsideration, kind: .decision, documentBasis: "Notat",
                caseText: String(repeating: "Bakgrunnen for saken er beskrevet her, med tall (12 %) og «sitater». ", count: 12)
                    + "\n\nSekretariatet anbefaler at forslaget vedtas.",
                proposal: "Styringsgruppen slutter seg til forslaget i sak \(index + 1)."))
        }
        return papers
    }
}
