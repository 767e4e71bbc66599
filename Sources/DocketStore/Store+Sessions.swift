import Foundation
import SQLite

/// A signed-in user's session, found by its token's hash.
public struct AppSession: Sendable, Equatable {
    public var user: AppUser
    /// The token every form of this session carries (checked on every POST).
    public var csrfToken: String
    /// Unix seconds.
    public var expiresAt: Int64
}

extension Store {
    /// Starts a session for `userID`. The caller makes the token and keeps only its hash here.
    public func createSession(userID: Int64, tokenHash: String, csrfToken: String, at now: Int64, expiresAt: Int64) throws {
        try write { db in
            // Expired sessions go as new ones come: the table holds only live ones.
            try db.execute("DELETE FROM app_session WHERE expires_at <= ?", [now])
            try db.execute("""
                INSERT INTO app_session (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, [tokenHash, userID, csrfToken, now, expiresAt])
        }
    }

    /// The live session with this token hash, with its user; nil when unknown or expired.
    public func session(tokenHash: String, at now: Int64) throws -> AppSession? {
        guard let row = try db.fetchOne("""
            SELECT u.*, s.csrf_token, s.expires_at FROM app_session s JOIN app_user u ON u.id = s.user_id
            WHERE s.token_hash = ? AND s.expires_at > ?
            """, [tokenHash, now]) else { return nil }
        return AppSession(user: try AppUser(row: row), csrfToken: try row.decode("csrf_token"), expiresAt: try row.decode("expires_at"))
    }

    /// Ends a session (signing out).
    public func deleteSession(tokenHash: String) throws {
        try write { db in try db.execute("DELETE FROM app_session WHERE token_hash = ?", [tokenHash]) }
    }

    /// Records a failed sign-in, for throttling.
    public func recordLoginFailure(userName: String, address: String, at now: Int64) throws {
        try write { db in
            try db.execute("INSERT INTO login_failure (user_name, address, at) VALUES (?, ?, ?)",
                           [userName.trimmingCharacters(in: .whitespaces), address, now])
        }
    }

    /// Failed sign-ins since `since` for this user name and from this address, and the latest of them.
    public func loginFailures(userName: String, address: String, since: Int64) throws -> (byName: Int, byAddress: Int, latest: Int64?) {
        let byName = try db.fetchValue(Int.self, "SELECT count(*) FROM login_failure WHERE user_name = ? AND at >= ?",
                                       [userName.trimmingCharacters(in: .whitespaces), since]) ?? 0
        let byAddress = try db.fetchValue(Int.self, "SELECT count(*) FROM login_failure WHERE address = ? AND at >= ?",
                                          [address, since]) ?? 0
        let latest = try db.fetchValue(Int64.self, "SELECT max(at) FROM login_failure WHERE (user_name = ? OR address = ?) AND at >= ?",
                                       [userName.trimmingCharacters(in: .whitespaces), address, since])
        return (byName, byAddress, latest)
    }

    /// Forgets a user name's failed sign-ins (after a sign-in that succeeded) and old ones of everyone.
    public func clearLoginFailures(userName: String, before: Int64) throws {
        try write { db in
            try db.execute("DELETE FROM login_failure WHERE user_name = ? OR at < ?",
                           [userName.trimmingCharacters(in: .whitespaces), before])
        }
    }
}
