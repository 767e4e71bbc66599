import Foundation
import SQLite

/// What a person signed in to the secretary's web area may do.
public enum UserRole: String, CaseIterable, Sendable, Codable, DatabaseValueConvertible {
    /// Manages users and does everything a secretary does.
    case admin
    /// Writes: bodies, meetings, agendas, attendance, decisions, minutes.
    case secretary
    /// Reads everything (exempt items too) and writes nothing.
    case reader

    /// Whether this role may change the meeting records.
    public var canWrite: Bool { self != .reader }
}

/// A person who may sign in to the secretary's web area. The password is kept as a bcrypt hash
/// made by the caller (the store knows no cryptography).
public struct AppUser: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    public var passwordHash: String
    /// Unix seconds.
    public var createdAt: Int64

    init(row: Row) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        role = try row.decode("role")
        passwordHash = try row.decode("password_hash")
        createdAt = try row.decode("created_at")
    }
}

extension Store {
    /// Registers a user of the web area. Names are unique regardless of case.
    @discardableResult
    public func addUser(name: String, role: UserRole, passwordHash: String, at now: Int64) throws -> AppUser {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError.refused(.userNeedsName) }
        guard !passwordHash.isEmpty else { throw StoreError.refused(.userNeedsPassword) }
        return try write { db in
            if let existing = try db.fetchValue(String.self, "SELECT name FROM app_user WHERE name = ? COLLATE NOCASE", [trimmed]) {
                throw StoreError.refused(.userExists(name: existing))
            }
            try db.execute("INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           [trimmed, role, passwordHash, now])
            return try user(id: db.lastInsertedRowID)
        }
    }

    /// Every user, by name.
    public func users() throws -> [AppUser] {
        try db.fetchAll("SELECT * FROM app_user ORDER BY name COLLATE NOCASE").map(AppUser.init(row:))
    }

    /// The user with this name (any case), or nil.
    public func user(named name: String) throws -> AppUser? {
        try db.fetchOne("SELECT * FROM app_user WHERE name = ? COLLATE NOCASE",
                        [name.trimmingCharacters(in: .whitespaces)]).map(AppUser.init(row:))
    }

    func user(id: Int64) throws -> AppUser {
        guard let row = try db.fetchOne("SELECT * FROM app_user WHERE id = ?", [id]) else {
            throw StoreError.notFound(kind: "user", name: String(id), suggestions: [])
        }
        return try AppUser(row: row)
    }

    /// Removes a user and ends their sessions. The audit log keeps their name.
    /// - throws: `StoreError.notFound` naming the users there are; `.invalid` for the last admin.
    @discardableResult
    public func removeUser(named name: String) throws -> AppUser {
        try write { db in
            guard let found = try user(named: name) else {
                throw StoreError.notFound(kind: "user", name: name, suggestions: try users().map(\.name))
            }
            if found.role == .admin,
               try db.fetchValue(Int.self, "SELECT count(*) FROM app_user WHERE role = 'admin'") == 1,
               try db.fetchValue(Int.self, "SELECT count(*) FROM app_user") ?? 0 > 1 {
                throw StoreError.refused(.lastAdmin(name: found.name))
            }
            try db.execute("DELETE FROM app_user WHERE id = ?", [found.id])
            return found
        }
    }
}
