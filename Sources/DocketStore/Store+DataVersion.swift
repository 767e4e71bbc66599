extension Store {
    /// A number that changes whenever another connection (another `Store`, another process such as
    /// the CLI) commits a change to the file: SQLite's `PRAGMA data_version`. A server that caches
    /// what it rendered keeps one connection to ask, and renders again when the number moves.
    public var dataVersion: Int64 {
        get throws { try db.fetchValue(Int64.self, "PRAGMA data_version") ?? 0 }
    }

    /// Where this connection's view of the file stands: equal moments, no change in between,
    /// whether another connection committed it (`data_version`) or this one wrote it (its total
    /// of changed rows, which `data_version` does not count).
    struct ChangeMoment: Equatable {
        var dataVersion: Int64
        var ownChanges: Int
    }

    var changeMoment: ChangeMoment {
        get throws { ChangeMoment(dataVersion: try dataVersion, ownChanges: db.totalChangesCount) }
    }

    /// ``bodies()``, read again only when the database changed since the last read on this
    /// connection: the search page lists every body in its form, for every search.
    ///
    /// The moment is taken before the read, so what is kept is never older than its moment (a
    /// commit in between only makes the next call read again); inside a read transaction both
    /// are of its snapshot.
    public func bodiesUntilChanged() throws -> [Body] {
        let moment = try changeMoment
        if let kept = keptBodies, kept.moment == moment { return kept.bodies }
        let bodies = try bodies()
        keptBodies = (moment, bodies)
        return bodies
    }
}
