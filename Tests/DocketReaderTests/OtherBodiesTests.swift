@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// Rules that read the minutes of any body: each tested on excerpts of at least two bodies'
/// documents from `../shared/corpus/other-bodies` (layouts of different case systems).
@Suite struct OtherBodiesTests {
    /// Two councils print every body's decision along the case's path, the earlier bodies' first
    /// ("FS- 047/21 Vedtak:" before "KS- 063/21 Vedtak:"); only the item's own is its decision.
    @Test(arguments: [
        // A council whose items went through the executive committee first (bokmål).
        ("""
        Kommunedirektørens innstilling ble enstemmig vedtatt.

        FS- 047/21 Vedtak:
        Grue kommune tilslutter seg regional eierskapsmelding som framlagt.

        15.12.2021 Kommunestyret
        Formannskapets innstilling ble enstemmig vedtatt.

        KS- 063/21 Vedtak:
        Grue kommune tilslutter seg regional eierskapsmelding, endelig.
        """, 63, "Grue kommune tilslutter seg regional eierskapsmelding, endelig.", "FS- 047/21 Vedtak:"),
        // A council in nynorsk whose item was postponed at an earlier meeting (the case's path holds that decision).
        ("""
        Handsaming:
        Framlegget vart samrøystes vedteke.

        KOM- 058/21 Vedtak:
        Saka vert utsett til neste møte i kommunestyret.

        15.12.2021 Kommunestyret
        Vedtak:
        Det vart så røysta over kontrollutvalet si tilråding som vart samrøystes vedteke.

        KOM- 069/21 Vedtak:
        1. Kommunestyret ber rådmannen følgje opp tilrådingane i rapporten.
        """, 69, "1. Kommunestyret ber rådmannen følgje opp tilrådingane i rapporten.", "KOM- 058/21 Vedtak:"),
    ])
    func earlierBodiesDecisionsAreTheCasePath(text: String, sequence: Int, decision: String, path: String) throws {
        let fields = ItemBlockReader.read(text.sourceLines(), number: ItemNumber(series: nil, sequence: sequence, year: 2021))
        #expect(fields.decision == decision)
        let handling = try #require(fields.handling)
        #expect(handling.contains(path))
        #expect(!(fields.decision ?? "").contains("Saka vert utsett"))
    }

    /// The body from a title set on three lines, a header grid without colons, a noun above the
    /// title, a meeting's heading, and a body named with what follows it.
    @Test(arguments: [
        ("Møteprotokoll\n  for\nKommunestyret\nMøtedato:      15.12.2021", "Kommunestyret"),
        ("                      Møteprotokoll\nUtvalg         Kommunestyret\nMøtested       Teams\nDato           15.12.2021", "Kommunestyret"),
        ("            Øksnes kommune\n                     KOMMUNESTYRET\n                              Møteprotokoll\nMøtedato:     14.12.2021", "Kommunestyret"),
        ("Møter\nMØTE I REGIONRÅDET\nTid:    Fredag 15. februar 2019", "Regionrådet"),
        ("Det ble avholdt ordinært møte i representantskapet i Vekst i Grenland IKS 15. april 2016", "Representantskapet i Vekst i Grenland IKS"),
        ("EIGERSUND KOMMUNE Arbeidsmiljøutvalget", "Arbeidsmiljøutvalget"),
    ])
    func bodyFromAnyLayout(text: String, body: String) {
        #expect(DocumentReader().read(text: text).body == body)
    }

    @Test func bodyNounsAreNotEveryWord() {
        #expect(BodyFinder.body(inText: "Rådmannens tilråding ble vedtatt.") == nil)
        #expect(BodyFinder.body(inText: "Styret ble orientert om saken og ga sine råd i møtet.") == nil)
    }

    /// Item numbers written year first (a council's "PS 21/137", a county's "Sak nr. 10/234"), with a
    /// bare dash (a steering group's "21-24"), and what is not a number.
    @Test(arguments: [
        ("PS 21/137   Godkjenning av protokoll", "PS 137/21"),
        ("Sak nr. 10/234 Sametinget - Høring av nye beregningsregler", "234/10"),
        ("21-24 Godkjenning av referat", "21/24"),
        ("22-24 Ny samarbeidsavtale", "22/24"),
        ("Sak 97 /10 Budsjett", "97/10"),
    ])
    func numberSpellings(text: String, number: String) throws {
        let found = try #require(ItemNumberScanner.leading(in: text))
        #expect(found.number.description == number)
    }

    @Test func rangesAndYearsAreNoNumbers() {
        #expect(ItemNumberScanner.leading(in: "8-19 år") == nil)
        #expect(ItemNumberScanner.leading(in: "2019-2022 Økonomiplan") == nil)
        #expect(ItemNumberScanner.leading(in: "123/456 Tittel") == nil)
    }

    /// Year-first decision labels ("KOM - 21/137 Vedtak") name the item's own decision too.
    @Test func yearFirstDecisionLabel() {
        let fields = ItemBlockReader.read("""
        FS - 21/90 Vedtak
        Planen sendes til kommunestyret.

        KOM - 21/137 Vedtak
        Protokollen godkjennes.

        Vedtak:
        Dette er ikke kommunestyrets vedtak.
        """.sourceLines(), number: ItemNumber(series: .political, sequence: 137, year: 2021))
        #expect(fields.decision == "Protokollen godkjennes.")
        #expect(fields.handling?.contains("Planen sendes til kommunestyret.") == true)
    }

    /// Text layers without blank lines: a number alone over a title in capitals opens an item (a council
    /// in 2002, a regional council of chief executives in 2012), and an agenda of "number archive-number"
    /// lines over their titles is the agenda.
    @Test func numbersAloneOverCapitalTitles() {
        let text = """
        Møteprotokoll
        Utvalg: Kommunestyret
        Dato: 25.04.2002
        SAKSLISTE
        0001/02 02/00629
        Kommuneregnskap 2001
        0002/02 02/00685
        Skatteregnskapet for 2001
        Sak nr.: 0001/02
        KOMMUNEREGNSKAP 2001
        Forslag til vedtak:
        Regnskapet for 2001 godkjennes.
        Sak nr.: 0002/02
        SKATTEREGNSKAPET FOR 2001
        Forslag til vedtak:
        Skatteregnskapet godkjennes.
        Sak nr.: 62/12
        GODKJENNING AV DAGSORDEN
        Dagsorden godkjennes.
        """
        let document = DocumentReader().read(text: text)
        #expect(document.items.map(\.number.description) == ["1/02", "2/02", "62/12"])
        #expect(document.items.map(\.title) == ["Kommuneregnskap 2001", "Skatteregnskapet for 2001", "GODKJENNING AV DAGSORDEN"])
        #expect(document.items[0].proposal == "Regnskapet for 2001 godkjennes.")
    }

    /// A decision without a label: the paragraph after the vote that adopted it (bokmål and nynorsk),
    /// and a label qualified by its vote ("Kommunestyrets vedtak, enst.:").
    @Test(arguments: [
        ("Formannskapets innstilling med det vedtatte tillegg ble enstemmig vedtatt.\nKommunestyret godkjenner opptak av tilleggslån.",
         "Kommunestyret godkjenner opptak av tilleggslån."),
        ("Handsaming:\nFramlegget frå ordføraren vart samrøystes vedteke.\nReidar Øksnes og Torunn Helland Karlsen skriv under møteprotokollen.",
         "Reidar Øksnes og Torunn Helland Karlsen skriv under møteprotokollen."),
        ("Kommunestyrets vedtak, enst.:\nÅrsmeldingen for 2001 tas til etterretning.", "Årsmeldingen for 2001 tas til etterretning."),
    ])
    func decisionWithoutLabel(text: String, decision: String) {
        #expect(ItemBlockReader.read(text.sourceLines()).decision == decision)
    }

    /// Proposal labels as two councils print them: letter-spaced after an introducing sentence (bokmål),
    /// numbered by a word processor's list ("1. Kommunedirektørens forslag til vedtak/innstilling").
    @Test(arguments: [
        ("Innstilling:\nKommunedirektøren rår formannskapet til å fremme slik\n\ni n n s t i l l i n g:\n\nGrue kommune tilslutter seg meldingen.",
         "Grue kommune tilslutter seg meldingen."),
        ("     1. Kommunedirektørens forslag til vedtak/innstilling\n        Budsjettene i investeringsregnskapet justeres.",
         "Budsjettene i investeringsregnskapet justeres."),
    ])
    func proposalLabels(text: String, proposal: String) {
        let lines = Normaliser.normalise(text)
        #expect(ItemBlockReader.read(lines).proposal?.trimmed == proposal)
    }

    /// A decision label glued to its number ("KS- 030/21Vedtak:", a council's PDF text layer).
    @Test func gluedNumberedDecisionLabel() {
        let fields = ItemBlockReader.read("KS- 030/21Vedtak:\nGlenn Stavøy og Knut Haaheim velges.".sourceLines(),
                                          number: ItemNumber(series: nil, sequence: 30, year: 2021))
        #expect(fields.decision == "Glenn Stavøy og Knut Haaheim velges.")
    }

    @Test func letterSpacedWordsClose() {
        #expect(Normaliser.closeLetterSpacing("i n n s t i l l i n g:\nV e d t a k\nA B C".sourceLines()).map(\.text)
                == ["innstilling:", "Vedtak", "A B C"])
    }

    /// A page glued onto one line (transcripts, PDFs that lost their breaks): a control committee's agenda
    /// of bare numbers, a regional council's "SR-sak" agenda, and items whose titles are in capitals.
    @Test func gluedPagesSplitBeforeEachItem() {
        let agenda = "1 MØTEINNKALLING KONTROLLUTVALGET I OS KOMMUNE SAKSLISTE SAK NR. INNHOLD 01/2016 Godkjenning av saksliste og innkalling 02/2016 Godkjenning av protokoll fra møte 04/2016 Forvaltningsrevisjonsrapport; Oppfølging av klima- og energiplanen 05/2016 Bestilling av overordnet analyse"
        let pieces = GluedLineSplitter.split(agenda.sourceLines()).map(\.text)
        #expect(pieces.dropFirst() == ["01/2016 Godkjenning av saksliste og innkalling", "02/2016 Godkjenning av protokoll fra møte",
                                       "04/2016 Forvaltningsrevisjonsrapport; Oppfølging av klima- og energiplanen",
                                       "05/2016 Bestilling av overordnet analyse"])
        let council = "SAKSLISTE Møtestart kl Velkommen til Meløy SR-sak 32/14 Presentasjon av Agenda Nord-Norge SR-sak 33/14 Utviklingsprogram for byregioner Bodø og Salten SR-sak 34/14 Referat fra forrige møte"
        #expect(GluedLineSplitter.split(council.sourceLines()).map(\.text).dropFirst()
                == ["SR-sak 32/14 Presentasjon av Agenda Nord-Norge", "SR-sak 33/14 Utviklingsprogram for byregioner Bodø og Salten",
                    "SR-sak 34/14 Referat fra forrige møte"])
        let items = "2 Sak nr.: 62/12 GODKJENNING AV DAGSORDEN Dagsorden godkjennes. Følgende saker behandles under Eventuelt: Ingen. Sak nr.: 63/12 REFERAT FRA RÅDMANNSMØTE Referatet godkjennes uten merknader fra noen av deltakerne."
        #expect(GluedLineSplitter.split(items.sourceLines()).map(\.text)
                == ["2", "Sak nr.: 62/12 GODKJENNING AV DAGSORDEN", "Dagsorden godkjennes. Følgende saker behandles under Eventuelt: Ingen.",
                    "Sak nr.: 63/12 REFERAT FRA RÅDMANNSMØTE", "Referatet godkjennes uten merknader fra noen av deltakerne."])
        // A paragraph of prose that names items is no agenda: it has no opening before a title.
        let prose = String(repeating: "Kommunestyret viste til sak 12/19 og til sak 13/19 da saken ble drøftet i møtet. ", count: 3)
        #expect(GluedLineSplitter.split(prose.sourceLines()).count == 1)
    }

    /// A table of contents' dot leaders and page numbers, and a link's paper note, are no part of a title.
    @Test func dotLeadersGo() {
        #expect(BlockFinder.withoutLeader("GODKJENNING AV DAGSORDEN... 2") == "GODKJENNING AV DAGSORDEN")
        #expect(BlockFinder.withoutLeader("Budsjett 2022 ........ 14") == "Budsjett 2022")
        #expect(BlockFinder.withoutLeader("Budsjett 2022") == "Budsjett 2022")
        #expect(BlockFinder.withoutLeader("Konstituering (saksfremlegg)") == "Konstituering")
        #expect(BlockFinder.withoutLeader("Uttalelse om struktur (Ettersendes)") == "Uttalelse om struktur (Ettersendes)")
    }

    /// Issue 13 point 4 on the corpus: a council's and a traffic safety committee's decisions that set a
    /// condition ("Det forutsettes at …") are adopted, not postponed.
    @Test(arguments: [("1273.txt", "PS 40/26"), ("1351.txt", "PS 1/26")])
    func conditionsAreNoPostponement(file: String, number: String) throws {
        guard let folder = Corpus.folder("minutes") else { return }
        let document = try DocumentReader().read(fileAt: folder.appendingPathComponent(file))
        let item = try #require(document.items.first { $0.number.description == number })
        #expect(item.decision?.contains("forutsettes") == true)
        #expect(item.outcome == .adopted)
    }

    /// Two-digit numbers written year first ("BU 14/72", a borough council) read as 72/14 once three of them
    /// share their first part; an agenda's typing slip ("8/18" beside "8/19") stays as written.
    @Test func yearFirstWithTwoDigitsOnBothSides() {
        let numbers = [ItemNumber(series: nil, sequence: 14, year: 1972), ItemNumber(series: nil, sequence: 14, year: 1973),
                       ItemNumber(series: nil, sequence: 14, year: 1974)]
        let years = YearFirstNumbers.yearsWrittenFirst(numbers)
        #expect(numbers.map { YearFirstNumbers.swapped($0, years: years).description } == ["72/14", "73/14", "74/14"])
        #expect(YearFirstNumbers.yearsWrittenFirst([ItemNumber(series: nil, sequence: 8, year: 2018),
                                                    ItemNumber(series: nil, sequence: 8, year: 2019)]).isEmpty)
    }

    /// Items numbered by position only ("Sak 3 Title", an IKS's representatives' meeting) take the meeting's
    /// year, and their decisions are the sentences that state them, as such minutes print no labels.
    @Test func positionsAndDecisionsInProse() {
        let text = """
        Protokoll Representantskapet 15. april 2016

        Sak 1        Åpning ved Representantskapets leder

        Robin Kåss var møteleder. Innkallingen ble enstemmig godkjent.

        Sak 2        Opptelling av stemmer

        Alle eierkommunene var representert. Møtet var beslutningsdyktig.

        Sak 3        Valg av to til å undertegne protokollen

        Representantskapet fattet følgende enstemmige vedtak:

        Henriette Fluer Vikre og Magnus Straume velges.
        """
        let document = DocumentReader().read(text: text)
        #expect(document.items.map(\.number.description) == ["1/16", "2/16", "3/16"])
        #expect(document.items.map(\.decision) == ["Innkallingen ble enstemmig godkjent.", nil, "Henriette Fluer Vikre og Magnus Straume velges."])
        // A second layout (a regional council's minutes): the deciding sentence after an account of the discussion.
        #expect(ItemBlockReader.unlabelledDecision(in: "Rådmennene drøftet saken. Regionrådet tok informasjonen til orientering.")
                == "Regionrådet tok informasjonen til orientering.")
    }

    /// Positions never stand beside full numbers: "Sak 1" in a document of "Sak 8/19" headings is no item.
    @Test func positionsYieldToFullNumbers() {
        let document = DocumentReader().read(text: "Møteprotokoll\nUtvalg: Formannskapet\nDato: 13.02.2019\n\nSak 8/19 Budsjett\n\nSak 1 Innledning\n\nTekst.")
        #expect(document.items.map(\.number.description) == ["8/19"])
    }

    /// A day and month without a year take the year their line gives (a regional council's "Møte: 6/2014
    /// Tid: Fredag 7. november", a parliament's "plenumsmøte 2.-5. desember 2025" style heading).
    @Test func dayAndMonthTakeTheLinesYear() {
        let lines = "PROTOKOLL MØTE I REGIONRÅDET Møte: 6/2014 Tid: Fredag 7. november kl. 09:00".sourceLines()
        #expect(BodyFinder.firstDate(in: lines)?.date.description == "2014-11-07")
        #expect(BodyFinder.firstDate(in: "Plenumsmøtet starter tirsdag 2. desember, møteplan 2025".sourceLines())?.date.description == "2025-12-02")
        #expect(BodyFinder.firstDate(in: "Fredag 7. november".sourceLines()) == nil)
    }

    /// A glued agenda that lost a number's digits ("/2016 Årsmelding" between 02/2016 and 04/2016, a control
    /// committee; "/13 Spørsmål" after 001/13, a working environment committee) gets the sequence after the previous.
    @Test func lostDigitsBetweenNeighbours() {
        let committee = "SAKSLISTE SAK NR. INNHOLD 01/2016 Godkjenning av saksliste og innkalling 02/2016 Godkjenning av protokoll fra møte /2016 Årsmelding 2015 for kontrollutvalget 04/2016 Forvaltningsrevisjonsrapport"
        #expect(GluedLineSplitter.split(committee.sourceLines()).map(\.text).contains("3/2016 Årsmelding 2015 for kontrollutvalget"))
        let amu = "Saksliste: Sak nr. Sakstittel L 001/13 Avgjøres av utvalget: Valg av leder - AMU i perioden /13 Spørsmål/orienteringer i Arbeidsmiljøutvalgets møte /13 Godkjenning av protokoll fra møtet"
        let pieces = GluedLineSplitter.split(amu.sourceLines()).map(\.text)
        #expect(pieces.contains("2/13 Spørsmål/orienteringer i Arbeidsmiljøutvalgets møte"))
        #expect(pieces.contains("3/13 Godkjenning av protokoll fra møtet"))
    }

    /// "OR 21/19" among year-first "PS 21/137" numbers (a council's second series) is 19/21.
    @Test func secondSeriesWrittenYearFirst() {
        var headings = [ItemNumber(series: .political, sequence: 137, year: 2021), ItemNumber(series: .political, sequence: 138, year: 2021),
                        ItemNumber(series: Series("OR"), sequence: 21, year: 2019)].enumerated().map {
            ItemHeading(number: $1, raw: "", title: "T", line: $0, lastIndex: $0, firstIndex: $0, kindText: nil)
        }
        var tables: [ItemTable] = []
        YearFirstNumbers.fix(&headings, &tables)
        #expect(headings.map(\.number.description) == ["PS 137/21", "PS 138/21", "OR 19/21"])
    }

    /// A glued item that goes on into its text loses the break after its title where a capital follows a
    /// word in lower case (a regional board in 2007, a regional council in nynorsk in 2014); an agenda entry
    /// without sentences keeps its whole title.
    @Test func lostBreakAfterATitle() {
        #expect(GluedLineSplitter.cutLostBreak("Sak 14/07: Godkjenning av innkalling til møtet Innkalling til møtet godkjennes. Videre ble det orientert.")
                == ["Sak 14/07: Godkjenning av innkalling til møtet", "Innkalling til møtet godkjennes. Videre ble det orientert."])
        #expect(GluedLineSplitter.cutLostBreak("Sak 47/14 Godkjenning, møteinnkalling og saksliste Møteinnkalling og saksliste vart godkjent utan merknadar.").first
                == "Sak 47/14 Godkjenning, møteinnkalling og saksliste")
        #expect(GluedLineSplitter.cutLostBreak("SR-sak 33/14 Utviklingsprogram for byregioner Bodø og Salten Hilde Sjurelv innleder")
                == ["SR-sak 33/14 Utviklingsprogram for byregioner Bodø og Salten Hilde Sjurelv innleder"])
    }

    /// A letter and a dash before the number ("R-02/19", a regional council) mark an item as "Sak" does.
    @Test func letterDashNumbers() throws {
        let found = try #require(ItemNumberScanner.leading(in: "R-06/19    “Næringsvennlig Region” – endret finansiering."))
        #expect(found.number.description == "6/19" && found.hasCaseWord)
        #expect(BlockFinder.heading(in: SourceLine(number: 1, text: "R-06/19    “Næringsvennlig Region” – endret finansiering.")) != nil)
    }

    /// A body known by a short proper name is named where its members are listed ("Medlemmer av Skate",
    /// in bokmål and in nynorsk), and a board the same way ("Medlemmar av styret"); "…området" (an area)
    /// ends like "…rådet" but names no council.
    @Test func bodyFromTheListOfItsMembers() {
        let bokmål = "Hopp til hovedinnhold\n\nPå agendaen sto råd på informasjonssikkerhetsområdet.\n\n  Deltakelse\n\n  Medlemmer av Skate\n\n  Inga Bolstad, Arkivverket"
        let nynorsk = "Hopp til hovudinnhald\n\nDeltaking\n\nMedlemmar av Skate\n\n • Steffen Sutorius, Digitaliseringsdirektoratet (Digdir)"
        #expect(DocumentReader().read(text: bokmål).body == "Skate")
        #expect(DocumentReader().read(text: nynorsk).body == "Skate")
        #expect(BodyFinder.body(inText: "Medlemmar av styret:") == "Styret")
        #expect(BodyFinder.body(inText: "Informasjonssikkerhetsområdet") == nil)
        #expect(BodyFinder.body(inText: "Medlemmer av Skate deltok, og andre") == nil)
    }

    /// An agenda as a bulleted list of numbered entries (a national council's web minutes in bokmål and in
    /// nynorsk): each entry an item, the line under it (who presents it) no part of its title; a bullet
    /// without a number right after it opens nothing.
    @Test func bulletedNumberedAgenda() {
        let bokmål = """
            Saksliste

            Saker til behandling

              • 1/22 Kun én gang: Hvordan kommer vi dit?
               Digitaliseringsdirektoratet/Knut Bjørgaas
              • 2/22 Status og utfordringer i offentlig sektor mht. styring og kontroll på informasjonssikkerhetsområdet - Råd fra Skate
               Digitaliseringsdirektoratet/Knut Bjørgaas
            """
        let nynorsk = """
            Saksliste

            Saker til behandling

             • 7/20 Korleis sikre reell samhandling og samstyring mellom kommune og stat i digitaliseringsarbeidet - Råd frå Skate
              KS/Asbjørn Finstad
              Saka er utarbeidd av KS i samarbeid med Direktoratet for eHelse
             • 8/20 Organisering, styring og finansiering
             • Orientering om sak 9/20 Budsjett
            """
        let first = DocumentReader().read(text: bokmål).items
        #expect(first.map(\.number.description) == ["1/22", "2/22"])
        #expect(first.last?.title == "Status og utfordringer i offentlig sektor mht. styring og kontroll på informasjonssikkerhetsområdet - Råd fra Skate")
        let second = DocumentReader().read(text: nynorsk).items
        #expect(second.map(\.number.description) == ["7/20", "8/20"])
        #expect(second.first?.title == "Korleis sikre reell samhandling og samstyring mellom kommune og stat i digitaliseringsarbeidet - Råd frå Skate")
    }

    /// A glued saksliste whose rows hold the item's number, then the archive's case number of the same
    /// shape, then the title (a council in 2011, an IKS board in 2016): cut before each item's number only;
    /// the archive's number is no part of the title, and a number that breaks the run of its neighbours
    /// ("2/2016" between 16/16 and 17/16) stays in its title.
    @Test func gluedAgendaWithArchiveNumbers() {
        let council = "SAKSLISTE Saksnr. Arkivsaksnr. Tittel 64/11 11/890 BUDSJETT 2012 OG ØKONOMIPLAN /11 11/1741 EGENKAPITALINNSKUDD KLP 66/11 10/1935 TILBUD OM KJØP AV GRUNN FRA GRETTE GBNR 59/1 67/11 11/1624 REVISJONSRAPPORT VEDR. SALG AV HOV MØBEL EIENDOM AS"
        let board = "SAKSLISTE 14/16 16/192 Revisors beretning 2015 15/16 16/216 Foreløpig budsjett 2017 16/16 16/218 Regulert investeringsbudsjett 2/2016 Orientringssak 17/16 16/224 Status i arbeidet med sammenslåing av 110-sentraler - Styremøte 20.04.16"
        let councilItems = DocumentReader().read(text: "Møteprotokoll\n\nKommunestyret\n\nMøtedato: 01.12.2011\n\n" + council).items
        #expect(councilItems.map(\.number.description) == ["64/11", "65/11", "66/11", "67/11"])
        #expect(councilItems.map(\.title) == ["BUDSJETT 2012 OG ØKONOMIPLAN", "EGENKAPITALINNSKUDD KLP", "TILBUD OM KJØP AV GRUNN FRA GRETTE GBNR 59/1",
                                             "REVISJONSRAPPORT VEDR. SALG AV HOV MØBEL EIENDOM AS"])
        let boardItems = DocumentReader().read(text: "Møteinnkalling\n\nStyret\n\nMøtedato: 20.04.2016\n\n" + board).items
        #expect(boardItems.map(\.number.description) == ["14/16", "15/16", "16/16", "17/16"])
        #expect(boardItems.first?.title == "Revisors beretning 2015")
        #expect(boardItems[2].title.hasPrefix("Regulert investeringsbudsjett 2/2016"))
    }

    /// Minutes from outside the case systems number their items by place in a list under "Agenda" or
    /// "Saksliste" (a national working group's Markdown in 2024, a board's nynorsk minutes): each entry an
    /// item, the meeting's year its year. A numbered list under no agenda heading, or beside items with
    /// numbers of their own, is no agenda.
    @Test func numberedListUnderAnAgendaHeading() {
        let group = """
            # Møtereferat fra møte i feature-team for informasjonsmodell - 16.04.2024

            ## Agenda

            1. Gjennomgang av agendaen - akseptert av arbeidsgruppa?
            2. Tilbakemeldinger på notater
            3. Planlegge neste møte

            ## Saksgrunnlag og referat
            """
        let board = "Referat frå styremøte 12.03.2019\n\nSaksliste:\n1) Godkjenning av innkalling\n2) Rekneskap for 2018\n\nMøtet vart heva."
        let first = DocumentReader().read(text: group).items
        #expect(first.map(\.number.description) == ["1/24", "2/24", "3/24"])
        #expect(first.last?.title == "Planlegge neste møte")
        #expect(DocumentReader().read(text: board).items.map(\.title) == ["Godkjenning av innkalling", "Rekneskap for 2018"])
        #expect(DocumentReader().read(text: "Referat 12.03.2019\n\nVi ble enige om:\n1. Godkjenning av innkalling\n2. Rekneskap for 2018").items.isEmpty)
        let numbered = "Saksliste\n1. Godkjenning\n2. Budsjett\n\nSak 8/19 Budsjett for 2020\n\nVedtak:\nVedtatt."
        #expect(DocumentReader().read(text: numbered).items.map(\.number.description) == ["8/19"])
    }

    /// Labels inside a text layer's glued lines (a council's summons in 2009, a control committee's in 2016,
    /// an executive committee's minutes in 2015 with a space before the colon) stand on lines of their own,
    /// so the proposal and the decision are read as in any other layout; "følgende vedtak:" in a sentence is no label.
    @Test func labelsInsideGluedLines() {
        let council = "57/09 Kommunestyret SØK AD OM FRITAK FRA POLITISKE VERV - A E GRETE JOHA SE, KOKELV Ordførers innstilling: Kommunestyret vedtar å gi Anne Grete Johansen fritak fra sine politiske verv."
        let committee = "Saken er obligatorisk i alle møtene i utvalget. Saklisten er gjennomgått med utvalgets leder på forhånd. Sekretariatets forslag til vedtak: Saksliste og innkalling til møte godkjennes."
        let minutes = "Protokoll fra forrige møte godkjennes. Rådmannens innstilling enstemmig vedtatt (7 st.). Formannskapets vedtak : Protokoll fra forrige møte godkjennes. Formannskapet fattet følgende vedtak: ingenting mer."
        #expect(ItemBlockReader.read(council.sourceLines()).proposal?.hasPrefix("Kommunestyret vedtar å gi Anne Grete Johansen fritak") == true)
        #expect(ItemBlockReader.read(committee.sourceLines()).proposal?.hasPrefix("Saksliste og innkalling til møte godkjennes.") == true)
        let cut = ItemBlockReader.cuttingGluedLabels(minutes.sourceLines()).map(\.text)
        // The vote on the proposal starts a line of its own too: the sentence before it is the proposal it adopted.
        #expect(cut == ["Protokoll fra forrige møte godkjennes.", "Rådmannens innstilling enstemmig vedtatt (7 st.).", "Formannskapets vedtak :",
                        "Protokoll fra forrige møte godkjennes. Formannskapet fattet følgende vedtak: ingenting mer."])
        #expect(ItemBlockReader.read(minutes.sourceLines()).decision?.hasPrefix("Protokoll fra forrige møte godkjennes.") == true)
    }
}
