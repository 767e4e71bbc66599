import SQLite

/// Writing each item's full-text search row once per write (migration 0015).
///
/// An item's FTS5 row holds its texts and its decision's, so a write that stores an item and then
/// its decision would have its triggers tokenise the item three times (insert; delete, which FTS5
/// tokenises again; insert of the whole row). A write that stores many items and their parts (an
/// import) defers their rows instead: the triggers note the items, and the write writes each
/// noted item's row once from its parts before it commits.
extension Store {
    /// Runs `body` in one write (joining the caller's, if any) with the search rows of the items it
    /// writes deferred, then writes each noted item's row once. Nested calls join the outer one,
    /// which writes the rows. If `body` throws, its write is undone whole, the deferral with it.
    ///
    /// Searches inside `body` may miss or see the earlier texts of the items it wrote; after it,
    /// the index is exactly what the triggers would have made one row at a time.
    @discardableResult
    public func deferringSearchRows<T>(_ body: () throws -> T) throws -> T {
        try write { db in
            if try db.fetchValue(Bool.self, "SELECT EXISTS (SELECT 1 FROM item_search_deferral)") == true {
                return try body()
            }
            try db.execute("INSERT INTO item_search_deferral (id) VALUES (1)")
            let result = try body()
            try writePendingSearchRows()
            return result
        }
    }

    /// Writes the row of every item noted while the search rows were deferred (deleting the row an
    /// item had before, and that of an item gone), and ends the deferral.
    func writePendingSearchRows() throws {
        try db.execute("DELETE FROM item_search_deferral")
        try db.execute("DELETE FROM item_search WHERE rowid IN (SELECT item_id FROM item_search_pending)")
        try db.execute("""
            INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
            SELECT i.id, i.title, i.case_text, i.proposal, d.text, d.remarks
            FROM item_search_pending p JOIN agenda_item i ON i.id = p.item_id LEFT JOIN decision d ON d.item_id = i.id
            ORDER BY i.id
            """)
        try db.execute("DELETE FROM item_search_pending")
    }
}
