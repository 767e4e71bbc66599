import DocketDocuments
import Foundation
import Hummingbird

/// The language of the secretary's area, chosen as on the public site (`?lang=nn`, `?lang=en`,
/// bokmål by default) and then kept in a cookie, so the forms, their answers and the redirects
/// after a write stay in the chosen language without every link carrying `?lang=`.
enum SecretariatLanguage {
    static let cookie = "docket_lang"

    /// `?lang=` of the request if it names a language, else the cookie's, else bokmål.
    static func of(_ request: Request) -> Language {
        if let asked = asked(request) { return asked }
        return SessionCookie.value(cookie, in: request).flatMap(Language.init(code:)) ?? .norwegian
    }

    /// The language the request's `?lang=` names, if any.
    static func asked(_ request: Request) -> Language? {
        request.uri.queryParameters.get("lang").flatMap(Language.init(code:))
    }

    /// The Set-Cookie value keeping `language` for a year.
    static func header(_ language: Language, secure: Bool) -> String {
        SessionCookie.header(cookie, language.rawValue, maxAge: 365 * 24 * 60 * 60, secure: secure)
    }

    /// The page context of a secretariat page: its language, and language links that go through
    /// `/sprak` (which keeps the choice, bokmål too) back to the same page.
    static func page(_ language: Language, path: String) -> PageContext {
        var page = PageContext(language: language, path: "/sprak")
        page.otherQuery = "neste=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_."))) ?? "/sekretariat")
        return page
    }

    /// `/sprak?lang=nn&neste=/sekretariat/…`: keeps the choice in the cookie and goes back (only to
    /// the secretary's area or the sign-in form: no open redirect). Without `lang`, bokmål.
    static func choose(_ request: Request, configuration: ServerConfiguration) -> Response {
        let language = asked(request) ?? .norwegian
        let next: String = request.uri.queryParameters.get("neste").map { String($0) } ?? "/sekretariat"
        let back = next.hasPrefix("/logg-inn") && !next.contains("//") ? "/logg-inn" : LoginRoutes.safeNext(next)
        var headers = HTTPFields()
        headers[.location] = back
        headers[.setCookie] = header(language, secure: SessionCookie.isSecure(request, configuration: configuration))
        return Response(status: .seeOther, headers: headers)
    }
}
