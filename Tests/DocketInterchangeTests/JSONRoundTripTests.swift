import DocketInterchange
import DocketModel
@testable import DocketStore
import Foundation
import SQLite
import Testing

@Suite struct JSONRoundTripTests {
    @Test func anExportImportedIntoAnEmptyStoreGivesTheSameStoreRowByRow() throws {
        let original = try makeRichStore()
        let json = try InterchangeExporter(store: original).export()
        let copy = try Store.inMemory()
        let report = try InterchangeImporter(store: copy).importJSON(json, file: "export.json")
        #expect(report.conflicts.isEmpty)
        #expect(report.warnings.isEmpty)
        let before = try tableDump(original), after = try tableDump(copy)
        #expect(before.keys.sorted() == after.keys.sorted())
        for table in before.keys.sorted() {
            #expect(before[table] == after[table], "table \(table) differs")
        }
        // And the copy exports to the very same bytes.
        #expect(try InterchangeExporter(store: copy).export() == json)
    }

    @Test func awkwardTextsEmptyStringsAndNullsComeBackExactly() throws {
        let original = try makeRichStore()
        let copy = try Store.inMemory()
        try InterchangeImporter(store: copy).importJSON(try InterchangeExporter(store: original).export(), file: "x.json")
        let item = try copy.item("styringsgruppen 5/19")
        #expect(item.title == Awkward.title)
        #expect(item.caseText == Awkward.text)
        #expect(item.basis == "")
        #expect(item.publicTitle == nil)
        #expect(try copy.body(slug: "fg-helse").mandate == "")
        #expect(try copy.db.fetchValue(String.self, "SELECT email FROM person WHERE name = 'Håkon Ås'") == "")
        #expect(try copy.db.fetchOne("SELECT email FROM person WHERE name = 'Eli Aksnes'")?["email"] == .null)
        #expect(try copy.decision(itemID: item.id)?.text == "Rettet: " + Awkward.text)
        #expect(try copy.attachmentContent(id: 1) == Data("%PDF-1.4 æøå \u{0}\u{1}\u{FF}".utf8))
        #expect(try copy.attachmentContent(id: 4) == Data())
    }

    @Test func theStoreKeepsItsRulesAfterImport() throws {
        let copy = try Store.inMemory()
        try InterchangeImporter(store: copy).importJSON(try InterchangeExporter(store: try makeRichStore()).export(), file: "x.json")
        // Approved minutes are final again, and numbering continues after the imported numbers.
        #expect(throws: StoreError.self) { try copy.recordDecision("styringsgruppen 5/19", DecisionDraft(text: "Nytt", outcome: .adopted, tally: nil)) }
        let next = try copy.addItem(to: "styringsgruppen@2019-06-12", ItemDraft(title: "Ny sak", kind: .information))
        #expect(next.number.sequence == 12)
        #expect(try copy.db.fetchOne("PRAGMA foreign_key_check") == nil)
    }

    @Test func theExportValidatesAgainstTheJSONSchema() throws {
        let dir = try TemporaryDirectory()
        let exportPath = dir.path("export.json")
        try InterchangeExporter(store: try makeRichStore()).export().write(to: URL(fileURLWithPath: exportPath))
        let publicPath = dir.path("public.json")
        try InterchangeExporter(store: try makeRichStore()).export(scope: .init(isPublic: true)).write(to: URL(fileURLWithPath: publicPath))
        guard let probe = runProcess("python3", ["-c", "import jsonschema"]), probe.status == 0 else {
            Issue.record("scripts/setup installs what this test needs, but python3 with the jsonschema module is not installed (Debian: python3-jsonschema)")
            return
        }
        let schema = packageRoot.appending(path: "Schemas/docket-export.schema.json").path
        for path in [exportPath, publicPath] {
            let script = """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))
                print("valid")
                """
            let result = runProcess("python3", ["-c", script, schema, path])
            #expect(result?.status == 0, "\(result?.output ?? "")")
        }
    }
}
