import DocketDocuments
import Hummingbird

/// What every page knows of its request: the language the visitor chose (`?lang=nn`, nb by
/// default) and the path, for the links to the same page in the other languages.
public struct PageContext: Sendable {
    public var language: Language
    public var path: String
    /// The query without `lang` ("q=budsjett&side=2"), kept by the language links.
    var otherQuery: String = ""

    public init(request: Request) {
        let code = request.uri.queryParameters.get("lang") ?? ""
        language = Language(code: code) ?? .norwegian
        path = request.uri.path
        otherQuery = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
    }

    public init(language: Language, path: String = "/") {
        self.language = language
        self.path = path
    }

    var text: SiteText { SiteText.of(language) }

    /// `?lang=nn` for links from this page, empty for bokmål (the default keeps the plain address).
    var languageQuery: String { language == .norwegian ? "" : "?lang=" + language.rawValue }
    /// `&lang=nn` for links that already have a query.
    var languageParameter: String { language == .norwegian ? "" : "&lang=" + language.rawValue }

    /// Appends the language to a link made here.
    func link(_ path: String) -> String {
        guard language != .norwegian else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language.rawValue
    }

    /// The same page in each language, for the language switch.
    var languageLinks: [[String: Any]] {
        Language.allCases.map { other in
            var parameters = otherQuery.isEmpty ? [] : [otherQuery]
            if other != .norwegian { parameters.append("lang=" + other.rawValue) }
            let href = parameters.isEmpty ? path : path + "?" + parameters.joined(separator: "&")
            let text = SiteText.of(other)
            return ["href": href, "name": text.languageName, "code": text.htmlLang, "current": other == language]
        }
    }
}
