import ArgumentParser
import DocketStore
import Foundation

/// Where the database is: `--db`, else `$DOCKET_DB`, else `./docket.sqlite`; and how long to
/// wait for another docket that is writing to it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait while another docket writes to the database (default: $DOCKET_WAIT, else 30).", valueName: "seconds"))
    var wait: Int?

    var path: String {
        StoreOptions.path(db: db)
    }

    /// `--db`, else `$DOCKET_DB`, else `./docket.sqlite`.
    static func path(db: String?) -> String {
        db ?? ProcessInfo.processInfo.environment["DOCKET_DB"] ?? "docket.sqlite"
    }

    /// `--wait`, else `$DOCKET_WAIT`, else the store's default (30 s).
    var busyTimeout: Duration {
        get throws { try StoreOptions.busyTimeout(wait: wait) }
    }

    /// `--wait`, else `$DOCKET_WAIT`, else the store's default (30 s).
    static func busyTimeout(wait: Int?) throws -> Duration {
        if let wait {
            guard wait >= 0 else { throw ValidationError("--wait takes a number of seconds, 0 or more") }
            return .seconds(wait)
        }
        if let text = ProcessInfo.processInfo.environment["DOCKET_WAIT"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw ValidationError("DOCKET_WAIT is '\(text)'; expected a number of seconds, 0 or more")
            }
            return .seconds(seconds)
        }
        return Store.defaultBusyTimeout
    }

    /// Opens an existing store for a command that writes; a missing file is an error that says
    /// how to make one. An older Docket database is brought up to date; another program's file is refused.
    func open() throws -> Store {
        try open(.readWrite)
    }

    /// Opens an existing store read-only, for a command that only reads: nothing is written to
    /// the file (no journal mode, no migration), so a read-only file can be read.
    func openForReading() throws -> Store {
        try open(.readOnly)
    }

    /// Creates the store (or brings an older Docket database up to date): `docket init`.
    func create() throws -> Store {
        try open(.create)
    }

    private func open(_ access: Store.Access) throws -> Store {
        try StoreOptions.open(db: db, wait: wait, access: access)
    }

    /// Opens the store `--db` (or `$DOCKET_DB`, or `./docket.sqlite`) names, waiting `--wait` (or
    /// `$DOCKET_WAIT`) seconds for a writer: also for `docket search` read without ArgumentParser.
    static func open(db: String?, wait: Int?, access: Store.Access) throws -> Store {
        let path = StoreOptions.path(db: db)
        if access != .create {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("no database at '\(path)'; create one with 'docket init --db \(path)' or give --db")
            }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("'\(path)' is a folder; give --db the path of a database file")
        }
        let timeout = try busyTimeout(wait: wait)
        StoreOptions.opened = (path, timeout)
        return try Store(path: path, access: access, busyTimeout: timeout)
    }

    /// The database this run opened and how long it waits for a lock, for the message when
    /// another docket held the lock longer (see `Docket.main`).
    nonisolated(unsafe) static var opened: (path: String, wait: Duration)?

    /// What a lock held too long by another docket is told as.
    static func waitedTooLong() -> ValidationError {
        let place = opened.map { "'\($0.path)'" } ?? "the database"
        let waited = opened.map { " after waiting \($0.wait.components.seconds) s" } ?? ""
        return ValidationError("another docket is writing to \(place); gave up\(waited). "
                               + "Nothing was changed: try again when it is done, or wait longer with --wait SECONDS")
    }
}

/// `--json` for scripts; a table for people otherwise.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
