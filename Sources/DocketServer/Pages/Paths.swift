import DocketModel
import DocketStore

/// The public addresses of things, in one place: pages link with these, routes read them back.
enum Paths {
    static func body(_ slug: String) -> String { "/utvalg/\(slug)" }
    static func meeting(_ body: String, _ date: CalendarDate) -> String { "/mote/\(body)/\(date)" }
    static func item(_ body: String, _ number: ItemNumber) -> String { "/sak/\(body)/\(segment(number))" }
    static func item(_ reference: String) -> String {
        // "styringsgruppen 8/19" or "kommunestyret PS 12/26", as the store names items.
        guard let parsed = try? ItemReference(parsing: reference) else { return "/sok" }
        return item(parsed.bodySlug, parsed.number)
    }
    static func attachment(_ id: Int64) -> String { "/vedlegg/\(id)" }

    /// "8-19", "PS-12-26": an item number in one path segment.
    static func segment(_ number: ItemNumber) -> String {
        // Byte by byte: Foundation's replacingOccurrences took a twentieth of a meeting page's time.
        String(decoding: number.description.utf8.map { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "/") ? UInt8(ascii: "-") : $0 },
               as: UTF8.self)
    }

    /// Reads ``segment(_:)`` back: "8-19" → 8/19, "PS-12-26" → PS 12/26.
    static func number(segment: String) -> ItemNumber? {
        let parts = segment.split(separator: "-").map(String.init)
        switch parts.count {
        case 2: return ItemNumber("\(parts[0])/\(parts[1])")
        case 3: return ItemNumber("\(parts[0]) \(parts[1])/\(parts[2])")
        default: return nil
        }
    }
}
