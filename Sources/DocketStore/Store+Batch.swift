import SQLite

/// A batch of many small write transactions (`docket import` of a folder: one transaction a
/// document), made durable together at the end instead of one by one.
///
/// Why: a store commits with `synchronous = FULL`, so each commit waits for the disk (fdatasync of
/// the WAL): on the ImportBenchmark's 200 documents those waits were most of the import's time. And
/// the nested writes of an import open savepoints, whose sub-journal SQLite spilled to a temporary
/// file (178 000 writes of a page for 200 documents).
///
/// What stays: each transaction is still atomic (all of a document or nothing), and a process
/// killed at any point (kill -9) loses nothing committed, since the commits are in the WAL the
/// operating system holds. What a batch gives up, until it ends: a power cut or a crash of the
/// operating system may lose its last commits (never corrupt the store: SQLite's WAL with
/// `synchronous = NORMAL`); the documents lost are then not recorded as imported either, and an
/// import of the folder again stores them. The derived search index copes with a store that went
/// back (its applied change number above the store's: rebuilt, see Store+SearchIndex.swift).
/// At its end the batch restores the settings and checkpoints the WAL, which syncs it.
extension Store {
    public func writingBatch<T>(_ body: () throws -> T) throws -> T {
        // Nested batches, batches inside a transaction and batches on a store not in WAL mode (in
        // memory; rollback journals, where NORMAL could corrupt on a power cut) change nothing.
        let previous = try db.fetchValue(Int.self, "PRAGMA synchronous") ?? 2
        let previousTemp = try db.fetchValue(Int.self, "PRAGMA temp_store") ?? 0
        guard !db.isInsideTransaction, previous > 1,
              try db.fetchValue(String.self, "PRAGMA journal_mode")?.lowercased() == "wal" else { return try body() }
        try db.execute(script: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY")
        defer {
            try? db.execute(script: "PRAGMA synchronous = \(previous); PRAGMA temp_store = \(previousTemp)")
            // Makes the batch durable: a checkpoint syncs the WAL before it copies it into the file
            // (all of it, unless another process's open read holds part of it back; that part is
            // synced at the next checkpoint).
            _ = try? db.fetchAll("PRAGMA wal_checkpoint(PASSIVE)")
        }
        return try body()
    }
}
