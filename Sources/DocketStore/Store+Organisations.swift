import DocketModel
import SQLite

extension Store {
    /// Registers an organisation, or updates the one of that name.
    @discardableResult
    public func saveOrganisation(name: String, kind: OrganisationKind, isCooperationMember: Bool,
                                 organisationNumber: String? = nil) throws -> Organisation {
        try write { db in
            try db.execute("""
                INSERT INTO organisation (name, kind, is_cooperation_member, organisation_number)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,
                    is_cooperation_member = excluded.is_cooperation_member,
                    organisation_number = coalesce(excluded.organisation_number, organisation_number)
                """, [name, kind, isCooperationMember, organisationNumber])
            return try organisation(named: name)
        }
    }

    public func organisations() throws -> [Organisation] {
        try db.fetchAll("SELECT * FROM organisation ORDER BY name").map(Organisation.init(row:))
    }

    public func organisation(named name: String) throws -> Organisation {
        if let row = try db.fetchOne("SELECT * FROM organisation WHERE name = ? COLLATE NOCASE", [name]) {
            return try Organisation(row: row)
        }
        let names = try db.fetchAll("SELECT name FROM organisation").compactMap { $0["name", as: String.self] }
        throw StoreError.notFound(kind: "organisation", name: name, suggestions: suggestions(for: name, among: names))
    }
}

extension Organisation {
    init(row: Row) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        kind = try row.decode("kind")
        isCooperationMember = try row.decode("is_cooperation_member")
        organisationNumber = row["organisation_number", as: String.self]
    }
}
