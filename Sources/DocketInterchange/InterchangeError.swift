/// Bad input, said the way a compiler says it: `file:line:column: what was wrong; what was expected`.
///
/// Every importer throws this before anything of the file is stored (the import is one
/// transaction), so the message can promise that the store is as it was.
public struct InterchangeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message); nothing of the file was stored"
    }
}

/// One step of the way to a value in a JSON document: a key of an object or an index in an array.
public enum JSONPathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case let .key(key): ".\(key)"
        case let .index(index): "[\(index)]"
        }
    }
}

/// A problem found while importing a decoded document, at the place in the file it concerns;
/// turned into an ``InterchangeError`` with line and column once the file's text is at hand.
struct ImportProblem: Error {
    var path: [JSONPathComponent]
    var message: String

    init(_ path: [JSONPathComponent], _ message: String) {
        self.path = path
        self.message = message
    }

    var pathDescription: String {
        path.map(\.description).joined().drop { $0 == "." }.description
    }
}
