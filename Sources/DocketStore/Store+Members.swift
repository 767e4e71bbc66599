import DocketModel
import SQLite

extension Store {
    /// Gives a person a seat in a body, registering the person if the name is new.
    ///
    /// `votes` defaults to the role's rule (a union representative speaks but does not vote).
    @discardableResult
    public func addMember(name: String, bodySlug: String, role: Role, organisation: String?, votes: Bool? = nil,
                          from: CalendarDate? = nil, to: CalendarDate? = nil, email: String? = nil, title: String? = nil) throws -> Membership {
        try write { db in
            let bodyID = try bodyID(slug: bodySlug)
            let personID = try personID(named: name, creating: true, email: email, title: title)
            let organisationID = try organisation.map { try self.organisation(named: $0).id }
            if let from, let to, to < from {
                throw StoreError.refused(.seatEndsBeforeItBegins(from: from, to: to))
            }
            // One person, one seat in a body at a time: a second seat over the same days made two
            // rows, and ending "the" seat later failed. A change of role ends the old seat first.
            if let row = try db.fetchOne("""
                SELECT role, from_date, to_date FROM membership
                WHERE body_id = ? AND person_id = ? AND (to_date IS NULL OR ? IS NULL OR to_date >= ?)
                  AND (from_date IS NULL OR ? IS NULL OR from_date <= ?)
                ORDER BY id LIMIT 1
                """, [bodyID, personID, from, from, to, to]) {
                let existing: Role = try row.decode("role")
                throw StoreError.refused(.secondSeat(person: name.trimmingCharacters(in: .whitespaces), body: bodySlug, role: existing,
                                                     from: row["from_date", as: CalendarDate.self], to: row["to_date", as: CalendarDate.self]))
            }
            try db.execute("""
                INSERT INTO membership (body_id, person_id, role, organisation_id, votes, from_date, to_date)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [bodyID, personID, role, organisationID, votes ?? role.votes, from, to])
            return try membership(id: db.lastInsertedRowID)
        }
    }

    /// Ends a person's current seats in a body on `date` (the last day they hold it).
    @discardableResult
    public func endMembership(name: String, bodySlug: String, on date: CalendarDate, role: Role? = nil) throws -> [Membership] {
        try write { db in
            let bodyID = try bodyID(slug: bodySlug)
            let personID = try personID(named: name)
            let ids = try db.fetchAll("""
                SELECT id FROM membership WHERE body_id = ? AND person_id = ? AND (to_date IS NULL OR to_date > ?)
                  AND (? IS NULL OR role = ?)
                """, [bodyID, personID, date, role, role]).map { try $0.decode(at: 0, as: Int64.self) }
            guard !ids.isEmpty else {
                throw StoreError.refused(.noCurrentSeat(person: name, role: role, body: bodySlug))
            }
            if let begins = try db.fetchValue(CalendarDate.self, """
                SELECT max(from_date) FROM membership WHERE id IN (SELECT value FROM json_each(?)) AND from_date > ?
                """, [String(describing: ids), date]) {
                throw StoreError.refused(.seatBeginsLater(person: name, body: bodySlug, begins: begins, end: date))
            }
            for id in ids {
                try db.execute("UPDATE membership SET to_date = ? WHERE id = ?", [date, id])
            }
            return try ids.map { try membership(id: $0) }
        }
    }

    /// A body's memberships; only those current on `date` when it is given.
    public func memberships(bodySlug: String, currentOn date: CalendarDate? = nil) throws -> [Membership] {
        let bodyID = try bodyID(slug: bodySlug)
        return try db.fetchAll(Store.membershipSelect + """
             WHERE m.body_id = :body AND (:date IS NULL OR ((m.from_date IS NULL OR m.from_date <= :date) AND (m.to_date IS NULL OR m.to_date >= :date)))
            ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy_chair' THEN 1 WHEN 'member' THEN 2 WHEN 'deputy' THEN 3
                                 WHEN 'union_representative' THEN 4 WHEN 'observer' THEN 5 WHEN 'adviser' THEN 6 ELSE 7 END, p.name
            """, ["body": bodyID, "date": date]).map(Membership.init(row:))
    }

    func membership(id: Int64) throws -> Membership {
        guard let row = try db.fetchOne(Store.membershipSelect + " WHERE m.id = ?", [id]) else {
            throw StoreError.notFound(kind: "membership", name: String(id), suggestions: [])
        }
        return try Membership(row: row)
    }

    private static let membershipSelect = """
        SELECT m.*, b.slug AS body, p.name AS person, o.name AS organisation
        FROM membership m JOIN body b ON b.id = m.body_id JOIN person p ON p.id = m.person_id
        LEFT JOIN organisation o ON o.id = m.organisation_id
        """

    public func people() throws -> [Person] {
        try db.fetchAll("SELECT * FROM person ORDER BY name").map { row in
            Person(id: try row.decode("id"), name: try row.decode("name"), email: row["email", as: String.self], title: row["title", as: String.self])
        }
    }

    /// The id of the person with this name (case-insensitive); registers a new person when `creating`.
    func personID(named name: String, creating: Bool = false, email: String? = nil, title: String? = nil) throws -> Int64 {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let ids = try db.fetchAll("SELECT id FROM person WHERE name = ? COLLATE NOCASE", [trimmed]).map { try $0.decode(at: 0, as: Int64.self) }
        if ids.count == 1 {
            if email != nil || title != nil {
                try db.execute("UPDATE person SET email = coalesce(?, email), title = coalesce(?, title) WHERE id = ?", [email, title, ids[0]])
            }
            return ids[0]
        }
        if ids.count > 1 {
            throw StoreError.ambiguous(kind: "person", name: name, candidates: ids.map { "#\($0)" })
        }
        guard creating else {
            let names = try db.fetchAll("SELECT name FROM person").compactMap { $0["name", as: String.self] }
            throw StoreError.notFound(kind: "person", name: name, suggestions: suggestions(for: name, among: names))
        }
        guard !trimmed.isEmpty else { throw StoreError.refused(.personNeedsName) }
        try db.execute("INSERT INTO person (name, email, title) VALUES (?, ?, ?)", [trimmed, email, title])
        return db.lastInsertedRowID
    }
}

extension Membership {
    init(row: Row) throws {
        id = try row.decode("id")
        body = try row.decode("body")
        person = try row.decode("person")
        role = try row.decode("role")
        organisation = row["organisation", as: String.self]
        votes = try row.decode("votes")
        from = row["from_date", as: CalendarDate.self]
        to = row["to_date", as: CalendarDate.self]
    }
}

import Foundation
