import Foundation
import Testing
@preconcurrency import ZIPFoundation

/// One rule for what the public sees: an exempt item shows its number, public title and legal basis,
/// and nothing else, in every public output of every command and format.
///
/// The store is built through the real binary. Every field of one exempt item holds a word found
/// nowhere else (title, document basis, case text, proposal, archive case number, decision,
/// remarks, attachment name and content); other items refer to it, it refers to another, and one
/// is put in its case with `--same-case-as`. Then every public output is searched for those words,
/// and for its kind, outcome and vote, which are also unlike every other item's.
@Suite(.serialized) struct PublicRuleTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    static let meeting = "styringsgruppen@2019-02-13"
    static let exemptItem = "styringsgruppen 5/19"
    static let number = "5/19"
    static let publicTitle = "Sak om personale"
    static let legalBasis = "offl. § 13"
    /// One word for each field of the exempt item.
    static let secrets = [
        "HemmeligordTittel", "HemmeligordGrunnlag", "HemmeligordSakstekst", "HemmeligordForslag", "HemmeligordArkiv",
        "HemmeligordVedtak", "HemmeligordMerknad", "HemmeligordVedlegg", "HemmeligordInnhold", "HemmeligordInhabil",
        "HemmeligordAlternativ",
    ]
    static let attachmentContent = "HemmeligordInnhold i vedlegget.\n"

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    func ok(_ arguments: String..., stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try docket.run(arguments, stdin: stdin, workingDirectory: dir.url)
        #expect(result.status == 0, "docket \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// A meeting with the exempt item 5/19, 6/19 referring to it, 7/19 referred to by it, and 8/19 in its case.
    func planted() throws {
        _ = try ok("init")
        _ = try ok("org", "add", "Fjordvik kommune", "--member")
        _ = try ok("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group")
        _ = try ok("member", "add", "Ingrid Fjeld", "--body", "styringsgruppen", "--role", "chair", "--org", "Fjordvik kommune")
        _ = try ok("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00")
        let added = try ok("item", "add", Self.meeting, "--title", "Personalsak HemmeligordTittel", "--kind", "discussion",
                           "--basis", "HemmeligordGrunnlag", "--text", "HemmeligordSakstekst. Jf. sak 7/19.",
                           "--proposal", "HemmeligordForslag", "--archive-case", "2019/HemmeligordArkiv",
                           "--exempt", "--exemption-basis", Self.legalBasis, "--public-title", Self.publicTitle)
        #expect(added.contains("Added 5/19"))
        _ = try ok("item", "add", Self.meeting, "--title", "Budsjett", "--kind", "decision", "--text", "Se sak 5/19 om dette.",
                   "--proposal", "Vedtas.")
        _ = try ok("item", "add", Self.meeting, "--title", "Regnskap", "--kind", "decision", "--proposal", "Godkjennes.")
        _ = try ok("item", "add", Self.meeting, "--title", "Oppfølging", "--kind", "decision", "--proposal", "Tas til etterretning.",
                   "--same-case-as", Self.exemptItem)
        try Data(Self.attachmentContent.utf8).write(to: dir.url.appending(path: "HemmeligordVedlegg.txt"))
        _ = try ok("attach", Self.exemptItem, dir.path("HemmeligordVedlegg.txt"))
        // A conflict of interest and an alternative proposal with its vote: never public for an exempt item.
        _ = try ok("conflict", "record", Self.exemptItem, "--member", "Ingrid Fjeld", "--reason", "HemmeligordInhabil")
        _ = try ok("proposal", "add", Self.exemptItem, "--by", "Ingrid Fjeld", "--text", "HemmeligordAlternativ")
        _ = try ok("decision", "record", Self.exemptItem, "--on-proposal", "1", "--for", "2", "--against", "11")
        _ = try ok("decision", "record", Self.exemptItem, "--text", "HemmeligordVedtak", "--outcome", "amended",
                   "--for", "13", "--against", "11", "--remarks", "HemmeligordMerknad")
        for number in ["1/19", "2/19", "3/19", "4/19", "6/19", "7/19", "8/19"] {
            _ = try ok("decision", "record", "styringsgruppen \(number)", "--unanimous")
        }
    }

    /// What of the exempt item an output shows, beyond the planted words: its kind (no other item is a
    /// discussion), its outcome (no other is amended) and its vote (13 for, 11 against).
    static func leaks(in output: String) -> [String] {
        let lowered = output.lowercased()
        var found = secrets.filter { lowered.contains($0.lowercased()) }
        let contentBase64 = Data(attachmentContent.utf8).base64EncodedString()
        if output.contains(contentBase64) { found.append("the attachment's content, base64") }
        if lowered.contains("personalsak") { found.append("the title's Personalsak") }
        if lowered.contains("diskusjon") || lowered.contains("discussion") { found.append("its kind") }
        if lowered.contains("endringer") || lowered.contains("amended") { found.append("its outcome") }
        if lowered.contains("inhabil") || lowered.contains("forslaget fra") || lowered.contains("2 mot 11") {
            found.append("its conflict of interest or alternative proposal")
        }
        if lowered.contains("13 mot 11") || output.range(of: #"votes(For|Against)"\s*:\s*1[13]\b"#, options: .regularExpression) != nil {
            found.append("its vote")
        }
        return found
    }

    /// Runs a command and returns what it wrote: standard output, or the file it was told to write
    /// (a DOCX's parts, unzipped; a PDF's text through pdftotext).
    func output(_ arguments: [String], file: String? = nil) throws -> String {
        let result = try docket.run(arguments, workingDirectory: dir.url)
        #expect(result.status == 0, "docket \(arguments.joined(separator: " ")): \(result.stderr)")
        if arguments.contains("ics") { return result.stdout.replacingOccurrences(of: "\r\n ", with: "") }
        guard let file else { return result.stdout }
        let path = dir.path(file)
        defer { try? FileManager.default.removeItem(atPath: path) }
        if file.hasSuffix(".docx") {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            var parts = Data()
            for entry in archive { _ = try archive.extract(entry, consumer: { parts.append($0) }) }
            return String(decoding: parts, as: UTF8.self)
        }
        if file.hasSuffix(".pdf") { return try tool("/usr/bin/pdftotext", [path, "-"]) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func tool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static var canMakePDF: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
    }

    /// Every public output, by what made it, each with whether it lists the exempt item (and so must
    /// show its number and public title).
    func publicOutputs(isPublic: Bool = true) throws -> [(label: String, text: String, listsItem: Bool)] {
        let flag = isPublic ? ["--public"] : []
        var outputs: [(String, String, Bool)] = []
        func add(_ arguments: [String], file: String? = nil, listsItem: Bool = true) throws {
            outputs.append(((arguments + flag).joined(separator: " "), try output(arguments + flag, file: file), listsItem))
        }
        let papers: [[String]] = [["summons"], ["agenda"], ["casepapers"], ["minutes"], ["minutes", "write"]]
        for paper in papers {
            for format in ["md", "html", "txt"] {
                try add(paper + [Self.meeting, "--format", format])
                try add(paper + [Self.meeting, "--format", format, "--language", "en"])
            }
            try add(paper + [Self.meeting, "--format", "docx", "-o", "paper.docx"], file: "paper.docx")
            try add(paper + [Self.meeting, "--format", "md", "-o", "paper.md"], file: "paper.md")
        }
        if Self.canMakePDF {
            for paper in papers.dropLast() {
                try add(paper + [Self.meeting, "--format", "pdf", "-o", "paper.pdf"], file: "paper.pdf")
            }
        }
        for number in ["5/19", "6/19", "7/19", "8/19"] {
            // 6/19 refers to the exempt item and 8/19 shares its case: both list it (the text of the
            // case path has no titles). 7/19 is referred to by the exempt item, which the public may not learn.
            for command in [["show"], ["item", "show"]] {
                try add(command + ["styringsgruppen \(number)"], listsItem: number == "5/19" || number == "6/19")
                try add(command + ["styringsgruppen \(number)", "--json"], listsItem: number != "7/19")
            }
        }
        for word in Self.secrets + ["personalsak", "diskusjon", "endringer", "sak", "budsjett"] {
            try add(["search", word], listsItem: false)
            try add(["search", word, "--json"], listsItem: false)
            try add(["search", word, "--body", "styringsgruppen", "--year", "2019", "--json"], listsItem: false)
        }
        let register = ["decisions", "--body", "styringsgruppen", "--year", "2019"]
        try add(register)
        try add(register + ["--json"])
        try add(register + ["--csv"])
        try add(register + ["--excel"])
        for scope in [[], ["--body", "styringsgruppen", "--year", "2019"]] {
            try add(["export", "--format", "json"] + scope)
            try add(["export", "--format", "json", "-o", "export.json"] + scope, file: "export.json")
            try add(["export", "--format", "csv"] + scope)
            try add(["export", "--format", "csv", "--excel"] + scope)
            try add(["export", "--format", "einnsyn"] + scope)
        }
        try add(["export", "--format", "ics", "--body", "styringsgruppen"])
        return outputs
    }

    @Test func noPublicOutputShowsAnythingOfAnExemptItemButItsNumberTitleAndBasis() throws {
        try planted()
        // The words are really there: the internal outputs, together, show every one of them.
        let unredacted = try publicOutputs(isPublic: false).map(\.text).joined(separator: "\n")
        // (The attachment's content is printed nowhere but in the JSON export, as base64.)
        let planted = Self.secrets.filter { $0 != "HemmeligordInnhold" }
            + ["the attachment's content, base64", "the title's Personalsak", "its kind", "its outcome", "its vote",
               "its conflict of interest or alternative proposal"]
        #expect(Set(Self.leaks(in: unredacted)) == Set(planted))

        let outputs = try publicOutputs()
        #expect(outputs.count > 100)
        for (label, text, listsItem) in outputs {
            let leaks = Self.leaks(in: text)
            #expect(leaks.isEmpty, "docket \(label) shows the exempt item's \(leaks.joined(separator: ", "))")
            guard listsItem else { continue }
            #expect(text.contains(Self.number), "docket \(label) leaves out the exempt item's number")
            #expect(text.contains(Self.publicTitle), "docket \(label) leaves out the exempt item's public title")
        }
        // The exempt item itself: its legal basis, its number and public title.
        let story = try output(["show", Self.exemptItem, "--public"])
        #expect(story.contains("Sak om personale") && story.contains("offl. § 13"))
        let json = try output(["show", Self.exemptItem, "--public", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let item = try #require(object["item"] as? [String: Any])
        #expect(item["title"] as? String == Self.publicTitle && item["exemptionBasis"] as? String == Self.legalBasis)
        #expect(item["kind"] == nil && item["archiveCaseNumber"] == nil && object["decision"] == nil)
        // A public item that refers to the exempt one names it by number and public title.
        let referring = try output(["show", "styringsgruppen 6/19", "--public"])
        #expect(referring.contains("styringsgruppen 5/19  Sak om personale"))
        // Search leaves the exempt item out, but finds the public items.
        #expect(try output(["search", "budsjett", "--public"]).contains("6/19"))
    }

    /// The commands whose public variants ``publicOutputs(isPublic:)`` runs.
    static let coveredCommands: Set<[String]> = [
        ["summons"], ["agenda"], ["casepapers"], ["minutes", "write"], ["show"], ["item", "show"], ["search"], ["decisions"], ["export"],
    ]

    /// Every command, found from `docket --help` down, whose help offers `--public`.
    func commandsWithPublicVariants(under path: [String] = []) throws -> Set<[String]> {
        let help = try docket.run(path + ["--help"]).stdout
        let offersPublic = help.range(of: #"--public(?![-\w])"#, options: .regularExpression) != nil
        var found: Set<[String]> = offersPublic ? [path] : []
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return found }
        for line in help[start.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
            if name == "See" || name == "help" { continue }
            found.formUnion(try commandsWithPublicVariants(under: path + [String(name)]))
        }
        return found
    }

    @Test func theTestCoversEveryCommandWithAPublicVariant() throws {
        // A new public output (a command with --public) must be added to publicOutputs, and go through the rule.
        let found = try commandsWithPublicVariants()
        #expect(found == Self.coveredCommands, "commands with --public: \(found.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") })")
    }

    @Test func aLegalBasisMakesAnItemExempt() throws {
        try planted()
        _ = try ok("item", "add", Self.meeting, "--title", "Klage HemmeligordNy", "--exemption-basis", "offl. § 13")
        let added = try output(["item", "show", "styringsgruppen 9/19", "--json"])
        #expect(added.contains(#""isExempt" : true"#))
        _ = try ok("item", "edit", "styringsgruppen 6/19", "--exemption-basis", "offl. § 14")
        let edited = try output(["item", "show", "styringsgruppen 6/19", "--json"])
        #expect(edited.contains(#""isExempt" : true"#))
        let agenda = try output(["agenda", Self.meeting, "--public"])
        #expect(!agenda.contains("HemmeligordNy") && !agenda.contains("Budsjett"))
        #expect(agenda.contains("9/19") && agenda.contains("6/19"))
    }
}
