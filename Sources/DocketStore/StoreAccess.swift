import SQLite

extension Store {
    /// What a command may do to the database file it opens.
    ///
    /// Only ``create`` (`docket init`) makes a new Docket database. A command that writes brings
    /// an older Docket database up to date (it is Docket's own file); a command that only reads
    /// opens the file read-only and never writes a byte to it. No access turns a file that is not
    /// Docket's into a Docket database.
    public enum Access: Sendable {
        /// Create the schema in a new or empty file, or migrate an older Docket database.
        case create
        /// An existing Docket database, migrated when an older Docket wrote it.
        case readWrite
        /// An existing Docket database at this binary's schema version, opened read-only.
        case readOnly
    }

    /// How long a command waits for another docket's write lock before it gives up.
    public static let defaultBusyTimeout: Duration = .seconds(30)
}

/// Whether `error` is SQLite giving up on a lock another connection held longer than the busy
/// timeout: another docket writing (an import, say), not a fault of this command.
public func isDatabaseBusy(_ error: any Error) -> Bool {
    (error as? SQLiteError)?.isBusy == true
}

/// What a SQLite file holds, as far as opening it is concerned.
enum DatabaseIdentity: Equatable {
    /// No tables and `user_version` 0: a file just made, or made by `sqlite3` with nothing in it.
    case empty
    /// Docket's tables at a schema version this binary knows.
    case docket(version: Int)
    /// A `user_version` above any this binary knows: a newer Docket's file.
    case newer(version: Int)
    /// Anything else: another program's tables, or a `user_version` Docket never wrote.
    case foreign(tables: [String], userVersion: Int)

    /// The tables every Docket schema has had since the first migration.
    static let docketTables: Set<String> = ["organisation", "body", "person", "membership", "meeting", "agenda_item", "decision"]

    init(of db: Database, latestVersion: Int) throws {
        let version = try db.fetchValue(Int.self, "PRAGMA user_version") ?? 0
        let tables = try db.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .compactMap { try? $0.decode(at: 0, as: String.self) }
        if version == 0 && tables.isEmpty {
            self = .empty
        } else if version > latestVersion {
            self = .newer(version: version)
        } else if version >= 1 && DatabaseIdentity.docketTables.isSubset(of: tables) {
            self = .docket(version: version)
        } else {
            self = .foreign(tables: tables, userVersion: version)
        }
    }
}

/// Why a file could not be opened as a Docket database; the file is left as it was.
public struct StoreOpeningError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Reason: Equatable, Sendable {
        /// Another program's SQLite file, or one with a `user_version` Docket never wrote.
        case notDocket(tables: [String], userVersion: Int)
        /// An empty SQLite file, opened by a command other than `docket init`.
        case empty
        /// A Docket database from an older version, opened by a command that only reads.
        case olderSchema(found: Int, latest: Int)
        /// The file (or its folder) cannot be written, and the command writes.
        case readOnly
    }

    public var path: String
    public var reason: Reason

    public var description: String {
        switch reason {
        case let .notDocket(tables, userVersion):
            let found = tables.isEmpty ? "no tables" : "the tables " + tables.prefix(8).joined(separator: ", ") + (tables.count > 8 ? " and \(tables.count - 8) more" : "")
            return "'\(path)' is not a Docket database: it holds \(found) (user_version \(userVersion)); "
                + "docket left it untouched. Give --db the path of a Docket database, or create one with 'docket init --db NEW.sqlite'"
        case .empty:
            return "'\(path)' is an empty SQLite file, not yet a Docket database; create one there with 'docket init --db \(path)'"
        case let .olderSchema(found, latest):
            return "'\(path)' has schema version \(found) from an older docket; this one reads version \(latest). "
                + "Bring it up to date with 'docket init --db \(path)' (a command that only reads never changes the file)"
        case .readOnly:
            return "'\(path)' is read-only (the file, or the folder it is in), and this command writes to the database; "
                + "commands that only read still work"
        }
    }
}
