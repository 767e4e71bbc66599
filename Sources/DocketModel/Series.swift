/// A numbering series within a body and year, as municipal case systems keep them side by side.
///
/// Cooperations like the seeds' use no series ("8/19"); Elements and ACOS number PS, RS, OS, DS
/// and FO items each on their own. Unknown codes of two to four capitals are accepted, because
/// other case systems have series of their own.
public struct Series: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public init?(_ code: String) {
        let upper = code.uppercased()
        guard (2...4).contains(upper.count), upper.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        self.code = upper
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let series = Series(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a series code like 'PS'")
        }
        self = series
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public var description: String { code }

    /// Politisk sak: an item the body decides.
    public static let political = Series(unchecked: "PS")
    /// Referatsak: an item reported to the body for information.
    public static let reported = Series(unchecked: "RS")
    /// Orienteringssak: an information item.
    public static let information = Series(unchecked: "OS")
    /// Delegert sak: a decision taken under delegated authority.
    public static let delegated = Series(unchecked: "DS")
    /// Interpellasjon / formannskapsspørsmål.
    public static let interpellation = Series(unchecked: "FO")

    private init(unchecked code: String) { self.code = code }
}
