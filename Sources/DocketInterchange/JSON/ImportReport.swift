import DocketStore

/// What an import did: rows inserted per table, conflicts (rows the store already had, kept as
/// they were) and warnings (links the file makes to things neither it nor the store has).
public struct ImportReport: Codable, Sendable, Equatable {
    public var inserted: [String: Int] = [:]
    public var conflicts: [String] = []
    public var warnings: [String] = []

    public init() {}

    /// What the merger of an import counted.
    init(_ merger: RowMerger) {
        inserted = merger.inserted
        conflicts = merger.conflicts
        warnings = merger.warnings
    }

    public var insertedCount: Int { inserted.values.reduce(0, +) }
}
