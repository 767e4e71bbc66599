import DocketReader
import Foundation

/// Where the shared corpus lives: `../shared/corpus` from the project's root, found from this file.
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The corpus folder, or nil (with the reason printed) when this checkout has none.
    static func folder(_ name: String) -> URL? {
        let url = root.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            print("SKIPPED: no corpus at \(url.path); the corpus tests need ../shared/corpus beside the project")
            return nil
        }
        return url
    }

    static func json(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Lower case, hyphens and punctuation as spaces, whitespace collapsed: how titles are compared.
    static func normalised(_ text: String) -> String {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }
}
