import DocketModel
import SQLite

/// What a secretary gives to register or edit a body; nil fields are left as they are on edit.
public struct BodyDraft: Sendable {
    public var name: String?
    public var kind: BodyKind?
    public var parentSlug: String?
    public var mandate: String?
    public var defaultSeries: Series?
    public var aliases: [String] = []
    public var templateFolder: String?

    public init(name: String? = nil, kind: BodyKind? = nil, parentSlug: String? = nil, mandate: String? = nil,
                defaultSeries: Series? = nil, aliases: [String] = [], templateFolder: String? = nil) {
        self.name = name
        self.kind = kind
        self.parentSlug = parentSlug
        self.mandate = mandate
        self.defaultSeries = defaultSeries
        self.aliases = aliases
        self.templateFolder = templateFolder
    }
}

extension Store {
    /// Registers a body with the default standing items of the seeds (editable per body).
    @discardableResult
    public func addBody(slug: String, _ draft: BodyDraft, standingItems: [StandingItem] = StandingItem.defaults) throws -> Body {
        guard let slug = Slug(slug) else {
            throw StoreError.refused(.invalidSlug(given: slug, suggestion: Slug(folding: slug).rawValue))
        }
        guard let name = draft.name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.refused(.bodyNeedsName)
        }
        return try write { db in
            if try db.fetchOne("SELECT 1 FROM body WHERE slug = ?", [slug.rawValue]) != nil {
                throw StoreError.refused(.bodyExists(slug: slug.rawValue))
            }
            let parentID = try draft.parentSlug.map { try bodyID(slug: $0) }
            try db.execute("""
                INSERT INTO body (slug, name, kind, parent_id, mandate, default_series, template_folder)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [slug.rawValue, name, draft.kind ?? .other, parentID, draft.mandate, draft.defaultSeries?.code, draft.templateFolder])
            let id = db.lastInsertedRowID
            try addAliases(draft.aliases, to: id)
            try setStandingItems(standingItems, bodyID: id)
            return try body(slug: slug.rawValue)
        }
    }

    /// Changes the given fields of a body; aliases given are added.
    @discardableResult
    public func editBody(slug: String, _ draft: BodyDraft) throws -> Body {
        try write { db in
            let id = try bodyID(slug: slug)
            if let parent = draft.parentSlug {
                let parentID = try bodyID(slug: parent)
                if try isDescendant(parentID, of: id) {
                    throw StoreError.refused(.reportsToOwnSubBody(parent: "\(parent)", body: "\(slug)"))
                }
            }
            try db.execute("""
                UPDATE body SET name = coalesce(:name, name), kind = coalesce(:kind, kind),
                    parent_id = coalesce(:parent, parent_id), mandate = coalesce(:mandate, mandate),
                    default_series = coalesce(:series, default_series), template_folder = coalesce(:templates, template_folder)
                WHERE id = :id
                """, ["name": draft.name, "kind": draft.kind, "parent": try draft.parentSlug.map { try bodyID(slug: $0) },
                      "mandate": draft.mandate, "series": draft.defaultSeries?.code, "templates": draft.templateFolder, "id": id])
            try addAliases(draft.aliases, to: id)
            return try body(slug: slug)
        }
    }

    private func addAliases(_ aliases: [String], to bodyID: Int64) throws {
        for alias in aliases {
            if let owner = try db.fetchValue(String.self, "SELECT b.slug FROM body_alias a JOIN body b ON b.id = a.body_id WHERE a.alias = ?", [alias]),
               try db.fetchValue(Int64.self, "SELECT id FROM body WHERE slug = ?", [owner]) != bodyID {
                throw StoreError.refused(.aliasExists(alias: "\(alias)", owner: "\(owner)"))
            }
            try db.execute("INSERT OR IGNORE INTO body_alias (alias, body_id) VALUES (?, ?)", [alias, bodyID])
        }
    }

    private func isDescendant(_ candidate: Int64, of ancestor: Int64) throws -> Bool {
        try db.fetchValue(Int.self, """
            WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT b.id FROM body b JOIN below ON b.parent_id = below.id)
            SELECT count(*) FROM below WHERE id = ?
            """, [ancestor, candidate]) ?? 0 > 0
    }

    /// Replaces a body's standing items; meetings created afterwards begin with them.
    public func setStandingItems(_ items: [StandingItem], bodyID: Int64) throws {
        try write { db in
            try db.execute("DELETE FROM standing_item WHERE body_id = ?", [bodyID])
            for (offset, item) in items.enumerated() {
                try db.execute("""
                    INSERT INTO standing_item (body_id, position, purpose, title, kind, basis, proposal)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [bodyID, offset + 1, item.purpose, item.title, item.kind, item.basis, item.proposal])
            }
        }
    }

    /// Replaces the standing items of the body with this slug; any other business (eventuelt) goes last.
    public func setStandingItems(_ items: [StandingItem], bodySlug: String) throws {
        guard !items.isEmpty else {
            throw StoreError.refused(.noStandingItems)
        }
        try write { _ in
            try setStandingItems(StandingItem.lastingOrder(items), bodyID: try bodyID(slug: bodySlug))
        }
    }

    public func standingItems(bodySlug: String) throws -> [StandingItem] {
        _ = try body(slug: bodySlug)
        return try db.fetchAll("""
            SELECT s.* FROM standing_item s JOIN body b ON b.id = s.body_id WHERE b.slug = ? ORDER BY s.position
            """, [bodySlug]).map { row in
            StandingItem(purpose: try row.decode("purpose"), title: try row.decode("title"), kind: try row.decode("kind"),
                         basis: row["basis", as: String.self], proposal: row["proposal", as: String.self])
        }
    }

    public func bodies() throws -> [Body] {
        try db.fetchAll(Store.bodySelect + " ORDER BY b.slug").map { try makeBody($0) }
    }

    public func body(slug: String) throws -> Body {
        guard let row = try db.fetchOne(Store.bodySelect + " WHERE b.slug = ?", [slug]) else {
            throw try bodyNotFound(slug)
        }
        return try makeBody(row)
    }

    /// Finds a body by slug, name or alias, as documents name it.
    public func body(matching name: String) throws -> Body? {
        let row = try db.fetchOne(Store.bodySelect + """
             WHERE b.slug = :n OR b.name = :n COLLATE NOCASE
                OR b.id IN (SELECT body_id FROM body_alias WHERE alias = :n)
            """, ["n": name])
        return try row.map { try makeBody($0) }
    }

    /// The bodies below `slug` in the tree, `slug` itself first.
    public func bodyTree(slug: String) throws -> [String] {
        let id = try bodyID(slug: slug)
        return try db.fetchAll("""
            WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT b.id FROM body b JOIN below ON b.parent_id = below.id)
            SELECT b.slug FROM body b JOIN below USING (id) ORDER BY b.id = ? DESC, b.slug
            """, [id, id]).map { try $0.decode(at: 0, as: String.self) }
    }

    func bodyID(slug: String) throws -> Int64 {
        if let id = try db.fetchValue(Int64.self, "SELECT id FROM body WHERE slug = ?", [slug]) { return id }
        throw try bodyNotFound(slug)
    }

    private func bodyNotFound(_ slug: String) throws -> StoreError {
        let slugs = try db.fetchAll("SELECT slug FROM body").compactMap { $0["slug", as: String.self] }
        return .notFound(kind: "body", name: slug, suggestions: suggestions(for: slug, among: slugs))
    }

    private static let bodySelect = """
        SELECT b.*, p.slug AS parent_slug,
               (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM body_alias WHERE body_id = b.id ORDER BY alias)) AS aliases
        FROM body b LEFT JOIN body p ON p.id = b.parent_id
        """

    private func makeBody(_ row: Row) throws -> Body {
        Body(id: try row.decode("id"), slug: try row.decode("slug"), name: try row.decode("name"), kind: try row.decode("kind"),
             parentSlug: row["parent_slug", as: String.self], mandate: row["mandate", as: String.self],
             defaultSeries: row["default_series", as: String.self].flatMap(Series.init),
             aliases: row["aliases", as: String.self].map { $0.split(separator: "\u{1F}").map(String.init) } ?? [],
             templateFolder: row["template_folder", as: String.self])
    }

    // MARK: Mandate

    /// The mandate's rules broken by the body's current seats (see ``MandateCheck``).
    public func checkMandate(bodySlug: String, on date: CalendarDate = .today) throws -> [MandateCheck.Violation] {
        let body = try body(slug: bodySlug)
        let seats = try db.fetchAll("""
            SELECT p.name AS person, m.role, o.name AS organisation, o.kind AS organisation_kind, m.votes
            FROM membership m JOIN person p ON p.id = m.person_id LEFT JOIN organisation o ON o.id = m.organisation_id
            WHERE m.body_id = ? AND (m.from_date IS NULL OR m.from_date <= ?) AND (m.to_date IS NULL OR m.to_date >= ?)
            ORDER BY m.id
            """, [body.id, date, date]).map { row in
            MandateCheck.Seat(person: try row.decode("person"), role: try row.decode("role"),
                              organisation: row["organisation", as: String.self],
                              organisationKind: row["organisation_kind", as: OrganisationKind.self],
                              votes: try row.decode("votes"))
        }
        let members = try db.fetchAll("SELECT name FROM organisation WHERE is_cooperation_member = 1 ORDER BY name")
            .map { try $0.decode(at: 0, as: String.self) }
        return MandateCheck(kind: body.kind, memberOrganisations: members).violations(of: seats)
    }
}

import Foundation
