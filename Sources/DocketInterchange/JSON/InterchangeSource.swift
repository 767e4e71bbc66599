import Foundation

/// An interchange file read one record at a time: the top-level fields are found by skimming
/// (see ``JSONSkimmer``), and each record is decoded only when the importer asks for it, so an
/// archive of any size is imported in bounded memory (the file itself is memory-mapped).
///
/// Every way the file can be wrong becomes an ``InterchangeError`` with line and column: text
/// that is not JSON, another format, a newer format version, a missing field, a value of the
/// wrong type, a date that does not exist.
struct InterchangeSource {
    let data: Data
    let file: String
    private let fields: [String: Range<Int>]
    private let decoder = JSONDecoder()
    /// Told the ranges a walk has finished reading, so that a mapped file's pages there can go.
    let finishedReading: ((Range<Int>) -> Void)?

    static let arrays = ["organisations", "people", "bodies", "memberships", "meetings", "cases", "items", "files", "attachments", "corrections"]

    init(data: Data, file: String, finishedReading: ((Range<Int>) -> Void)? = nil) throws {
        // A byte-order mark (some Windows editors write one) is not JSON; the rest is read without it.
        let unmarked = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        let data = unmarked.startIndex == 0 ? unmarked : Data(unmarked)
        self.data = data
        self.file = file
        self.finishedReading = finishedReading
        guard let fields = JSONSkimmer.with(data, progress: finishedReading, { $0.topLevelFields() }) else {
            throw Self.malformed(data, file: file, fallback: "the file is not one JSON object")
        }
        self.fields = fields
        let format = try fields["format"].map { try decode(String.self, at: $0, path: [.key("format")]) }
        guard format == InterchangeDocument.formatName else {
            throw error(at: [.key("format")], "the format is \(format.map { "'\($0)'" } ?? "not given"); expected '\(InterchangeDocument.formatName)'")
        }
        guard let versionRange = fields["formatVersion"] else {
            throw error(at: [], "no formatVersion; expected \"formatVersion\": \(InterchangeDocument.currentVersion)")
        }
        let version = try decode(Int.self, at: versionRange, path: [.key("formatVersion")])
        guard version == InterchangeDocument.currentVersion else {
            let hint = version > InterchangeDocument.currentVersion ? " (written by a newer docket: use that one)" : ""
            throw error(at: [.key("formatVersion")], "format version \(version) is unknown\(hint); expected \(InterchangeDocument.currentVersion)")
        }
        for key in Self.arrays + ["scope"] where fields[key] == nil {
            throw error(at: [], "the field '\(key)' is missing; expected it here")
        }
    }

    var scope: InterchangeDocument.Scope {
        get throws { try decode(InterchangeDocument.Scope.self, at: fields["scope"]!, path: [.key("scope")]) }
    }

    /// The byte ranges of the records of a top-level array.
    /// Whether the file has a field: for arrays the format added later, which older files lack.
    func has(_ key: String) -> Bool { fields[key] != nil }

    func elements(_ key: String) throws -> [Range<Int>] {
        guard let range = fields[key], let elements = JSONSkimmer.with(data, progress: finishedReading, { $0.elements(of: range) }) else {
            throw error(at: [.key(key)], "'\(key)' is not a list; expected [ … ]")
        }
        return elements
    }

    /// Records decoded per call: one call per record costs JSONDecoder's set-up every time (a third
    /// of an import's time); a few hundred at once keep that small and memory still bounded.
    static let batchSize = 256

    /// Decodes the records of a top-level array a batch at a time and hands them over one by one,
    /// in the file's order.
    func each<T: Decodable>(_ key: String, as type: T.Type, _ body: (Int, T) throws -> Void) throws {
        let elements = try elements(key)
        var start = 0
        while start < elements.count {
            let end = min(start + Self.batchSize, elements.count)
            var batch = Data()
            batch.reserveCapacity(elements[end - 1].upperBound - elements[start].lowerBound + 2)
            batch.append(UInt8(ascii: "["))
            batch.append(data[elements[start].lowerBound..<elements[end - 1].upperBound])
            batch.append(UInt8(ascii: "]"))
            let records: [T]
            do {
                records = try decoder.decode([T].self, from: batch)
            } catch let decodingError as DecodingError {
                throw translate(decodingError, under: [.key(key)], firstIndex: start)
            }
            for (offset, record) in records.enumerated() {
                try body(start + offset, record)
            }
            finishedReading?(elements[start].lowerBound..<elements[end - 1].upperBound)
            start = end
        }
    }

    func decode<T: Decodable>(_ type: T.Type, at range: Range<Int>, path: [JSONPathComponent]) throws -> T {
        do {
            return try decoder.decode(type, from: data[range])
        } catch let decodingError as DecodingError {
            throw translate(decodingError, under: path)
        }
    }

    func error(at path: [JSONPathComponent], _ message: String) -> InterchangeError {
        let location = JSONLocator(data).location(of: path)
        let prefix = path.isEmpty ? "" : ImportProblem(path, "").pathDescription + ": "
        return InterchangeError(file: file, line: location?.line, column: location?.column, message: prefix + message)
    }

    /// - parameter firstIndex: for a batch, the index in the file's array of the batch's first record.
    private func translate(_ decodingError: DecodingError, under prefix: [JSONPathComponent], firstIndex: Int? = nil) -> InterchangeError {
        func path(_ codingPath: [any CodingKey]) -> [JSONPathComponent] {
            var components = codingPath.map { key in key.intValue.map(JSONPathComponent.index) ?? .key(key.stringValue) }
            if let firstIndex, case let .index(index)? = components.first { components[0] = .index(firstIndex + index) }
            return prefix + components
        }
        switch decodingError {
        case let .dataCorrupted(context) where context.codingPath.isEmpty && context.debugDescription.contains("not valid JSON"):
            return Self.malformed(data, file: file, fallback: context.debugDescription)
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

    /// Text that is not JSON. JSONDecoder does not say where; JSONSerialization does ("around character 88").
    static func malformed(_ data: Data, file: String, fallback: String) -> InterchangeError {
        var detail = fallback
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return InterchangeError(file: file, line: 1, column: 1, message: "the file is JSON but not an object; expected { \"format\": \"\(InterchangeDocument.formatName)\", … }")
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? detail
        }
        guard let offset = number(after: "character", in: detail) else {
            return InterchangeError(file: file, message: "not valid JSON (\(detail)); expected a JSON object")
        }
        let (line, column) = JSONLocator(data).lineAndColumn(at: offset)
        return InterchangeError(file: file, line: line, column: column, message: "not valid JSON (\(detail)); expected a JSON object")
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

    /// The number after `word` in a parser's message.
    static func number(after word: String, in message: String) -> Int? {
        guard let range = message.range(of: word + " ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
