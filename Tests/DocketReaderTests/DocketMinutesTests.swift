@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// Minutes as Docket itself writes them (DocketDocuments' minutes template, plain text and the
/// paragraphs of its DOCX): the reader must read its own papers back. ImportBenchmark checks the
/// same over hundreds of rendered meetings; these are the cases it found.
@Suite struct DocketMinutesTests {
    /// The plain-text minutes, as `DocumentRenderer().render(.minutes, of:, as: .text)` writes them.
    static let text = """
        Referat fra møte i Formannskapet

        Tid: 9. januar 2012 kl. 13.00–17.30
        Sted: Teams

        Til stede:
        - Anne Moen
        - Jon Lunde (leder)

        Forfall:
        - Solveig Vik (nestleder)

        Møtende varamedlemmer:
        - Berit Kristiansen (varamedlem), møtt for Solveig Vik

        Andre til stede:
        - Sigrid Vik (sekretariat)

        Referent: Sigrid Vik

        ------------------------------------------------------------------------

        PS 1/12  Budsjettprinsipper for neste år

        Vedtak:

        Formannskapet slutter seg til prinsippene.

        Enstemmig vedtatt

        ------------------------------------------------------------------------

        PS 2/12  Høring om ny plan

        Forslag til vedtak:

        Formannskapet tar høringen til orientering.

        Vedtak:

        Formannskapet gir en uttalelse.

        Vedtatt med 5 mot 2 stemmer

        ------------------------------------------------------------------------

        Referatet er ikke godkjent.

        """

    /// The same minutes as the DOCX's paragraphs reach the reader: one line each, no blank lines,
    /// and a "Saker" heading before the items.
    static var docxText: String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == "-" } }
            .map { $0.hasPrefix("Referent:") ? $0 + "\nSaker" : String($0) }
            .joined(separator: "\n") + "\n"
    }

    @Test(arguments: ["text", "docx"])
    func docketsOwnMinutesReadBack(form: String) throws {
        let read = DocumentReader().read(text: form == "text" ? Self.text : Self.docxText)
        #expect(read.kind == .minutes)
        #expect(read.body == "Formannskapet")
        // The date stands in the "Tid:" line with the times.
        #expect(read.meeting.date == CalendarDate(year: 2012, month: 1, day: 9))
        #expect(read.meeting.start == TimeOfDay(hour: 13, minute: 0) && read.meeting.end == TimeOfDay(hour: 17, minute: 30))
        // A list's bullet is not part of a name; the minute-taker's line and the items' heading end a list.
        let people = (read.attendance + read.otherAttendees).map(\.name)
        #expect(people == ["Anne Moen", "Jon Lunde", "Solveig Vik", "Berit Kristiansen", "Sigrid Vik"])
        let substitute = try #require(read.attendance.first { $0.name == "Berit Kristiansen" })
        #expect(substitute.status == .substitute && substitute.substituteFor == "Solveig Vik")
        #expect(read.items.map(\.number.description) == ["PS 1/12", "PS 2/12"])
        // Neither the rule between items nor the approval line after the last one is part of a decision.
        #expect(read.items.map(\.decision) == ["Formannskapet slutter seg til prinsippene.", "Formannskapet gir en uttalelse."])
        #expect(read.items[1].proposal == "Formannskapet tar høringen til orientering.")
        #expect(read.items[1].vote?.tally == .counted(for: 5, against: 2, abstaining: 0))
    }

    @Test func ruleLinesBecomeBlankLines() {
        let lines = Normaliser.normalise("Vedtak:\nTekst.\n-----\n_______\n==========\n- ikke en strek\n--\n")
        #expect(lines.map(\.text) == ["Vedtak:", "Tekst.", "", "", "", "- ikke en strek", "--"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
    }
}

@Suite struct OutcomeStatementTests {
    @Test func aSentenceOfItsOwnAfterTheDecisionSaysTheOutcomeAndIsNotPartOfTheText() {
        let minutes = """
            Referat fra møte i Formannskapet

            Tid: 9. januar 2012 kl. 13.00–15.00
            Sted: Rådhuset

            PS 1/12  Orientering om økonomi

            Forslag til vedtak:

            Formannskapet tar saken til orientering.

            Vedtak:

            Formannskapet tar orienteringen til etterretning, med merknader.

            Tatt til orientering.

            PS 2/12  Ny bru

            Vedtak:

            Brua bygges.

            Forslaget falt.
            """
        let document = DocumentReader().read(text: minutes)
        let first = document.items.first { $0.number.description == "PS 1/12" }
        #expect(first?.outcome == .noted)
        #expect(first?.decision == "Formannskapet tar orienteringen til etterretning, med merknader.")
        let second = document.items.first { $0.number.description == "PS 2/12" }
        #expect(second?.outcome == .rejected)
        #expect(second?.decision == "Brua bygges.")
    }
}
