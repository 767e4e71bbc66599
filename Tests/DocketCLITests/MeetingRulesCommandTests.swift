import Foundation
import Testing

/// Issue 14, points 1–3, as a secretary would meet them: a body's own standing items, a member who
/// declares a conflict of interest, and a split vote on an alternative proposal.
@Suite(.serialized) struct MeetingRulesCommandTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    func expectSuccess(_ result: DocketProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// A body of five voting members and one union representative (who does not vote).
    func prepared() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("org", "add", "Fjordvik kommune", "--member"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        try expectSuccess(docket.run("member", "add", "Ingrid Fjeld", "--body", "styringsgruppen", "--role", "chair", "--org", "Fjordvik kommune"))
        for name in ["Dag Eng", "Kari Nord", "Per Sør", "Lise Vik"] {
            try expectSuccess(docket.run("member", "add", name, "--body", "styringsgruppen", "--role", "member", "--org", "Fjordvik kommune"))
        }
    }

    static let standingFile = """
        Godkjenning av dagsorden|beslutning|Dagsorden
        Godkjenning av referat fra styringsgruppemøte|decision|Referat
        Eventuelt|orientering|Notat
        Informasjon om arbeidet i ressursgruppen og sekretariatet|orientering|Notat
        Status fra Kommit-rådet og Digitaliseringsutvalgets møter|information|Notat
        Status fra tiltak|orientering|Notat
        Status fra faggrupper|orientering
        """

    @Test func aBodyKeepsItsOwnStandingItemsAndItsMeetingsBeginWithThem() throws {
        try prepared()
        let file = dir.path("faste.txt")
        try Self.standingFile.write(toFile: file, atomically: true, encoding: .utf8)
        try expectSuccess(docket.run("body", "standing-items", "styringsgruppen", "--file", file))
        let list = try docket.run("body", "standing-items", "styringsgruppen", "--list")
        expectSuccess(list)
        #expect(list.stdout.contains("Status fra faggrupper"))
        let json = try docket.run("body", "standing-items", "styringsgruppen", "--list", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(items?.count == 7)
        #expect(items?.last?["title"] as? String == "Eventuelt")
        #expect(items?.first?["purpose"] as? String == "approve_agenda")

        // The next meeting begins with the seven, numbered, eventuelt last; business follows.
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13"))
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjettprinsipper", "--kind", "discussion"))
        let agenda = try docket.run("item", "list", "styringsgruppen@2019-02-13", "--json")
        let rows = try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.map { $0["number"] as? String } == ["1/19", "2/19", "3/19", "4/19", "5/19", "6/19", "7/19", "8/19"])
        #expect(rows[6]["title"] as? String == "Eventuelt")
        let minutes = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "txt")
        expectSuccess(minutes)
        let budget = try #require(minutes.stdout.range(of: "Budsjettprinsipper"))
        let anyOther = try #require(minutes.stdout.range(of: "Eventuelt", options: .backwards))
        #expect(anyOther.lowerBound > budget.lowerBound)

        // The JSON export carries them: a fresh store imports the body with its seven.
        let exported = dir.path("export.json")
        try expectSuccess(docket.run("export", "--output", exported))
        let copy = DocketProcess(database: dir.path("copy.sqlite"))
        try expectSuccess(copy.run("init"))
        try expectSuccess(copy.run("import", exported))
        let copied = try copy.run("body", "standing-items", "styringsgruppen", "--list")
        #expect(copied.stdout == list.stdout)
    }

    @Test func aBadStandingItemsFileChangesNothing() throws {
        try prepared()
        let before = try docket.run("body", "standing-items", "styringsgruppen", "--list")
        let file = dir.path("faste.txt")
        try "Godkjenning av dagsorden|beslutning|Dagsorden\nStatus|avstemning|Notat\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try docket.run("body", "standing-items", "styringsgruppen", "--file", file)
        #expect(result.status != 0)
        #expect(result.stderr.contains("line 2"))
        #expect(try docket.run("body", "standing-items", "styringsgruppen", "--list").stdout == before.stdout)
        #expect(try docket.run("body", "standing-items", "nobody", "--list").status != 0)
    }
}
