import DocketModel
import SQLite

/// The register of items and decisions: one row an item, with its body, meeting and decision.
extension Store {
    /// Streams the register's rows for items of meetings in scope (of the body, in the year, on
    /// or after `since`; nil takes all), by meeting date, body and place on the agenda.
    ///
    /// Columns: `slug, series, sequence, year, date, title, kind, section, proposal, is_exempt,
    /// public_title, exemption_basis, decision, outcome, is_unanimous, votes_for, votes_against,
    /// votes_abstaining` (the decision's columns NULL for an item without one).
    public func registerRows(body slug: String? = nil, year: Int? = nil, since: CalendarDate? = nil,
                             _ body: (Row) throws -> Void) throws {
        try db.forEachRow("""
            SELECT b.slug, i.series, i.sequence, i.year, m.date, i.title, i.kind, i.section, i.proposal, i.is_exempt,
                   i.public_title, i.exemption_basis, d.text AS decision, d.outcome, d.is_unanimous,
                   d.votes_for, d.votes_against, d.votes_abstaining
            FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = i.body_id
            LEFT JOIN decision d ON d.item_id = i.id
            WHERE (:body IS NULL OR b.slug = :body) AND (:year IS NULL OR substr(m.date, 1, 4) = :year)
              AND (:since IS NULL OR m.date >= :since)
            ORDER BY m.date, b.slug, i.position
            """, ["body": slug, "year": year.map { String($0) }, "since": since], body)
    }
}
