import Foundation
import Testing

/// The meeting of issue 14's "done when", built through the real binary as a secretary would:
/// seed 004's steering group on 13 February 2019, with a møteplan table in Markdown (item 9/19, as
/// in the seed), a member who declares a conflict of interest, a split vote on an alternative
/// proposal, a PDF attachment, approved minutes, and a correction of a decision after approval.
struct SecretaryMeeting {
    static let meeting = "styringsgruppen@2019-02-13"
    static let planItem = "styringsgruppen 9/19"
    static let grantItem = "styringsgruppen 10/19"
    static let tieItem = "styringsgruppen 11/19"

    static let planText = """
        Sekretariatet foreslår **følgende** datoer og steder for styringsgruppemøter i 2019:

        | Dato | Tidspunkt | Sted |
        |---|---|---|
        | 13.02.2019 | 12.00 – 14.00 | Sandnes – Quality Hotel Residence |
        | 21.06.2019 | 12.00 – 14.00 | Sjernarøy – Handelsstedet Ramsvig |
        | 04.09.2019 | 12.00 – 14.00 | Strand – Rådhuset i Jørpeland |
        | 11.12.2019 | 12.00 – 14.00 | Haugesund – Rådhuset i Haugesund |

        Møtene legges slik at:

        - de følger *KS' møteplan*,
        - de går på omgang mellom kommunene.

        Se [KS' kalender](https://www.ks.no/kalender) og <script>alert(1)</script> & co.

        1. Første møte i Sandnes
        2. Andre møte på Sjernarøy
        """

    let docket: DocketProcess
    let dir: TemporaryDirectory

    func ok(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> DocketProcess.Result {
        let result = try docket.run(arguments)
        #expect(result.status == 0, "docket \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// The meeting, built once for the whole test run (about five seconds of docket commands) and
    /// copied into each test's database, with the PDF attachment's source beside it.
    private static let built: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appending(path: "docket-secretary-meeting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appending(path: "docket.sqlite").path
        try SecretaryMeeting(docket: DocketProcess(database: database), dir: TemporaryDirectory()).buildFromScratch()
        return database
    }

    /// Puts the meeting into this test's database (a copy of the one built for the run).
    func build() throws {
        let database = try Self.built.get()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.copyItem(atPath: database + suffix, toPath: docket.database + suffix)
        }
    }

    /// Builds the meeting into a new database.
    func buildFromScratch() throws {
        _ = try ok("init")
        _ = try ok("org", "add", "Sandnes kommune", "--member")
        _ = try ok("body", "add", "styringsgruppen", "--name", "Digi Rogalands styringsgruppe", "--kind", "steering-group")
        _ = try ok("member", "add", "Per Kristian Vareide", "--body", "styringsgruppen", "--role", "chair", "--org", "Sandnes kommune")
        for name in ["Dag Eng", "Kari Nord", "Per Sør", "Lise Vik"] {
            _ = try ok("member", "add", name, "--body", "styringsgruppen", "--role", "member", "--org", "Sandnes kommune")
        }
        _ = try ok("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "12:00", "--end", "14:00",
                   "--place", "Quality Hotel Residence / Rådhuset i Sandnes")
        // Items 1–8 stand in for the seed's standing items and earlier business.
        let listing = try ok("item", "list", Self.meeting, "--json").stdout
        let count = (try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [Any])?.count ?? 0
        for number in (count + 1)..<9 {
            _ = try ok("item", "add", Self.meeting, "--title", "Orientering \(number)", "--kind", "information")
        }
        _ = try ok("item", "add", Self.meeting, "--title", "Møteplan 2019", "--kind", "decision", "--basis", "Notat",
                   "--text", Self.planText,
                   "--proposal", "Styringsgruppen vedtar møteplan for styringsgruppen i 2019 med de justeringer som fremkommer i møtet.")
        _ = try ok("item", "add", Self.meeting, "--title", "Tilskudd til velferdsteknologi", "--kind", "decision", "--basis", "Saksframlegg",
                   "--text", "Søknaden fra *Haugaland Vekst* om tilskudd.", "--proposal", "Tilskudd innvilges.")
        _ = try ok("item", "add", Self.meeting, "--title", "Nye faggrupper", "--kind", "decision", "--proposal", "Faggruppene opprettes.")

        // The next meeting, which approves the minutes (its standing items are numbered after these).
        _ = try ok("meeting", "create", "styringsgruppen", "--date", "2019-03-20", "--place", "Rådhuset i Sandnes")
        let numbers = try ok("item", "list", Self.meeting, "--json").stdout
        #expect(numbers.contains("\"9/19\"") && numbers.contains("Møteplan 2019"), "the møteplan is 9/19, as in seed 004")

        // A PDF attachment of item 10/19: the agenda of the March meeting, made by docket itself.
        let pdf = dir.path("soknad.pdf")
        _ = try ok("agenda", "styringsgruppen@2019-03-20", "--format", "pdf", "-o", pdf)
        _ = try ok("attach", Self.grantItem, pdf, "--title", "Søknad fra Haugaland Vekst")
        let note = dir.path("budsjett.txt")
        try "Budsjett for tiltaket.".write(toFile: note, atomically: true, encoding: .utf8)
        _ = try ok("attach", Self.grantItem, note, "--title", "Budsjett")

        _ = try ok("attendance", "record", Self.meeting, "--present", "Per Kristian Vareide", "--present", "Dag Eng",
                   "--present", "Kari Nord", "--present", "Per Sør", "--present", "Lise Vik")
        _ = try ok("decision", "record", Self.planItem, "--unanimous")
        _ = try ok("conflict", "record", Self.grantItem, "--member", "Dag Eng", "--reason", "styreleder i Haugaland Vekst")
        _ = try ok("proposal", "add", Self.grantItem, "--by", "Kari Nord", "--text", "Saken utsettes til neste møte.")
        _ = try ok("decision", "record", Self.grantItem, "--on-proposal", "1", "--for", "Kari Nord",
                   "--against", "Per Sør,Lise Vik,Per Kristian Vareide")
        _ = try ok("decision", "record", Self.grantItem, "--for", "Per Sør,Lise Vik,Per Kristian Vareide", "--against", "Kari Nord",
                   "--text", "Tilskudd på 100 000 kroner innvilges.")
        // A tie, decided by the chair's casting vote.
        _ = try ok("decision", "record", Self.tieItem, "--for", "Per Kristian Vareide,Dag Eng", "--against", "Per Sør,Lise Vik",
                   "--abstaining", "Kari Nord", "--outcome", "adopted")
        _ = try ok("minutes", "approve", Self.meeting, "--at", "styringsgruppen@2019-03-20",
                   "--signer", "Per Kristian Vareide", "--signer", "Kari Nord")
        _ = try ok("decision", "correct", Self.grantItem, "--text", "Tilskudd på 150 000 kroner innvilges.",
                   "--reason", "Beløpet var skrevet feil i protokollen.", "--date", "2019-06-20")
    }
}

/// Runs a tool installed by scripts/setup and returns its standard output; a missing tool fails the test.
func runTool(_ path: String, _ arguments: [String]) throws -> String {
    #expect(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: run scripts/setup")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(path) \(arguments) failed")
    return String(decoding: data, as: UTF8.self)
}

/// A PDF's text, as pdftotext reads it.
func pdfText(_ path: String, layout: Bool = false) throws -> String {
    try runTool("/usr/bin/pdftotext", (layout ? ["-layout"] : []) + [path, "-"])
}
