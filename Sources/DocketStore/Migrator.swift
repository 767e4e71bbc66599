import SQLite

/// Applies the numbered migrations embedded from `Migrations/*.sql`, each in its own transaction,
/// and records the schema version in `PRAGMA user_version`.
///
/// A database written by a newer Docket (a higher version than this binary knows) is refused
/// before anything is written to it.
public struct Migrator: Sendable {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    public let migrations: [Migration]

    /// The migrations compiled into this binary.
    public static let embedded = Migrator(files: EmbeddedMigrations.files)

    init(files: [(name: String, contents: String)]) {
        migrations = files.compactMap { file in
            guard let version = Int(file.name.prefix(while: \.isNumber)) else { return nil }
            return Migration(version: version, name: file.name, sql: file.contents)
        }.sorted { $0.version < $1.version }
        precondition(Set(migrations.map(\.version)).count == migrations.count, "two migrations share a version number")
    }

    /// The schema version this binary writes.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    public func currentVersion(of db: Database) throws -> Int {
        try db.fetchValue(Int.self, "PRAGMA user_version") ?? 0
    }

    /// Refuses a database written by a newer Docket, before anything is written to it.
    public func checkVersion(of db: Database) throws {
        let current = try currentVersion(of: db)
        guard current <= latestVersion else {
            throw StoreError.newerDatabase(found: current, supported: latestVersion)
        }
    }

    /// Brings the database up to ``latestVersion``.
    /// - throws: ``StoreError/newerDatabase(found:supported:)`` when the file is from a newer Docket.
    public func migrate(_ db: Database) throws {
        try checkVersion(of: db)
        let current = try currentVersion(of: db)
        for migration in migrations where migration.version > current {
            try db.transaction { db in
                try db.execute(script: migration.sql)
                if let violation = try db.fetchOne("PRAGMA foreign_key_check") {
                    throw StoreError.invalid("migration \(migration.name) leaves a broken reference in \(violation[0])")
                }
                // PRAGMA takes no bound parameters; the version is an integer from the file name.
                try db.execute(script: "PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
