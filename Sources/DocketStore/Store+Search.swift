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
    /// Leave out items exempt from public access, text and all.
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
    /// Finds items by Norwegian full text, best first (bm25, weights set in the index: title 10,
    /// decision 5, proposal 2, case text 1).
    ///
    /// Two steps, so that the costly parts run for the hits shown only: first the best rowids
    /// (from the index alone when nothing filters, else joined with the tables the filters need),
    /// then the details and snippet of each of those.
    public func search(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        guard let query = SearchQuery(text) else { return [] }
        let ranked: [(id: Int64, rank: Double)]
        if filter.isUnfiltered {
            ranked = try db.fetchAll("""
                SELECT rowid, rank FROM item_search WHERE item_search MATCH ? ORDER BY rank LIMIT ?
                """, [query.expression, filter.limit]).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
        } else {
            ranked = try rankedWithFilters(query, filter)
        }
        return try ranked.map { id, rank in
            let row = try db.fetchOne("""
                SELECT b.slug AS body, i.series, i.sequence, i.year, m.date AS meeting_date, i.title, d.outcome,
                       snippet(item_search, -1, '«', '»', '…', 16) AS snippet
                FROM item_search
                JOIN agenda_item i ON i.id = item_search.rowid
                JOIN meeting m ON m.id = i.meeting_id
                JOIN body b ON b.id = i.body_id
                LEFT JOIN decision d ON d.item_id = i.id
                WHERE item_search MATCH ? AND item_search.rowid = ?
                """, [query.expression, id])!
            return SearchHit(body: try row.decode("body"),
                             number: ItemNumber(series: row["series", as: String.self].flatMap(Series.init),
                                                sequence: try row.decode("sequence"), year: try row.decode("year")),
                             meetingDate: try row.decode("meeting_date"), title: try row.decode("title"),
                             outcome: row["outcome", as: Outcome.self], snippet: row["snippet", as: String.self] ?? "",
                             rank: rank)
        }
    }

    private func rankedWithFilters(_ query: SearchQuery, _ filter: SearchFilter) throws -> [(id: Int64, rank: Double)] {
        var bodies: [String]?
        if let body = filter.body {
            bodies = filter.includeSubbodies ? try bodyTree(slug: body) : [try self.body(slug: body).slug]
        }
        let bodiesJSON = bodies.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        return try db.fetchAll("""
            SELECT item_search.rowid, rank
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
            ORDER BY rank
            LIMIT :limit
            """, ["query": query.expression, "bodies": bodiesJSON, "year": filter.year, "from": filter.from,
                  "to": filter.to, "kind": filter.kind, "outcome": filter.outcome, "changed": filter.changedOnly,
                  "public": filter.isPublic, "limit": filter.limit]).map { (try $0.decode(at: 0), try $0.decode(at: 1)) }
    }

    /// Rebuilds the search index with the tokenizer this binary registers.
    public func reindex() throws {
        try write { db in
            try db.execute("INSERT INTO item_search (item_search) VALUES ('rebuild')")
        }
    }
}
