import Foundation
import Testing

/// `docket import` of old documents, run as a user would.
@Suite(.serialized) struct DocumentImportCommandTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess
    static let corpus = DocketProcess.packageRoot.appending(path: "../shared/corpus").standardized

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    func json(_ result: DocketProcess.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    @Test
    func aDryRunOfTheCorpusSummonsYieldsItsExpectedItemsAndWarningsAndStoresNothing() throws {
        try #require(FileManager.default.fileExists(atPath: Self.corpus.path),
                     "no corpus at \(Self.corpus.path): this test needs ../shared/corpus beside the project")
        #expect(try docket.run("init").status == 0)
        let before = try databaseBytes(docket.database)
        let summons = Self.corpus.appending(path: "seeds/004_ba49fa2217c6f01c.txt").path
        let result = try docket.run("import", summons, "--dry-run", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try json(result)
        let document = try #require((output["documents"] as? [[String: Any]])?.first)
        #expect(document["status"] as? String == "dry_run")
        #expect(document["meeting"] as? String == "digi-rogalands-styringsgruppe@2019-02-13")
        let read = try #require(document["read"] as? [String: Any])
        let items = try #require(read["items"] as? [[String: Any]])

        let expectedData = try Data(contentsOf: Self.corpus.appending(path: "expected/004_ba49fa2217c6f01c.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let expectedItems = try #require(expected["items"] as? [[String: Any]])
        #expect(items.count == expectedItems.count)
        for want in expectedItems {
            let number = want["number"] as? String
            guard let got = items.first(where: { $0["number"] as? String == number }) else {
                Issue.record("item \(number ?? "?") not read")
                continue
            }
            #expect(got["title"] as? String == want["title"] as? String, "\(number ?? "") title")
            #expect(got["basis"] as? String == want["basis"] as? String, "\(number ?? "") basis")
            #expect(got["kind"] as? String == want["kind"] as? String, "\(number ?? "") kind")
            #expect(got["section"] as? String == want["section"] as? String, "\(number ?? "") section")
            let proposal = got["proposal"] as? String ?? ""
            #expect(proposal.hasPrefix(want["proposal_starts_with"] as? String ?? "-"), "\(number ?? "") proposal: \(proposal.prefix(60))")
        }
        let codes = Set((document["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
        for code in ["missing_kind", "number_year_mismatch", "title_mismatch", "out_of_order"] {
            #expect(codes.contains(code), "expected warning \(code)")
        }
        #expect(try databaseBytes(docket.database) == before)
    }

    /// The sample cooperation's papers, written by Docket in every format, read back by Docket.
    @Test func papersDocketWroteReadBackIntoTheSameItems() throws {
        let sample = DocketProcess(database: dir.path("sample.sqlite"))
        try buildSampleCooperation(sample)
        let hasPDF = FileManager.default.isExecutableFile(atPath: "/usr/bin/weasyprint")
        for (paper, meeting) in [("summons", "styringsgruppen@2025-02-12"), ("minutes", "styringsgruppen@2024-12-11")] {
        let agenda = try JSONSerialization.jsonObject(with: Data(try sample.run("item", "list", meeting, "--json").stdout.utf8)) as? [[String: Any]] ?? []
        let stored = agenda.map { "\($0["number"] as? String ?? "") \($0["title"] as? String ?? "")" }
        #expect(stored.count == (paper == "summons" ? 8 : 5))
        for format in ["md", "html", "txt", "docx"] + (hasPDF ? ["pdf"] : []) {
            let file = dir.path("\(paper).\(format)")
            #expect(try sample.run(paper, meeting, "--format", format, "-o", file).status == 0)
            let fresh = DocketProcess(database: dir.path("fresh-\(paper)-\(format).sqlite"))
            #expect(try fresh.run("init").status == 0)
            let result = try fresh.run("import", file, "--dry-run", "--json")
            #expect(result.status == 0, "\(format): \(result.stdout.suffix(300))")
            let read = ((try json(result)["documents"] as? [[String: Any]])?.first?["read"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            let readBack = read.map { "\($0["number"] as? String ?? "") \($0["title"] as? String ?? "")" }
            // The minutes take "Eventuelt" last, as the meeting does; the numbers and titles are the same.
            #expect(readBack.sorted() == stored.sorted(), "\(paper) in \(format) read back differently")
        }
        }
        if !hasPDF { Issue.record("scripts/setup installs what this test needs, but weasyprint is not installed (Debian: weasyprint)") }
    }

    @Test func aSummonsAndItsMinutesMergeIntoOneMeeting() throws {
        let sample = DocketProcess(database: dir.path("sample.sqlite"))
        try buildSampleCooperation(sample)
        let summons = dir.path("innkalling.txt"), minutes = dir.path("protokoll.txt")
        #expect(try sample.run("summons", "styringsgruppen@2024-12-11", "--format", "txt", "-o", summons).status == 0)
        #expect(try sample.run("minutes", "styringsgruppen@2024-12-11", "--format", "txt", "-o", minutes).status == 0)

        #expect(try docket.run("init").status == 0)
        let first = try docket.run("import", summons, minutes)
        #expect(first.status == 0, "\(first.stdout)")
        let meetings = try JSONSerialization.jsonObject(with: Data(try docket.run("meeting", "list", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        #expect(meetings.count == 1)
        let reference = try #require(meetings.first.map { "\($0["body"] as? String ?? "")@\($0["date"] as? String ?? "")" })
        let show = try json(try docket.run("meeting", "show", reference, "--json"))
        let items = show["items"] as? [[String: Any]] ?? []
        let plan = try #require(items.first { ($0["title"] as? String) == "Møteplan 2025" })
        #expect(plan["proposal"] as? String == "Styringsgruppen vedtar møteplan for 2025.")
        #expect(plan["handlingStatus"] as? String == "decided")
        #expect((show["attendance"] as? [[String: Any]] ?? []).count >= 5)

        // The same documents again: nothing changes.
        let before = try databaseBytes(docket.database)
        let again = try docket.run("import", summons, minutes)
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 unchanged"))
        #expect(try databaseBytes(docket.database) == before)
    }
}
