/// One result row, its values copied out of SQLite, readable by column index or name.
public struct Row: Sendable, CustomStringConvertible {
    public let values: [DatabaseValue]
    let columnIndex: [String: Int]
    public let columnNames: [String]

    init(values: [DatabaseValue], statement: Statement) {
        self.values = values
        self.columnIndex = statement.columnIndex
        self.columnNames = statement.columnNames
    }

    public var count: Int { values.count }

    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of a column by name (case-insensitive), `.null` if there is no such column.
    public subscript(column: String) -> DatabaseValue {
        guard let index = index(of: column) else { return .null }
        return values[index]
    }

    public func hasColumn(_ name: String) -> Bool { index(of: name) != nil }

    /// The position of a column by name, case-insensitive. The statement's names are kept lowercased
    /// and callers name columns in lowercase: the name as given is tried first, and lowercased only
    /// when it is not found, instead of building a lowercased String for every column of every row
    /// read (a search page's 21 hits read ~230 columns).
    func index(of column: String) -> Int? {
        columnIndex[column] ?? columnIndex[column.lowercased()]
    }

    /// Reads a column as `T`; throws when it is NULL or of another type, naming the column.
    public func decode<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = index(of: column) else {
            throw SQLiteError.misuse("no column '\(column)' in row (\(columnNames.joined(separator: ", ")))")
        }
        guard let value = T.fromDatabaseValue(values[index]) else {
            throw SQLiteError.misuse("column '\(column)' holds \(values[index]), not a \(T.self)")
        }
        return value
    }

    /// Reads a column by position as `T`.
    public func decode<T: DatabaseValueConvertible>(at index: Int, as type: T.Type = T.self) throws -> T {
        guard let value = T.fromDatabaseValue(values[index]) else {
            throw SQLiteError.misuse("column \(index) holds \(values[index]), not a \(T.self)")
        }
        return value
    }

    /// `row["title", as: String.self]`: nil for NULL or a missing column.
    public subscript<T: DatabaseValueConvertible>(column: String, as type: T.Type) -> T? {
        T.fromDatabaseValue(self[column])
    }

    public var description: String {
        "[" + zip(columnNames, values).map { "\($0): \($1)" }.joined(separator: ", ") + "]"
    }
}
