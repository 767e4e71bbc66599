/// The values bound to a statement's parameters, by position (`?`) or by name (`:name`).
///
/// Values are always bound, never interpolated into SQL: this type is the only way in.
public struct StatementArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public var positional: [DatabaseValue]
    public var named: [String: DatabaseValue]

    public init(_ values: [(any DatabaseValueConvertible)?] = []) {
        positional = values.map { $0?.databaseValue ?? .null }
        named = [:]
    }

    public init(named values: [String: (any DatabaseValueConvertible)?]) {
        positional = []
        named = values.mapValues { $0?.databaseValue ?? .null }
    }

    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        self.init(elements)
    }

    public init(dictionaryLiteral elements: (String, (any DatabaseValueConvertible)?)...) {
        self.init(named: Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}
