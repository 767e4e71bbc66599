/// An item as people name it at the edge: the body's slug and the item's number,
/// `styringsgruppen 8/19` or `kommunestyret PS 12/26`.
///
/// The command line and the web parse a reference once, into this value; the store resolves it to
/// a row id, and everything below works with ids. A number written without its series
/// (`kommunestyret 12/26`) keeps `number.series` nil: the store settles it with the body's own
/// series (``ItemNumber/inSeries(_:)``), the one rule for what a bare number means.
public struct ItemReference: Hashable, Sendable, CustomStringConvertible {
    public var bodySlug: String
    public var number: ItemNumber

    public init(bodySlug: String, number: ItemNumber) {
        self.bodySlug = bodySlug
        self.number = number
    }

    /// Reads `slug 8/19`, `slug PS 8/19`, `slug sak 08/2019`: the slug, a space, then any spelling
    /// ``ItemNumber/init(tolerant:defaultSeries:)`` reads.
    public init(parsing text: String) throws(ReferenceError) {
        let trimmed = text.trimmingWhitespace()
        guard let space = trimmed.firstIndex(of: " ") else {
            throw .notAnItem(text)
        }
        let numberText = String(trimmed[space...]).trimmingWhitespace()
        guard let number = ItemNumber(tolerant: numberText) else {
            throw .notAnItemNumber(numberText)
        }
        self.init(bodySlug: String(trimmed[..<space]), number: number)
    }

    public var description: String { "\(bodySlug) \(number)" }
}

/// A meeting as people name it at the edge: the body's slug and the meeting's date,
/// `styringsgruppen@2019-02-13`.
public struct MeetingReference: Hashable, Sendable, CustomStringConvertible {
    public var bodySlug: String
    public var date: CalendarDate

    public init(bodySlug: String, date: CalendarDate) {
        self.bodySlug = bodySlug
        self.date = date
    }

    public init(parsing text: String) throws(ReferenceError) {
        let parts = text.trimmingWhitespace().split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let date = CalendarDate(parts[1]) else {
            throw .notAMeeting(text)
        }
        self.init(bodySlug: parts[0], date: date)
    }

    public var description: String { "\(bodySlug)@\(date)" }
}

/// A reference that cannot be read, with what a right one looks like.
public enum ReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnItem(String)
    case notAnItemNumber(String)
    case notAMeeting(String)

    public var description: String {
        switch self {
        case .notAnItem(let text):
            "'\(text)' is not an item reference; write the body's slug and the number, e.g. 'styringsgruppen 8/19'"
        case .notAnItemNumber(let text):
            "'\(text)' is not an item number; write it like '8/19' or 'PS 8/19'"
        case .notAMeeting(let text):
            "'\(text)' is not a meeting reference; write the body's slug and the date, e.g. 'styringsgruppen@2019-02-13'"
        }
    }
}

/// References travel in JSON as people write them: `"styringsgruppen 8/19"`, `"styringsgruppen@2019-02-13"`.
extension ItemReference: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do { try self.init(parsing: try container.decode(String.self)) } catch let error as ReferenceError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension MeetingReference: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do { try self.init(parsing: try container.decode(String.self)) } catch let error as ReferenceError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
