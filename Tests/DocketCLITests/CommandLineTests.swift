import Foundation
import Testing

@Suite(.serialized) struct CommandLineTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    /// A store with a body, a member and a meeting with its standing items.
    func prepared() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("org", "add", "Fjordvik kommune", "--member"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        try expectSuccess(docket.run("member", "add", "Ingrid Fjeld", "--body", "styringsgruppen", "--role", "chair", "--org", "Fjordvik kommune"))
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00"))
    }

    @Test func everyCommandHasHelp() throws {
        let commands: [[String]] = [
            [], ["init"], ["org"], ["org", "add"], ["org", "list"], ["body"], ["body", "add"], ["body", "list"], ["body", "show"],
            ["body", "edit"], ["body", "check"], ["body", "standing-items"], ["conflict", "record"], ["proposal", "add"], ["member"], ["member", "add"], ["member", "list"], ["member", "end"],
            ["meeting"], ["meeting", "create"], ["meeting", "list"], ["meeting", "show"], ["meeting", "edit"], ["meeting", "cancel"],
            ["item"], ["item", "add"], ["item", "edit"], ["item", "move"], ["item", "postpone"], ["item", "refer"], ["item", "list"],
            ["item", "show"], ["item", "remove"], ["decision", "record"], ["decision", "correct"], ["attendance", "record"],
            ["minutes", "approve"], ["search"], ["show"], ["decisions"], ["reindex"],
            ["summons"], ["agenda"], ["casepapers"], ["minutes"], ["minutes", "write"], ["templates", "export"],
            ["export"], ["import"], ["attach"], ["attachment"], ["attachment", "list"],
            ["attachment", "extract"], ["attachment", "remove"], ["publish"], ["publish", "einnsyn"],
        ]
        for command in commands {
            let result = try docket.run(command + ["--help"])
            #expect(result.status == 0, "\(command) --help failed")
            #expect(result.stdout.contains("USAGE:"), "\(command) --help printed no usage")
        }
    }

    @Test func aSecretaryBuildsANumberedAgenda() throws {
        try prepared()
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjettprinsipper", "--kind", "discussion",
                                     "--basis", "Notat", "--text-file", "-", "--proposal", "Tas til orientering.",
                                     stdin: "Sekretariatet legger fram prinsipper.\n"))
        let list = try docket.run("item", "list", "styringsgruppen@2019-02-13")
        expectSuccess(list)
        #expect(list.stdout.contains("5/19  Budsjettprinsipper"))
        #expect(list.stdout.contains("FASTE SAKER"))
        let json = try docket.run("item", "list", "styringsgruppen@2019-02-13", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(items?.map { $0["number"] as? String } == ["1/19", "2/19", "3/19", "4/19", "5/19"])
        #expect(items?.last?["caseText"] as? String == "Sekretariatet legger fram prinsipper.")
    }

    @Test func aMistypedNameSaysWhatWouldBeRightAndExitsNonZero() throws {
        try prepared()
        let result = try docket.run("meeting", "list", "--body", "styringsgruppa")
        #expect(result.status != 0)
        #expect(result.stderr.contains("no body 'styringsgruppa'; did you mean 'styringsgruppen'?"))
    }

    /// References are read where they are typed: a malformed one is a usage error that shows a
    /// right one, before the database is opened.
    @Test func aMalformedReferenceIsAUsageErrorThatShowsARightOne() throws {
        try prepared()
        let meeting = try docket.run("item", "add", "styringsgruppen 2019-02-13", "--title", "Budsjett")
        #expect(meeting.status != 0)
        #expect(meeting.stderr.contains("e.g. 'styringsgruppen@2019-02-13'"), "\(meeting.stderr)")
        let item = try docket.run("decision", "record", "styringsgruppen", "--outcome", "adopted")
        #expect(item.status != 0)
        #expect(item.stderr.contains("write the body's slug and the number, e.g. 'styringsgruppen 8/19'"), "\(item.stderr)")
        let number = try docket.run("item", "postpone", "styringsgruppen åtte/19", "--to", "styringsgruppen@2019-03-20")
        #expect(number.status != 0)
        #expect(number.stderr.contains("'åtte/19' is not an item number"), "\(number.stderr)")
        let list = try docket.run("item", "list", "styringsgruppen@2019-02-13")
        #expect(list.status == 0 && list.stdout.contains("Godkjenning"), "\(list.stderr)")
    }

    @Test func aFailingCommandLeavesTheDatabaseByteForByteUnchanged() throws {
        try prepared()
        let before = try databaseBytes(docket.database)
        let failures: [[String]] = [
            ["item", "add", "styringsgruppen@2019-02-13", "--title", "X", "--kind", "vote"],
            ["item", "add", "styringsgruppen@2019-02-14", "--title", "X"],
            ["item", "add", "styringsgruppen@2019-02-13", "--title", "Hemmelig", "--exempt"],
            ["meeting", "create", "styringsgruppen", "--date", "2019-02-30"],
            ["meeting", "create", "styringsgruppen", "--date", "2019-02-13"],
            ["meeting", "create", "styringsgruppen", "--date", "2019-03-13", "--start", "15:00", "--end", "13:00"],
            ["member", "add", "Ola", "--body", "styringsgruppen", "--role", "member", "--org", "Ukjent kommune"],
            ["body", "add", "Styringsgruppen", "--name", "X"],
            ["attendance", "record", "styringsgruppen@2019-02-13", "--present", "Ingrid Fjeld", "--present", "Nobody Known"],
            ["minutes", "approve", "styringsgruppen@2019-02-13"],
        ]
        for arguments in failures {
            let result = try docket.run(arguments)
            #expect(result.status != 0, "\(arguments) should fail")
            #expect(!result.stderr.isEmpty, "\(arguments) should say why")
        }
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func aMissingDatabaseIsNotSilentlyCreated() throws {
        let result = try docket.run("body", "list")
        #expect(result.status != 0)
        #expect(result.stderr.contains("docket init"))
        #expect(!FileManager.default.fileExists(atPath: docket.database))
    }

    @Test func aNewerDatabaseIsRefusedWithBothVersions() throws {
        try expectSuccess(docket.run("init"))
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [docket.database, "PRAGMA user_version = 4242;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try databaseBytes(docket.database)
        let result = try docket.run("body", "list")
        #expect(result.status != 0)
        #expect(result.stderr.contains("4242"))
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func theBinaryCopiedAloneStillCreatesDatabases() throws {
        let lonely = dir.url.appending(path: "bin")
        try FileManager.default.createDirectory(at: lonely, withIntermediateDirectories: true)
        let copy = lonely.appending(path: "docket")
        try FileManager.default.copyItem(at: DocketProcess.binary, to: copy)
        var alone = docket
        alone.executable = copy
        let result = try alone.run(["init", "--db", dir.path("elsewhere.sqlite")], workingDirectory: lonely)
        expectSuccess(result)
        #expect(result.stdout.contains("schema version"))
        try expectSuccess(alone.run(["body", "add", "fg-helse", "--name", "Faggruppe helse", "--db", dir.path("elsewhere.sqlite")]))
    }

    @Test func twoWritersAtOnceNeverShareANumber() throws {
        try prepared()
        let perWriter = 15
        let writers = (0..<2).map { writer in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let commands = (0..<perWriter).map { index in
                "\"\(DocketProcess.binary.path)\" item add styringsgruppen@2019-02-13 --title 'Sak \(writer)-\(index)' >/dev/null || exit 1"
            }
            process.arguments = ["-c", commands.joined(separator: "\n")]
            process.environment = ["DOCKET_DB": docket.database, "PATH": "/usr/bin:/bin"]
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let json = try docket.run("item", "list", "styringsgruppen@2019-02-13", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        let numbers = items.compactMap { $0["number"] as? String }
        #expect(numbers.count == 4 + 2 * perWriter)
        #expect(Set(numbers).count == numbers.count)
        #expect(Set(numbers) == Set((1...(4 + 2 * perWriter)).map { "\($0)/19" }))
    }

    @Test func theSampleCooperationBuildsAndBreaksOneMandate() throws {
        try buildSampleCooperation(docket)
        let agenda = try docket.run("item", "list", "styringsgruppen@2025-02-12")
        expectSuccess(agenda)
        #expect(agenda.stdout.contains("RS 1/25"))
        #expect(agenda.stdout.contains("Budsjettprinsipper 2026"))
        #expect(try docket.run("body", "check", "fg-helse").status == 0)
        let broken = try docket.run("body", "check", "fg-plan")
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("Breivik kommune has no representative"))
        let path = try docket.run("item", "show", "styringsgruppen 12/25", "--json")
        #expect(path.stdout.contains("fg-helse 5/25"))
    }

    @Test func anArchivistSearchesShowsAndListsDecisions() throws {
        try buildSampleCooperation(docket)
        let search = try docket.run("search", "velferd", "--json")
        expectSuccess(search)
        let hits = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(hits.first?["title"] as? String == "Felles løsning for velferdsteknologi")
        #expect((hits.first?["snippet"] as? String)?.contains("«velferdsteknologi»") == true)
        let exempt = try docket.run("search", "lisensavtale", "--public")
        #expect(exempt.stdout.contains("No items match."))
        let odd = try docket.run("search", "plan- og (byggesak")
        expectSuccess(odd)
        // No words, filters only: the items they let through, newest first.
        let listed = try docket.run("search", "--body", "styringsgruppen", "--year", "2024", "--json")
        expectSuccess(listed)
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.contains { $0["title"] as? String == "Møteplan 2025" })
        let dates = rows.compactMap { $0["meetingDate"] as? String }
        #expect(!dates.isEmpty && dates == dates.sorted(by: >))
        let nothing = try docket.run("search")
        #expect(nothing.status != 0 && nothing.stderr.contains("Give words to look for"))
        let story = try docket.run("show", "styringsgruppen 12/25")
        expectSuccess(story)
        #expect(story.stdout.contains("The case's path"))
        #expect(story.stdout.contains("fg-helse 5/25"))
        let register = try docket.run("decisions", "--body", "styringsgruppen", "--year", "2024")
        expectSuccess(register)
        #expect(register.stdout.contains("5/24") && register.stdout.contains("Enstemmig vedtatt"))
        let csv = try docket.run("decisions", "--body", "styringsgruppen", "--year", "2024", "--csv")
        #expect(csv.stdout.hasPrefix("number,meeting_date,title,kind,outcome,vote,decision,exempt\r\n5/24,2024-12-11,Møteplan 2025,decision,adopted,Enstemmig vedtatt,"))
        let publicStory = try docket.run("show", "styringsgruppen 7/25", "--public", "--json")
        #expect(!publicStory.stdout.contains("Forhandlingsposisjon"))
        #expect(publicStory.stdout.contains("Forhandlinger om avtale"))
        // The sample was written one command at a time: merging leaves one segment and the same hits.
        let merged = try docket.run("reindex", "--merge-only")
        expectSuccess(merged)
        #expect(merged.stdout.hasSuffix("into 1)\n"), "\(merged.stdout)")
        #expect(try docket.run("search", "velferd", "--json").stdout == search.stdout)
    }
}
