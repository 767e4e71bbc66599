import ArgumentParser
import DocketModel
import Foundation
import Testing
@testable import docket

/// `docket search` is read without ArgumentParser when it can be (issue 17: start-up time). The fast
/// reader must give exactly ArgumentParser's values, or give up and leave the command line to
/// ArgumentParser, whose help and messages the user then sees.
struct SearchRequestTests {
    /// Command lines the fast reader takes on: each must read as ArgumentParser reads it.
    static let taken: [[String]] = [
        ["vedtak"],
        ["velferdsteknologi", "--db", "archive.sqlite"],
        ["--db=archive.sqlite", "\"til orientering\""],
        ["budsjett", "OR", "økonomiplan", "--json", "--limit", "5"],
        ["høring", "NOT", "plan", "--limit=7", "--wait", "3"],
        ["saksbeh*", "--body", "styringsgruppen", "--include-subbodies", "--year", "2024"],
        ["--from", "2024-01-01", "--to=2024-12-31", "møteplan", "--kind", "decision"],
        ["--outcome", "postponed", "--body", "formannskap"],
        ["--outcome", "utsatt", "--changed", "--public"],
        ["--person", "Kari Nordmann", "budsjett", "--kind", "orientering"],
        ["kommunene", "--json", "samarbeid"],
        [],
    ]

    /// Command lines it leaves to ArgumentParser: help, values it would refuse, anything unusual.
    static let declined: [[String]] = [
        ["--help"], ["-h"], ["vedtak", "help"], ["help"], ["--version"],
        ["vedtak", "--limit", "many"], ["vedtak", "--limit"], ["vedtak", "--year", "-5"],
        ["vedtak", "--from", "1. mai"], ["vedtak", "--kind", "party"], ["vedtak", "--outcome", "won"],
        ["vedtak", "--db"], ["vedtak", "--db="], ["vedtak", "--db", "a", "--db", "b"], ["vedtak", "--json", "--json"],
        ["vedtak", "--json=yes"], ["--", "-vedtak"], ["-x"], ["vedtak", "--unknown"], ["-"],
        ["vedtak", "--generate-completion-script", "bash"],
    ]

    @Test(arguments: taken)
    func theFastReaderGivesArgumentParsersValues(_ arguments: [String]) throws {
        let fast = try #require(SearchRequest(fastParsing: arguments), "declined \(arguments)")
        let parsed = try Search.parse(arguments).request
        #expect(fast == parsed, "\(arguments)")
    }

    @Test(arguments: declined)
    func theFastReaderLeavesTheRestToArgumentParser(_ arguments: [String]) {
        #expect(SearchRequest(fastParsing: arguments) == nil, "\(arguments)")
    }

    @Test func aValueArgumentParserRefusesGetsItsMessage() throws {
        let dir = try TemporaryDirectory()
        let docket = DocketProcess(database: dir.path("search.sqlite"))
        #expect(try docket.run("init").status == 0)
        let refused = try docket.run("search", "vedtak", "--limit", "many")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("The value 'many' is invalid for '--limit <limit>'"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Usage: docket search"), "\(refused.stderr)")
        let unknown = try docket.run("search", "vedtak", "--colour")
        #expect(unknown.status != 0 && unknown.stderr.contains("Unknown option '--colour'"), "\(unknown.stderr)")
        let missing = try docket.run("search", "vedtak", "--db", dir.path("none.sqlite"))
        #expect(missing.status != 0 && missing.stderr.contains("no database at"), "\(missing.stderr)")
        let found = try docket.run("search", "vedtak")
        #expect(found.status == 0 && found.stdout == "No items match.\n", "\(found.stderr)")
    }
}

extension SearchRequestTests {
    @Test(arguments: ["", "one line", "two\nlines", "a\r\nb", "«vedtak»\n\n…", "æøå\nÆØÅ\n"])
    func aSnippetOnOneLineIsWhatFoundationMadeOfIt(_ text: String) {
        #expect(SearchRequest.oneLine(text) == text.replacingOccurrences(of: "\n", with: " "))
    }
}
