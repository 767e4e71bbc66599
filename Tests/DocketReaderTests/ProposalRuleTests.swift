@testable import DocketReader
import DocketModel
import Testing

/// Rules that find an item's proposal (and keep its decision apart) in other bodies' layouts: each on an
/// excerpt of a corpus document (`../shared/corpus/other-bodies`) and on one of another layout.
@Suite struct ProposalRuleTests {
    private func minutes(_ items: String) -> ReadDocument {
        DocumentReader().read(text: "Møteprotokoll\nUtvalg: Kommunestyret\nMøtedato: 15.12.2021\n\n" + items)
    }

    /// No label: the text a case system prints above the first stage of the case's path ("15.12.2021
    /// Kommunestyret", a handling, a vote) is the proposal, when the bodies then decided on it.
    @Test func proposalAboveTheCasesPath() throws {
        // A council in nynorsk (the meeting line under the text).
        let nynorsk = minutes("""
        067/21: Godkjenning av innkalling og sakliste

        Innkalling og sakliste vert godkjent slik dei ligg føre

        15.12.2021 Kommunestyret

        Handsaming:
        Røysting - samrøystes:

        KOM- 067/21 Vedtak:
        Innkalling og sakliste vert godkjent slik dei ligg føre med følgjande tilleggssak:
        081/21 Møteplan 2022
        """)
        let first = try #require(nynorsk.items.first)
        #expect(first.proposal == "Innkalling og sakliste vert godkjent slik dei ligg føre")
        #expect(first.decision?.hasPrefix("Innkalling og sakliste vert godkjent slik dei ligg føre med") == true)
        #expect(first.outcome == .amended)
        #expect(first.caseText?.contains("vert godkjent") != true)
        // A board's minutes in bokmål: a vote sentence as the first stage.
        let bokmål = minutes("""
        108/21: Kommunens representant i styret for Gammelbutikken AS
        1. Styremedlem - Eirik Woie
        1. Vararepresentant - Britt M. Olsen

        Forslag til vedtak ble enstemmig vedtatt med 19 stemmer.

        KS- 108/21 Vedtak:
        1. Styremedlem - Eirik Woie
        1. Vararepresentant - Britt M. Olsen
        """)
        let item = try #require(bokmål.items.first)
        #expect(item.proposal == "1. Styremedlem - Eirik Woie\n1. Vararepresentant - Britt M. Olsen")
        // A heading broken over two lines: its second line finishes the title and is no part of the proposal.
        let opening = "Gammelbutikken AS i Alsvåg\n1. Styremedlem - Eirik Woie".sourceLines()
        #expect(ItemBlockReader.openingProposal(opening, title: "Kommunens representant i styret for flytting av Gammelbutikken AS i Alsvåg")?.proposal
                == "1. Styremedlem - Eirik Woie")
        #expect(item.outcome == .adopted)
    }

    /// An opening text the bodies never decided on (a reply, a table, a label's remnant) is no proposal.
    @Test func openingTextThatWasNotDecidedIsNoProposal() throws {
        let document = minutes("""
        194/21: Interpellasjon om Bionova

        Takk for interpellasjonen. Jeg er glad for at vi nådde fram med denne saken.

        Kommunestyret 15.12.2021:

        Behandling:

        KS- 194/21 Vedtak:
        Kommunestyret mener hovedadministrasjonen bør legges til kommunen.
        """)
        let item = try #require(document.items.first)
        #expect(item.proposal == nil)
        #expect(item.outcome == .adopted)
        #expect(item.decision == "Kommunestyret mener hovedadministrasjonen bør legges til kommunen.")
    }

    /// A meeting line ends the proposal above it and the decision of the stage before it: the proposal is
    /// then the decision as written, not "amended".
    @Test func meetingLinesEndProposalsAndDecisions() throws {
        // A council whose lines put the date first (bokmål).
        let first = ItemBlockReader.read("""
        Forslag til vedtak:
        Øksnes kommunestyre vedtar ajourført selskapsavtale.
        14.12.2021 Kommunestyret

        Behandling:
        Innstillingen ble enstemmig vedtatt med 18 stemmer (SP, Frp, H, AP, SV, V)

        KS- 094/21 Vedtak:
        Øksnes kommunestyre vedtar ajourført selskapsavtale.

        30.11.2021 Formannskapet

        Behandling:
        Innstillingen ble enstemmig vedtatt.
        """.sourceLines(), number: ItemNumber(series: nil, sequence: 94, year: 2021))
        #expect(first.proposal == "Øksnes kommunestyre vedtar ajourført selskapsavtale.")
        #expect(first.decision == "Øksnes kommunestyre vedtar ajourført selskapsavtale.")
        #expect(ItemBlockReader.outcome(of: first, kind: nil) == .adopted)
        // A council whose lines put the body first, a colon after the date (nynorsk).
        let second = ItemBlockReader.read("""
        Kommunedirektøren sitt framlegg til vedtak:
        Møtebok frå førre møte vert godkjent.

        Kommunestyret 16.12.2021:

        Handsaming:
        Samrøystes vedteke.

        Vedtak:
        Møtebok frå førre møte vert godkjent.
        """.sourceLines())
        #expect(second.proposal == "Møtebok frå førre møte vert godkjent.")
        #expect(ItemBlockReader.outcome(of: second, kind: nil) == .adopted)
        #expect(ItemBlockReader.isMeetingLine("Hovedutvalg for oppvekst 16.11.2021:"))
        #expect(!ItemBlockReader.isMeetingLine("Tirsdag 8. mars 2005"))
    }

    /// A proposal introduced by a sentence or named by its author's role, on a line of its own or glued
    /// into a line that lost its breaks.
    @Test(arguments: [
        // A fire service board's summons (glued): an introducing sentence.
        ("Brannsjefens virksomhetsrapport 2015 Saksbehandler: Terje Albinson Arkiv: 033 12/16 Styret i 20.04.2016 Brannsjefen anbefaler brannstyret å fatte følgende vedtak: Representantskapet tar brannsjefens virksomhetsrapport 2015 til orientering",
         "Representantskapet tar brannsjefens virksomhetsrapport 2015 til orientering"),
        // A control committee's summons (glued): the secretariat's proposal.
        ("Godkjenning av møteinnkalling Arkivsak-dok. 18/ Saksbehandler Sander Haga Ask Saksgang Møtedato Grimstad kontrollutvalg Forslag fra sekretariatet: Møteinnkallingen godkjennes.",
         "Møteinnkallingen godkjennes."),
        // A council's summons (glued, shorter than the old limit): the mayor's recommendation.
        ("56/09 Kommunestyret GODKJENNING AV PROTOKOLL Ordførers innstilling: Protokoll fra møte godkjennes.",
         "Protokoll fra møte godkjennes."),
        // A made-up association's minutes: the chair's proposal on a line of its own, its text below.
        ("Styreleders forslag:\nÅrsmeldingen godkjennes.", "Årsmeldingen godkjennes."),
        // A made-up nynorsk case paper: the chief executive advises the committee.
        ("Rådmannen rår utvalet til å gjere slikt vedtak:\nPlanen vert send på høyring.", "Planen vert send på høyring."),
    ])
    func proposalsNamedByRoleOrSentence(text: String, proposal: String) {
        #expect(ItemBlockReader.read(text.sourceLines()).proposal == proposal)
    }

    /// A party's motion is no proposal of the item's.
    @Test func aPartysMotionIsNoRolesProposal() {
        #expect(ItemBlockReader.introducedProposalText("Forslag fra Høyre: Saken utsettes.") == nil)
        #expect(ItemBlockReader.introducedProposalText("Høyres forslag: Saken utsettes.") == nil)
        #expect(ItemBlockReader.introducedProposalText("Forslag fra administrasjonen: Saken utsettes.") == "Saken utsettes.")
    }

    /// "… til å fatte slikt" over "Vedtak:" introduces the proposal; the item's own decision follows later.
    @Test(arguments: [
        // A council (bokmål): the mayor's recommendation.
        ("Innstilling:\nOrdfører rår kommunestyret til å fatte slikt\n\nVedtak:\n\nMøteplan 2022 vedtas.\n\nBehandling i Kommunestyret 15.12.2021:\n\nOrdførers innstilling ble enstemmig vedtatt.\n\nKS- 071/21 Vedtak:\nMøteplan 2022 vedtas.",
         "Møteplan 2022 vedtas.", "Møteplan 2022 vedtas."),
        // A made-up county committee (nynorsk).
        ("Tilråding:\nFylkesdirektøren rår utvalet til å gjere følgjande\nvedtak:\nStrategien vert vedteken.\n\nFU- 12/22 Vedtak:\nStrategien vert vedteken med endringar.",
         "Strategien vert vedteken.", "Strategien vert vedteken med endringar."),
    ])
    func introductionEndsInTheDecisionsWord(text: String, proposal: String, decision: String) {
        let fields = ItemBlockReader.read(text.sourceLines(), number: ItemNumber(series: nil, sequence: text.includes("071") ? 71 : 12, year: 2021))
        #expect(fields.proposal == proposal)
        #expect(fields.decision == decision)
    }

    /// A decision label over "Forslag til vedtak:": the decision adopted the proposal as written.
    @Test(arguments: [
        ("Behandling:\nRepresentantforslaget enstemmig vedtatt.\n\nKS- 107/21 Vedtak:\n Forslag til vedtak:\n\n 1. Kommunestyret ber om en orientering.", 107),
        ("Handsaming:\nSamrøystes vedteke.\n\nVedtak:\nFramlegg til vedtak:\n1. Kommunestyret ber om en orientering.", 5),
    ])
    func proposalHeadingInsideTheDecision(text: String, sequence: Int) {
        let fields = ItemBlockReader.read(text.sourceLines(), number: ItemNumber(series: nil, sequence: sequence, year: 2021))
        #expect(fields.decision == "1. Kommunestyret ber om en orientering.")
    }

    /// "Kommunestyrets enstemmige vedtak i samsvar med kommunedirektørens forslag:" is the decision's first line,
    /// and "Vedtak enst.:" is a label with its vote.
    @Test func decisionSentencesAndLabelsWithVotes() {
        let sentence = ItemBlockReader.read("""
        76/2021 Vedtak:
        Kommunestyrets enstemmige vedtak i samsvar med kommunedirektørens forslag:

        Sola kommune inngår et samarbeid med ALLEMED.
        """.sourceLines(), number: ItemNumber(series: nil, sequence: 76, year: 2021))
        #expect(sentence.decision?.hasPrefix("Kommunestyrets enstemmige vedtak i samsvar") == true)
        // A board's minutes and a made-up committee's (nynorsk).
        #expect(ItemBlockReader.read("Saksgrunnlag: Sekretariatet ligg nede.\nVedtak enst.:\nStyret gir fullmakt.".sourceLines()).decision == "Styret gir fullmakt.")
        #expect(ItemBlockReader.read("Vedtak samrøystes:\nPlanen vert vedteken.".sourceLines()).decision == "Planen vert vedteken.")
    }

    /// Template markers ("&&& Fyll inn vedtaket …") and stray marks ("<") are no part of any text.
    @Test func templateMarkersAndStrayMarks() {
        // A working-environment committee's minutes written in a template.
        let template = ItemBlockReader.read("""
        Arbeidsmiljøutvalgs vedtak, enst.:
        &&& Fyll inn vedtaket i saken under denne linjen
        Arbeidsmiljøutvalget tar statistikken til etterretning.
        &&& Fyll inn vedtaket i saken over denne linjen
        """.sourceLines())
        #expect(template.decision == "Arbeidsmiljøutvalget tar statistikken til etterretning.")
        // A council's PDF whose text layer left a "<" over the proposal; a made-up "###" template.
        #expect(ItemBlockReader.read("Innstilling:\n<\n    1. Kommunestyret vedtar planen.".sourceLines()).proposal == "1. Kommunestyret vedtar planen.")
        #expect(ItemBlockReader.read("Vedtak:\n### skriv vedtaket her\nPlanen vedtas.".sourceLines()).decision == "Planen vedtas.")
    }

    /// Minutes in prose: the first motion put is the proposal; the outcome is read from what was decided.
    @Test func proposalsFromMotionsInProse() throws {
        // A parliament's first plenary (OCR'd, 1989).
        let plenary = DocumentReader().read(text: """
        Møtebok
        Sametinget 09.10.1989

        SAK 5/89 VALG AV ORGANISASJONSKOMITE
        1. Steinar Pedersen fremmet følgende forslag til vedtak:
        Det velges en organisasjonskomite på 5 medlemmer.
        Steinar Pedersens forslag ble enstemmig vedtatt.
        """)
        let item = try #require(plenary.items.first)
        #expect(item.proposal == "Det velges en organisasjonskomite på 5 medlemmer.")
        // A council's minutes (2002): the committee's recommendation put by its chair.
        let lines = """
        Kommunestyret s behandling:
        Kontrollutvalgets leder fremmet kontrollutvalgets innstilling:
        Kautokeino kommunes skatteregnskap for 2001 godkjennes.
        Ordfører fremmet kontrollutvalgets innstilling til vedtak.
        """.sourceLines()
        #expect(ItemBlockReader.proposalFromMotion(in: lines) == "Kautokeino kommunes skatteregnskap for 2001 godkjennes.")
    }

    /// A decision that numbers the proposal's points, or marks them otherwise, adopted it as written.
    @Test func listMarksDoNotAmend() {
        var fields = ItemBlockReader.Fields()
        fields.proposal = "•    Kommunestyret vedtar avtalen.\n•    Avtalen trer i kraft straks."
        fields.decision = "7. Kommunestyret vedtar avtalen.\n\n8. Avtalen trer i kraft straks."
        #expect(ItemBlockReader.outcome(of: fields, kind: nil) == .adopted)
        fields.proposal = "Regnskapet godkjennes.\nKr 158 000,- avsettes."
        fields.decision = "Regnskapet godkjennes.\n3. Kr 158 000,- avsettes."
        #expect(ItemBlockReader.outcome(of: fields, kind: nil) == .adopted)
        fields.proposal = "Ingen"
        fields.decision = "1. Kommunestyret ber om en orientering."
        #expect(ItemBlockReader.outcome(of: fields, kind: nil) == .adopted)
    }
    /// One proposal for each body the case goes to ("Innstilling for rådene:", "Innstilling for formannskap og
    /// kommunestyre:"): the one addressed to this body is the item's, else the last.
    @Test func proposalAddressedToThisBody() {
        // A council's case paper (bokmål).
        let council = """
        Innstilling for rådene:
               1. Saken tas til orientering

        Innstilling for formannskap og kommunestyre:
        Forslag til kommuneplanens handlingsdel vedtas.
        """
        #expect(ItemBlockReader.addressedSection(of: council, body: "Kommunestyret") == "Forslag til kommuneplanens handlingsdel vedtas.")
        // A made-up county's paper (nynorsk): the committee's part, before the council's.
        let county = """
        Tilråding til hovudutvalet for samferdsel:
        Hovudutvalet tek saka til vitande.

        Tilråding til fylkestinget:
        Fylkestinget vedtek planen.
        """
        #expect(ItemBlockReader.addressedSection(of: county, body: "Hovudutvalet for samferdsel") == "Hovudutvalet tek saka til vitande.")
        #expect(ItemBlockReader.addressedSection(of: county, body: nil) == "Fylkestinget vedtek planen.")
        #expect(ItemBlockReader.addressedSection(of: "Planen vedtas.", body: "Kommunestyret") == nil)
    }

    /// Minutes without labels that set a date or a figure: "Neste styremøte settes til …" is the decision.
    @Test func settingSentencesDecide() {
        // A board's minutes (bokmål) and a made-up council's (nynorsk).
        #expect(ItemBlockReader.unlabelledDecision(in: "Neste styremøte settes til 19.februar kl 10:00 i Karasjok. Det sendes ut egen innkalling.")
                == "Neste styremøte settes til 19.februar kl 10:00 i Karasjok. Det sendes ut egen innkalling.")
        #expect(ItemBlockReader.unlabelledDecision(in: "Rådet drøfta saka. Neste møte vart sett til 3. mars.") == "Neste møte vart sett til 3. mars.")
    }

    /// Labels and part headings in capitals glued into one line, as older case systems print a case paper:
    /// the label stands on a line of its own and the next heading ends the proposal.
    @Test func capitalLabelsInsideGluedLines() throws {
        // A council's case paper whose text layer lost its breaks (corpus: p25, a municipality's ESA papers).
        let council = minutes("""
        Sak 12/15 MELDINGER - KOMMUNESTYRET

        SKAUN KOMMUNE Utvalgssaksnr: / Arkivkode: Saksbehandler: Gunnhild Landrø Kommunestyret.. SAKEN GJELDER: MELDINGER - KOMMUNESTYRET.. RÅDMANNENS INNSTILLING: Meldingene tas til orientering. SAKSDOKUMENTER:. Rapport refererte journalposter.. Referat regionrådsmøte i Orkdalsregionen
        """)
        let meldinger = try #require(council.items.first)
        #expect(meldinger.proposal == "Meldingene tas til orientering.")
        #expect(meldinger.caseText?.contains("Rapport refererte journalposter") == true)
        // A board's paper in nynorsk with another label and heading.
        let board = minutes("""
        Sak 3/15 Årsmelding for styret

        Saksbehandlar: Ola Nordmann Styret i regionrådet, møte 15.12.2021, arkivsak 15/233. DAGLEG LEIARS TILRÅDING: Styret godkjenner årsmeldinga for 2014. SAKSOPPLYSNINGER: Årsmeldinga er lagd fram av dagleg leiar og viser aktiviteten i året.
        """)
        let årsmelding = try #require(board.items.first)
        #expect(årsmelding.proposal == "Styret godkjenner årsmeldinga for 2014.")
        #expect(årsmelding.caseText?.contains("Årsmeldinga er lagd fram") == true)
        // Short lines and words in capitals inside a sentence are no labels.
        #expect(ItemBlockReader.cuttingGluedLabels("Saka gjeld VEDTAK: kort.".sourceLines()).count == 1)
    }
}
