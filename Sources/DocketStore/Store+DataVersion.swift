extension Store {
    /// A number that changes whenever another connection (another `Store`, another process such as
    /// the CLI) commits a change to the file: SQLite's `PRAGMA data_version`. A server that caches
    /// what it rendered keeps one connection to ask, and renders again when the number moves.
    public var dataVersion: Int64 {
        get throws { try db.fetchValue(Int64.self, "PRAGMA data_version") ?? 0 }
    }
}
