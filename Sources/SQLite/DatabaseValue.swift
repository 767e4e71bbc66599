import Foundation

/// One of SQLite's five storage classes.
public enum DatabaseValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var isNull: Bool { self == .null }
}

extension DatabaseValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "NULL"
        case let .integer(value): String(value)
        case let .real(value): String(value)
        case let .text(value): value
        case let .blob(data): "<\(data.count) bytes>"
        }
    }
}

/// A Swift type that goes into SQLite as a bound value and comes back out of a row.
public protocol DatabaseValueConvertible: Sendable {
    var databaseValue: DatabaseValue { get }
    /// Returns nil when the stored value cannot be this type.
    static func fromDatabaseValue(_ value: DatabaseValue) -> Self?
}

extension DatabaseValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> DatabaseValue? { value }
}

extension Int: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int? {
        switch value {
        case let .integer(int): Int(exactly: int)
        case let .real(double): Int(exactly: double)
        default: nil
        }
    }
}

extension Int64: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Int64? {
        switch value {
        case let .integer(int): int
        case let .real(double): Int64(exactly: double)
        default: nil
        }
    }
}

extension Double: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .real(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Double? {
        switch value {
        case let .integer(int): Double(int)
        case let .real(double): double
        default: nil
        }
    }
}

extension Bool: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Bool? {
        Int64.fromDatabaseValue(value).map { $0 != 0 }
    }
}

extension String: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> String? {
        switch value {
        case let .text(text): text
        case let .integer(int): String(int)
        case let .real(double): String(double)
        case let .blob(data): String(data: data, encoding: .utf8)
        case .null: nil
        }
    }
}

extension Data: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .blob(self) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Data? {
        switch value {
        case let .blob(data): data
        case let .text(text): Data(text.utf8)
        default: nil
        }
    }
}

/// Dates are stored as ISO 8601 text in UTC with milliseconds ("2019-02-13T12:00:00.000Z"),
/// which sorts as text and reads in the sqlite3 shell.
extension Date: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        .text(self.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> Date? {
        switch value {
        case let .text(text):
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
                return date
            }
            return try? Date(text, strategy: Date.ISO8601FormatStyle())
        case let .integer(seconds):
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        case let .real(seconds):
            return Date(timeIntervalSince1970: seconds)
        default:
            return nil
        }
    }
}

extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Wrapped?? {
        if value.isNull { return .some(nil) }
        return Wrapped.fromDatabaseValue(value).map { .some($0) }
    }
}

/// Enumerations stored by their raw text, as the schema's CHECK constraints list them.
extension DatabaseValueConvertible where Self: RawRepresentable, Self.RawValue == String {
    public var databaseValue: DatabaseValue { .text(rawValue) }
    public static func fromDatabaseValue(_ value: DatabaseValue) -> Self? {
        String.fromDatabaseValue(value).flatMap(Self.init(rawValue:))
    }
}
