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
    /// Column weights for bm25: a word in the title or the decision says more than one in the case text.
    static let searchWeights = (title: 10.0, caseText: 1.0, proposal: 2.0, decision: 5.0)

    /// Finds items by Norwegian full text, best first.
    public func search(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [SearchHit] {
        guard let query = SearchQuery(text) else { return [] }
        var bodies: [String]?
        if let body = filter.body {
            bodies = filter.includeSubbodies ? try bodyTree(slug: body) : [try self.body(slug: body).slug]
        }
        let weights = Store.searchWeights
        let sql = """
            SELECT b.slug AS body, i.series, i.sequence, i.year, m.date AS meeting_date, i.title, d.outcome,
                   snippet(item_search, -1, '«', '»', '…', 16) AS snippet,
                   bm25(item_search, \(weights.title), \(weights.caseText), \(weights.proposal), \(weights.decision)) AS rank
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
            """
        let bodiesJSON = bodies.map { "[" + $0.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ",") + "]" }
        return try db.fetchAll(sql, ["query": query.expression, "bodies": bodiesJSON, "year": filter.year, "from": filter.from,
                                     "to": filter.to, "kind": filter.kind, "outcome": filter.outcome, "changed": filter.changedOnly,
                                     "public": filter.isPublic, "limit": filter.limit]).map { row in
            SearchHit(body: try row.decode("body"),
                      number: ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                         year: try row.decode("year")),
                      meetingDate: try row.decode("meeting_date"), title: try row.decode("title"),
                      outcome: row["outcome", as: Outcome.self], snippet: row["snippet", as: String.self] ?? "",
                      rank: try row.decode("rank"))
        }
    }

    /// Rebuilds the search index with the tokenizer this binary registers.
    public func reindex() throws {
        try write { db in
            try db.execute("INSERT INTO item_search (item_search) VALUES ('rebuild')")
        }
    }
}
