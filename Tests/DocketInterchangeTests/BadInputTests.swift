import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import SQLite
import Testing

/// Each bad file: a message naming the file, the line (and column) and what was expected, and
/// nothing of the file stored.
@Suite struct BadInputTests {
    func export() throws -> String {
        String(decoding: try InterchangeExporter(store: try makeRichStore()).export(), as: UTF8.self)
    }

    func expectRefused(_ text: String, line: Int?, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let store = try makeStore()
        let before = try tableDump(store)
        do {
            try InterchangeImporter(store: store).importJSON(Data(text.utf8), file: "bad.json")
            Issue.record("the bad file was imported", sourceLocation: sourceLocation)
        } catch let error as InterchangeError {
            #expect(error.file == "bad.json", sourceLocation: sourceLocation)
            if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
            for word in words { #expect(error.description.contains(word), "\(error)", sourceLocation: sourceLocation) }
            #expect(error.description.contains("expected"), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(try tableDump(store) == before, "the store changed", sourceLocation: sourceLocation)
    }

    /// A store with something in it, so that "unchanged" means something.
    func makeStore() throws -> Store {
        let store = try Store.inMemory()
        try store.addBody(slug: "annet", BodyDraft(name: "Annet organ"))
        return store
    }

    func lineOf(_ needle: String, in text: String) -> Int {
        let prefix = text.range(of: needle).map { text[..<$0.lowerBound] } ?? ""
        return prefix.filter { $0 == "\n" }.count + 1
    }

    @Test func malformedJSON() throws {
        try expectRefused("{\n  \"format\": \"docket-interchange\",\n  \"formatVersion\": 1,\n  \"people\": [ { \"name\": \"Per\" ]\n}", line: 4, mentioning: ["not valid JSON"])
    }

    @Test func anUnknownFormatVersion() throws {
        let text = try export().replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 7")
        try expectRefused(text, line: lineOf("\"formatVersion\"", in: text), mentioning: ["format version 7", "newer docket"])
    }

    @Test func aDateThatDoesNotExist() throws {
        let text = try export().replacingOccurrences(of: "\"date\":\"2019-06-12\"", with: "\"date\":\"2019-02-30\"")
        try expectRefused(text, line: lineOf("\"2019-02-30\"", in: text), mentioning: ["2019-02-30", "not a date that exists"])
    }

    @Test func anUnknownBody() throws {
        var text = try export()
        let range = try #require(text.range(of: "\"body\":\"fg-helse\""))
        text.replaceSubrange(range, with: "\"body\":\"fg-hjelse\"")
        try expectRefused(text, line: lineOf("fg-hjelse", in: text), mentioning: ["no body 'fg-hjelse'"])
    }

    @Test func aDuplicateItemNumber() throws {
        let text = try export().replacingOccurrences(of: "\"number\":\"6/2019\"", with: "\"number\":\"5/2019\"")
        let second = text.ranges(of: "\"number\":\"5/2019\"")[1]
        let line = text[..<second.lowerBound].filter { $0 == "\n" }.count + 1
        try expectRefused(text, line: line, mentioning: ["styringsgruppen 5/2019", "used twice"])
    }

    @Test func aMissingFieldAndAWrongType() throws {
        let text = try export().replacingOccurrences(of: "\"isExempt\":false", with: "\"isExempt\":\"nei\"")
        try expectRefused(text, line: lineOf("\"nei\"", in: text), mentioning: ["isExempt", "true or false"])
        try expectRefused("{\"format\": \"docket-interchange\", \"formatVersion\": 1}", line: 1, mentioning: ["missing"])
    }

    @Test func anotherFormat() throws {
        try expectRefused("{\"format\": \"noark5\", \"formatVersion\": 1}", line: 1, mentioning: ["noark5", "docket-interchange"])
    }
}
