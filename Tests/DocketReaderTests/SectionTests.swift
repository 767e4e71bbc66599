@testable import DocketReader
import DocketModel
import Foundation
import Testing

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

@Suite struct NumberAloneTests {
    @Test func aNumberEndingABrokenSentenceIsNoHeading() {
        let lines = """
        Spørsmål fra Jens Fredrik Skjelstad (V) ble besvart av ordfører i forbindelse med
        sak OS 5/26
        Saksliste

        Sak 5/19
        Godkjenning av referat
        """.sourceLines()
        let headings = BlockFinder.headings(in: lines, skipping: [], headingTables: [])
        #expect(headings.map(\.number.description) == ["5/19"])
        #expect(headings.first?.title == "Godkjenning av referat")
    }
}

@Suite struct OutcomeTests {
    @Test func outcomesFromDecisionsVotesAndHandling() {
        func outcome(_ text: String) -> Outcome? {
            ItemBlockReader.outcome(of: ItemBlockReader.read(text.sourceLines()), kind: .decision)
        }
        #expect(outcome("Forslag til vedtak:\nPlanen vedtas.\nVedtak:\nPlanen vedtas.") == .adopted)
        #expect(outcome("Forslag til vedtak:\nPlanen vedtas.\nVedtak:\nPlanen vedtas med endringer.") == .amended)
        #expect(outcome("Vedtak:\nSaken utsettes til neste møte.") == .postponed)
        #expect(outcome("Behandling\nSaken ble utsatt.") == .postponed)
        #expect(outcome("Behandling\nForslaget falt mot 4 stemmer.") == .rejected)
        #expect(outcome("Vedtak:\nRapporten tas til orientering.") == .noted)
        #expect(outcome("Vedtak:\nSaken oversendes kommunestyret.") == .referred)
        #expect(outcome("Behandling\nIngen merknader.") == nil)
        // Issue 13 point 4: a condition is no postponement (two bodies of the corpus: a council and a traffic safety committee).
        #expect(outcome("Vedtak:\n1. Tilskudd gis.\n4. Det forutsettes at vegstrekningene oppfyller krav til sikkerhet.") == .adopted)
        #expect(outcome("Vedtak:\nTiltaket kan vurderes. Det forutsettes at kommunen dekker kostnaden.") == .adopted)
        #expect(outcome("Vedtak:\n1. Saken utsettes") == .postponed)
        #expect(outcome("Vedtak:\nSaka vert utsett til neste møte i kommunestyret.") == .postponed)
        #expect(outcome("Vedtak:\nUtsatt.") == .postponed)
        #expect(outcome("Vedtak:\nSaken trekkes fra sakslisten.") == .withdrawn)
        #expect(outcome("Vedtak:\nSaken sendes tilbake til hovedutvalget.") == .referred)
    }
}

@Suite struct PageBreakTableTests {
    @Test func anAgendaGoesOnAfterAPageBreak() throws {
        let text = """
        Saksliste
        Utvalgs-                                                                     Unntatt
        saksnr      Innhold                                                             off.
        PS 10/26    Første sak
        PS 11/26    Andre sak

        \u{0C}Utvalgs-                                                                     Unntatt
        saksnr      Innhold                                                             off.
        PS 12/26    Tredje sak
        RS 1/26     Referatsak

        PS 10/26 Første sak
        """
        let tables = TableReader.tables(in: Normaliser.normalise(text))
        #expect(tables.count == 1)
        #expect(tables.first?.rows.map(\.number.description) == ["PS 10/26", "PS 11/26", "PS 12/26", "RS 1/26"])
    }
}
