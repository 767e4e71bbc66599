import DocketDocuments
import Foundation
import Hummingbird

/// The fields of a posted form (`application/x-www-form-urlencoded`), in order, a name possibly
/// repeated (check boxes).
struct FormData: Sendable {
    var fields: [(name: String, value: String)]
    /// The files of a `multipart/form-data` form (uploads).
    var files: [UploadedFile] = []
    /// The language the form's page was in, for the web layer's own messages (``say(_:nn:en:)``).
    var language: Language = .norwegian

    /// The largest form body read without files.
    static let limit = 1 << 20
    /// The largest upload (a form with files).
    static let uploadLimit = 32 << 20

    init(fields: [(name: String, value: String)]) { self.fields = fields }

    /// Parses `a=1&b=x+y`: `+` is a space, `%XX` a byte of UTF-8.
    init(urlEncoded text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads the request's form body (collected, so the request can be read again).
    static func read(_ request: inout Request) async throws -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(contentType) {
            let buffer = try await request.collectBody(upTo: uploadLimit)
            return FormData(multipart: Data(buffer: buffer), boundary: boundary)
        }
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return FormData(fields: []) }
        let buffer = try await request.collectBody(upTo: limit)
        return FormData(urlEncoded: String(buffer: buffer))
    }

    static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == "boundary" {
                let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Parses `multipart/form-data` (RFC 7578): text parts become fields, parts with a file name files.
    init(multipart body: Data, boundary: String) {
        fields = []
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var start = body.startIndex
        var parts: [Data] = []
        while let found = body.range(of: delimiter, in: start..<body.endIndex) {
            if start != body.startIndex { parts.append(body[start..<found.lowerBound]) }
            start = found.upperBound
        }
        for part in parts {
            // Each part begins with CRLF after the delimiter and ends with CRLF before the next.
            guard part.count >= 2, part.starts(with: Data("\r\n".utf8)),
                  let split = part.range(of: headerEnd) else { continue }
            let headers = String(decoding: part[part.startIndex + 2..<split.lowerBound], as: UTF8.self)
            var content = part[split.upperBound..<part.endIndex]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            var name: String?, fileName: String?, mediaType: String?
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = Self.parameter("name", in: line)
                    fileName = Self.parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    mediaType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { continue }
            if let fileName {
                guard !fileName.isEmpty else { continue }
                files.append(UploadedFile(field: name, fileName: fileName, mediaType: mediaType, content: Data(content)))
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    /// `name="value"` out of a Content-Disposition line.
    private static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let parts = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == name {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The form with `language` set.
    func languaged(_ language: Language) -> FormData {
        var form = self
        form.language = language
        return form
    }

    /// The message in the form's language: bokmål, nynorsk or English.
    func say(_ bokmål: String, nn nynorsk: String, en english: String) -> String {
        switch language {
        case .norwegian: bokmål
        case .nynorsk: nynorsk
        case .english: english
        }
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        guard let value = fields.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every non-empty value of `name`.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The fields as a dictionary for re-showing a form after an error (the first value of each).
    var values: [String: Any] {
        var result: [String: Any] = [:]
        for field in fields where result[field.name] == nil && field.name != "csrf" { result[field.name] = field.value }
        return result
    }
}

/// A file posted in a multipart form.
struct UploadedFile: Sendable {
    var field: String
    /// The name the browser gave, reduced to its last path component (no folders from the client).
    var fileName: String
    var mediaType: String?
    var content: Data

    init(field: String, fileName: String, mediaType: String?, content: Data) {
        self.field = field
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        self.fileName = last.isEmpty || last.hasPrefix(".") ? "upload" + last : last
        self.mediaType = mediaType
        self.content = content
    }

    /// Writes the file, under its own name, into a new temporary folder (the importers read files
    /// by path and tell the kind by the extension); the folder is removed after `body`.
    func withTemporaryFile<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appending(path: "docket-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appending(path: fileName)
        try content.write(to: url)
        return try body(url)
    }
}
