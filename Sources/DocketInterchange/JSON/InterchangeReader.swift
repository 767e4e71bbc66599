import Foundation

/// Decodes an interchange file, turning every way it can be wrong into an ``InterchangeError``
/// with line and column: text that is not JSON, another format, a newer format version, a
/// missing field, a value of the wrong type, a date that does not exist.
struct InterchangeReader {
    let data: Data
    let file: String

    /// The two fields read first, so that a newer file is refused by its version, not by
    /// whatever field it renamed.
    private struct Header: Decodable {
        var format: String?
        var formatVersion: Int?
    }

    func document() throws -> InterchangeDocument {
        let header = try decode(Header.self)
        guard header.format == InterchangeDocument.formatName else {
            throw error(at: [.key("format")], "the format is \(header.format.map { "'\($0)'" } ?? "not given"); expected '\(InterchangeDocument.formatName)'")
        }
        guard let version = header.formatVersion else {
            throw error(at: [], "no formatVersion; expected \"formatVersion\": \(InterchangeDocument.currentVersion)")
        }
        guard version == InterchangeDocument.currentVersion else {
            let hint = version > InterchangeDocument.currentVersion ? " (written by a newer docket: use that one)" : ""
            throw error(at: [.key("formatVersion")], "format version \(version) is unknown\(hint); expected \(InterchangeDocument.currentVersion)")
        }
        return try decode(InterchangeDocument.self)
    }

    private func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let decodingError as DecodingError {
            throw translate(decodingError)
        }
    }

    private func error(at path: [JSONPathComponent], _ message: String) -> InterchangeError {
        let location = JSONLocator(data).location(of: path)
        let where_ = path.isEmpty ? "" : ImportProblem(path, "").pathDescription + ": "
        return InterchangeError(file: file, line: location?.line, column: location?.column, message: where_ + message)
    }

    private func translate(_ decodingError: DecodingError) -> InterchangeError {
        switch decodingError {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            // Not JSON at all. JSONDecoder does not say where; JSONSerialization does ("around character 88").
            var detail = context.debugDescription
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? detail
            }
            guard let offset = Self.number(after: "character", in: detail) else {
                return InterchangeError(file: file, message: "not valid JSON (\(detail)); expected a JSON object")
            }
            let (line, column) = JSONLocator(data).lineAndColumn(at: offset)
            return InterchangeError(file: file, line: line, column: column, message: "not valid JSON (\(detail)); expected a JSON object")
        case let .dataCorrupted(context):
            return error(at: path(context.codingPath), context.debugDescription + "; expected a value of that form")
        case let .keyNotFound(key, context):
            return error(at: path(context.codingPath), "the field '\(key.stringValue)' is missing; expected it here")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return error(at: path(context.codingPath), "expected \(Self.describe(type)) (\(context.debugDescription))")
        @unknown default:
            return InterchangeError(file: file, message: "\(decodingError)")
        }
    }

    private func path(_ codingPath: [any CodingKey]) -> [JSONPathComponent] {
        codingPath.map { key in key.intValue.map(JSONPathComponent.index) ?? .key(key.stringValue) }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Data.Type: "base64 text"
        default: "a value of type \(type)"
        }
    }

    /// Reads the number after `word` in a parser's message ("around character 88").
    static func number(after word: String, in message: String) -> Int? {
        guard let range = message.range(of: word + " ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
