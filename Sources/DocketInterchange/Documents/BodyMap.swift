import DocketModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which body the documents of which folder belong to, as an archivist writes it down
/// (`docket import arkiv/ --recursive --body-map bodies.txt`):
///
/// ```text
/// # folder-or-glob = slug
/// arkiv/kommunestyret        = kommunestyret
/// formannskap                = formannskapet
/// arkiv/*/kontrollutvalg-*   = kontrollutvalget
/// ```
///
/// A pattern without `*`, `?` or `[` is a folder or file: it holds the document when it is one of
/// the document's folders (or the document), compared on whole path components from the end, so
/// `kommunestyret` matches `…/arkiv/kommunestyret/2019/x.pdf`. A glob (`*` stays inside one
/// component) matches the same way. When several lines match, the last one wins, as in .gitignore:
/// write the general lines first and the exceptions after.
public struct BodyMap: Sendable {
    public struct Entry: Sendable {
        public var pattern: String
        public var slug: String
        /// The line of the map file, for warnings and errors.
        public var line: Int
    }

    public var file: String
    public var entries: [Entry]

    /// Reads a map file; a line that is not `pattern = slug` (blank lines and `#` comments aside)
    /// is an error naming its line.
    public init(contentsOf path: String) throws {
        let data = try InputFile.contents(atPath: path)
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    public init(text: String, file: String) throws {
        self.file = file
        entries = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.lastIndex(of: "=") else {
                throw InterchangeError(file: file, line: index + 1, message: "expected 'folder-or-glob = slug', found '\(line)'")
            }
            var pattern = line[..<equals].trimmingCharacters(in: .whitespaces)
            let slug = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            while pattern.count > 1, pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("./") { pattern.removeFirst(2) }
            guard !pattern.isEmpty, !slug.isEmpty else {
                throw InterchangeError(file: file, line: index + 1, message: "expected 'folder-or-glob = slug' with both sides given, found '\(line)'")
            }
            entries.append(Entry(pattern: pattern, slug: slug, line: index + 1))
        }
        guard !entries.isEmpty else {
            throw InterchangeError(file: file, message: "no 'folder-or-glob = slug' lines; expected one a line, e.g. 'arkiv/kommunestyret = kommunestyret'")
        }
    }

    /// The entry for the document at `path` (the last matching line), or nil.
    public func entry(for path: String) -> Entry? {
        let components = URL(fileURLWithPath: path).standardized.pathComponents.filter { $0 != "/" }
        // Every run of whole components ending at a folder of the document or at the document itself.
        var candidates: [String] = []
        for end in stride(from: components.count, through: 1, by: -1) {
            for start in 0..<end {
                let joined = components[start..<end].joined(separator: "/")
                candidates.append(joined)
                if start == 0 { candidates.append("/" + joined) }
            }
        }
        return entries.last { entry in candidates.contains { Self.matches(entry.pattern, $0) } }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return pattern == path }
        return fnmatch(pattern, path, FNM_PATHNAME) == 0
    }
}
