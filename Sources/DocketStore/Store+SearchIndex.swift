import CSQLite
import CXapianShim
import DocketModel
import Foundation
import SQLite

/// Docket's derived search index: Xapian (BM25), fed with the Norwegian tokenizer's own tokens, in
/// a folder beside the database file (`docket.sqlite` → `docket.sqlite.search/`; an in-memory store
/// keeps one in memory).
///
/// Why: FTS5 hands every match through SQL to be ranked, so its time follows the number of
/// matches; Xapian's follows the hits it shows (the issue 17 benchmark). SQLite stays the one
/// source of truth: the index holds nothing the store cannot give again.
///
/// How it stays right (migration 0012): every write that changes an item's search document records
/// the item with a new change number in `search_change`, in the write's own transaction. Before a
/// search, the index applies the changes numbered after the last one it applied (noted in its own
/// metadata, committed with the documents): so a kill -9 after the store's commit and before the
/// index's loses nothing; the next search catches up. An index that is missing, damaged, of another
/// scheme (`DX_SCHEME`, which names the tokenizer's version) or of another store (the store's
/// identity) is rebuilt from the store.
///
/// Who writes it: any opener that can write the folder, even one that opened the database read-only
/// (`docket search`): the database file itself is never written by a search. Where the index cannot
/// be made current (a read-only folder, another process holding Xapian's write lock, a search inside
/// an open write transaction, whose rows are not committed) or cannot answer (phrases, a prefix of
/// several words or of more than 5000 terms, column filters, OR mixed with AND), the search is answered by FTS5 as before: slower, never wrong.
final class SearchIndex {
    /// nil: in memory.
    let folder: String?
    private(set) var handle: OpaquePointer?
    private(set) var isWritable = false
    /// How many searches the index answered (tests tell the two paths apart by it).
    var answered = 0
    /// How many times the index was checked against the store's identity and change number (its
    /// metadata read, the reader reopened): tests see that an unchanged store costs no check.
    var checks = 0
    /// A search failed inside Xapian (a damaged file): the next catch-up rebuilds the index.
    var isSuspect = false
    /// The store's change number the open index was last found to hold (nil: not known, as after
    /// opening or a failure). While the store's latest change number is still this one, a search uses
    /// the open reader as it is: no reopen, no metadata read, one indexed SQL read (issue 17: a
    /// long-lived process such as the web server keeps its reader). Memory only: a new process, or
    /// one killed mid-write, starts from nil and checks the index's own metadata again.
    var current: Int64?

    init(folder: String?) {
        self.folder = folder
    }

    /// mode: 0 read only, 1 writable, 2 writable and emptied. Throws ``SearchIndexError``.
    func open(mode: Int32, connection: OpaquePointer) throws {
        close()
        current = nil
        var error: UnsafeMutablePointer<CChar>?
        var locked: Int32 = 0
        let opened = folder.map { dx_open($0, mode, connection, &error, &locked) } ?? dx_open(nil, 1, connection, &error, &locked)
        guard let opened else { throw SearchIndexError(message: Self.take(error), isLocked: locked != 0) }
        handle = opened
        isWritable = folder == nil || mode != 0
    }

    func close() {
        if let handle { dx_close(handle) }
        handle = nil
        isWritable = false
        current = nil
    }

    func metadata(_ key: String) -> String? {
        guard let handle else { return nil }
        var error: UnsafeMutablePointer<CChar>?
        guard let value = dx_metadata(handle, key, &error) else { _ = Self.take(error); return nil }
        defer { dx_free(value) }
        return String(cString: value)
    }

    /// Runs a shim call that returns 0 on success, throwing its message otherwise.
    func check(_ call: (inout UnsafeMutablePointer<CChar>?) -> Int32) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard call(&error) == 0 else { throw SearchIndexError(message: Self.take(error), isLocked: false) }
    }

    static func take(_ error: UnsafeMutablePointer<CChar>?) -> String {
        guard let error else { return "unknown error" }
        defer { dx_free(error) }
        return String(cString: error)
    }
}

struct SearchIndexError: Error, CustomStringConvertible {
    var message: String
    var isLocked: Bool
    var description: String { "search index: \(message)" }
}

extension Store {
    /// How much a token weighs in each column (title, case text, proposal, decision, debate): the
    /// same proportions as the FTS5 ranking (``Store/weights``), as within-document frequencies.
    static let searchIndexWeights: [UInt32] = [10, 1, 2, 5, 1]

    /// Shards a build merges at a time (in rounds beyond): each open shard holds files open. Tests
    /// lower it to see the rounds on a small store.
    nonisolated(unsafe) static var searchIndexMergeFanIn = 64

    /// Documents between the commits of a large catch-up (Xapian's own flush comes every 10 000).
    static let catchUpBatch = 1_000

    /// Brings the derived search index up to date now, instead of at the next search (after a large
    /// import, or to time its build); false when it cannot be written now (see ``SearchIndex``).
    @discardableResult
    public func updateSearchIndex() -> Bool { currentSearchIndex() != nil }

    /// The derived search index's folder beside the database file; nil for an in-memory store.
    public var searchIndexFolder: String? {
        path == ":memory:" || path.isEmpty || path.hasPrefix("file:") ? nil : path + ".search"
    }

    /// The index, caught up with the store, or nil when it cannot be made current now (see
    /// ``SearchIndex``): the caller asks FTS5.
    func currentSearchIndex() -> SearchIndex? {
        guard !db.isInsideTransaction, let connection = db.sqliteConnection else { return nil }
        do {
            // The open reader as it is, while the store has no change it has not seen.
            if let index = searchIndex, index.handle != nil, !index.isSuspect, let current = index.current,
               try db.fetchValue(Int64.self, "SELECT coalesce(max(seq), 0) FROM search_change") == current {
                return index
            }
            return try catchUpSearchIndex(connection: connection, rebuild: false)
        } catch {
            searchIndex?.close()
            return nil
        }
    }

    /// Brings the index up to the store's last change number: applies the changes since the last
    /// one it applied, or rebuilds it (missing, another scheme or store, or `rebuild`). Everything is
    /// read in one read transaction, so the number noted is that of the rows written.
    @discardableResult
    func catchUpSearchIndex(connection: OpaquePointer, rebuild: Bool) throws -> SearchIndex {
        let index = searchIndex ?? SearchIndex(folder: searchIndexFolder)
        searchIndex = index
        index.checks += 1
        return try read {
            let identity = try db.fetchValue(String.self, "SELECT identity FROM search_index_identity WHERE id = 1") ?? ""
            let latest = try db.fetchValue(Int64.self, "SELECT coalesce(max(seq), 0) FROM search_change") ?? 0
            if index.handle == nil {
                if index.folder == nil {
                    try index.open(mode: 1, connection: connection)
                } else if FileManager.default.fileExists(atPath: index.folder!) {
                    try? index.open(mode: 0, connection: connection)
                }
            } else if !index.isWritable, let handle = index.handle {
                try index.check { dx_reopen(handle, &$0) }
            }
            let isOurs = index.metadata("scheme") == DX_SCHEME && index.metadata("identity") == identity
            let applied = isOurs && !rebuild && !index.isSuspect ? index.metadata("applied").flatMap { Int64($0) } : nil
            if let applied, applied == latest {
                index.current = latest
                return index
            }
            // Missing, foreign, suspect or asked for: a folder's index is built afresh beside it and
            // swapped in whole (a build killed half-way leaves the old folder, never half an index).
            let emptied = applied == nil || applied! > latest
            if emptied, let folder = index.folder {
                index.close()
                try buildSearchIndex(into: folder, connection: connection, metadata: [
                    ("scheme", DX_SCHEME), ("identity", identity), ("applied", String(latest)),
                ])
                index.isSuspect = false
                try index.open(mode: 0, connection: connection)
                index.current = latest
                return index
            }
            // Catching up: a folder's index is opened for writing only as long as it takes (Xapian's lock).
            if index.folder != nil || emptied { try index.open(mode: 1, connection: connection) }
            guard let writer = index.handle else { throw SearchIndexError(message: "not open", isLocked: false) }
            try applyChanges(to: writer, since: emptied ? nil : applied)
            try index.check { dx_set_metadata(writer, "scheme", DX_SCHEME, &$0) }
            try index.check { dx_set_metadata(writer, "identity", identity, &$0) }
            try index.check { dx_set_metadata(writer, "applied", String(latest), &$0) }
            try index.check { dx_commit(writer, &$0) }
            index.isSuspect = false
            if index.folder != nil { try index.open(mode: 0, connection: connection) }
            index.current = latest
            return index
        }
    }

    /// Builds the index of every item into a fresh folder beside `folder` (`…search.new-PID-…`), on
    /// every core, and swaps it in whole with its metadata (issue 17: the build through one writer
    /// took 8× as long as a plain FTS5 insert; see dx_build_begin). Folders left by a build that was
    /// killed (their process gone) are removed first.
    private func buildSearchIndex(into folder: String, connection: OpaquePointer, metadata: [(String, String)]) throws {
        Self.removeAbandonedBuilds(of: folder)
        let work = folder + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var error: UnsafeMutablePointer<CChar>?
        guard let builder = Self.searchIndexWeights.withUnsafeBufferPointer({ weights in
            dx_build_begin(work, folder, connection, weights.baseAddress, 0, Int32(Self.searchIndexMergeFanIn), &error)
        }) else { throw SearchIndexError(message: SearchIndex.take(error), isLocked: false) }
        do {
            try forEachSearchDocument(since: nil) { id, texts, terms, date in
                try SearchIndex.checkCall { error in
                    texts.withUnsafeBufferPointer { textBuffer in
                        terms.withUnsafeBufferPointer { termBuffer in
                            dx_build_add(builder, id, textBuffer.baseAddress, termBuffer.baseAddress, Int32(termBuffer.count), date, &error)
                        }
                    }
                }
            }
        } catch {
            dx_build_abandon(builder)
            throw error
        }
        try withCStrings(metadata.map(\.0)) { keys in
            try withCStrings(metadata.map(\.1)) { values in
                try SearchIndex.checkCall { dx_build_finish(builder, keys, values, Int32(metadata.count), &$0) }
            }
        }
    }

    /// Removes the work folders of builds whose process is gone (killed mid-build).
    static func removeAbandonedBuilds(of folder: String) {
        let url = URL(fileURLWithPath: folder)
        let prefix = url.lastPathComponent + ".new-"
        let parent = url.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appending(path: name))
            }
        }
    }

    /// Each item's search document: its five texts, its filters as terms, its meeting date.
    private static let searchDocumentSQL = """
        SELECT i.id, i.title, i.case_text, i.proposal, d.text AS decision, d.remarks, b.slug, i.kind, i.year, m.date,
               i.is_exempt, d.outcome
        FROM agenda_item i
        JOIN meeting m ON m.id = i.meeting_id
        JOIN body b ON b.id = i.body_id
        LEFT JOIN decision d ON d.item_id = i.id
        """

    /// Calls `body` with each item's search document, in ascending id order (all items when
    /// `applied` is nil, else those changed after it): its id, its five texts and its filter terms
    /// as C strings (valid for the call), its meeting date.
    private func forEachSearchDocument(
        since applied: Int64?,
        _ body: (Int64, [UnsafePointer<CChar>?], [UnsafePointer<CChar>?], String) throws -> Void
    ) throws {
        let changed = applied == nil ? "" : " WHERE i.id IN (SELECT item_id FROM search_change WHERE seq > ?)"
        let arguments: StatementArguments = applied.map { [$0] } ?? []
        try db.forEachRow(Self.searchDocumentSQL + changed + " ORDER BY i.id", arguments) { row in
            let id: Int64 = try row.decode(at: 0)
            let texts: [String?] = (1...5).map { String.fromDatabaseValue(row[$0]) }
            var terms = ["XB" + (try row.decode(at: 6) as String), "XY" + String(try row.decode(at: 8) as Int)]
            // An imported item may have no kind (the document gave none): it has no kind term, and
            // a search filtered by kind does not find it, as in FTS5's path (`i.kind = ?`).
            if let kind = String.fromDatabaseValue(row[7]) { terms.append("XK" + kind) }
            if try row.decode(at: 10) as Bool { terms.append("XE1") }
            if let outcome = String.fromDatabaseValue(row[11]) { terms.append("XO" + outcome) }
            let date: String = try row.decode(at: 9)
            let cTexts = texts.map { $0.flatMap { strdup($0) } }
            let cTerms = terms.map { strdup($0) }
            defer {
                cTexts.forEach { free($0) }
                cTerms.forEach { free($0) }
            }
            try body(id, cTexts.map { UnsafePointer($0) }, cTerms.map { UnsafePointer($0) }, date)
        }
    }

    /// Writes the documents of the items changed after `applied` (all items when nil) and deletes
    /// those of the items gone since.
    ///
    /// A large catch-up (after an import) commits every ``catchUpBatch`` documents: Xapian's pending
    /// postings then stay small (see dx_build_begin), and a commit that does not yet note the new
    /// `applied` number leaves a kill -9 as safe as before (the next catch-up applies them again).
    private func applyChanges(to handle: OpaquePointer, since applied: Int64?) throws {
        let weights = Self.searchIndexWeights
        var written = 0
        try forEachSearchDocument(since: applied) { id, texts, terms, date in
            written += 1
            if written % Self.catchUpBatch == 0 { try SearchIndex.checkCall { dx_commit(handle, &$0) } }
            try SearchIndex.checkCall { error in
                texts.withUnsafeBufferPointer { textBuffer in
                    terms.withUnsafeBufferPointer { termBuffer in
                        weights.withUnsafeBufferPointer { weightBuffer in
                            dx_replace(handle, id, textBuffer.baseAddress, weightBuffer.baseAddress, termBuffer.baseAddress,
                                       Int32(termBuffer.count), date, &error)
                        }
                    }
                }
            }
        }
        guard let applied else { return }
        for gone in try db.fetchAll("""
            SELECT item_id FROM search_change WHERE seq > ? AND item_id NOT IN (SELECT id FROM agenda_item)
            """, [applied]) {
            let id: Int64 = try gone.decode(at: 0)
            try SearchIndex.checkCall { dx_delete(handle, id, &$0) }
        }
    }

    /// The words of an expression that the index can answer, each a quoted word (`"saksbeh"*`, a
    /// prefix word, marked '*' in `prefixes`, else ' ') or an operator; nil for column filters.
    static func searchIndexWords(_ expression: String) -> (words: [String], prefixes: String)? {
        var words: [String] = []
        var prefixes = ""
        var part = ""
        var inQuotes = false
        func end() -> Bool {
            defer { part = "" }
            if part.isEmpty || ["AND", "OR", "NOT"].contains(part) { return true }
            let isPrefix = part.hasSuffix("\"*")
            if isPrefix { part.removeLast() }
            guard part.count >= 2, part.first == "\"", part.last == "\"" else { return false }
            words.append(String(part.dropFirst().dropLast()))
            prefixes.append(isPrefix ? "*" : " ")
            return true
        }
        for character in expression {
            if character == "\"" { inQuotes.toggle() }
            if character == " " && !inQuotes {
                guard end() else { return nil }
            } else {
                part.append(character)
            }
        }
        guard end() else { return nil }
        return (words, prefixes)
    }

    /// How deep a search with prefix words goes, at most, for the items its check keeps (the
    /// deeper rounds are for a prefix whose terms are mostly compound parts, or a negated prefix).
    static let checkedDepthLimit = 5_000

    /// The best rows by the derived index, or nil when it cannot answer (the caller asks FTS5).
    /// Filters the index holds (body, kind, year, dates, outcome, exemption) narrow it in Xapian;
    /// a filtered result is then checked against the store by the same SQL as FTS5's path, and the
    /// person and changed filters, which the index does not hold, are applied there to a deeper list.
    ///
    /// Prefix words (`saksbeh*`, issue 17: FTS5's slowest query, growing most with the archive):
    /// the index expands each over its own terms (dx_search), which match every item FTS5 matches
    /// and perhaps a few more; each of the best items is then checked against its texts as FTS5
    /// sees them (dx_check), and the search goes deeper until enough pass.
    func rankedBySearchIndex(_ query: SearchQuery, _ filter: SearchFilter) throws -> [(id: Int64, rank: Double)]? {
        guard filter.limit > 0, let shape = query.shape, let parsed = Self.searchIndexWords(query.expression),
              parsed.words.count == shape.count, !parsed.words.isEmpty else { return nil }
        let (words, prefixes) = parsed
        var terms: [String] = []
        var groups: [Int32] = []
        if let body = filter.body {
            for slug in filter.includeSubbodies ? try bodyTree(slug: body) : [try self.body(slug: body).slug] {
                terms.append("XB" + slug); groups.append(0)
            }
        }
        if let kind = filter.kind { terms.append("XK" + kind.rawValue); groups.append(1) }
        if let year = filter.year { terms.append("XY" + String(year)); groups.append(2) }
        if let outcome = filter.outcome { terms.append("XO" + outcome.rawValue); groups.append(3) }
        let excluded = filter.isPublic ? ["XE1"] : []
        let needsStore = filter.person != nil || filter.changedOnly
        var depth = needsStore ? Self.filteredDepth(filter.limit) : filter.limit
        if prefixes.contains("*") { depth = max(depth, filter.limit * 2) }
        guard let index = currentSearchIndex(), let handle = index.handle else { return nil }
        while true {
            var ids = [Int64](repeating: 0, count: depth)
            var scores = [Double](repeating: 0, count: depth)
            var unchecked: Int32 = 0
            var error: UnsafeMutablePointer<CChar>?
            let count = withCStrings(words) { wordPointers in
                withCStrings(terms) { termPointers in
                    withCStrings(excluded) { excludedPointers in
                        dx_search(handle, wordPointers, shape, prefixes, Int32(words.count), termPointers, groups, Int32(terms.count),
                                  excludedPointers, Int32(excluded.count), filter.from?.description, filter.to?.description,
                                  Int32(depth), &ids, &scores, &unchecked, &error)
                    }
                }
            }
            guard count >= 0 else {
                if count == -1 {
                    _ = SearchIndex.take(error)
                    index.isSuspect = true
                    index.current = nil
                }
                return nil
            }
            let top = (0..<Int(count)).map { (id: ids[$0], rank: -scores[$0]) }
            guard unchecked != 0 else {
                index.answered += 1
                // The public rule alone needs no second look: the index leaves exempt items out, and
                // `hits` withholds any the store has made exempt since (SearchHit's public form).
                return filter.isUnfiltered || filter.isPublicOnly ? top : try keptByFilter(top, filter, depth: depth)
            }
            // The wider set, narrowed to FTS5's matches; enough of them, or all there are.
            guard let checked = try checkedBySearchIndex(top, index: index, words: words, shape: shape, prefixes: prefixes) else {
                return nil
            }
            let isAll = top.count < depth
            if filter.isUnfiltered, checked.count >= filter.limit || isAll {
                index.answered += 1
                return Array(checked.prefix(filter.limit))
            }
            if !filter.isUnfiltered, let kept = try keptByFilter(checked, filter, depth: isAll ? Int.max : 0) {
                index.answered += 1
                return kept
            }
            guard depth < Self.checkedDepthLimit else { return nil }
            depth = min(depth * 4, Self.checkedDepthLimit)
        }
    }

    /// The rows whose item matches the words as FTS5 would (dx_check over the item's texts), in
    /// their order; a row the store no longer holds is left out. nil: the index cannot tell.
    private func checkedBySearchIndex(_ top: [(id: Int64, rank: Double)], index: SearchIndex, words: [String], shape: String,
                                      prefixes: String) throws -> [(id: Int64, rank: Double)]? {
        guard let handle = index.handle, !top.isEmpty else { return top }
        var texts: [Int64: [String?]] = [:]
        try db.forEachRow("""
            SELECT i.id, i.title, i.case_text, i.proposal, d.text, d.remarks FROM agenda_item i
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.id IN (SELECT value FROM json_each(?))
            """, ["[" + top.map { String($0.id) }.joined(separator: ",") + "]"]) { row in
            texts[try row.decode(at: 0)] = (1...5).map { String.fromDatabaseValue(row[$0]) }
        }
        var kept: [(id: Int64, rank: Double)] = []
        for row in top {
            guard let itemTexts = texts[row.id] else { continue }
            var error: UnsafeMutablePointer<CChar>?
            let matches = withCStrings(itemTexts.map { $0 ?? "" }) { textPointers in
                withCStrings(words) { wordPointers in
                    // A missing text is no text (NULL), as the index and FTS5 hold it.
                    let columns = (0..<5).map { itemTexts[$0] == nil ? nil : textPointers![$0] }
                    return columns.withUnsafeBufferPointer {
                        dx_check(handle, row.id, $0.baseAddress, wordPointers, shape, prefixes, Int32(words.count), &error)
                    }
                }
            }
            if matches < 0 {
                _ = SearchIndex.take(error)
                return nil
            }
            if matches == 1 { kept.append(row) }
        }
        return kept
    }
}

extension SearchIndex {
    static func checkCall(_ call: (inout UnsafeMutablePointer<CChar>?) -> Int32) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard call(&error) == 0 else { throw SearchIndexError(message: take(error), isLocked: false) }
    }
}

/// Calls `body` with the strings as an array of C strings, valid for the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
    let copies = strings.map { UnsafePointer(strdup($0)) }
    defer { copies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
    return try copies.withUnsafeBufferPointer { try body($0.baseAddress) }
}
