@testable import DocketReader
import DocketModel
import Foundation
import Testing

@Suite struct NormaliserTests {
    @Test func runningHeadersFootersAndPageNumbersGo() {
        var pages: [String] = []
        for page in 1...4 {
            pages.append("""
            Steinkjer kommune - Møteprotokoll Formannskap 13.05.2026
            Avsnitt \(String(repeating: "x", count: page))
            Vedtak
            Tekst
            Mer tekst \(page)
            Vedtak
            Siste linje på siden
            Side \(page) av 4
            """)
        }
        let lines = Normaliser.normalise(pages.joined(separator: "\n\u{0C}"))
        let texts = lines.map(\.text)
        #expect(!texts.contains { $0.hasPrefix("Steinkjer kommune - Møteprotokoll") })
        #expect(!texts.contains { $0.hasPrefix("Side ") })
        #expect(texts.filter { $0 == "Vedtak" }.count == 8, "repeated lines inside pages stay")
        #expect(lines.first?.number == 2, "line numbers are those of the text as read")
    }

    @Test func withoutPageBreaksOnlyPageNumbersGo() {
        let text = "Vedtak\nTekst\nVedtak\nTekst\nVedtak\n- 2 -\nMøtebok   Side 3 av 7\n"
        #expect(Normaliser.normalise(text).map(\.text) == ["Vedtak", "Tekst", "Vedtak", "Tekst", "Vedtak"])
    }

    @Test func wordsBrokenAcrossProseLinesAreJoined() {
        let lines = Normaliser.normalise("Saken gjelder behand-\nlingen av budsjettet og helse-\nog omsorg for Krogstad-\nWiborg.\n")
        #expect(lines.map(\.text) == ["Saken gjelder behandlingen", "av budsjettet og helse-", "og omsorg for Krogstad-", "Wiborg."])
    }

    @Test func tableLinesAreNotDehyphenated() {
        let text = "PS 3/26        Søknad om konsesjon på erverv av fast eiendom - Deler av gnr/bnr 86/6 -\n               Gunn Odlaug Skei\n"
        #expect(Normaliser.normalise(text).map(\.text) == text.split(separator: "\n").map(String.init))
    }

    @Test func oddSpacesAndInvisibleCharactersAreCleaned() {
        #expect(Normaliser.cleanCharacters("Sak\u{00A0}8/19\u{00AD} \u{200B}Tittel") == "Sak 8/19 Tittel")
    }

    @Test func joinerKeepsTheHyphensThatBelong() {
        #expect(TextJoiner.join(["Tildeling av helse-", "og omsorgstjenester"]) == "Tildeling av helse- og omsorgstjenester")
        #expect(TextJoiner.join(["permisjon 01.07.2026-", "31.12.2026 - Lill"]) == "permisjon 01.07.2026-31.12.2026 - Lill")
        #expect(TextJoiner.join(["saks-", "behandling"]) == "saksbehandling")
    }
}

@Suite struct ItemNumberScannerTests {
    @Test(arguments: [
        ("8/19 Tittel", "8/19"), ("08/19 Tittel", "8/19"), ("8/2019 Tittel", "8/19"), ("Sak 8/19 – Tittel", "8/19"),
        ("sak 08/19: Tittel", "8/19"), ("PS 8/19 Tittel", "PS 8/19"), ("RS 2/2026 Tittel", "RS 2/26"), ("OS 1/26", "OS 1/26"),
        ("Sak 8-2019 Tittel", "8/19"), ("Saksnr. 12/19 Tittel", "12/19"), ("FO 3/26     Spørsmål", "FO 3/26"),
    ])
    func everySpellingReads(text: String, expected: String) throws {
        let found = try #require(ItemNumberScanner.leading(in: text))
        #expect(found.number.description == expected)
    }

    @Test func aBareDashedNumberIsNotAnItem() {
        #expect(ItemNumberScanner.leading(in: "8-19 deltakere") == nil)
        #expect(ItemNumberScanner.leading(in: "13.02.2019 12.00 – 14.00") == nil)
    }

    @Test func referencesNeedSakOrASeries() {
        let found = ItemNumberScanner.references(in: "Behandlet i [sak 22/18](#), jf. sak 08/19 og PS 12/19, men ikke gnr/bnr 86/6 eller 457/39.")
        #expect(found.map(\.number.description) == ["22/18", "8/19", "PS 12/19"])
        #expect(ItemNumberScanner.references(in: "styringsgruppe sak 01 – 2019 «ny strategi»").map(\.number.description) == ["1/19"])
    }

    @Test func theTitleFollowsTheNumber() {
        #expect(ItemNumberScanner.leading(in: "Sak 08/19 – Budsjettprinsipper for 2020")?.rest == "Budsjettprinsipper for 2020")
    }
}

@Suite struct DateTimeReaderTests {
    @Test(arguments: ["13 februar 2019", "13. februar 2019", "13.02.2019", "Onsdag 13.02.2019", "2019-02-13", "13.02.19", "13.feb. 2019"])
    func datesRead(text: String) {
        #expect(DateTimeReader.firstDate(in: text) == DayDate(year: 2019, month: 2, day: 13))
    }

    @Test func timesRead() {
        #expect(DateTimeReader.times(in: "kl. 13.00–15.00").start == ClockTime(hour: 13, minute: 0))
        #expect(DateTimeReader.times(in: "fra klokken 13.00 til 15.00.").end == ClockTime(hour: 15, minute: 0))
        let labelled = DateTimeReader.times(in: "12:00 - 14:30")
        #expect(labelled.start == ClockTime(hour: 12, minute: 0) && labelled.end == ClockTime(hour: 14, minute: 30))
        let open = DateTimeReader.times(in: "10:00 -")
        #expect(open.start == ClockTime(hour: 10, minute: 0) && open.end == nil)
        #expect(DateTimeReader.times(in: "møte 13.12.2018 i Sandnes").start == nil)
    }

    @Test func impossibleDatesAreRefused() {
        #expect(DayDate(year: 2019, month: 2, day: 29) == nil)
        #expect(DateTimeReader.firstDate(in: "31.04.2026") == nil)
    }
}

@Suite struct VoteReaderTests {
    @Test func unanimous() {
        let vote = VoteReader.standalone("Enstemmig vedtatt.", line: 1)
        #expect(vote.unanimous && vote.adopted == true)
        #expect(vote.tally == .unanimous)
        #expect(VoteReader.standalone("Forslag til vedtak enstemmig vedtatt.", line: 1).unanimous)
    }

    @Test func countedVotes() {
        let vote = VoteReader.standalone("Vedtatt med 23 mot 12 stemmer.", line: 4)
        #expect(vote.tally == .counted(for: 23, against: 12, abstaining: 0))
        let against = VoteReader.standalone("Vedtatt mot 2 stemmer (FRP).", line: 1)
        #expect(against.votesAgainst == 2 && against.adopted == true)
        let fell = VoteReader.standalone("Forslaget falt mot 4 stemmer (Line Hammer (AP), Lisbeth Melhus (UAVH)).", line: 1)
        #expect(fell.adopted == false && fell.votesFor == 4)
        #expect(fell.votersFor.map(\.name) == ["Line Hammer", "Lisbeth Melhus"])
        let parties = VoteReader.standalone("Vedtatt mot 12 stemmer (H, FrP og V).", line: 1)
        #expect(parties.partiesAgainst == ["H", "FrP", "V"])
        #expect(parties.votersAgainst.isEmpty)
        #expect(VoteReader.standalone("Vedtatt med 23 mot 12 stemmer (AP 10, H 2).", line: 1).partiesAgainst == ["AP", "H"])
    }

    @Test func perMemberListsMakeOneVote() {
        let votes = VoteReader.votes(from: [
            ("For forslaget stemte 3: Anne Høgsnes (AP), Daniel Folladal (AP), Elin Agdestein (H).", 10),
            ("Imot forslaget stemte 2: Lars Sandlund (SP), Sigrun Modell (SP).", 12),
            ("Dermed ble innstillingen vedtatt.", 13),
        ])
        #expect(votes.count == 1)
        let vote = votes[0]
        #expect(vote.line == 10)
        #expect(vote.votesFor == 3 && vote.votesAgainst == 2 && vote.adopted == true)
        #expect(vote.votersFor.map(\.party) == ["AP", "AP", "H"])
        #expect(vote.votersAgainst.first == ReadVoter(name: "Lars Sandlund", party: "SP"))
    }

    @Test func aListRunsOverLinesUntilItsFullStop() {
        #expect(VoteReader.isVoteStart("For forslaget stemte 9: Anne Marthe Høgsnes (AP), Daniel Folladal (AP), Monika Skoglund"))
        #expect(VoteReader.statementContinues("For forslaget stemte 9: Anne (AP), Monika", next: "Luktvasslimo (AP)."))
        #expect(!VoteReader.statementContinues("For forslaget stemte 2: Anne (AP), Monika (AP).", next: "Dermed ble innstillingen vedtatt."))
        #expect(!VoteReader.isVoteStart("Innstillingen legges fram for kommunestyret."))
    }
}

@Suite struct AttendanceReaderTests {
    static func lines(_ text: String) -> [SourceLine] { text.sourceLines() }

    @Test func elementsMemberTable() {
        let result = AttendanceReader.read(Self.lines("""
        Følgende medlemmer møtte:
        Navn                            Funksjon  Repr.   Varamedlem for
        Gunnar Thorsen                  Leder     AP
        Kristian Hovd Sjøli             VaramedlemAP      Kjell Magnar Haugan
        Christine Agdestein             Nestleder H
        Morten Resve                      Medlem

        Følgende fra administrasjonen møtte:
        Navn                                        Stilling
        Susanne Bratli                              utvalgssekretær
        Geir Olav Jensen                            Kommunedirektør
        """))
        #expect(result.attendance.map(\.name) == ["Gunnar Thorsen", "Kristian Hovd Sjøli", "Christine Agdestein", "Morten Resve"])
        let deputy = result.attendance[1]
        #expect(deputy.status == .substitute && deputy.role == .deputy && deputy.party == "AP" && deputy.substituteFor == "Kjell Magnar Haugan")
        #expect(result.attendance[2].role == .deputyChair && result.attendance[2].party == "H")
        #expect(result.attendance[0].status == .present && result.attendance[0].role == .chair)
        #expect(result.others.map(\.roleText) == ["utvalgssekretær", "Kommunedirektør"])
        #expect(result.others.allSatisfy { $0.status == nil })
    }

    @Test func listsAfterLabelsAndSentences() {
        let result = AttendanceReader.read(Self.lines("""
        Følgende medlemmer hadde forfall:
        Kari Nordmann (H), Ola Hansen (AP)

        Følgende varamedlemmer møtte:
        Per Olsen (H) for Kari Nordmann
        Liv Berg, varamedlem for Ola Hansen

        Deltakelse:
        Espen Hatlinghus (INP) hadde meldt forfall. Ingolf Brønstad var innkalt, men møtte ikke.
        Lillian Hatling (SP) møtte som vararepresentant for Lill Marit Sandseter som har permisjon.
        """))
        let apologies = result.attendance.filter { $0.status == .apologies }
        #expect(apologies.map(\.name) == ["Kari Nordmann", "Ola Hansen", "Espen Hatlinghus"])
        #expect(apologies.first?.party == "H")
        let substitutes = result.attendance.filter { $0.status == .substitute }
        #expect(substitutes.map(\.name) == ["Per Olsen", "Liv Berg", "Lillian Hatling"])
        #expect(substitutes.map(\.substituteFor) == ["Kari Nordmann", "Ola Hansen", "Lill Marit Sandseter"])
    }

    @Test func conflictsOfInterest() {
        let conflicts = ConflictReader.conflicts(in: Self.lines("""
        Gunnar Thorsen ble kjent inhabil i sak PS 1/26. Kristian Hovd Sjøli (AP) deltok i behandling av saken
        Enok Moe (R) ble kjent inhabil med bakgrunn i kommunelovens § 11-10 1.ledd og
        forvaltningslovens § 6 første ledd bokstav e, og fratrådte møtet under behandling av
        saken.
        """), currentItem: ItemNumber(series: .political, sequence: 7, year: 2026))
        #expect(conflicts.map(\.person) == ["Gunnar Thorsen", "Enok Moe"])
        #expect(conflicts.map(\.item?.description) == ["PS 1/26", "PS 7/26"])
        #expect(conflicts[0].text == "Gunnar Thorsen ble kjent inhabil i sak PS 1/26.")
        #expect(conflicts[1].party == "R" && conflicts[1].line == 2)
    }
}

@Suite struct SectionTests {
    @Test func layoutAgendaWithExemptColumnAndWrappedTitles() throws {
        let lines = """
        Saksliste
        Utvalgs-                                                                     Unntatt
        saksnr      Innhold                                                             off.
        PS 5/26     Klage - parkeringstillatelse for forflytningshemmede             Offl. § 13,
                                                                                      jf. Fvl. §
        PS 6/26     Klage på avslag på søknad om parkeringstillatelse for
                    forflytningshemmede
        RS 1/26 Referatsak med overskrift rett etter tabellen
        """.sourceLines()
        let table = try #require(TableReader.tables(in: lines).first)
        #expect(table.rows.map(\.number.description) == ["PS 5/26", "PS 6/26"])
        #expect(table.rows[0].title == "Klage - parkeringstillatelse for forflytningshemmede")
        #expect(table.rows[0].exemptText == "Offl. § 13, jf. Fvl. §")
        #expect(table.rows[1].title == "Klage på avslag på søknad om parkeringstillatelse for forflytningshemmede")
        #expect(table.introducedAsAgenda)
        #expect(!table.lines.contains(8))
    }

    @Test func tabbedAgendaWithSections() throws {
        let lines = "Nr\tSak\tSaksunderlag\tType sak\nFaste saker\t\t\t\n1/19\tGodkjenning av dagsorden\tDagsorden\tBeslutning\nSaker til behandling\t\t\t\n8/18\tBudsjett\tNotat\tDiskusjon\n\nVel møtt!".sourceLines()
        let table = try #require(TableReader.tables(in: lines).first)
        #expect(table.rows.map(\.section) == [.standing, .forConsideration])
        #expect(table.rows.map(\.kindText) == ["Beslutning", "Diskusjon"])
        #expect(table.hasKindColumn && table.hasBasisColumn)
    }

    @Test func headingsAndTheirWrappedTitles() {
        let lines = """
        PS 3/26 Søknad om konsesjon på erverv av fast eiendom - Deler av gnr/bnr 86/6 - Gunn
        Odlaug Skei og Oddvar Arne Austad
        Hovedutvalg plan næring og miljøs behandling av sak 3/2026 i møte den 27.01.2026:
        Sak 22/18 ble behandlet i juni.
        - Sak 08/19 – et vedlegg
        Sak 08/19 – Budsjettprinsipper for 2020
        """.sourceLines()
        let headings = BlockFinder.headings(in: lines, skipping: [], headingTables: [])
        #expect(headings.map(\.number.description) == ["PS 3/26", "8/19"])
        #expect(headings[0].title == "Søknad om konsesjon på erverv av fast eiendom - Deler av gnr/bnr 86/6 - Gunn Odlaug Skei og Oddvar Arne Austad")
    }

    @Test func blockFieldsFromLabels() {
        let fields = ItemBlockReader.read("""
        Arkivsak: 2019/123
        Saken gjelder budsjett.
        Kommunedirektørens forslag til vedtak:
        Budsjettet vedtas.
        Behandling
        Per Olsen (H) fremmet følgende tilleggsforslag:
        Det settes av midler.
        Vedtatt med 23 mot 12 stemmer.
        Kommunestyrets vedtak:
        Budsjettet vedtas. Det settes av midler.
        """.sourceLines())
        #expect(fields.archiveCaseNumber == "2019/123")
        #expect(fields.caseText == "Arkivsak: 2019/123\nSaken gjelder budsjett.")
        #expect(fields.proposal == "Budsjettet vedtas.")
        #expect(fields.decision == "Budsjettet vedtas. Det settes av midler.")
        #expect(fields.votes.first?.tally == .counted(for: 23, against: 12, abstaining: 0))
        #expect(ItemBlockReader.outcome(of: fields, kind: .decision) == .amended)
        #expect(ItemBlockReader.isDecisionLabel("Det ble enighet om følgende vedtak:") == nil)
        #expect(ItemBlockReader.isProposalLabel("Forslag til vedtak enstemmig vedtatt.") == nil)
        #expect(ItemBlockReader.isProposalLabel("Innstilling:") != nil)
        #expect(ItemBlockReader.isProposalLabel("Ungdomsrådet støtter kommunedirektørens forslag til vedtak i saken") == nil)
        #expect(ItemBlockReader.isProposalLabel("Formannskapets innstilling til kommunestyret:") != nil)
        #expect(ItemBlockReader.isDecisionLabel("Formannskapets vedtak - 12.03.2019") != nil)
        #expect(ItemBlockReader.isDecisionLabel("Vedtak: Planen vedtas.") != nil)
    }

    @Test func exemptionInTheText() {
        let fields = ItemBlockReader.read("Unntatt offentlighet, offl. § 13, jf. fvl. § 13\nTeksten.".sourceLines())
        #expect(fields.exempt)
        #expect(fields.exemptionBasis?.hasPrefix("Unntatt offentlighet") == true)
    }
}

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
        #expect(document.meeting.date == DayDate(year: 2019, month: 3, day: 12))
        #expect(document.meeting.end == ClockTime(hour: 11, minute: 15))
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
        #expect(document.meeting.date == DayDate(year: 2019, month: 3, day: 14))
        #expect(document.meeting.start == ClockTime(hour: 10, minute: 0))
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
        #expect(document.meeting.date == DayDate(year: 2026, month: 5, day: 13))
        #expect(document.meeting.start == ClockTime(hour: 12, minute: 0))
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

@Suite struct OutputTests {
    @Test func aReadDocumentRoundTripsThroughJSON() throws {
        let document = DocumentReader().read(text: OtherLayoutTests.text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(document)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""number":"12/19""#))
        #expect(json.contains(#""date":"2019-03-12""#))
        let decoded = try JSONDecoder().decode(ReadDocument.self, from: data)
        #expect(decoded.items.map(\.number) == document.items.map(\.number))
        #expect(decoded.meeting == document.meeting)
        #expect(try encoder.encode(decoded) == data)
    }

    @Test func warningsPrintWithLineAndCode() {
        let warning = ReadWarning(.outOfOrder, line: 200, item: ItemNumber(sequence: 7, year: 2019), "Sak 7/19 kommer etter sak 11/19.")
        #expect(warning.description == "line 200: [out_of_order] Sak 7/19 kommer etter sak 11/19.")
    }
}

@Suite struct ColumnSplitterTests {
    @Test func aTwoColumnPageReadsLeftThenRight() {
        let left = ["Kommunestyret drøftet saken grundig", "og kom fram til at planen for", "sentrum må endres på flere", "punkter før den kan vedtas av", "kommunestyret i juni måned.", "Administrasjonen legger fram en", "ny sak med endringene i mai", "etter høring hos naboene."]
        let right = ["Saken om skolestruktur ble utsatt", "fordi utredningen ikke var ferdig", "og kommunedirektøren ba om mer", "tid til å se på alternativene", "for ungdomsskolene i kommunen.", "Den kommer tilbake til høsten", "sammen med budsjettet for neste", "år og økonomiplanen."]
        let text = zip(left, right).map { $0.padding(toLength: 45, withPad: " ", startingAt: 0) + $1 }.joined(separator: "\n")
        let lines = ColumnSplitter.split(text.sourceLines())
        #expect(lines.map(\.trimmed) == left + right)
        #expect(lines[8].number == 1, "the right column keeps the numbers of the lines it came from")
    }

    @Test func tablesStayAsTheyAre() {
        let text = """
        Navn                                   Funksjon   Repr.       Varamedlem for
        Bente Merete Aune Bragstad             Leder      AP
        Bjarne Jostein Arnøy                   Varamedlem H           Kristin Gisvold
        Robert Ertsås                          Medlem     AP
        Bjørg Helland                          Medlem     AP
        Tor Borgan                             Medlem     SP
        Torbjørn Alstad Austad                 Medlem     INP
        Lisbeth Melhus                         Medlem     UAVH
        Anita Ulstad                           Medlem     SP
        """.sourceLines()
        #expect(ColumnSplitter.split(text) == text)
    }
}

@Suite struct SeriesKindTests {
    @Test func seriesImplyKinds() {
        #expect(Series.political.impliedKind == .decision)
        #expect(Series.reported.impliedKind == .information)
        #expect(Series.information.impliedKind == .information)
        #expect(Series.interpellation.impliedKind == nil)
        #expect(Series("XY")?.impliedKind == nil)
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
        #expect(document.meeting.end == ClockTime(hour: 14, minute: 30))
        #expect(document.attendance.map(\.name) == ["Kari Nordmann", "Per Olsen", "Ola Hansen", "Eva Dahl"])
        #expect(document.attendance.map(\.status) == [.present, .present, .apologies, .substitute])
        #expect(document.attendance[3].substituteFor == "Ola Hansen" && document.attendance[3].party == "AP")
        #expect(document.otherAttendees.map(\.name) == ["Per Rådmann"])
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
