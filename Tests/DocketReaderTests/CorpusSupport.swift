import DocketReader
import Foundation
import Testing

/// Where the shared corpus lives: `../shared/corpus` from the project's root, found from this file.
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The corpus folder, or nil when this checkout has none — which fails the calling test: a corpus
    /// test that passed without its corpus would claim figures it never measured.
    static func folder(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let url = root.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            Issue.record("no corpus folder at \(url.path): the corpus tests need ../shared/corpus beside the project (checked out as /work/shared/corpus)",
                         sourceLocation: sourceLocation)
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
