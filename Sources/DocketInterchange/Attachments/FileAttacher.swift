import Crypto
import DocketModel
import DocketStore
import Foundation

/// Attaches files from disk to items and meetings: reads the bytes, names their media type and
/// computes their SHA-256, by which the store keeps each content once.
public struct FileAttacher {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Attaches every file, all or none: one that cannot be read leaves the others out too.
    @discardableResult
    public func attach(files paths: [String], item: ItemReference? = nil, meeting: MeetingReference? = nil, title: String? = nil) throws -> [Attachment] {
        if title != nil, paths.count > 1 {
            throw StoreError.invalid("--title names one file; attach \(paths.count) files one at a time, or without --title")
        }
        let contents = try paths.map { path in (path, try InputFile.contents(atPath: path)) }
        return try store.write {
            try contents.map { path, data in
                let name = URL(fileURLWithPath: path).lastPathComponent
                return try store.addAttachment(item: item, meeting: meeting, title: title ?? name,
                                               mediaType: MediaType.forFileName(name), sha256: Self.sha256(data), content: data)
            }
        }
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits, as the schema stores it.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// The media type a file's extension stands for; unknown ones are plain bytes.
public enum MediaType {
    static let byExtension: [String: String] = [
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls": "application/vnd.ms-excel",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "txt": "text/plain",
        "md": "text/markdown",
        "csv": "text/csv",
        "html": "text/html",
        "htm": "text/html",
        "json": "application/json",
        "xml": "application/xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "svg": "image/svg+xml",
        "zip": "application/zip",
        "ics": "text/calendar",
        "msg": "application/vnd.ms-outlook",
        "eml": "message/rfc822",
    ]

    public static func forFileName(_ name: String) -> String {
        let ext = URL(fileURLWithPath: name).pathExtension.lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }
}
