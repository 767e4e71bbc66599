import Foundation
import PackagePlugin

/// Embeds the package's top-level `Migrations/*.sql` in the target as Swift string literals,
/// so that a `docket` binary copied alone still creates and upgrades databases.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Migrations")
        let files = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) migrations",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: ["EmbeddedMigrations", output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output]
            )
        ]
    }
}
