import DocketModel
import DocketStore
import Foundation
import SQLite

/// Stored files, attachments and corrections of approved minutes.
extension ImportRun {
    mutating func importFiles() throws {
        var seen = Set<String>()
        try source.each("files", as: StoredFileRecord.self) { index, file in
            let path: [JSONPathComponent] = [.key("files"), .index(index)]
            guard seen.insert(file.sha256).inserted else {
                throw ImportProblem(path + [.key("sha256")], "the file \(file.sha256) is listed twice; expected each content once")
            }
            if let content = file.content, content.count != file.size {
                throw ImportProblem(path + [.key("size")], "the size is \(file.size) but the content has \(content.count) bytes; expected them to agree")
            }
            // A file is stored, and found again by `docket attach`, under its SHA-256: bytes that
            // do not hash to it would stand in for another file's.
            if let content = file.content {
                let digest = FileAttacher.sha256(content)
                guard digest == file.sha256 else {
                    throw ImportProblem(path + [.key("content")], "the content's SHA-256 is \(digest), not the file's sha256 \(file.sha256); "
                                        + "expected the bytes the sha256 names")
                }
            }
            try merger.merge(.storedFile, key: [("sha256", value(file.sha256))], values: [("size", value(file.size)), ("content", value(file.content))],
                             what: "the file \(file.sha256)")
        }
    }

    mutating func importAttachments() throws {
        try source.each("attachments", as: AttachmentRecord.self) { index, attachment in
            let path: [JSONPathComponent] = [.key("attachments"), .index(index)]
            var itemID: Int64?, meetingID: Int64?
            if isLeftOut(attachment.item) { return }
            if let item = attachment.item {
                itemID = try self.itemID(item, at: path + [.key("item")])
                guard itemID != nil else { throw ImportProblem(path + [.key("item")], "no item \(item) in the file or the store; expected an item's number") }
            }
            if let meeting = attachment.meeting {
                meetingID = try self.meetingID(meeting, at: path + [.key("meeting")])
                guard meetingID != nil else { throw ImportProblem(path + [.key("meeting")], "no meeting \(meeting) in the file or the store; expected body@date") }
            }
            guard (itemID == nil) != (meetingID == nil) else {
                throw ImportProblem(path, "an attachment belongs to an item or a meeting; expected exactly one of 'item' and 'meeting'")
            }
            try merger.merge(.attachment, key: [("item_id", value(itemID)), ("meeting_id", value(meetingID)), ("title", value(attachment.title))], values: [
                ("media_type", value(attachment.mediaType)), ("sha256", value(attachment.sha256)),
                ("file_reference", value(attachment.fileReference)), ("position", value(attachment.position)),
            ], what: "the attachment '\(attachment.title)' of \(attachment.item ?? attachment.meeting ?? "")")
        }
    }

    mutating func importCorrections() throws {
        try source.each("corrections", as: CorrectionRecord.self) { index, correction in
            let path: [JSONPathComponent] = [.key("corrections"), .index(index)]
            if isLeftOut(correction.item) { return }
            guard let meetingID = try meetingID(correction.meeting, at: path + [.key("meeting")]) else {
                throw ImportProblem(path + [.key("meeting")], "no meeting \(correction.meeting) in the file or the store; expected body@date")
            }
            let itemID = try correction.item.map { reference -> Int64 in
                guard let id = try self.itemID(reference, at: path + [.key("item")]) else {
                    throw ImportProblem(path + [.key("item")], "no item \(reference) in the file or the store; expected an item's number")
                }
                return id
            }
            try merger.merge(.correction, key: [
                ("meeting_id", value(meetingID)), ("item_id", value(itemID)), ("field", value(correction.field)),
                ("old_value", value(correction.oldValue)), ("new_value", value(correction.newValue)),
                ("reason", value(correction.reason)), ("corrected_on", value(correction.correctedOn)),
            ], values: [], what: "a correction of \(correction.item ?? correction.meeting)")
        }
    }

    /// Whether `reference` names an item left out as a conflict with approved minutes.
    private func isLeftOut(_ reference: String?) -> Bool {
        guard !leftOut.isEmpty, let key = reference.flatMap(ItemKey.init(reference:)) else { return false }
        return leftOut.contains(key)
    }

    /// Documents `docket import` read before; optional in the format (older files have none).
    mutating func importImportedDocuments() throws {
        guard source.has("importedDocuments") else { return }
        try source.each("importedDocuments", as: ImportedDocumentRecord.self) { index, document in
            let path: [JSONPathComponent] = [.key("importedDocuments"), .index(index)]
            guard let meetingID = try meetingID(document.meeting, at: path + [.key("meeting")]) else {
                throw ImportProblem(path + [.key("meeting")], "no meeting \(document.meeting) in the file or the store; expected body@date")
            }
            try merger.merge(.importedDocument, key: [("sha256", value(document.sha256))], values: [
                ("file_name", value(document.fileName)), ("kind", value(document.kind)), ("meeting_id", value(meetingID)),
                ("items_read", value(document.itemsRead)), ("warnings", value(document.warnings)),
                ("imported_on", value(document.importedOn)),
            ], what: "the imported document \(document.fileName)")
        }
    }
}
