import Foundation
import DocketModel
import SQLite

/// What an archivist narrows a search by.
public struct SearchFilter: Sendable {
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
    public var limit = 20

    public init() {}

    /// Nothing but the words narrows the search: the index alone answers it.
    var isUnfiltered: Bool {
        body == nil && year == nil && from == nil && to == nil && kind == nil && outcome == nil && !changedOnly && !isPublic
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
    /// decision five times, the proposal twice. `docket_bm25` gives FTS5's bm25 scores faster (see
    /// nt_rank.c); an explicit ORDER BY … LIMIT lets SQLite keep only the best rows while it ranks,
    /// where ORDER BY rank would sort every match.
    static let ranking = "docket_bm25(item_search, 'item_search', 10.0, 1.0, 2.0, 5.0)"

    /// Finds items by Norwegian full text, best first (bm25: title 10, decision 5, proposal 2, case
    /// text 1).
    ///
    /// Two steps, so that the costly parts run for the hits shown only: first the best rowids
    /// (from the index alone when nothing filters, else joined with the tables the filters need),
    /// then the details and snippet of each of those.
    public func search(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        guard let query = SearchQuery(text) else { return [] }
        let ranked: [(id: Int64, rank: Double)]
        if filter.isUnfiltered {
            ranked = try db.fetchAll("""
                SELECT rowid, \(Self.ranking) AS score FROM item_search WHERE item_search MATCH ? ORDER BY score, rowid LIMIT ?
                """, [query.expression, filter.limit]).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
        } else {
            ranked = try rankedWithFilters(query, filter)
        }
        return try ranked.compactMap { id, rank in
            let row = try db.fetchOne("""
                SELECT b.slug AS body, i.series, i.sequence, i.year, m.date AS meeting_date, i.title, i.is_exempt, i.public_title,
                       i.exemption_basis, d.outcome, snippet(item_search, -1, '«', '»', '…', 16) AS snippet
                FROM item_search
                JOIN agenda_item i ON i.id = item_search.rowid
                JOIN meeting m ON m.id = i.meeting_id
                JOIN body b ON b.id = i.body_id
                LEFT JOIN decision d ON d.item_id = i.id
                WHERE item_search MATCH ? AND item_search.rowid = ?
                """, [query.expression, id])!
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let facts = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                                  publicTitle: row["public_title", as: String.self], exemptionBasis: row["exemption_basis", as: String.self],
                                  outcome: row["outcome", as: Outcome.self]).published(filter.isPublic)
            // A public search has left exempt items out already (so that they take no place among the
            // best); a withheld hit is never shown, since its match tells what its texts hold.
            guard !facts.isWithheld else { return nil }
            return SearchHit(body: try row.decode("body"), number: facts.number, meetingDate: try row.decode("meeting_date"),
                             title: facts.title, outcome: facts.outcome, snippet: row["snippet", as: String.self] ?? "", rank: rank)
        }
    }

    private func rankedWithFilters(_ query: SearchQuery, _ filter: SearchFilter) throws -> [(id: Int64, rank: Double)] {
        var bodies: [String]?
        if let body = filter.body {
            bodies = filter.includeSubbodies ? try bodyTree(slug: body) : [try self.body(slug: body).slug]
        }
        let bodiesJSON = bodies.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return try db.fetchAll("""
            SELECT item_search.rowid, \(Self.ranking) AS score
            FROM item_search
            JOIN agenda_item i ON i.id = item_search.rowid
            JOIN meeting m ON m.id = i.meeting_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE item_search MATCH :query
              AND (:bodies IS NULL OR b.slug IN (SELECT value FROM json_each(:bodies)))
              AND (:year IS NULL OR i.year = :year)
              AND (:from IS NULL OR m.date >= :from)
              AND (:to IS NULL OR m.date <= :to)
              AND (:kind IS NULL OR i.kind = :kind)
              AND (:outcome IS NULL OR d.outcome = :outcome)
              AND (:changed = 0 OR (d.text IS NOT NULL AND d.text IS NOT coalesce(i.proposal, '')))
              AND (:public = 0 OR i.is_exempt = 0)
            ORDER BY score, item_search.rowid
            LIMIT :limit
            """, ["query": query.expression, "bodies": bodiesJSON, "year": filter.year, "from": filter.from,
                  "to": filter.to, "kind": filter.kind, "outcome": filter.outcome, "changed": filter.changedOnly,
                  "public": filter.isPublic, "limit": filter.limit]).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
    }

    /// Rebuilds the search index with the tokenizer this binary registers, then merges it.
    public func reindex() throws {
        try write { db in
            try db.execute("INSERT INTO item_search (item_search) VALUES ('rebuild')")
        }
        try mergeSearchIndex()
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
