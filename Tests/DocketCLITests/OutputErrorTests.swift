import Foundation
import Testing

/// Finding 6 of issue 12: a write error is a message and a non-zero exit, never a trap (SIGILL
/// from a `try!`) or a silent exit 0 with the output lost; a file written with -o is whole or absent.
@Suite(.serialized) struct OutputErrorTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
        try buildSampleCooperation(docket)
        // Rollback-journal mode: a reader then touches no -shm file, which a file-size limit
        // (used below to make writes fail) would stop SQLite from sizing.
        try #require(try shell("sqlite3 \(shellQuoted(docket.database)) 'PRAGMA journal_mode = DELETE;'").status == 0)
    }

    @Test func everyCommandThatPrintsSaysSoWhenStandardOutputIsFull() throws {
        try Data("%PDF-1.4\nSaksframlegg\n".utf8).write(to: dir.url.appending(path: "saksframlegg.pdf"))
        #expect(try docket.run("attach", "styringsgruppen 6/25", dir.path("saksframlegg.pdf")).status == 0)
        let minutes = dir.path("protokoll.txt")
        #expect(try docket.run("minutes", "styringsgruppen@2024-12-11", "--format", "txt", "-o", minutes).status == 0)
        let commands: [[String]] = [
            ["export", "--format", "csv"],
            ["export", "--format", "ics", "--body", "styringsgruppen"],
            ["export", "--format", "json"],
            ["summons", "styringsgruppen@2025-02-12"],
            ["minutes", "styringsgruppen@2024-12-11", "--format", "html"],
            ["decisions", "--body", "styringsgruppen", "--year", "2024", "--csv"],
            ["decisions", "--body", "styringsgruppen", "--year", "2024"],
            ["attachment", "extract", "saksframlegg.pdf", "-o", "-"],
            ["body", "list", "--json"],
            ["meeting", "list"],
            ["meeting", "list", "--json"],
            ["item", "list", "styringsgruppen@2025-02-12", "--json"],
            ["search", "budsjett"],
            ["show", "styringsgruppen 5/25"],
            ["import", minutes, "--dry-run", "--db", dir.path("sample.sqlite")],
        ]
        for command in commands {
            let result = try docket.run(command, standardOutputPath: "/dev/full")
            #expect(!result.crashed, "\(command) crashed: \(result.stderr)")
            #expect(result.status != 0, "\(command) exited 0 with its output lost")
            #expect(result.stderr.contains("cannot write to standard output: No space left on device"), "\(command): \(result.stderr)")
        }
    }

    @Test func anExportCutShortByAWriteErrorLeavesTheEarlierFileAsItWasAndNoPartialFile() throws {
        let target = dir.path("arkiv.json")
        try Data("the earlier export\n".utf8).write(to: URL(fileURLWithPath: target))
        // A file-size limit of 8 KiB makes the export's writes fail with EFBIG part-way
        // (SIGXFSZ ignored, as a full disk would fail them with ENOSPC).
        let command = "trap '' XFSZ; ulimit -f 16; exec \(shellQuoted(DocketProcess.binary.path)) export --format json -o \(shellQuoted(target))"
        let result = try shell(command, environment: ["DOCKET_DB": docket.database])
        #expect(result.status != 0)
        #expect(result.output.contains("cannot write '\(target)': File too large"), "\(result.output)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the earlier export\n")
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
        let folder = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(!folder.contains { $0.hasSuffix(".partial") })
        // Without the limit the same export succeeds and replaces the file whole.
        #expect(try docket.run("export", "--format", "json", "-o", target).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
    }

    @Test func aPaperThatCannotBeWrittenLeavesNothing() throws {
        let target = dir.path("innkalling.docx")
        let command = "trap '' XFSZ; ulimit -f 2; exec \(shellQuoted(DocketProcess.binary.path)) summons styringsgruppen@2025-02-12 --format docx -o \(shellQuoted(target))"
        let result = try shell(command, environment: ["DOCKET_DB": docket.database])
        #expect(result.status != 0)
        #expect(result.output.contains("cannot write '\(target)'"), "\(result.output)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
    }

    @Test func anOutputPathThatIsAFolderOrInNoFolderIsNamedInTheMessage() throws {
        let folder = dir.path("eksport")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let intoFolder = try docket.run("export", "--format", "csv", "-o", folder)
        #expect(intoFolder.status != 0)
        #expect(intoFolder.stderr.contains("cannot write '\(folder)': it is a folder"), "\(intoFolder.stderr)")
        let missing = dir.path("finnes-ikke/saker.csv")
        let nowhere = try docket.run("export", "--format", "csv", "-o", missing)
        #expect(nowhere.status != 0)
        #expect(nowhere.stderr.contains("cannot write '\(missing)': the folder"), "\(nowhere.stderr)")
        for result in [intoFolder, nowhere] {
            #expect(!result.stderr.contains("Cocoa") && !result.stderr.contains("NSError") && !result.stderr.contains("Domain="))
        }
    }
}
