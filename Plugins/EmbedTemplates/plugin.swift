import Foundation
import PackagePlugin

/// Embeds the target's `Templates/*.mustache` files (and the folder's README.md) as Swift string literals (through EmbedFilesTool),
/// so that a `docket` binary copied alone still has its default templates: `Bundle.module` is not
/// found next to a binary that was moved.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        // `Target.directoryURL` needs tools version 6.1; the package is 6.0.
        let folder = context.package.directoryURL.appending(path: "Sources/\(target.name)/Templates")
        let files = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" || $0.lastPathComponent == "README.md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) document templates",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: ["EmbeddedTemplates", output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output]
            )
        ]
    }
}
