import Crypto
import Foundation

/// UUIDs that stay the same on every export: version 5 (SHA-1, RFC 9562) of a name made from what
/// identifies a record in Docket — a body's slug, a meeting's date, an item's number — in Docket's
/// own namespace. A record keeps its UUID through a JSON export and import, where row ids may change.
public enum StableID {
    /// Docket's namespace: the UUIDv5 of "docket" in the URL namespace of RFC 9562.
    static let namespace: [UInt8] = name(uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://docket.invalid/")

    /// The UUID for a name, e.g. `meeting:styringsgruppen@2025-02-12`.
    public static func uuid(for name: String) -> String {
        format(StableID.name(namespace, name))
    }

    static func name(_ namespace: [UInt8], _ name: String) -> [UInt8] {
        var hash = Insecure.SHA1()
        hash.update(data: namespace)
        hash.update(data: Data(name.utf8))
        var bytes = Array(hash.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return bytes
    }

    static func uuid(_ text: String) -> [UInt8] {
        let hex = text.replacingOccurrences(of: "-", with: "")
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.map(String.init).joined(separator: "-")
    }
}
