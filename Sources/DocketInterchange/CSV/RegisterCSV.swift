@preconcurrency import CSV
import DocketModel
import DocketStore
import Foundation
import SQLite

/// The register of items and decisions as CSV, one row an item, for spreadsheets: body, number,
/// meeting date, title, kind, section, proposal, decision, outcome, vote, exempt (the legal basis
/// of an exempt item, empty otherwise). With `--public` every row is the item's public form
/// (``ItemFacts/publicForm(placeholder:)``).
///
/// `excel` writes what Norwegian Excel opens without a wizard: a UTF-8 byte-order mark and ';'
/// between fields (its list separator, since ',' is the decimal comma). CSV.swift does the
/// quoting, so fields with separators, quotes and line breaks survive.
public struct RegisterCSV {
    let store: Store

    public static let columns = ["body", "number", "meeting_date", "title", "kind", "section", "proposal", "decision", "outcome", "vote", "exempt"]

    public init(store: Store) {
        self.store = store
    }

    public func export(scope: InterchangeDocument.Scope = .init(), excel: Bool = false) throws -> Data {
        try CSVTable.data(header: Self.columns, excel: excel) { write in
            try store.registerRows(body: scope.body, year: scope.year, since: scope.since) { row in
                try write(try Self.fields(of: row, isPublic: scope.isPublic))
            }
        }
    }

    private static func fields(of row: Row, isPublic: Bool) throws -> [String] {
        let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                year: try row.decode("year"))
        var vote: VoteTally?
        if row["is_unanimous", as: Bool.self] == true {
            vote = .unanimous
        } else if let votesFor = row["votes_for", as: Int.self] {
            vote = .counted(for: votesFor, against: row["votes_against", as: Int.self] ?? 0, abstaining: row["votes_abstaining", as: Int.self] ?? 0)
        }
        let facts = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                              publicTitle: row["public_title", as: String.self], exemptionBasis: row["exemption_basis", as: String.self],
                              kind: row["kind", as: ItemKind.self], proposal: row["proposal", as: String.self],
                              decision: row["decision", as: String.self], outcome: row["outcome", as: Outcome.self], vote: vote)
            .published(isPublic)
        return [
            try row.decode("slug"), facts.number.description, try row.decode("date"), facts.title, facts.kind?.norwegian ?? "",
            try row.decode("section", as: Section.self).norwegian, facts.proposal ?? "", facts.decision ?? "",
            facts.outcome?.norwegian ?? "", facts.vote?.norwegian ?? "", facts.isExempt ? facts.exemptionBasis ?? "" : "",
        ]
    }
}
