import DocketStore
import Foundation
import SQLite
import Testing

/// Findings 11, 12 (the lock), 14 (the command line's parts) of issue 12: names that fold into
/// slugs, bytes a text cannot hold, paths that are not regular files, a writer that waits for
/// another, corrections that must say something, and CSV that never runs as a formula.
@Suite(.serialized) struct HostileInputCommandTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
        try buildSampleCooperation(docket)
    }

    func expectNoRawError(_ result: DocketProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in ["SQLite error", "CHECK constraint", "Cocoa", "Domain=", "NSError", "Permission denied"] {
            #expect(!result.stderr.contains(raw), "raw error: \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Names

    @Test func aSlugWithLettersTheSchemaDoesNotAllowIsRefusedWithTheRuleAndAFoldedSuggestion() throws {
        let before = try databaseBytes(docket.database)
        let result = try docket.run("body", "add", "komité", "--name", "Komité")
        #expect(result.status != 0)
        #expect(result.stderr.contains("'komité' is not a valid slug"), "\(result.stderr)")
        #expect(result.stderr.contains("æ, ø and å") && result.stderr.contains("try 'komite'"), "\(result.stderr)")
        expectNoRawError(result)
        #expect(try databaseBytes(docket.database) == before)
        #expect(try docket.run("body", "add", "komite", "--name", "Komité").status == 0)
        #expect(try docket.run("body", "add", "fg-øst", "--name", "Faggruppe øst").status == 0)
    }

    @Test func minutesOfABodyWithAnAccentedNameRegisterTheBodyUnderAFoldedSlug() throws {
        let generated = try docket.run("minutes", "styringsgruppen@2024-12-11", "--format", "txt")
        try #require(generated.status == 0)
        let text = generated.stdout.replacingOccurrences(of: "Digi Fjordanes styringsgruppe", with: "Komité for oppvekst")
        try #require(text.contains("Komité for oppvekst"))
        let file = dir.path("protokoll-komite.txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let fresh = DocketProcess(database: dir.path("fresh.sqlite"))
        #expect(try fresh.run("init").status == 0)
        let imported = try fresh.run("import", file)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("new body 'komite-for-oppvekst'"), "\(imported.stdout)")
        #expect(try fresh.run("body", "show", "komite-for-oppvekst").stdout.contains("Komité for oppvekst"))
    }

    // MARK: Bytes and paths

    @Test func aTextFileWithANulByteIsRefusedNamingTheFileAndNothingIsStored() throws {
        let file = dir.path("sak.txt")
        try Data("Første linje\nAndre\u{0}linje som ville blitt kuttet\n".utf8).write(to: URL(fileURLWithPath: file))
        let before = try databaseBytes(docket.database)
        let result = try docket.run("item", "add", "styringsgruppen@2025-02-12", "--title", "Sak med NUL", "--text-file", file)
        #expect(result.status != 0)
        #expect(result.stderr.contains("'\(file)' holds a NUL byte (line 2"), "\(result.stderr)")
        #expect(try databaseBytes(docket.database) == before)
        let fromStandardInput = try docket.run(["item", "add", "styringsgruppen@2025-02-12", "--title", "Sak", "--text-file", "-"], stdin: "a\u{0}b")
        #expect(fromStandardInput.status != 0)
        #expect(fromStandardInput.stderr.contains("holds a NUL byte"))
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func pathsThatAreNotRegularFilesAreNamedWithWhatTheyAre() throws {
        let dangling = dir.path("borte.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.path("finnes-ikke.txt"))
        let folder = dir.path("mappe.txt")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fifo = dir.path("rør.txt")
        try #require(mkfifo(fifo, 0o644) == 0)
        let before = try databaseBytes(docket.database)
        let cases: [(path: String, says: String)] = [
            (dangling, "it is a symbolic link to '\(dir.path("finnes-ikke.txt"))', which does not exist"),
            (folder, "it is a folder, not a file"),
            (fifo, "it is a named pipe (FIFO), not a regular file"),
        ]
        for (path, says) in cases {
            for command in [["attach", "styringsgruppen 6/25", path],
                            ["item", "add", "styringsgruppen@2025-02-12", "--title", "Sak", "--text-file", path]] {
                let result = try docket.run(command)
                #expect(result.status != 0, "\(command)")
                #expect(result.stderr.contains("cannot read '\(path)': \(says)"), "\(command): \(result.stderr)")
                expectNoRawError(result)
            }
        }
        let batch = dir.url.appending(path: "arkiv")
        try FileManager.default.createDirectory(at: batch.appending(path: "ikke-en-fil.txt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: batch.appending(path: "borte.txt").path, withDestinationPath: "/finnes/ikke.txt")
        let imported = try docket.run("import", batch.path)
        #expect(imported.status != 0)
        #expect(imported.stdout.contains("which does not exist"), "\(imported.stdout)")
        #expect(!imported.stdout.contains("ikke-en-fil.txt"), "a folder named like a document is not a document")
        let fifoImport = try docket.run("import", fifo)
        #expect(fifoImport.status != 0)
        #expect(fifoImport.stdout.contains("not a regular file"), "\(fifoImport.stdout)")
        #expect(!fifoImport.stdout.contains("Permission denied"))
        #expect(try databaseBytes(docket.database) == before)
    }

    // MARK: Corrections

    @Test func aCorrectionWithABlankTextOrReasonIsRefusedAndChangesNothing() throws {
        try #require(try docket.run("decision", "record", "styringsgruppen 5/25", "--unanimous").status == 0)
        let before = try databaseBytes(docket.database)
        let cases: [(text: String, reason: String, says: String)] = [
            ("", "Skrivefeil", "the corrected decision text is empty"),
            ("  \n ", "Skrivefeil", "the corrected decision text is empty"),
            ("Rettet vedtak.", "", "a correction needs a reason"),
            ("Rettet vedtak.", "   ", "a correction needs a reason"),
        ]
        for (text, reason, says) in cases {
            let result = try docket.run("decision", "correct", "styringsgruppen 5/25", "--text", text, "--reason", reason)
            #expect(result.status != 0, "accepted text '\(text)' reason '\(reason)'")
            #expect(result.stderr.contains(says), "\(result.stderr)")
            expectNoRawError(result)
        }
        #expect(try databaseBytes(docket.database) == before)
    }

    // MARK: CSV

    @Test func plainCSVNeverStartsAFieldWithAFormula() throws {
        try #require(try docket.run("meeting", "create", "styringsgruppen", "--date", "2026-03-04", "--no-standing-items").status == 0)
        let titles = ["=HYPERLINK(\"http://x\";\"Klikk\")", "+47 12345678", "@SUM(A1)", "-2+3"]
        for title in titles {
            let added = try docket.run("item", "add", "styringsgruppen@2026-03-04", "--title=\(title)", "--kind", "information", "--json")
            try #require(added.status == 0, "\(added.stderr)")
            let item = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
            let number = try #require(item["number"] as? String)
            try #require(try docket.run("decision", "record", "styringsgruppen \(number)").status == 0)
        }
        let register = try docket.run("export", "--format", "csv")
        let decisions = try docket.run("decisions", "--body", "styringsgruppen", "--year", "2026", "--csv")
        for result in [register, decisions] {
            #expect(result.status == 0, "\(result.stderr)")
            // Fields are split at commas (none of the titles holds one); a quoted field's quote is dropped.
            let fields = result.stdout.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.hasPrefix("\"") ? $0.dropFirst() : $0 }
            for start in ["=HYP", "+47", "@SUM", "-2+3"] {
                #expect(!fields.contains { $0.hasPrefix(start) }, "a field starts with '\(start)', a formula")
                #expect(fields.contains { $0.hasPrefix("'" + start) }, "'\(start)…' is not in the CSV as text")
            }
        }
    }

    // MARK: Another writer

    @Test func aWriterWaitsForAnotherAndGivesUpSayingAnotherDocketIsWriting() throws {
        // Another writer, as a second program would be: a connection of its own holding the write lock.
        let other = try Database(path: docket.database)
        try other.execute(script: "BEGIN IMMEDIATE")
        // Given up after --wait: a message, not "database is locked".
        let started = Date()
        let impatient = try docket.run("item", "add", "styringsgruppen@2025-02-12", "--title", "Venter", "--wait", "1")
        #expect(impatient.status != 0)
        #expect(impatient.stderr.contains("another docket is writing to '\(docket.database)'"), "\(impatient.stderr)")
        #expect(impatient.stderr.contains("--wait"))
        #expect(!impatient.stderr.contains("database is locked"))
        #expect(Date().timeIntervalSince(started) < 10)

        // By default it waits longer than the 5 s it used to: a lock held 7 s is waited out.
        let process = Process()
        process.executableURL = DocketProcess.binary
        process.arguments = ["item", "add", "styringsgruppen@2025-02-12", "--title", "Tålmodig"]
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": docket.database]) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 7)
        try other.execute(script: "COMMIT")
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(try docket.run("item", "list", "styringsgruppen@2025-02-12").stdout.contains("Tålmodig"))
    }

    @Test func anImportThatWaitedTooLongSaysAnotherDocketIsWritingAndStoresNothing() throws {
        let minutes = dir.path("1231.txt")
        try FileManager.default.copyItem(at: ConcurrentImportTests.minutes.appending(path: "1231.txt"), to: URL(fileURLWithPath: minutes))
        let other = try Database(path: docket.database)
        try other.execute(script: "BEGIN IMMEDIATE")
        let result = try docket.run("import", minutes, "--wait", "1")
        try other.execute(script: "ROLLBACK")
        #expect(result.status != 0)
        #expect((result.stdout + result.stderr).contains("another docket is writing to the database"), "\(result.stdout)\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("database is locked"))
        // Nothing of it was stored: importing it now stores it whole.
        let again = try docket.run("import", minutes)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("✓"), "\(again.stdout)")
    }
}
