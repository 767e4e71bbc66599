import Foundation
import Testing

/// Named votes read from old minutes are stored: Steinkjer's "For forslaget stemte 9: …" list
/// comes out in `show`, the minutes, `search --person` and a JSON export read into a fresh store.
@Suite(.serialized) struct NamedVoteImportTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess
    static let minutes = DocketProcess.packageRoot.appending(path: "../shared/corpus/minutes/1351.txt").standardized

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    @Test func theVotersOfImportedMinutesAreStoredByName() throws {
        try #require(FileManager.default.fileExists(atPath: Self.minutes.path), "no corpus at \(Self.minutes.path)")
        #expect(try docket.run("init").status == 0)
        let imported = try docket.run("import", Self.minutes.path, "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let output = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any] ?? [:]
        let meeting = try #require((output["documents"] as? [[String: Any]])?.first?["meeting"] as? String)
        let slug = try #require(meeting.split(separator: "@").first.map(String.init))

        let show = try docket.run("show", "\(slug) PS 1/26")
        #expect(show.status == 0, "\(show.stderr)")
        let votes = try #require(show.stdout.split(separator: "\n").first { $0.hasPrefix("Votes:") }, "\(show.stdout)")
        #expect(votes.contains("For: Anita Brønstad Skavdal (R), Daniel Folladal (AP), "))
        #expect(show.stdout.contains("Lars Myhr Sandlund (SP)"))
        #expect(show.stdout.contains("9 stemmer") || show.stdout.contains("9 mot 0"), "\(show.stdout)")

        let papers = try docket.run("minutes", meeting, "--format", "md")
        #expect(papers.status == 0, "\(papers.stderr)")
        #expect(papers.stdout.contains("Daniel Folladal") && papers.stdout.contains("Anita Brønstad Skavdal"), "\(papers.stdout.prefix(2000))")

        // The voters had no seats: they are people of the store, found by name.
        let search = try docket.run("search", "--person", "Anita Brønstad Skavdal")
        #expect(search.status == 0 && search.stdout.contains("PS 1/26"), "\(search.stdout) \(search.stderr)")

        let export = dir.path("export.json")
        #expect(try docket.run("export", "--format", "json", "-o", export).status == 0)
        let fresh = DocketProcess(database: dir.path("fresh.sqlite"))
        #expect(try fresh.run("init").status == 0)
        let back = try fresh.run("import", export)
        #expect(back.status == 0, "\(back.stderr)")
        let again = try fresh.run("show", "\(slug) PS 1/26")
        #expect(again.stdout.split(separator: "\n").contains { $0.hasPrefix("Votes:") && $0.contains("Daniel Folladal (AP)") }, "\(again.stdout)")

        // Imported again, the same document changes nothing, and the names are not doubled.
        #expect(try docket.run("import", Self.minutes.path).status == 0)
        let twice = try docket.run("show", "\(slug) PS 1/26").stdout.split(separator: "\n").first { $0.hasPrefix("Votes:") } ?? ""
        #expect(twice.components(separatedBy: "Daniel Folladal").count == 2, "\(twice)")
    }
}
