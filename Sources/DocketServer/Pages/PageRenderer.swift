import DocketDocuments
import Foundation
import Hummingbird
import Mustache

/// Renders the site's pages: a page's own template inside the layout (`layout.html`), every
/// value HTML-escaped by Mustache (`{{value}}`); only HTML the server made itself goes in raw
/// (`{{{content}}}`, marked search snippets after escaping).
///
/// Templates are the `Templates/*.html.mustache` files of this target, embedded in the binary
/// (the EmbedTemplates plugin), as the papers' are.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init() throws {
        try self.init(substitutingPhrases: true)
    }

    /// `substitutingPhrases: false` renders every `{{t.key}}` by looking it up, as Mustache does
    /// (for the test that both ways give the same pages).
    init(substitutingPhrases: Bool) throws {
        MustacheContentTypes.register(FastHTMLEscaping(), named: FastHTMLEscaping.name)
        var library = MustacheLibrary()
        for file in EmbeddedTemplates.files where file.name.hasSuffix(".html.mustache") {
            let name = String(file.name.dropLast(".html.mustache".count))
            // Every value escaped by FastHTMLEscaping: the same five characters as Mustache's HTML escaping.
            let pragma = "{{%CONTENT_TYPE:\(FastHTMLEscaping.name)}}"
            // As written (partials are found by this name), and once per language with the phrases in.
            library.register(try MustacheTemplate(string: pragma + file.contents), named: name)
            for language in Language.allCases {
                let contents = substitutingPhrases ? Self.withPhrases(file.contents, SiteText.of(language)) : file.contents
                library.register(try MustacheTemplate(string: pragma + contents), named: name + "." + language.rawValue)
            }
        }
        self.library = library
    }

    /// The template with each `{{t.key}}` (escaped) and `{{{t.key}}}` / `{{&t.key}}` (raw) replaced by
    /// the phrase itself. The phrases are constants of a language (``SiteText``), and the templates
    /// always get them as `t` (``html(_:title:page:values:)``); looked up per request, a name with a
    /// dot is split, and searched for through every section it sits in, with two dynamic casts a
    /// level: a meeting page looked up ~5 an item. Sections over `t` (`{{#t.key}}`) are left as they are,
    /// and so is a phrase that holds a Mustache tag's braces.
    static func withPhrases(_ template: String, _ text: SiteText) -> String {
        let pattern = #"\{\{(\{|&)?\s*t\.([A-Za-z0-9_]+)\s*(\}?)\}\}"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return template }
        var result = ""
        var last = template.startIndex
        for match in regex.matches(in: template, range: NSRange(template.startIndex..., in: template)) {
            guard let whole = Range(match.range, in: template), let keyRange = Range(match.range(at: 2), in: template) else { continue }
            let opener = Range(match.range(at: 1), in: template).map { String(template[$0]) } ?? ""
            let closer = Range(match.range(at: 3), in: template).map { String(template[$0]) } ?? ""
            // `{{{` must close with `}}}`, and only it.
            guard (opener == "{") == (closer == "}") else { continue }
            let phrase = text.phrases[String(template[keyRange])] ?? ""
            guard !phrase.contains("{{"), !phrase.contains("}}") else { continue }
            result += template[last..<whole.lowerBound]
            result += opener.isEmpty ? FastHTMLEscaping.escape(phrase) : phrase
            last = whole.upperBound
        }
        result += template[last...]
        return result
    }

    /// The text of an embedded file that is served as it is (the style sheet).
    static func embeddedFile(_ name: String) -> String? {
        EmbeddedTemplates.files.first { $0.name == name + ".mustache" }?.contents
    }

    /// The HTML of `template` with `values`, inside the layout.
    ///
    /// - Parameters:
    ///   - title: the page's `<title>` and what the layout names it.
    ///   - page: the request's page facts (language, path) for the language links.
    public func html(_ template: String, title: String, page: PageContext, values: [String: Any]) -> String {
        var values = Self.prepared(values)
        values["t"] = page.text.templatePhrases
        if page.language != .norwegian { values["langCode"] = TemplateText(page.language.rawValue) }
        values["lang"] = TemplateText(page.language.rawValue)
        values["langQuery"] = TemplateText(page.languageQuery)
        values["langParam"] = TemplateText(page.languageParameter)
        let language = "." + page.language.rawValue
        let content = library.render(values, withTemplate: template + language) ?? ""
        var layout = values
        layout["content"] = TemplateText(content)
        layout["title"] = TemplateText(title)
        layout["htmlLang"] = TemplateText(page.text.htmlLang)
        layout["languages"] = Self.prepared(page.languageLinks)
        return library.render(layout, withTemplate: "layout" + language) ?? content
    }

    /// The values as the templates get them: every text a ``TemplateText``, and the empty texts left
    /// out, since a Mustache section shows for any string, the empty one too, so
    /// `{{#place}}…{{/place}}` must not find a place that is "".
    static func prepared(_ values: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        result.reserveCapacity(values.count)
        for (key, value) in values {
            switch value {
            case let text as String:
                if !text.isEmpty { result[key] = TemplateText(text) }
            case let nested as [String: Any]: result[key] = prepared(nested)
            case let list as [[String: Any]]: result[key] = prepared(list)
            case let list as [String]: result[key] = list.map(TemplateText.init)
            default: result[key] = value
            }
        }
        return result
    }

    static func prepared(_ list: [[String: Any]]) -> [[String: Any]] {
        list.map { prepared($0) }
    }

    /// A 200 response with the page's HTML.
    public func response(_ template: String, title: String, page: PageContext, values: [String: Any],
                         status: HTTPResponse.Status = .ok) -> Response {
        Response.html(html(template, title: title, page: page, values: values), status: status)
    }
}

extension Response {
    /// An HTML response, `text/html; charset=utf-8`.
    public static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file to download (`attachment`) or show (`inline`), with its media type.
    public static func file(_ data: Data, mediaType: String, fileName: String, inline: Bool = false) -> Response {
        let disposition = (inline ? "inline" : "attachment") + "; filename=\"" + fileName.asciiFileName + "\"; filename*=UTF-8''"
            + (fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file")
        return Response(status: .ok, headers: [.contentType: mediaType, .contentDisposition: disposition],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension String {
    /// The name with everything but ASCII letters, digits, `.`, `-` and `_` made `_`, for the plain
    /// `filename=` of Content-Disposition.
    var asciiFileName: String {
        String(unicodeScalars.map { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
    }
}

/// HTML escaping of `<`, `>`, `&`, `"` and `'`, as Mustache's own, a byte at a time: Mustache's
/// looks every character of the text up in a dictionary, and a meeting page's case texts made that
/// a third of the page's rendering. Text without any of the five is returned as it is.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "DOCKET_HTML"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        Escaping.html(text)
    }
}

/// A text in a template's values. swift-mustache looks a name up in every value on its stack, the
/// innermost first: a String there (a section such as `{{#caseText}}` puts its text on the stack) is
/// searched with Mirror, which was the most of a meeting page's lookups, and a String printed goes
/// through `String(describing:)` after two more casts. This one answers a lookup at once (it has no
/// children) and prints itself, escaped by the template's content type as a String is
/// (`{{{name}}}` prints it as it is).
struct TemplateText: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    func child(named: String) -> Any? { nil }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
}
