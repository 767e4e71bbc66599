@preconcurrency import CSV
import DocketModel
import DocketStore
import Foundation
import SQLite

/// The register of items and decisions as CSV, one row an item, for spreadsheets: body, number,
/// meeting date, title, kind, section, proposal, decision, outcome, vote, exempt (the legal basis
/// of an exempt item, empty otherwise).
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
        let exempt: Bool = try row.decode("is_exempt")
        let hidden = isPublic && exempt
        let title = hidden ? (row["public_title", as: String.self] ?? "Unntatt offentlighet") : try row.decode("title", as: String.self)
        var vote = ""
        if row["is_unanimous", as: Bool.self] == true {
            vote = VoteTally.unanimous.norwegian
        } else if let votesFor = row["votes_for", as: Int.self] {
            vote = VoteTally.counted(for: votesFor, against: row["votes_against", as: Int.self] ?? 0,
                                     abstaining: row["votes_abstaining", as: Int.self] ?? 0).norwegian
        }
        return [
            try row.decode("slug"), number.description, try row.decode("date"), title,
            hidden ? "" : row["kind", as: ItemKind.self]?.norwegian ?? "",
            try row.decode("section", as: Section.self).norwegian,
            hidden ? "" : row["proposal", as: String.self] ?? "",
            hidden ? "" : row["decision", as: String.self] ?? "",
            hidden ? "" : row["outcome", as: Outcome.self]?.norwegian ?? "",
            hidden ? "" : vote,
            exempt ? row["exemption_basis", as: String.self] ?? "" : "",
        ]
    }
}
