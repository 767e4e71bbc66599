import Foundation
import Mustache

/// A set of Mustache templates for the papers: the defaults embedded in the binary, with the files
/// of a body's own folder put in their place where the folder has them.
///
/// Templates are named after their file without `.mustache`: `summons.md`, `agenda-table.html`,
/// `minutes.wordml`. Each document has one template per format (`summons.md`, `summons.html`,
/// `summons.txt`, `summons.wordml` for Word's `document.xml`) and includes partials
/// (`{{> agenda-table.md}}`), which a body may override one by one.
public struct DocumentTemplates: Sendable {
    /// The file names taken from the override folder, sorted.
    public let overriddenFiles: [String]
    /// The body's letterhead (`logo.png`, `letterhead.txt`) from the override folder; nil for none.
    public let letterhead: Letterhead?
    let library: MustacheLibrary

    /// The default templates alone.
    public static func defaults() -> DocumentTemplates {
        cachedDefaults
    }

    private static let cachedDefaults: DocumentTemplates = {
        do {
            return try DocumentTemplates(overrideFolder: nil)
        } catch {
            fatalError("The embedded default templates do not parse: \(error)")
        }
    }()

    /// The default templates, each file name (`summons.md.mustache`) with its text, and the
    /// folder's `README.md`, which lists the variables templates can use.
    public static var defaultFiles: [(name: String, contents: String)] {
        EmbeddedTemplates.files
    }

    /// The defaults, with every `*.mustache` file of `overrideFolder` in place of the default of the
    /// same name (a file the defaults lack is added, for a body's own partials). Files the folder
    /// lacks fall back to the defaults.
    ///
    /// - Throws: ``DocumentError/templateSyntax(file:line:column:lineText:reason:)`` naming the file,
    ///   line and column of the first template that does not parse; ``DocumentError/templateFolder(path:reason:)``
    ///   when the folder cannot be read.
    public init(overrideFolder: URL?) throws {
        Escaping.register()
        var sources: [String: (file: String, text: String)] = [:]
        for file in EmbeddedTemplates.files where file.name.hasSuffix(".mustache") {
            sources[Self.templateName(of: file.name)] = (file.name, file.contents)
        }
        var overridden: [String] = []
        if let folder = overrideFolder {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw DocumentError.templateFolder(path: folder.path, reason: error.localizedDescription)
            }
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let url = folder.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw DocumentError.templateFolder(path: url.path, reason: "cannot read the file")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw DocumentError.templateFolder(path: url.path, reason: "the file is not UTF-8 text")
                }
                sources[Self.templateName(of: name)] = (url.path, text)
                overridden.append(name)
            }
        }
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw DocumentError.templateSyntax(
                    file: source.file, line: error.context.lineNumber, column: error.context.columnNumber,
                    lineText: error.context.line, reason: Self.describe(error.error))
            }
        }
        self.library = library
        self.overriddenFiles = overridden
        self.letterhead = try overrideFolder.flatMap(Letterhead.load(from:))
    }

    /// Writes the default templates into `folder` (created if missing), for a secretary to copy and
    /// change: `docket templates export DIR`. Existing files are left alone unless `overwrite` is true.
    ///
    /// - Returns: The files written.
    /// - Throws: ``DocumentError/exists(path:)`` for a file that is there already (nothing is written then),
    ///   or the file system's error.
    @discardableResult
    public static func exportDefaults(to folder: URL, overwrite: Bool = false) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let targets = EmbeddedTemplates.files.map { (url: folder.appendingPathComponent($0.name), contents: $0.contents) }
        if !overwrite, let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0.url.path) }) {
            throw DocumentError.exists(path: existing.url.path)
        }
        for target in targets {
            try Data(target.contents.utf8).write(to: target.url, options: .atomic)
        }
        return targets.map(\.url)
    }

    /// Renders the template `name` (`summons.md`) with the context.
    func render(_ name: String, context: [String: Any]) throws -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw DocumentError.missingTemplate(name: name + ".mustache")
        }
        return output
    }

    static func templateName(of fileName: String) -> String {
        fileName.hasSuffix(".mustache") ? String(fileName.dropLast(".mustache".count)) : fileName
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "the closing tag does not match the open section"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .invalidConfigVariableSyntax: return "a pragma ({{% … }}) is malformed"
        case .unrecognisedConfigVariable:
            return "unknown pragma or content type (Docket knows CONTENT_TYPE: MARKDOWN, DOCKET_HTML, HTML, TEXT, WORDML)"
        default: return String(describing: error)
        }
    }
}
