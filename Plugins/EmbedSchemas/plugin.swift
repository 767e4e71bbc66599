import Foundation
import PackagePlugin

/// Embeds the target's `Noark5/Schemas/*.xsd` files byte for byte (base64, through EmbedFilesTool),
/// so that a `docket` binary copied alone still writes the unmodified XSDs into a Noark 5 transfer
/// package: `Bundle.module` is not found next to a binary that was moved.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Sources/\(target.name)/Noark5/Schemas")
        let files = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xsd" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) Noark 5 schemas",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: ["--base64", "EmbeddedSchemas", output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output]
            )
        ]
    }
}
