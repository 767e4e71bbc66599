@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// A minutes document in another case system's layout (ACOS-like dated labels, no agenda table).
@Suite struct OtherLayoutTests {
    static let text = """
    Møtebok for Formannskapet
    Møtedato: Tirsdag 12.03.2019
    Tidspunkt: 09:00
    Møtested: Kommunestyresalen

    Til stede: Kari Nordmann (H), Ola Hansen (AP), Per Olsen (SP)
    Forfall: Liv Berg (V)
    Møtende varamedlemmer: Eva Dahl (V) for Liv Berg

    Sak 12/19 Reguleringsplan for sentrum
    Arkivsaksnr.: 19/1234
    Rådmannens innstilling
    Planen vedtas.

    Behandling i Formannskapet - 12.03.2019
    Vedtatt mot 2 stemmer.

    Formannskapets vedtak - 12.03.2019
    Planen vedtas.

    Sak 13/19 Budsjettregulering
    Unntatt offentlighet, jf. offl. § 23
    Behandling i Formannskapet - 12.03.2019
    Enstemmig vedtatt.
    Formannskapets vedtak - 12.03.2019
    Reguleringen vedtas, jf. sak 8/19 og PS 14/19.

    Møtet ble hevet kl. 11.15.
    """

    @Test func readsItemsDecisionsAndAttendance() throws {
        let document = DocumentReader().read(text: Self.text)
        #expect(document.kind == .minutes)
        #expect(document.body == "Formannskapet")
        #expect(document.meeting.date == CalendarDate(year: 2019, month: 3, day: 12))
        #expect(document.meeting.end == TimeOfDay(hour: 11, minute: 15))
        #expect(document.items.map(\.number.description) == ["12/19", "13/19"])
        let first = document.items[0]
        #expect(first.archiveCaseNumber == "19/1234")
        #expect(first.proposal == "Planen vedtas.")
        #expect(first.decision == "Planen vedtas.")
        #expect(first.vote?.votesAgainst == 2)
        #expect(first.outcome == .adopted)
        #expect(document.items[1].decision == "Reguleringen vedtas, jf. sak 8/19 og PS 14/19.", "the closing line is not part of the decision")
        let second = document.items[1]
        #expect(second.exempt)
        #expect(second.vote?.unanimous == true)
        #expect(document.attendance.filter { $0.status == .present }.map(\.name) == ["Kari Nordmann", "Ola Hansen", "Per Olsen"])
        #expect(document.attendance.first { $0.status == .apologies }?.name == "Liv Berg")
        #expect(document.attendance.first { $0.status == .substitute }?.substituteFor == "Liv Berg")
        let references = document.references.map { "\($0.number)" }
        #expect(references == ["8/19", "PS 14/19"])
        // 14/19 lies outside this meeting's items 12–13: an earlier or later item, not a missed one.
        #expect(!document.warnings.contains { $0.code == .numberOnlyInText })
    }
}

@Suite struct PlainTextMinutesTests {
    /// A cooperation's referat typed in Word: numbers alone on a line, the title below, inline labels.
    @Test func numbersOnTheirOwnLineKeepTheirTitles() {
        let document = DocumentReader().read(text: """
        Referat fra møte i Faggruppe helse 14.03.2019
        Tid: kl. 10.00–12.00
        Sted: Sandnes rådhus
        Til stede: Kari Nordmann, Ola Hansen
        Forfall: Per Olsen

        Sak 5/19
        Godkjenning av referat

        Vedtak: Referatet godkjennes.

        Sak 6/19
        Velferdsteknologi
        Gruppen drøftet saken, jf. sak 2/19.
        Vedtak: Saken tas til orientering.
        """)
        #expect(document.kind == .minutes)
        #expect(document.body == "Faggruppe helse")
        #expect(document.meeting.date == CalendarDate(year: 2019, month: 3, day: 14))
        #expect(document.meeting.start == TimeOfDay(hour: 10, minute: 0))
        #expect(document.items.map(\.title) == ["Godkjenning av referat", "Velferdsteknologi"])
        #expect(document.items.map(\.decision) == ["Referatet godkjennes.", "Saken tas til orientering."])
        #expect(document.items.last?.outcome == .noted)
        #expect(document.items.last?.caseText == "Gruppen drøftet saken, jf. sak 2/19.")
        #expect(document.references.first?.raw == "jf. sak 2/19")
        #expect(document.attendance.map(\.name) == ["Kari Nordmann", "Ola Hansen", "Per Olsen"])
    }
}

/// A municipal summons as pdftotext lays it out: title, labelled fields, an agenda with an exemption
/// column, then case papers with a history table, attachments and the administration's proposal.
@Suite struct LayoutSummonsTests {
    static let text = """
                                     MØTEINNKALLING

                                       Formannskap

    Dato:           13.05.2026 kl. 12:00
    Sted:           Steinkjer rådhus, Fredrikkesalen
    Arkivsak:       26/00012

    Mulige forfall meldes snarest på tlf. 74 16 90 00.

                                       SAKSLISTE

    Saksnr          Innhold                                                    Unntatt off.
    PS 38/26        Steinkjer kommune - tertialrapport første tertial
                    2026
    PS 39/26        Klage på vedtak om startlån                                Offl. § 13
    RS 6/26         Ordførerfullmakt 3-26


    PS 38/26 Steinkjer kommune - tertialrapport første tertial 2026

    Saksbehandler:  Øystein Larsen
    Arkivsaksnr.:   26/1234

    Saksgang        Utvalg                               Møtedato
    38/26           Formannskap                          13.05.2026
                    Kommunestyre

    Vedlegg:
    1. Tertialrapport 1. tertial 2026

    Kommunedirektørens innstilling:
    Rapporten tas til orientering.

    Saksopplysninger:
    Rapporten viser et merforbruk, jf. PS 12/26.

    PS 39/26 Klage på vedtak om startlån

    RS 6/26 Ordførerfullmakt 3-26

    Side 2 av 2
    """

    @Test func readsTheAgendaAndTheCasePapers() throws {
        let document = DocumentReader().read(text: Self.text)
        #expect(document.kind == .summons)
        #expect(document.body == "Formannskap")
        #expect(document.meeting.date == CalendarDate(year: 2026, month: 5, day: 13))
        #expect(document.meeting.start == TimeOfDay(hour: 12, minute: 0))
        #expect(document.meeting.place == "Steinkjer rådhus, Fredrikkesalen")
        #expect(document.items.map(\.number.description) == ["PS 38/26", "PS 39/26", "RS 6/26"])
        let first = try #require(document.items.first)
        #expect(first.title == "Steinkjer kommune - tertialrapport første tertial 2026")
        #expect(first.archiveCaseNumber == "26/1234")
        #expect(first.attachments.map(\.title) == ["1. Tertialrapport 1. tertial 2026"])
        #expect(first.proposal == "Rapporten tas til orientering.")
        #expect(first.caseText?.contains("merforbruk") == true)
        #expect(first.kind == .decision)
        let second = document.items[1]
        #expect(second.exempt && second.exemptionBasis == "Offl. § 13")
        #expect(document.items[2].kind == .information)
        #expect(document.references.map(\.raw) == ["jf. PS 12/26"])
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }
}

/// Minutes as another case system lays them out (ACOS-like): a "Møtebok" with labelled fields,
/// attendance tables with a "Møtte for" column, an agenda with closed and archive columns, dated labels.
@Suite struct MoteBokLayoutTests {
    static let text = """
                                           MØTEBOK

    Utvalg:         Formannskapet
    Møtested:       Kommunestyresalen, Rådhuset
    Dato:           12.03.2019
    Tidspunkt:      09:00 - 14:30

    Følgende faste medlemmer møtte:
    Navn                      Funksjon         Representerer
    Kari Nordmann             Leder            H
    Per Olsen                 Medlem           SP

    Følgende medlemmer hadde forfall:
    Navn                      Funksjon         Representerer
    Ola Hansen                Medlem           AP

    Følgende varamedlemmer møtte:
    Navn                      Møtte for        Representerer
    Eva Dahl                  Ola Hansen       AP

    Fra administrasjonen møtte:
    Navn                      Stilling
    Per Rådmann               Rådmann

    Protokollen godkjennes av:
    Kari Nordmann og Per Olsen

                                  Saksliste

    Saksnr         Innhold                                      Lukket    Arkivsaksnr
    PS 12/19       Godkjenning av protokoll                               19/100
    PS 13/19       Klage på vedtak om startlån                  X         19/55


    PS 12/19 Godkjenning av protokoll

    Rådmannens innstilling
    Protokollen godkjennes.

    Behandling i Formannskapet - 12.03.2019
    Enstemmig vedtatt.

    Vedtak i Formannskapet - 12.03.2019
    Protokollen godkjennes.

    PS 13/19 Klage på vedtak om startlån

    Vedtak i Formannskapet - 12.03.2019
    Klagen tas ikke til følge.
    """

    @Test func readsTheMoteBok() throws {
        let document = DocumentReader().read(text: Self.text)
        #expect(document.kind == .minutes)
        #expect(document.body == "Formannskapet")
        #expect(document.meeting.end == TimeOfDay(hour: 14, minute: 30))
        #expect(document.attendance.map(\.name) == ["Kari Nordmann", "Per Olsen", "Ola Hansen", "Eva Dahl"])
        #expect(document.attendance.map(\.status) == [.present, .present, .apologies, .substitute])
        #expect(document.attendance[3].substituteFor == "Ola Hansen" && document.attendance[3].party == "AP")
        #expect(document.otherAttendees.map(\.name) == ["Per Rådmann"])
        #expect(document.signers.map(\.name) == ["Kari Nordmann", "Per Olsen"])
        let first = try #require(document.items.first)
        #expect(first.archiveCaseNumber == "19/100")
        #expect(first.basis == nil)
        #expect(first.proposal == "Protokollen godkjennes.")
        #expect(first.decision == "Protokollen godkjennes.")
        #expect(first.vote?.unanimous == true)
        #expect(first.outcome == .adopted)
        let second = document.items[1]
        #expect(second.exempt && second.exemptionBasis == nil && second.archiveCaseNumber == "19/55")
        #expect(second.decision == "Klagen tas ikke til følge.")
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }
}

@Suite struct TitleLineTests {
    @Test func bodiesInTitleLines() {
        for (title, body) in [("Møteinnkalling - Formannskapet", "Formannskapet"), ("Innkalling til Formannskapet", "Formannskapet"),
                              ("Protokoll fra møte i Styringsgruppen 12.12.2018", "Styringsgruppen"),
                              ("Møteprotokoll for Eldrerådet", "Eldrerådet"), ("Referat fra møte i Faggruppe helse - 14.03.2019", "Faggruppe helse")] {
            #expect(DocumentReader().read(text: title + "\n").body == body, "\(title)")
        }
        let wrapped = "                MØTEPROTOKOLL\n\n      Rådet for personer med funksjonsnedsettelse,\n        inkludering og mangfold\n\nMøtedato: 11.03.2026\n"
        #expect(DocumentReader().read(text: wrapped).body == "Rådet for personer med funksjonsnedsettelse, inkludering og mangfold")
    }
}

@Suite struct CasePaperLabelTests {
    @Test func aSaksnrLabelInsideACasePaperIsNoNewItem() {
        let document = DocumentReader().read(text: """
        Møteprotokoll for Formannskapet
        Møtedato: 12.03.2019 kl. 09.00

        PS 12/19 Reguleringsplan sentrum

        Saksnr.: 12/19
        Saksbehandler: Kari Nordmann

        Rådmannens innstilling:
        Planen vedtas.

        Vedtak:
        Planen vedtas.
        """)
        #expect(document.items.map(\.number.description) == ["PS 12/19"])
        #expect(document.items.first?.decision == "Planen vedtas.")
        #expect(document.references.first?.isItemOfThisDocument == true)
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }
}

@Suite struct AgendaListTests {
    @Test func anAgendaWrittenAsAListIsTheAgenda() {
        let document = DocumentReader().read(text: """
        Innkalling til møte i Faggruppe helse den 14.03.2019 kl. 10.00

        Saksliste:
        Sak 5/19 Godkjenning av referat
        Sak 6/19 Velferdsteknologi

        Sak 5/19 Godkjenning av referat
        Forslag til vedtak: Referatet godkjennes.

        Sak 6/19 Velferdsteknologi
        Saken drøftes.
        Forslag til vedtak: Saken tas til orientering.
        """)
        #expect(document.items.map(\.number.description) == ["5/19", "6/19"])
        #expect(document.items.map(\.line) == [4, 5])
        #expect(document.items.map(\.proposal) == ["Referatet godkjennes.", "Saken tas til orientering."])
        #expect(document.items.last?.caseText == "Saken drøftes.")
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }
}
