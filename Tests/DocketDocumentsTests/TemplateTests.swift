import DocketDocuments
import Foundation
import Testing

/// The default templates are embedded, can be written out for editing, and a body's own folder
/// replaces them file by file.
@Suite struct TemplateTests {
    @Test func everyDocumentHasATemplateInEveryFormat() {
        let names = Set(DocumentTemplates.defaultFiles.map(\.name))
        for kind in DocumentKind.allCases {
            for suffix in ["md", "html", "txt", "wordml"] {
                #expect(names.contains("\(kind.rawValue).\(suffix).mustache"))
            }
        }
        #expect(names.contains("styles.wordml.mustache"))
        #expect(DocumentTemplates.defaultFiles.allSatisfy { $0.contents.hasSuffix("\n") }, "embedding keeps the final line break")
    }

    @Test func exportWritesEveryDefaultAndRefusesToOverwrite() throws {
        let folder = try temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DocumentTemplates.exportDefaults(to: folder)
        #expect(written.count == DocumentTemplates.defaultFiles.count)
        for file in DocumentTemplates.defaultFiles {
            let text = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(text == file.contents)
        }
        #expect(throws: DocumentError.self) { try DocumentTemplates.exportDefaults(to: folder) }
        #expect(try DocumentTemplates.exportDefaults(to: folder, overwrite: true).count == written.count)

        // The exported folder, unchanged, renders exactly as the defaults.
        let fromFolder = try DocumentRenderer(templateFolder: folder)
        let papers = SampleMeeting.papers()
        for format in [DocumentFormat.markdown, .html, .text] {
            #expect(try fromFolder.renderText(.summons, of: papers, as: format)
                    == DocumentRenderer().renderText(.summons, of: papers, as: format))
        }
    }

    @Test func overrideReplacesOneFileAndTheRestFallBack() throws {
        let folder = try temporaryFolder("override")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{% CONTENT_TYPE: MARKDOWN}}\nEgen mal for {{bodyName}}: {{#sections}}{{#rows}}[{{number}}]{{/rows}}{{/sections}}\n"
            .write(to: folder.appendingPathComponent("agenda-table.md.mustache"), atomically: true, encoding: .utf8)
        let renderer = try DocumentRenderer(templateFolder: folder)
        #expect(renderer.templates.overriddenFiles == ["agenda-table.md.mustache"])
        let papers = SampleMeeting.papers()
        let summons = try renderer.renderText(.summons, of: papers, as: .markdown)
        #expect(summons.contains("Egen mal for Fjordnetts styringsgruppe: [1/26][2/26][3/26][4/26][5/26]"))
        #expect(summons.contains("# Innkalling til møte i Fjordnetts styringsgruppe"), "the rest of the summons is the default")
        #expect(try renderer.renderText(.minutes, of: papers, as: .markdown)
                == DocumentRenderer().renderText(.minutes, of: papers, as: .markdown))
    }

    /// A changed template shows up as a difference from the golden file, named by line.
    @Test func changedTemplateShowsAsGoldenDiff() throws {
        guard !Golden.isUpdating else { return }
        let folder = try temporaryFolder("changed")
        defer { try? FileManager.default.removeItem(at: folder) }
        var partial = try #require(DocumentTemplates.defaultFiles.first { $0.name == "case-papers.md.mustache" }).contents
        partial = partial.replacingOccurrences(of: "**{{t.proposal}}**", with: "### {{t.proposal}}")
        try partial.write(to: folder.appendingPathComponent("case-papers.md.mustache"), atomically: true, encoding: .utf8)
        let changed = try DocumentRenderer(templateFolder: folder).renderText(.summons, of: SampleMeeting.papers(), as: .markdown)
        let golden = try String(contentsOf: Golden.folder.appendingPathComponent("sample-summons.md"), encoding: .utf8)
        let difference = try #require(Golden.firstDifference(golden, changed))
        #expect(difference.contains("### Forslag til vedtak:"))
    }

    @Test func syntaxErrorNamesFileLineAndColumn() throws {
        let folder = try temporaryFolder("broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("summons.md.mustache")
        try "{{% CONTENT_TYPE: MARKDOWN}}\n{{#casePapers}}\n{{title}}\n{{/casePaper}}\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try DocumentRenderer(templateFolder: folder)
            Issue.record("a broken template was accepted")
        } catch let DocumentError.templateSyntax(path, line, column, lineText, reason) {
            #expect(path == file.path)
            #expect(line == 4)
            #expect(column > 0)
            #expect(lineText == "{{/casePaper}}")
            #expect(reason.contains("closing tag"))
            let message = DocumentError.templateSyntax(file: path, line: line, column: column, lineText: lineText, reason: reason).description
            #expect(message.hasPrefix("\(file.path):4:"))
        }
    }

    @Test func unknownContentTypeIsASyntaxError() throws {
        let folder = try temporaryFolder("pragma")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{% CONTENT_TYPE: LATEX}}\nx\n".write(to: folder.appendingPathComponent("agenda.md.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try DocumentRenderer(templateFolder: folder)
        } throws: { error in
            guard case let DocumentError.templateSyntax(_, line, _, _, reason)? = error as? DocumentError else { return false }
            return line == 1 && reason.contains("MARKDOWN")
        }
    }

    @Test func unreadableFolderIsAnError() {
        #expect(throws: DocumentError.self) {
            _ = try DocumentRenderer(templateFolder: URL(fileURLWithPath: "/nonexistent/docket-templates"))
        }
    }

    @Test func docxAndPdfAreNotText() {
        #expect(throws: DocumentError.notText(.docx)) {
            try DocumentRenderer().renderText(.summons, of: SampleMeeting.papers(), as: .docx)
        }
    }
}
