import ArgumentParser
import DocketDocuments
import Foundation

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write out the default document templates, to copy and edit for a body.",
        subcommands: [TemplatesExport.self])
}

struct TemplatesExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the default Mustache templates to a folder.",
        discussion: """
            Edit the copies, then point a body at the folder:
              docket templates export maler/styringsgruppen
              docket body edit styringsgruppen --templates maler/styringsgruppen
            Templates missing from the folder fall back to the defaults. README.md in the folder lists every variable.
            """)

    @Argument(help: "The folder to write to (created if missing).") var folder: String
    @Flag(help: "Replace files that are already there.") var overwrite = false

    func run() throws {
        let written = try DocumentTemplates.exportDefaults(to: URL(fileURLWithPath: folder), overwrite: overwrite)
        print("Wrote \(written.count) templates to \(folder)")
    }
}
