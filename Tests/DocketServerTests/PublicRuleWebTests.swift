import Foundation
import Testing

/// The one public rule on the web: a word planted in every field of an exempt item (as the CLI's
/// PublicRuleTests plant them) appears in no public page, paper, feed, calendar or OParl response.
@Suite(.serialized) struct PublicRuleWebTests {
    static let secrets = ["HemmeligordTittel", "HemmeligordGrunnlag", "HemmeligordSakstekst", "HemmeligordForslag", "HemmeligordArkiv",
                          "HemmeligordVedtak", "HemmeligordMerknad", "HemmeligordVedlegg", "HemmeligordInnhold", "HemmeligordInhabil",
                          "HemmeligordAlternativ"]

    static func planted() throws -> String {
        let folder = try SampleData.folder()
        let db = folder.appending(path: "docket.sqlite").path
        func run(_ arguments: String...) throws { try SampleData.docket(db, arguments, in: folder) }
        try run("init")
        try run("org", "add", "Fjordvik kommune", "--member")
        try run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group")
        try run("member", "add", "Ingrid Fjeld", "--body", "styringsgruppen", "--role", "chair", "--org", "Fjordvik kommune")
        try run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00")
        try run("item", "add", "styringsgruppen@2019-02-13", "--title", "Personalsak HemmeligordTittel", "--kind", "discussion",
                "--basis", "HemmeligordGrunnlag", "--text", "HemmeligordSakstekst. Jf. sak 7/19.", "--proposal", "HemmeligordForslag",
                "--archive-case", "2019/HemmeligordArkiv", "--exempt", "--exemption-basis", "offl. § 13", "--public-title", "Sak om personale")
        try run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett", "--kind", "decision", "--text", "Se sak 5/19 om dette.",
                "--proposal", "Vedtas.")
        try run("item", "add", "styringsgruppen@2019-02-13", "--title", "Regnskap", "--kind", "decision", "--proposal", "Godkjennes.")
        try run("item", "add", "styringsgruppen@2019-02-13", "--title", "Oppfølging", "--kind", "decision", "--proposal", "Tas til etterretning.",
                "--same-case-as", "styringsgruppen 5/19")
        try Data("HemmeligordInnhold i vedlegget.\n".utf8).write(to: folder.appending(path: "HemmeligordVedlegg.txt"))
        try run("attach", "styringsgruppen 5/19", folder.appending(path: "HemmeligordVedlegg.txt").path)
        try run("conflict", "record", "styringsgruppen 5/19", "--member", "Ingrid Fjeld", "--reason", "HemmeligordInhabil")
        try run("proposal", "add", "styringsgruppen 5/19", "--by", "Ingrid Fjeld", "--text", "HemmeligordAlternativ")
        try run("decision", "record", "styringsgruppen 5/19", "--on-proposal", "1", "--for", "2", "--against", "11")
        try run("decision", "record", "styringsgruppen 5/19", "--text", "HemmeligordVedtak", "--outcome", "amended",
                "--for", "13", "--against", "11", "--remarks", "HemmeligordMerknad")
        for number in ["1/19", "2/19", "3/19", "4/19", "6/19", "7/19", "8/19"] {
            try run("decision", "record", "styringsgruppen \(number)", "--unanimous")
        }
        return db
    }

    static func leaks(_ text: String) -> [String] {
        let lowered = text.lowercased()
        var found = secrets.filter { lowered.contains($0.lowercased()) }
        if lowered.contains("personalsak") { found.append("the title's Personalsak") }
        if lowered.contains("13 mot 11") || lowered.contains("2 mot 11") { found.append("its votes") }
        return found
    }

    @Test func noPublicResponseShowsAnExemptItemsText() async throws {
        let server = try await TestServer.start(database: try Self.planted())
        defer { server.stop() }
        var paths = ["/", "/utvalg/styringsgruppen", "/utvalg/styringsgruppen/moteplan.ics", "/utvalg/styringsgruppen/feed.atom",
                     "/mote/styringsgruppen/2019-02-13", "/mote/styringsgruppen/2019-02-13/mote.ics",
                     "/sak/styringsgruppen/5-19", "/sak/styringsgruppen/6-19", "/sak/styringsgruppen/7-19", "/sak/styringsgruppen/8-19",
                     "/sok?utvalg=styringsgruppen", "/tilgjengelighet"]
        for word in Self.secrets + ["personalsak", "Personale", "sak"] { paths.append("/sok?q=\(word)") }
        for kind in ["innkalling", "protokoll"] {
            for format in ["html", "docx"] { paths.append("/mote/styringsgruppen/2019-02-13/\(kind).\(format)") }
        }
        for language in ["en", "nn"] {
            paths += ["/mote/styringsgruppen/2019-02-13?lang=\(language)", "/sak/styringsgruppen/5-19?lang=\(language)",
                      "/utvalg/styringsgruppen/feed.atom?lang=\(language)"]
        }
        var checked = 0
        for path in paths {
            let page = try await server.get(path)
            #expect(page.status == 200, "\(path)")
            var text = page.text
            if path.hasSuffix(".docx") { text = try Self.unzipped(page.body) }
            // The search form shows back what the visitor typed; the rest of the page must not.
            if path.hasPrefix("/sok?q=") {
                // (in the field and in the links to this search in other languages)
                text = text.replacing(/<input id="q"[^>]*>/, with: "").replacing(/href="\/sok\?q=[^"]*"/, with: "")
                #expect(text.contains("Ingen treff.") || !path.contains("Hemmeligord"), "\(path) finds the exempt item")
            }
            #expect(Self.leaks(text).isEmpty, "\(path) shows \(Self.leaks(text))")
            checked += 1
        }
        // The meeting page still shows the exempt item's number, public title and legal basis.
        let meeting = try await server.get("/mote/styringsgruppen/2019-02-13")
        #expect(meeting.text.contains("5/19") && meeting.text.contains("Sak om personale") && meeting.text.contains("offl. § 13"))
        // The attachment of the exempt item is not served, whatever its id.
        for id in 1...5 { #expect(try await server.get("/vedlegg/\(id)").status == 404) }
        // And the whole OParl API.
        for object in try await OParlTests.walk(server) {
            let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            #expect(Self.leaks(json).isEmpty, "\(object["id"] ?? "?") shows \(Self.leaks(json))")
            checked += 1
        }
        #expect(checked > 40)
    }

    /// The text of every part of a DOCX.
    static func unzipped(_ data: Data) throws -> String {
        let folder = try SampleData.folder()
        let file = folder.appending(path: "paper.docx")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(''.join(z.read(n).decode('utf-8','replace') for n in z.namelist()))", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }
}
