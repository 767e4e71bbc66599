import SQLite

/// One write made through the web area: who, when (Unix seconds), what.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: Int64
    public var userName: String
    public var action: String
    public var detail: String
}

extension Store {
    /// Records a write. Called inside the write's own transaction, so a write that fails leaves no entry.
    public func recordAudit(userName: String, action: String, detail: String, at now: Int64) throws {
        try write { db in
            try db.execute("INSERT INTO audit_log (at, user_name, action, detail) VALUES (?, ?, ?, ?)",
                           [now, userName, action, detail])
        }
    }

    /// The latest entries, newest first.
    public func auditLog(limit: Int = 200) throws -> [AuditEntry] {
        try db.fetchAll("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?", [limit]).map { row in
            AuditEntry(id: try row.decode("id"), at: try row.decode("at"), userName: try row.decode("user_name"),
                       action: try row.decode("action"), detail: try row.decode("detail"))
        }
    }
}
