import ArgumentParser
import DocketStore
import Foundation

/// Where the database is: `--db`, else `$DOCKET_DB`, else `./docket.sqlite`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["DOCKET_DB"] ?? "docket.sqlite"
    }

    /// Opens an existing store; a missing file is an error that says how to make one.
    func open() throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no database at '\(path)'; create one with 'docket init --db \(path)' or give --db")
        }
        return try Store(path: path, mustExist: true)
    }
}

/// `--json` for scripts; a table for people otherwise.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
