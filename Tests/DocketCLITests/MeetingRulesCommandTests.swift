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

    /// A meeting with an item for decision and five voting members present of five.
    func heldMeeting(present: [String] = ["Ingrid Fjeld", "Dag Eng", "Kari Nord", "Per Sør", "Lise Vik"]) throws {
        try prepared()
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13"))
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Tilskudd til <Fjordvik> & co", "--kind", "decision",
                                     "--proposal", "Tilskudd innvilges."))
        try expectSuccess(docket.run(["attendance", "record", "styringsgruppen@2019-02-13"] + present.flatMap { ["--present", $0] }))
    }

    func minutes(_ format: String = "txt") throws -> String {
        let result = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", format)
        expectSuccess(result)
        return result.stdout
    }

    @Test func aDisqualifiedMemberIsPrintedUnderTheItemAndCannotVote() throws {
        try heldMeeting()
        try expectSuccess(docket.run("conflict", "record", "styringsgruppen 5/19", "--member", "Dag Eng",
                                     "--reason", "styreleder i <søker> & co"))
        let before = try databaseBytes(docket.database)
        // Dag Eng may not vote, and five votes are more than the four who may.
        let inhabilVote = try docket.run("decision", "record", "styringsgruppen 5/19", "--for", "Dag Eng,Kari Nord", "--against", "Per Sør")
        #expect(inhabilVote.status != 0)
        #expect(inhabilVote.stderr.contains("inhabil"))
        #expect(inhabilVote.stderr.contains("4 voting members were present (5, less 1 inhabil)"))
        let tooMany = try docket.run("decision", "record", "styringsgruppen 5/19", "--for", "5")
        #expect(tooMany.status != 0)
        #expect(tooMany.stderr.contains("4 voting members were present"))
        #expect(try docket.run("conflict", "record", "styringsgruppen 5/19", "--member", "Nobody Known").status != 0)
        #expect(try databaseBytes(docket.database) == before)

        try expectSuccess(docket.run("decision", "record", "styringsgruppen 5/19", "--for", "4"))
        let text = try minutes()
        #expect(text.contains("Dag Eng erklærte seg inhabil (styreleder i <søker> & co) og fratrådte."))
        #expect(text.contains("Vedtatt med 4 stemmer"))
        let html = try minutes("html")
        #expect(html.contains("Dag Eng erklærte seg inhabil (styreleder i &lt;søker&gt; &amp; co) og fratrådte."))
        #expect(!html.contains("<søker>"))
        let markdown = try minutes("md")
        #expect(markdown.contains("Dag Eng erklærte seg inhabil"))
        #expect(try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "docx", "-o", dir.path("m.docx")).status == 0)
    }

    @Test func aSplitVoteOnAnAlternativeProposalIsPrintedWithWhoMadeItAndItsCount() throws {
        try heldMeeting()
        try expectSuccess(docket.run("proposal", "add", "styringsgruppen 5/19", "--by", "Dag Eng", "--text", "Saken utsettes."))
        let proposalVote = try docket.run("decision", "record", "styringsgruppen 5/19", "--on-proposal", "1",
                                          "--for", "Dag Eng,Kari Nord", "--against", "Per Sør,Lise Vik,Ingrid Fjeld")
        expectSuccess(proposalVote)
        #expect(proposalVote.stdout.contains("Forslaget fra Dag Eng falt med 2 mot 3 stemmer"))
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 5/19", "--for", "Per Sør,Lise Vik,Ingrid Fjeld,Kari Nord",
                                     "--against", "Dag Eng"))
        let text = try minutes()
        #expect(text.contains("Forslag fra Dag Eng:"))
        #expect(text.contains("Saken utsettes."))
        #expect(text.contains("Forslaget fra Dag Eng falt med 2 mot 3 stemmer."))
        #expect(text.contains("Vedtatt med 4 mot 1 stemme"))
        #expect(!text.contains("1 stemmer"))
        #expect(!text.contains("Enstemmig"))
        #expect(text.contains("Mot: Dag Eng."))
        // The proposal comes before the decision it lost to.
        let proposal = try #require(text.range(of: "Forslag fra Dag Eng:"))
        let decision = try #require(text.range(of: "Vedtatt med 4 mot 1 stemme"))
        #expect(proposal.lowerBound < decision.lowerBound)
        #expect(try minutes("html").contains("Forslaget fra Dag Eng falt med 2 mot 3 stemmer."))
    }

    @Test func aVoteThatCannotBeIsRefusedAndChangesNothing() throws {
        try heldMeeting()
        try expectSuccess(docket.run("proposal", "add", "styringsgruppen 5/19", "--by", "Dag Eng", "--text", "Saken utsettes."))
        let before = try databaseBytes(docket.database)
        let refusals: [([String], String)] = [
            (["--for", "6"], "5 voting members were present"),
            (["--for", "3", "--against", "3"], "5 voting members were present"),
            (["--for", "2", "--against", "3", "--outcome", "adopted"], "cannot be adopted"),
            (["--for", "3", "--against", "1", "--outcome", "rejected"], "cannot be rejected"),
            (["--for", "Dag Eng,Ola Ukjent"], "Ola Ukjent"),
            (["--for", "Dag Eng,Dag Eng"], "named twice"),
            (["--on-proposal", "2", "--for", "1"], "no proposal 2"),
            (["--on-proposal", "1", "--for", "2", "--against", "3", "--outcome", "adopted"], "cannot be adopted"),
        ]
        for (arguments, message) in refusals {
            let result = try docket.run(["decision", "record", "styringsgruppen 5/19"] + arguments)
            #expect(result.status != 0, "\(arguments) should be refused")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try databaseBytes(docket.database) == before)
    }

    @Test func aTieAdoptedByTheChairsVoteSaysSo() throws {
        try heldMeeting(present: ["Ingrid Fjeld", "Dag Eng", "Kari Nord", "Per Sør"])
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 5/19", "--for", "Ingrid Fjeld,Kari Nord",
                                     "--against", "Dag Eng,Per Sør"))
        let text = try minutes()
        #expect(text.contains("Vedtatt med 2 mot 2 stemmer ved møteleders dobbeltstemme"))
        #expect(text.contains("For: Ingrid Fjeld, Kari Nord. Mot: Dag Eng, Per Sør."))
    }

    @Test func aBodyWithFewerThanHalfPresentIsWarnedOf() throws {
        try heldMeeting(present: ["Ingrid Fjeld", "Dag Eng"])
        let result = try docket.run("decision", "record", "styringsgruppen 5/19", "--for", "2")
        expectSuccess(result)
        #expect(result.stderr.contains("not quorate"))
        #expect(result.stderr.contains("2 of 5"))
        let quorate = try docket.run("decision", "record", "styringsgruppen 5/19", "--unanimous")
        #expect(quorate.stderr.contains("not quorate"))
    }
}
