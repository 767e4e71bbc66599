import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// Issue 14, point 4 (second half): after `decision correct`, `docket show` and the minutes in every
/// format and language say what was corrected, when and why, with the text it replaced; `show`
/// gives the item's conflicts of interest and alternative proposals with their votes; the decision
/// register words a tie as decided by the chair's casting vote.
@Suite(.serialized) struct CorrectionOnRecordTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
        try SecretaryMeeting(docket: docket, dir: dir).build()
    }

    func minutes(_ format: String, language: String = "nb") throws -> String {
        let file = dir.path("protokoll-\(language).\(format)")
        let result = try docket.run("minutes", SecretaryMeeting.meeting, "--format", format, "--language", language, "-o", file)
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "docx":
            let archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
            var document = Data()
            if let entry = archive["word/document.xml"] { _ = try archive.extract(entry) { document.append($0) } }
            return String(decoding: document, as: UTF8.self)
        case "pdf":
            return try pdfText(file)
        default:
            return try String(contentsOfFile: file, encoding: .utf8)
        }
    }

    @Test func showSaysWhatWasCorrectedWhenAndWhyWithTheOriginalText() throws {
        let show = try docket.run("show", SecretaryMeeting.grantItem)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Tilskudd på 150 000 kroner innvilges."))
        #expect(show.stdout.contains("Rettet 20.06.2019: Beløpet var skrevet feil i protokollen."), "\(show.stdout)")
        #expect(show.stdout.contains("Opprinnelig tekst: Tilskudd på 100 000 kroner innvilges."))
        // The conflict and the alternative proposal with its vote, by name.
        #expect(show.stdout.contains("Dag Eng erklærte seg inhabil (styreleder i Haugaland Vekst) og fratrådte."))
        #expect(show.stdout.contains("1. Forslag fra Kari Nord: Saken utsettes til neste møte."))
        #expect(show.stdout.contains("Forslaget fra Kari Nord falt med 1 mot 3 stemmer."))
        #expect(show.stdout.contains("Mot: Lise Vik, Per Kristian Vareide, Per Sør."), "\(show.stdout)")
        #expect(show.stdout.contains("Vedtatt med 3 mot 1 stemme"))
        let json = try docket.run("show", SecretaryMeeting.grantItem, "--json")
        let story = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let corrections = try #require(story["corrections"] as? [[String: Any]])
        #expect(corrections.first?["oldValue"] as? String == "Tilskudd på 100 000 kroner innvilges.")
        #expect((story["proposals"] as? [Any])?.count == 1)
        #expect((story["conflicts"] as? [Any])?.count == 1)
    }

    @Test(arguments: ["md", "html", "txt", "docx", "pdf"])
    func theMinutesPrintTheCorrectionWithTheOriginalText(format: String) throws {
        let text = try minutes(format)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Rettet 20.06.2019: Beløpet var skrevet feil i protokollen."), "\(format): \(flat.suffix(1500))")
        #expect(flat.contains("Opprinnelig vedtak:"), "\(format)")
        #expect(flat.contains("Tilskudd på 100 000 kroner innvilges."), "\(format): the original text")
        #expect(flat.contains("Tilskudd på 150 000 kroner innvilges."), "\(format): the corrected text")
        let original = try #require(flat.range(of: "Tilskudd på 100 000"))
        let line = try #require(flat.range(of: "Rettet 20.06.2019"))
        #expect(line.lowerBound < original.lowerBound, "\(format): the reason comes before the text it replaced")
    }

    @Test func theCorrectionIsInTheLanguageOfThePaper() throws {
        let english = try minutes("md", language: "en")
        #expect(english.contains("Corrected 20 June 2019: Beløpet var skrevet feil i protokollen."), "\(english)")
        #expect(english.contains("Original decision:"))
        let nynorsk = try minutes("txt", language: "nn")
        #expect(nynorsk.contains("Retta 20.06.2019: Beløpet var skrevet feil i protokollen."))
        #expect(nynorsk.contains("Opphavleg vedtak:"))
    }

    @Test func aCorrectionNeedsAReasonAndChangesNothingWithoutOne() throws {
        let before = try databaseBytes(docket.database)
        let noReason = try docket.run("decision", "correct", SecretaryMeeting.grantItem, "--text", "Noe annet.", "--reason", " ")
        #expect(noReason.status != 0)
        #expect(noReason.stderr.contains("a correction needs a reason"))
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func theRegisterWordsATieAsDecidedByTheChairsCastingVote() throws {
        let register = try docket.run("decisions", "--body", "styringsgruppen", "--year", "2019")
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.stdout.contains("Vedtatt med 2 mot 2 stemmer ved møteleders dobbeltstemme, 1 avsto"), "\(register.stdout)")
        #expect(!register.stdout.contains("Falt med 2 mot 2"))
        let show = try docket.run("show", SecretaryMeeting.tieItem)
        #expect(show.stdout.contains("ved møteleders dobbeltstemme"))
        #expect(try minutes("txt").contains("Vedtatt med 2 mot 2 stemmer ved møteleders dobbeltstemme, 1 avsto"))
    }
}
