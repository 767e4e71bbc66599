import Foundation
import DocketModel
import SQLite

/// What an archivist narrows a search by.
public struct SearchFilter: Sendable, Equatable {
    public var body: String?
    public var includeSubbodies = false
    public var year: Int?
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var kind: ItemKind?
    public var outcome: Outcome?
    /// Only items whose decision differs from the proposal.
    public var changedOnly = false
    /// The public search: hits in their public form (``ItemFacts/publicForm(placeholder:)``), which
    /// leaves exempt items out, text and all, since a match would tell what their texts hold.
    public var isPublic = false
    /// Only items where this person (by name, as the store knows people) made a proposal (named in the
    /// debate), voted against, was disqualified (inhabil) or was present at the meeting.
    public var person: String?
    public var limit = 20

    public init() {}

    /// Nothing but the words narrows the search: the index alone answers it.
    public var isUnfiltered: Bool { !isPublic && narrowsNothing }

    /// A public search and nothing else (the web site's search of words).
    var isPublicOnly: Bool { isPublic && narrowsNothing }

    private var narrowsNothing: Bool {
        body == nil && year == nil && from == nil && to == nil && kind == nil && outcome == nil && !changedOnly && person == nil
    }
}

/// One item that matched, with its place in the record and the words that matched marked.
public struct SearchHit: Codable, Hashable, Sendable {
    public var body: String
    public var number: ItemNumber
    public var meetingDate: CalendarDate
    public var title: String
    public var outcome: Outcome?
    /// A passage with the matched words between « and ».
    public var snippet: String
    /// bm25: lower is better.
    public var rank: Double

    public var reference: String { "\(body) \(number)" }
}

extension Store {
    /// How hits are ranked: bm25 with a word in the title weighing ten times one in the case text, the
    /// decision five times, the proposal twice, the debate (the handling: proposals made in the meeting,
    /// votes, remarks) once. `docket_bm25` gives FTS5's bm25 scores faster (see
    /// nt_rank.c); an explicit ORDER BY … LIMIT lets SQLite keep only the best rows while it ranks,
    /// where ORDER BY rank would sort every match.
    static let weights = "10.0, 1.0, 2.0, 5.0, 1.0"
    static let ranking = "docket_bm25(item_search, 'item_search', \(weights))"

    /// Finds items by Norwegian full text, best first (bm25: title 10, decision 5, proposal 2, case
    /// text 1, debate 1). Without words (an empty query) but with a filter, lists the items the filter
    /// lets through, newest first (`docket search --outcome postponed --body X`); without either, nothing.
    ///
    /// Two steps, so that the costly parts run for the hits shown only: first the best rowids
    /// (from the index alone when nothing filters, else joined with the tables the filters need),
    /// then the details and snippet of each of those.
    public func search(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        guard let query = SearchQuery(text) else {
            return filter.isUnfiltered ? [] : try listed(filter)
        }
        let ranked = try rankedBySearchIndex(query, filter) ?? self.ranked(query, filter)
        return try hits(ranked, query: query, isPublic: filter.isPublic)
    }

    /// The details and snippets of ranked rows, in their rank order, read in ONE statement for
    /// all of them. The snippets come from `docket_snippet` (nt_snippet.c), which finds the query's
    /// words in the row's own texts with the same tokenizer: FTS5's snippet() needs a MATCH cursor,
    /// and reading a page of hits through one sought every term's doclist again for every row, three
    /// quarters of an uncached search page's store work. A row whose texts no longer match the query
    /// (the derived index a step behind another writer's commit) is no hit.
    func hits(_ ranked: [(id: Int64, rank: Double)], query: SearchQuery, isPublic: Bool) throws -> [SearchHit] {
        guard !ranked.isEmpty else { return [] }
        let ids = "[" + ranked.map { String($0.id) }.joined(separator: ",") + "]"
        var rows: [Int64: Row] = [:]
        rows.reserveCapacity(ranked.count)
        try db.forEachRow("""
            SELECT i.id, b.slug AS body, i.series, i.sequence, i.year, m.date AS meeting_date, i.title, i.is_exempt,
                   i.public_title, i.exemption_basis, d.outcome,
                   docket_snippet(:phrases, i.title, i.case_text, i.proposal, d.text, d.remarks) AS snippet
            FROM agenda_item i
            JOIN meeting m ON m.id = i.meeting_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.id IN (SELECT value FROM json_each(:ids))
            """, StatementArguments(named: ["phrases": Self.snippetPhrases(query), "ids": ids])) { row in
            guard row["snippet", as: String.self] != nil else { return }
            rows[try row.decode("id")] = row
        }
        return try ranked.compactMap { id, rank in
            guard let row = rows[id] else { return nil }
            return try SearchHit(row: row, isPublic: isPublic, rank: rank)
        }
    }

    /// The query's phrases as `docket_snippet` takes them, one a line: role (the shape's '+', '?' or
    /// '-', '=' for a query of another shape), '*' for a prefix or '.', the column's number or '_',
    /// a tab, the phrase's words.
    static func snippetPhrases(_ query: SearchQuery) -> String {
        let columns = ["title", "case_text", "proposal", "decision", "debate"]
        let roles = query.shape.map(Array.init) ?? Array(repeating: "=", count: query.phrases.count)
        return zip(query.phrases, roles).map { phrase, role in
            let column = phrase.column.flatMap { columns.firstIndex(of: $0) }.map(String.init) ?? "_"
            return "\(role)\(phrase.isPrefix ? "*" : ".")\(column)\t\(phrase.text.replacingOccurrences(of: "\n", with: " "))"
        }.joined(separator: "\n")
    }

    /// The words FTS5 marks in a row for a query, each column's highlight() read apart: the oracle
    /// the tests hold ``hits(_:query:isPublic:)``'s snippets to. Empty when the row does not match.
    func wordsFTS5Marks(in id: Int64, expression: String) throws -> Set<String> {
        guard let row = try db.fetchOne("""
            SELECT highlight(item_search, 0, '«', '»'), highlight(item_search, 1, '«', '»'), highlight(item_search, 2, '«', '»'),
                   highlight(item_search, 3, '«', '»'), highlight(item_search, 4, '«', '»')
            FROM item_search WHERE item_search MATCH ? AND rowid = ?
            """, [expression, id]) else { return [] }
        return Set(try (0..<5).flatMap { column in Self.markedWords(try row.decode(at: column, as: String?.self) ?? "") })
    }

    /// The passages between « and » in a marked text.
    static func markedWords(_ text: String) -> [String] {
        text.split(separator: "«", omittingEmptySubsequences: false).dropFirst().compactMap { part in
            part.firstIndex(of: "»").map { String(part[..<$0]) }
        }
    }

    /// The best rows by `docket_topk` (nt_topk.c): one walk of each phrase's doclist in C, a heap
    /// of the best `limit`, and the real row length read only for rows whose score bound can still
    /// enter it. The same scores and order as ranking every match with docket_bm25 through SQL.
    func topRanked(_ query: SearchQuery, shape: String, limit: Int) throws -> [(id: Int64, rank: Double)] {
        guard limit > 0, let blob = try db.fetchValue(Data.self, """
            SELECT docket_topk(item_search, 'item_search', ?, ?, \(Self.weights)) FROM item_search WHERE item_search MATCH ? LIMIT 1
            """, [limit, shape, query.expression]) else { return [] }
        return blob.withUnsafeBytes { bytes in
            (0..<bytes.count / 16).map { index in
                (id: bytes.loadUnaligned(fromByteOffset: index * 16 + 8, as: Int64.self),
                 rank: bytes.loadUnaligned(fromByteOffset: index * 16, as: Double.self))
            }
        }
    }

    /// The best rows for a query and filter: docket_topk where the query's shape allows (for a
    /// filtered search, its best rows narrowed by the filter, when enough pass), else SQL.
    func ranked(_ query: SearchQuery, _ filter: SearchFilter) throws -> [(id: Int64, rank: Double)] {
        if filter.isUnfiltered, let shape = query.shape, let top = try? topRanked(query, shape: shape, limit: filter.limit) {
            return top
        } else if filter.isUnfiltered {
            return try rankedBySQL(query, limit: filter.limit)
        } else if let shape = query.shape, let top = try? topRanked(query, shape: shape, limit: Self.filteredDepth(filter.limit)),
                  let kept = try keptByFilter(top, filter, depth: Self.filteredDepth(filter.limit)) {
            return kept
        } else {
            return try rankedWithFilters(query, filter)
        }
    }

    /// How deep the top-k goes for a filtered search before the filter is applied.
    static func filteredDepth(_ limit: Int) -> Int { max(200, limit * 10) }

    /// The best `depth` rows of the whole index, narrowed by the filter: exactly the filtered search's
    /// best rows when at least `limit` of them pass (every row that passes and ranks above a kept row
    /// is among the best `depth`), or when the index has no more than `depth` matches. nil when
    /// too few pass: then the filtered search ranks through SQL.
    func keptByFilter(_ top: [(id: Int64, rank: Double)], _ filter: SearchFilter, depth: Int) throws -> [(id: Int64, rank: Double)]? {
        var (clause, arguments) = try filterClause(filter)
        arguments["ids"] = "[" + top.map { String($0.id) }.joined(separator: ",") + "]"
        let allowed = Set(try db.fetchAll("""
            SELECT i.id FROM agenda_item i
            JOIN meeting m ON m.id = i.meeting_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.id IN (SELECT value FROM json_each(:ids)) AND \(clause)
            """, StatementArguments(named: arguments)).map { try $0.decode(at: 0, as: Int64.self) })
        let kept = top.filter { allowed.contains($0.id) }
        guard kept.count >= filter.limit || top.count < depth else { return nil }
        return Array(kept.prefix(filter.limit))
    }

    /// The best rows through SQL: every match scored by docket_bm25, SQLite keeping the best.
    func rankedBySQL(_ query: SearchQuery, limit: Int) throws -> [(id: Int64, rank: Double)] {
        try db.fetchAll("""
            SELECT rowid, \(Self.ranking) AS score FROM item_search WHERE item_search MATCH ? ORDER BY score, rowid LIMIT ?
            """, [query.expression, limit]).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
    }

    /// The filters as SQL over `i` (agenda_item), `m` (meeting), `b` (body) and `d` (decision), with
    /// their arguments; the same for a ranked search and a list.
    private func filterClause(_ filter: SearchFilter) throws -> (sql: String, arguments: [String: (any DatabaseValueConvertible)?]) {
        var bodies: [String]?
        if let body = filter.body {
            bodies = filter.includeSubbodies ? try bodyTree(slug: body) : [try self.body(slug: body).slug]
        }
        let bodiesJSON = bodies.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let person = try filter.person.map { try personID(named: $0) }
        return ("""
              (:bodies IS NULL OR b.slug IN (SELECT value FROM json_each(:bodies)))
              AND (:year IS NULL OR i.year = :year)
              AND (:from IS NULL OR m.date >= :from)
              AND (:to IS NULL OR m.date <= :to)
              AND (:kind IS NULL OR i.kind = :kind)
              AND (:outcome IS NULL OR d.outcome = :outcome)
              AND (:changed = 0 OR (d.text IS NOT NULL AND d.text IS NOT coalesce(i.proposal, '')))
              AND (:public = 0 OR i.is_exempt = 0)
              AND (:person IS NULL
                   OR EXISTS (SELECT 1 FROM vote v WHERE v.item_id = i.id AND v.person_id = :person AND v.ballot = 'against')
                   OR EXISTS (SELECT 1 FROM conflict_of_interest c WHERE c.item_id = i.id AND c.person_id = :person)
                   OR EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = i.meeting_id AND a.person_id = :person
                                                          AND a.status IN ('present', 'substitute'))
                   OR instr(lower(coalesce(d.remarks, '')), lower((SELECT name FROM person WHERE id = :person))) > 0)
            """, ["bodies": bodiesJSON, "year": filter.year, "from": filter.from, "to": filter.to, "kind": filter.kind,
                  "outcome": filter.outcome, "changed": filter.changedOnly, "public": filter.isPublic, "person": person])
    }

    func rankedWithFilters(_ query: SearchQuery, _ filter: SearchFilter) throws -> [(id: Int64, rank: Double)] {
        var (clause, arguments) = try filterClause(filter)
        arguments["query"] = query.expression
        arguments["limit"] = filter.limit
        return try db.fetchAll("""
            SELECT item_search.rowid, \(Self.ranking) AS score
            FROM item_search
            JOIN agenda_item i ON i.id = item_search.rowid
            JOIN meeting m ON m.id = i.meeting_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE item_search MATCH :query AND \(clause)
            ORDER BY score, item_search.rowid
            LIMIT :limit
            """, StatementArguments(named: arguments)).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
    }

    /// The items a filter lets through, newest meeting first, then the highest number first.
    private func listed(_ filter: SearchFilter) throws -> [SearchHit] {
        var (clause, arguments) = try filterClause(filter)
        arguments["limit"] = filter.limit
        return try db.fetchAll("""
            SELECT b.slug AS body, i.series, i.sequence, i.year, m.date AS meeting_date, i.title, i.is_exempt, i.public_title,
                   i.exemption_basis, d.outcome
            FROM agenda_item i
            JOIN meeting m ON m.id = i.meeting_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE \(clause)
            ORDER BY m.date DESC, i.year DESC, i.sequence DESC, i.id DESC
            LIMIT :limit
            """, StatementArguments(named: arguments)).compactMap { row in
            try SearchHit(row: row, isPublic: filter.isPublic, rank: 0)
        }
    }

    /// Rebuilds the search index with the tokenizer this binary registers, then merges it; and
    /// rebuilds the derived index (Xapian, beside the file) from the store.
    public func reindex() throws {
        try write { db in
            try db.execute("INSERT INTO item_search (item_search) VALUES ('rebuild')")
        }
        try mergeSearchIndex()
        if let connection = db.sqliteConnection {
            try catchUpSearchIndex(connection: connection, rebuild: true)
        }
    }

    /// How many new items make a merge of the search index worth its time at the end of a batch.
    ///
    /// Items written one at a time leave the index in many segments (FTS5 merges them only in part
    /// as it goes), and a search reads every segment: on a 100 000-item copy of the benchmark archive
    /// broad queries ran up to twice as fast once merged. Merging rewrites the whole index (4.4 s for
    /// 200 000 items), so it pays after a large import, not after a secretary's day of edits.
    public static let itemsWorthAMerge = 1_000

    /// Merges the search index into one segment (FTS5's 'optimize'), in one transaction.
    public func mergeSearchIndex() throws {
        try write { db in
            try db.execute("INSERT INTO item_search (item_search) VALUES ('optimize')")
        }
    }

    /// Merges the search index if it is in more than one segment; says whether it did.
    ///
    /// For a long-lived reader of the index (`docket serve`) at its start: a page of hits reads its
    /// rows' snippets by rowid, and FTS5 seeks every segment for each row, so a merged index makes
    /// each uncached search page's store work ~2.4× cheaper (2.6 → 1.1 ms on ServeBenchmark's
    /// archive of six segments). The cost is one rewrite of the index (4.4 s for 200 000 items),
    /// paid once per start and only when the CLI's writes have split it.
    @discardableResult
    public func mergeSearchIndexIfSplit() throws -> Bool {
        guard try searchIndexSegmentCount() > 1 else { return false }
        try mergeSearchIndex()
        return true
    }

    /// How many segments the search index is in (one when merged), read from FTS5's structure
    /// record: a 4-byte cookie, an optional 4-byte version marker, then varints for the number of
    /// levels and the number of segments.
    public func searchIndexSegmentCount() throws -> Int {
        guard let record = try db.fetchValue(Data.self, "SELECT block FROM item_search_data WHERE id = 10") else { return 0 }
        var bytes = [UInt8](record).dropFirst(4)
        if bytes.starts(with: [0xFF, 0x00, 0x00, 0x01]) { bytes = bytes.dropFirst(4) }
        func varint() -> Int {
            var value = 0
            for _ in 0..<9 {
                guard let byte = bytes.popFirst() else { break }
                value = (value << 7) | Int(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            return value
        }
        _ = varint() // levels
        return varint()
    }
}

extension SearchHit {
    /// A hit from a row of the search's or the list's query, in its public form when `isPublic`
    /// (``ItemFacts/publicForm(placeholder:)``); nil for a withheld item. A public search has left
    /// exempt items out already (so that they take no place among the best), and a withheld hit is
    /// never shown, since its match tells what its texts hold.
    init?(row: Row, isPublic: Bool, rank: Double) throws {
        let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                year: try row.decode("year"))
        let facts = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                              publicTitle: row["public_title", as: String.self], exemptionBasis: row["exemption_basis", as: String.self],
                              outcome: row["outcome", as: Outcome.self]).published(isPublic)
        guard !facts.isWithheld else { return nil }
        self.init(body: try row.decode("body"), number: facts.number, meetingDate: try row.decode("meeting_date"),
                  title: facts.title, outcome: facts.outcome, snippet: row["snippet", as: String.self] ?? "", rank: rank)
    }
}
