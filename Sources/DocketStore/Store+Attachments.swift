import DocketModel
import Foundation
import SQLite

/// A file that belongs to an item or a meeting, as listed under "Vedlegg".
public struct Attachment: Codable, Hashable, Sendable {
    public var id: Int64
    /// The item it belongs to (`styringsgruppen 8/19`), or nil for a meeting's attachment.
    public var item: String?
    /// The meeting it belongs to (`styringsgruppen@2019-02-13`), or the item's meeting.
    public var meeting: String
    public var title: String
    public var mediaType: String
    public var sha256: String?
    public var size: Int?
    public var fileReference: String?
    public var position: Int
}

extension Store {
    /// Stores a file with an item or a meeting. The bytes are kept once per content (by SHA-256):
    /// attaching the same file again adds only a new attachment row that points to them.
    ///
    /// The digest is computed by the caller (the interchange layer, which links the crypto
    /// library) so that the store stays free of it; the schema checks its shape.
    @discardableResult
    public func addAttachment(item itemReference: ItemReference? = nil, meeting meetingReference: MeetingReference? = nil,
                              title: String, mediaType: String, sha256: String, content: Data) throws -> Attachment {
        guard (itemReference == nil) != (meetingReference == nil) else {
            throw StoreError.refused(.attachmentNeedsOwner)
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.refused(.attachmentNeedsTitle)
        }
        return try write { _ in
            try addAttachment(itemID: try itemReference.map { try item($0).id }, meetingID: try meetingReference.map { try meeting($0).id },
                              title: title, mediaType: mediaType, sha256: sha256, content: content)
        }
    }

    /// Attaches a file to the item or the meeting with this row id.
    @discardableResult
    public func addAttachment(itemID: Int64?, meetingID: Int64?, title: String, mediaType: String, sha256: String, content: Data) throws -> Attachment {
        guard (itemID == nil) != (meetingID == nil) else {
            throw StoreError.refused(.attachmentNeedsOwner)
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.refused(.attachmentNeedsTitle)
        }
        return try write { db in
            try storeFile(sha256: sha256, content: content)
            let position = (try db.fetchValue(Int.self, """
                SELECT max(position) FROM attachment WHERE item_id IS ? AND meeting_id IS ?
                """, [itemID, meetingID]) ?? 0) + 1
            try db.execute("""
                INSERT INTO attachment (item_id, meeting_id, title, media_type, sha256, position) VALUES (?, ?, ?, ?, ?, ?)
                """, [itemID, meetingID, title, mediaType, sha256, position])
            return try attachment(id: db.lastInsertedRowID)
        }
    }

    /// Keeps the bytes of a file once; the caller holds the transaction.
    func storeFile(sha256: String, content: Data) throws {
        try db.execute("INSERT OR IGNORE INTO stored_file (sha256, size, content) VALUES (?, ?, ?)",
                       [sha256, content.count, content])
    }

    /// The attachments of an item, in their order.
    public func attachments(item reference: ItemReference) throws -> [Attachment] {
        try attachments(itemID: try item(reference).id)
    }

    public func attachments(itemID: Int64) throws -> [Attachment] {
        try db.fetchAll(Store.attachmentSelect + " WHERE a.item_id = ? ORDER BY a.position, a.id", [itemID])
            .map(Attachment.init(row:))
    }

    /// The attachments of a meeting itself (not of its items), in their order.
    public func attachments(meeting reference: MeetingReference) throws -> [Attachment] {
        try attachments(meetingID: try meeting(reference).id)
    }

    public func attachments(meetingID: Int64) throws -> [Attachment] {
        try db.fetchAll(Store.attachmentSelect + " WHERE a.meeting_id = ? ORDER BY a.position, a.id", [meetingID])
            .map(Attachment.init(row:))
    }

    public func attachment(id: Int64) throws -> Attachment {
        guard let row = try db.fetchOne(Store.attachmentSelect + " WHERE a.id = ?", [id]) else {
            throw StoreError.notFound(kind: "attachment", name: "#\(id)", suggestions: [])
        }
        return try Attachment(row: row)
    }

    /// An attachment by its number or its title; a title must name one attachment.
    public func attachment(named name: String) throws -> Attachment {
        if let id = Int64(name) { return try attachment(id: id) }
        let rows = try db.fetchAll(Store.attachmentSelect + " WHERE a.title = ? ORDER BY a.id", [name])
        if rows.count == 1 { return try Attachment(row: rows[0]) }
        if rows.count > 1 {
            throw StoreError.ambiguous(kind: "attachment", name: name, candidates: try rows.map { "#\(try $0.decode("id", as: Int64.self))" })
        }
        let titles = try db.fetchAll("SELECT title FROM attachment").compactMap { $0["title", as: String.self] }
        throw StoreError.notFound(kind: "attachment", name: name, suggestions: suggestions(for: name, among: titles))
    }

    /// The stored bytes of an attachment; nil for a file kept outside the database.
    public func attachmentContent(id: Int64) throws -> Data? {
        try db.fetchOne("SELECT f.content FROM attachment a JOIN stored_file f ON f.sha256 = a.sha256 WHERE a.id = ?", [id])
            .flatMap { $0["content", as: Data.self] }
    }

    /// Removes an attachment; its bytes go too when nothing else points to them.
    public func removeAttachment(id: Int64) throws {
        try write { db in
            let attachment = try attachment(id: id)
            try db.execute("DELETE FROM attachment WHERE id = ?", [id])
            if let sha256 = attachment.sha256 {
                try db.execute("DELETE FROM stored_file WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachment WHERE sha256 = ?)",
                               [sha256, sha256])
            }
        }
    }

    static let attachmentSelect = """
        SELECT a.*, f.size, coalesce(mb.slug, ib.slug) || '@' || coalesce(m.date, im.date) AS meeting_reference,
               CASE WHEN i.id IS NULL THEN NULL
                    ELSE ib.slug || ' ' || CASE i.series WHEN '' THEN '' ELSE i.series || ' ' END
                         || i.sequence || '/' || substr(CAST(i.year AS TEXT), 3, 2) END AS item_reference
        FROM attachment a LEFT JOIN stored_file f ON f.sha256 = a.sha256
        LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN body mb ON mb.id = m.body_id
        LEFT JOIN agenda_item i ON i.id = a.item_id LEFT JOIN meeting im ON im.id = i.meeting_id LEFT JOIN body ib ON ib.id = i.body_id
        """
}

extension Attachment {
    init(row: Row) throws {
        id = try row.decode("id")
        item = row["item_reference", as: String.self]
        meeting = try row.decode("meeting_reference")
        title = try row.decode("title")
        mediaType = try row.decode("media_type")
        sha256 = row["sha256", as: String.self]
        size = row["size", as: Int.self]
        fileReference = row["file_reference", as: String.self]
        position = try row.decode("position")
    }
}
