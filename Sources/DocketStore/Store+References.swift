import DocketModel
import SQLite

/// A reference from one item's text to another item, resolved against what the store holds now.
public struct ResolvedReference: Codable, Hashable, Sendable {
    /// The words as written: "sak 22/18".
    public var text: String
    /// The number it names, read in the body of the item whose text it is.
    public var number: ItemNumber
    /// The item it names, when the store holds it; nil for an unresolved reference.
    public var target: String?
    public var targetTitle: String?
    /// The text names another body's item; it is never resolved to one of this body's.
    public var namesAnotherBody: Bool
}

/// An item whose text refers to another.
public struct ReferringItem: Codable, Hashable, Sendable {
    public var item: String
    public var title: String
    public var meetingDate: CalendarDate
    public var text: String
}

extension Store {
    /// Re-reads the references in an item's texts (case text, proposal, decision). Called by every
    /// write that changes those texts, inside its transaction.
    func refreshReferences(itemID: Int64) throws {
        guard let row = try db.fetchOne("""
            SELECT i.case_text, i.proposal, d.text AS decision, b.name, b.slug, b.default_series,
                   (SELECT group_concat(alias, char(31)) FROM body_alias WHERE body_id = b.id) AS aliases
            FROM agenda_item i JOIN body b ON b.id = i.body_id LEFT JOIN decision d ON d.item_id = i.id
            WHERE i.id = ?
            """, [itemID]) else { return }
        var names = [try row.decode("name", as: String.self), try row.decode("slug", as: String.self)]
        names += (row["aliases", as: String.self] ?? "").split(separator: "\u{1F}").map(String.init)
        let scanner = ReferenceScanner(ownNames: names, defaultSeries: row["default_series", as: String.self].flatMap(Series.init))
        let texts = ["case_text", "proposal", "decision"].compactMap { row[$0, as: String.self] }
        try db.execute("DELETE FROM item_reference WHERE item_id = ?", [itemID])
        var seen = Set<String>()
        var ordinal = 0
        for reference in texts.flatMap({ scanner.references(in: $0) }) {
            guard seen.insert("\(reference.number)|\(reference.namesAnotherBody)").inserted else { continue }
            ordinal += 1
            try db.execute("""
                INSERT INTO item_reference (item_id, ordinal, text, series, sequence, year, names_another_body)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [itemID, ordinal, reference.text, reference.number.series?.code ?? "", reference.number.sequence,
                      reference.number.year, reference.namesAnotherBody])
        }
    }

    /// Re-reads the references of many items, for imports that write rows directly.
    public func refreshReferences(itemIDs: [Int64]) throws {
        try write { _ in
            for id in itemIDs { try refreshReferences(itemID: id) }
        }
    }

    /// The references an item's texts make, each resolved in the item's own body unless the text names another.
    /// With `isPublic`, a target is named by its public form (an exempt item by its public title).
    public func references(from reference: ItemReference, isPublic: Bool = false) throws -> [ResolvedReference] {
        let item = try item(reference)
        return try db.fetchAll("""
            SELECT r.text, r.series, r.sequence, r.year, r.names_another_body, t.title AS target_title,
                   t.is_exempt AS target_is_exempt, t.public_title AS target_public_title,
                   t.exemption_basis AS target_exemption_basis,
                   CASE WHEN t.id IS NULL THEN NULL ELSE b.slug END AS target_body
            FROM item_reference r
            JOIN agenda_item i ON i.id = r.item_id
            JOIN body b ON b.id = i.body_id
            LEFT JOIN agenda_item t ON r.names_another_body = 0 AND t.body_id = i.body_id
                 AND t.year = r.year AND t.series = r.series AND t.sequence = r.sequence
            WHERE r.item_id = ?
            ORDER BY r.ordinal
            """, [item.id]).map { row in
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let target = try row["target_title", as: String.self].map { title in
                ItemFacts(number: number, title: title, isExempt: try row.decode("target_is_exempt"),
                          publicTitle: row["target_public_title", as: String.self],
                          exemptionBasis: row["target_exemption_basis", as: String.self]).published(isPublic)
            }
            return ResolvedReference(text: try row.decode("text"), number: number,
                                     target: row["target_body", as: String.self].map { "\($0) \(number)" },
                                     targetTitle: target?.title,
                                     namesAnotherBody: try row.decode("names_another_body"))
        }
    }

    /// The items of the same body whose texts refer to this one. With `isPublic`, each in its public
    /// form: an item whose texts are withheld (an exempt one) is left out, since what its texts
    /// refer to is of its texts.
    public func referringItems(to reference: ItemReference, isPublic: Bool = false) throws -> [ReferringItem] {
        let item = try item(reference)
        return try db.fetchAll("""
            SELECT b.slug, s.series, s.sequence, s.year, s.title, s.is_exempt, s.public_title, s.exemption_basis, m.date, r.text
            FROM item_reference r
            JOIN agenda_item s ON s.id = r.item_id
            JOIN meeting m ON m.id = s.meeting_id
            JOIN body b ON b.id = s.body_id
            WHERE r.names_another_body = 0 AND s.body_id = (SELECT body_id FROM agenda_item WHERE id = :id)
              AND r.year = :year AND r.series = :series AND r.sequence = :sequence AND s.id <> :id
            ORDER BY m.date, s.sequence
            """, ["id": item.id, "year": item.number.year, "series": item.number.series?.code ?? "", "sequence": item.number.sequence]).compactMap { row in
            let number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"),
                                    year: try row.decode("year"))
            let referring = ItemFacts(number: number, title: try row.decode("title"), isExempt: try row.decode("is_exempt"),
                                      publicTitle: row["public_title", as: String.self],
                                      exemptionBasis: row["exemption_basis", as: String.self]).published(isPublic)
            guard !referring.isWithheld else { return nil }
            return ReferringItem(item: "\(try row.decode("slug", as: String.self)) \(number)", title: referring.title,
                                 meetingDate: try row.decode("date"), text: try row.decode("text"))
        }
    }
}
