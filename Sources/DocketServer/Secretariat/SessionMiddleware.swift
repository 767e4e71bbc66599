import DocketStore
import Foundation
import HTTPTypes
import Hummingbird

/// Guards every route of `/sekretariat`: without a live session the visitor is sent to
/// `/logg-inn` (303, with the page asked for to come back to); a POST must carry the session's
/// CSRF token in its `csrf` field (403 otherwise, nothing done); a reader may not POST (403).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext
    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let session = try await SessionMiddleware.session(of: request, store: environment.store)
        guard let session else {
            let back = request.method == .get ? request.uri.path : "/sekretariat"
            let query = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_.")))
            return Response(status: .seeOther, headers: [.location: "/logg-inn?neste=" + (query ?? "/sekretariat")])
        }
        var context = context
        context.session = session
        var request = request
        if request.method == .post {
            let form = try await FormData.read(&request)
            guard let token = form["csrf"], SessionCookie.same(token, session.csrfToken) else {
                return forbidden("csrfRefused", request)
            }
            guard session.user.role.canWrite else {
                return forbidden("readerRefused", request)
            }
            if request.uri.path.hasPrefix("/sekretariat/brukere"), session.user.role != .admin {
                return forbidden("adminRefused", request)
            }
        }
        var response = try await next(request, context)
        // `?lang=nn` on a page of the area is kept for the pages and forms that follow.
        if request.method == .get, let language = SecretariatLanguage.asked(request) {
            response.headers.append(HTTPField(name: .setCookie, value: SecretariatLanguage.header(
                language, secure: SessionCookie.isSecure(request, configuration: environment.configuration))))
        }
        return response
    }

    /// The live session the request's cookie names, or nil.
    static func session(of request: Request, store: ServerStore) async throws -> AppSession? {
        guard let token = SessionCookie.value(SessionCookie.name, in: request) else { return nil }
        let hash = SessionCookie.hash(token)
        return try await store.reading { try $0.session(tokenHash: hash, at: SessionCookie.now) }
    }

    /// A 403 page in the secretary's language, with the message of `key` (``SecretariatText``).
    private func forbidden(_ key: String, _ request: Request) -> Response {
        let language = SecretariatLanguage.of(request)
        let text = SecretariatText.of(language)
        return environment.pages.response("error", title: text["forbidden"] ?? "", page: SecretariatLanguage.page(language, path: "/sekretariat"),
                                          values: ["heading": text["forbidden"] ?? "", "message": text[key] ?? key], status: .forbidden)
    }
}
