@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// Agenda entries without a case number of their own, and where a glued title ends: each rule on an
/// excerpt of a corpus document (`../shared/corpus/other-bodies`) and on a made-up excerpt of another
/// body in another layout. Entries are numbered by place and the meeting's year, each with a warning.
@Suite struct UnnumberedEntriesTests {
    private func items(_ text: String) -> [(String, String)] {
        DocumentReader().read(text: text).items.map { ($0.number.description, $0.title) }
    }

    private func positionWarnings(_ text: String) -> [ReadWarning] {
        DocumentReader().read(text: text).warnings.filter { $0.code == .numberFromPosition }
    }

    /// A district council's glued saksliste numbers its standing items by place beside its numbered items
    /// ("7. BU 14/75 …"); the place whose number the text layer lost ("Spørretimen 13.") keeps its place.
    @Test func placeNumberedEntriesBesideNumberedItemsInAGluedPage() {
        let text = """
        Møtebok Utvalg: Bydelsutvalget Møtedato: 11.12.2014

        2 Saksliste: Saksnr Tittel 1. Åpen halvtime 2. Godkjenning av innkalling og saksliste 3. Godkjenning av protokoll fra møte BU 14/72 Økonomioppfølging per 31. oktober BU 14/73 Budsjett BU 14/74 Detaljregulering av Ring 3 Storokrysset 7. BU 14/75 Bydel Sagenes forvaltning av Lilleborgbanen 8. BU 14/76 Utkvittering av verbalvedtak 9. BU 14/77 Møtedokumenter i elektronisk form eller i papirutgave 10. BU 14/78 Prøveordning med driftsstyrer avsluttes 11. BU 14/79 Forslag til møteplan år Spørretimen 13. Orienteringssaker 14. Eventuelt 1. Åpen halvtime Magnus Bjørnebekk, Barne og ungdomsrådet
        """
        let read = items(text)
        #expect(read.map(\.1).prefix(4) == ["Åpen halvtime", "Godkjenning av innkalling og saksliste", "Godkjenning av protokoll fra møte",
                                             "Økonomioppfølging per 31. oktober"])
        #expect(read.map(\.0).prefix(3) == ["1/14", "2/14", "3/14"])
        #expect(read.suffix(3).map(\.0) == ["12/14", "13/14", "14/14"])
        #expect(read.suffix(3).map(\.1) == ["Spørretimen", "Orienteringssaker", "Eventuelt"])
        #expect(read.count == 14)
        #expect(positionWarnings(text).count == 6)
        #expect(positionWarnings(text).first?.line == 3)
    }

    /// The same rule in another layout: a board's agenda one entry a line, places and case numbers mixed.
    @Test func placeNumberedEntriesOneALine() {
        let text = """
        Møteprotokoll for Styret
        Møtedato: 12.03.2019

        Saksliste
        1. Godkjenning av innkalling
        2. Valg av protokollunderskrivere
        PS 12/19 Budsjett 2020
        PS 13/19 Økonomiplan 2020–2023
        5. Eventuelt
        """
        let read = items(text)
        #expect(read.map(\.0) == ["1/19", "2/19", "PS 12/19", "PS 13/19", "5/19"])
        #expect(read.last?.1 == "Eventuelt")
        #expect(positionWarnings(text).map(\.line) == [5, 6, 9])
    }

    /// Nothing is added where every entry has its number, or where "1." is no list of entries.
    @Test(arguments: [
        "Saksliste\nPS 1/19 Godkjenning av innkalling\nPS 2/19 Budsjett 2020\n\nPS 1/19 Godkjenning av innkalling\nInnkallingen godkjennes.",
        "Saksliste: møtet 1. Mars ble avlyst, og 2. April holdes det neste.\n\nSak 4/19 Budsjett 2020\nVedtak:\nBudsjettet vedtas.",
    ])
    func noEntriesWithoutPlaces(text: String) {
        #expect(positionWarnings(text).isEmpty)
    }

    /// A table flattened column by column: the place labels first, then as many titles in sentence case
    /// (an elderly council's saksliste, and a made-up board's with "Punkt" labels).
    @Test(arguments: [
        ("Dato: 27.05.2015\n2 Saksliste Pkt. 1 Pkt. 2 Pkt. 3 Pkt. 4 Pkt. 5 Godkjenning av innkalling og saksliste Valg av protokollgodkjennere Habilitet/Permisjon Spørsmål Orienteringer Utvalgssaksnr\nPS 4/15 Referatsaker",
         ["1/15 Godkjenning av innkalling og saksliste", "2/15 Valg av protokollgodkjennere", "3/15 Habilitet/Permisjon", "4/15 Spørsmål", "5/15 Orienteringer", "PS 4/15 Referatsaker"]),
        ("Møtedato: 02.02.2022\nDagsorden: Punkt 1 Punkt 2 Punkt 3 Åpning av møtet Valg av møteleder og referent Godkjenning av dagsorden Nr Sak\nSak 7/22 Regnskap 2021",
         ["1/22 Åpning av møtet", "2/22 Valg av møteleder og referent", "3/22 Godkjenning av dagsorden", "7/22 Regnskap 2021"]),
    ])
    func flattenedPlaceLabels(text: String, expected: [String]) {
        #expect(items(text).map { "\($0.0) \($0.1)" } == expected)
    }

    /// Titles that do not count as many as the labels (a name in capitals inside one) are not guessed at.
    @Test func flattenedLabelsThatDoNotCountUpAreLeft() {
        let text = "Møtedato: 02.02.2022\nDagsorden: Punkt 1 Punkt 2 Åpning av møtet Besøk fra Bergen kommune Nr Sak\nSak 7/22 Regnskap 2021"
        #expect(items(text).map(\.0) == ["7/22"])
    }

    /// Numbers of which the text layer kept only the separator ("/:"): a council's capitals titles (one after
    /// a note that it is exempt), and a made-up committee's in sentence case.
    @Test func numbersReducedToTheirSeparator() {
        let council = """
        Download "Innkalling til møte i Kommunestyret 19.08.2015 kl. 17:00"

        1 Innkalling til møte i Kommunestyret.. kl. : på Kommunestyresalen. TIL BEHANDLING: /: MELDINGER - KOMMUNESTYRET.. /: IKA TRØNDELAG IKS - ENDRING AV SELSKAPSAVTALEN /: Unntatt offentlig ofl GRUNNERVERV - BUVIK SKOLEOMRÅDE /: SALG AV ØL PÅ VALGDAGEN Varamedlemmer møter etter nærmere varsel.

        2 Sak / SKAUN KOMMUNE Utvalgssaksnr: / SAKEN GJELDER: MELDINGER - KOMMUNESTYRET.. RÅDMANNENS INNSTILLING: Meldingene tas til orientering.
        """
        let read = DocumentReader().read(text: council)
        #expect(read.items.map(\.title) == ["MELDINGER - KOMMUNESTYRET", "IKA TRØNDELAG IKS - ENDRING AV SELSKAPSAVTALEN",
                                            "GRUNNERVERV - BUVIK SKOLEOMRÅDE", "SALG AV ØL PÅ VALGDAGEN"])
        #expect(read.items.map(\.number.description) == ["1/15", "2/15", "3/15", "4/15"])
        #expect(read.items.map(\.exempt) == [false, false, true, false])
        // The entry's own text is where its title comes again.
        #expect(read.items.first?.proposal == "Meldingene tas til orientering.")
        #expect(read.warnings.filter { $0.code == .numberFromPosition }.count == 4)

        let committee = "Møtedato: 03.03.2020\nSaker til behandling: /: Godkjenning av protokoll /: Revisjonsplan 2020"
        #expect(items(committee).map { "\($0.0) \($0.1)" } == ["1/20 Godkjenning av protokoll", "2/20 Revisjonsplan 2020"])
    }

    /// Bullets under the agenda's heading, before the numbered items: a regional council's orientations
    /// (after a line naming them), and a made-up board's in another bullet.
    @Test(arguments: [
        ("""
        Tid:    Fredag 15. februar 2019

        SAKSLISTE

        Orientering og drøfting

         • Polarsirkelen Folkehøgskole – plan og utkast til vedtekter – v/Knut Berntsen
         • Institusjonsstruktur Nord- Universitet v/Hanne Davidsen


        R-01/19   Skriftlige referat- og orienteringssaker
        """, ["Polarsirkelen Folkehøgskole – plan og utkast til vedtekter – v/Knut Berntsen",
              "Institusjonsstruktur Nord- Universitet v/Hanne Davidsen", "Skriftlige referat- og orienteringssaker"]),
        ("""
        Møtedato: 04.05.2023
        Dagsorden
        ▪ Velkommen ved styreleder
        ▪ Orientering om driften

        Sak 14/23 Årsregnskap 2022
        """, ["Velkommen ved styreleder", "Orientering om driften", "Årsregnskap 2022"]),
    ])
    func bulletsUnderTheAgendaHeading(text: String, titles: [String]) {
        let read = items(text)
        #expect(read.map(\.1) == titles)
        // The places 1 and 2 are the numbered items' ("R-01/19" is 1/19): the bullets take the next free numbers.
        #expect(Set(read.map(\.0)).count == read.count)
    }

    /// Where a glued title ends: before a lettered part list (a regional council's and a metropolitan
    /// board's), dashed parts, or the summons's note on absence (a control committee's and a made-up one).
    @Test(arguments: [
        ("Innmeldte saker fra kommunene a) Fauske kommune: Kommunal mineralskatt", "Innmeldte saker fra kommunene"),
        ("Orientering om aktuelle saker i fylkeskommuner og delregioner a) Presentasjon av høringsutkast", "Orientering om aktuelle saker i fylkeskommuner og delregioner"),
        ("Orienteringer -sekretariatet -rådmannsgruppa", "Orienteringer"),
        ("Orienteringssaker -økonomi -personal -bygg", "Orienteringssaker"),
        ("Eventuelt Eventuelle forfall meldes til Kontrollutvalgssekretariat Midt-Norge IKS", "Eventuelt"),
        ("Referatsaker Forfall meldes til sekretæren på telefon", "Referatsaker"),
        ("Årsberetning og -regnskap 2015", "Årsberetning og -regnskap 2015"),
        ("Plan for a) b) og c)", "Plan for a) b) og c)"),
    ])
    func whereAGluedTitleEnds(title: String, expected: String) {
        #expect(TitleEnd.cut(title) == expected)
    }

    /// A short one-sentence title under a number with a case word (a regional council's "R-02/19", a made-up "Sak 12/15").
    @Test(arguments: [
        ("R-02/19    \nPartnerskap Nord-Norges Brüsselkontor.\n                    – om kontoret, eiere og partnere", "Partnerskap Nord-Norges Brüsselkontor."),
        ("Sak 12/15\nBudsjett for 2016.\n\nRådmannens innstilling:\nBudsjettet vedtas.", "Budsjett for 2016."),
    ])
    func shortSentenceTitleUnderItsNumber(text: String, title: String) {
        #expect(items("\n" + text).map(\.1) == [title])
    }
}

/// Titles in pages a text layer glued onto one line: a row of a glued agenda may end with a full stop (a fire
/// service board's "10/16 16/103 Møteprotokoll - … den 10.02.2016.", a made-up council's), and a lost break
/// after a title is not taken after a preposition or conjunction (a works council's "Referatsaker til
/// Arbeidsmiljøutvalget møte", the fire service board's "styremøte i Asker og Bærum brannvesen IKS").
@Suite struct GluedTitleTests {
    @Test(arguments: [
        ("Saksnr. Arkivsaksnr. Tittel SAKSLISTE 10/16 16/103 Møteprotokoll - Møte i styret i den 10.02.2016. 11/16 16/187 Møteprotokoll - Ekstraordinært styremøte i Asker og Bærum brannvesen IKS den 17.03.2016. 12/16 16/219 Brannsjefens virksomhetsrapport 2015 13/16 16/217 Revisjon av styrets årsberetning med regnskap 2015",
         ["10/16 Møteprotokoll - Møte i styret i den 10.02.2016.",
          "11/16 Møteprotokoll - Ekstraordinært styremøte i Asker og Bærum brannvesen IKS den 17.03.2016.",
          "12/16 Brannsjefens virksomhetsrapport 2015", "13/16 Revisjon av styrets årsberetning med regnskap 2015"]),
        ("SAKSLISTE Sak Tittel 21/18 Referat fra møtet i juni. 22/18 Årsmelding for kontrollutvalget 2017 23/18 Forvaltningsrevisjon av barnevernet. 24/18 Eventuelt og orienteringer fra sekretariatet i dag",
         ["21/18 Referat fra møtet i juni.", "22/18 Årsmelding for kontrollutvalget 2017", "23/18 Forvaltningsrevisjon av barnevernet.",
          "24/18 Eventuelt og orienteringer fra sekretariatet i dag"]),
    ])
    func gluedAgendaRowsMayEndWithAFullStop(text: String, expected: [String]) {
        let items = DocumentReader().read(text: text).items.map { "\($0.number) \($0.title)" }
        #expect(items == expected)
    }

    @Test(arguments: [
        ("8/13 Referatsaker til Arbeidsmiljøutvalget møte Egersund, 20 februar 2013 John I. Egeli Utvalgsleder", "8/13 Referatsaker til Arbeidsmiljøutvalget møte"),
        ("11/16 16/187 Møteprotokoll - Ekstraordinært styremøte i Asker og Bærum brannvesen IKS den 17.03.2016.",
         "11/16 16/187 Møteprotokoll - Ekstraordinært styremøte i Asker og Bærum brannvesen IKS den 17.03.2016."),
        ("Sak 14/07: Godkjenning av innkalling til møtet Innkalling til møtet godkjennes. Enstemmig.", "Sak 14/07: Godkjenning av innkalling til møtet"),
    ])
    func aLostBreakIsNotAfterALinkWord(piece: String, head: String) {
        #expect(GluedLineSplitter.cutLostBreak(piece).first == head)
    }
}
