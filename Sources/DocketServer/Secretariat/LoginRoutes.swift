import DocketStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// `/logg-inn` and `/logg-ut`. Failed sign-ins are counted per user name and per address; after
/// ``Throttle/maximumFailures`` in ``Throttle/window`` seconds the form answers 429 until the
/// window has passed, without checking the password (so guessing costs time, not just tries).
struct LoginRoutes: Sendable {
    let environment: ServerEnvironment
    var store: ServerStore { environment.store }

    enum Throttle {
        /// Failures of one user name (or from one address: twice as many, as colleagues share one) before waiting.
        static let maximumFailures = 5
        /// Seconds the failures are counted over, and waited.
        static let window: Int64 = 15 * 60
    }

    func add(to router: Router<DocketRequestContext>) {
        router.get("/logg-inn") { request, _ in try form(request, name: "", error: nil, status: .ok) }
        router.post("/logg-inn") { request, context in try await signIn(request, context: context) }
        router.post("/logg-ut") { request, _ in try await signOut(request) }
        router.get("/sprak") { request, _ in SecretariatLanguage.choose(request, configuration: environment.configuration) }
    }

    /// The sign-in form, with a fresh CSRF token in its own cookie (there is no session yet).
    func form(_ request: Request, name: String, error: String?, status: HTTPResponse.Status) throws -> Response {
        let token = SessionCookie.newToken()
        let next = Self.safeNext(request.uri.queryParameters.get("neste"))
        let language = SecretariatLanguage.of(request)
        let text = SecretariatText.of(language)
        var response = environment.pages.response(
            "secretariat-login", title: text["signIn"] ?? "Logg inn", page: SecretariatLanguage.page(language, path: "/logg-inn"),
            values: ["s": text, "csrf": token, "name": name, "error": error ?? "", "next": next], status: status)
        response.headers[.setCookie] = SessionCookie.header(SessionCookie.loginName, token, maxAge: 3600,
                                                            secure: SessionCookie.isSecure(request, configuration: environment.configuration))
        return response
    }

    func signIn(_ request: Request, context: DocketRequestContext) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        guard let posted = form["csrf"], let expected = SessionCookie.value(SessionCookie.loginName, in: request),
              SessionCookie.same(posted, expected) else {
            return try self.form(request, name: form["name"] ?? "", error: SecretariatText.of(SecretariatLanguage.of(request))["loginExpired"], status: .forbidden)
        }
        let name = form["name"] ?? ""
        let password = form.fields.first { $0.name == "password" }?.value ?? ""
        let address = Self.address(context.remoteAddress)
        let now = SessionCookie.now
        let failures = try await store.reading { try $0.loginFailures(userName: name, address: address, since: now - Throttle.window) }
        if failures.byName >= Throttle.maximumFailures || failures.byAddress >= 2 * Throttle.maximumFailures {
            let wait = max(1, ((failures.latest ?? now) + Throttle.window - now + 59) / 60)
            var response = try self.form(request, name: name, error: FormData(fields: []).languaged(SecretariatLanguage.of(request)).say(
                "For mange mislykte forsøk. Vent \(wait) minutter før du prøver igjen.",
                nn: "For mange mislukka forsøk. Vent \(wait) minutt før du prøver igjen.",
                en: "Too many failed attempts. Wait \(wait) minutes before you try again."),
                                         status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait * 60)
            return response
        }
        let user = try await store.reading { try $0.user(named: name) }
        // An unknown name is checked against a decoy hash: it takes as long as a wrong password.
        // bcrypt takes a tenth of a second or more: it runs on NIO's thread pool, not on the
        // threads that answer requests.
        let hash = user?.passwordHash ?? Passwords.decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Passwords.verify(password, hash: hash) }
        guard let user, matches, !name.isEmpty else {
            try store.write { try $0.recordLoginFailure(userName: name, address: address, at: now) }
            return try self.form(request, name: name, error: SecretariatText.of(SecretariatLanguage.of(request))["loginWrong"], status: .unauthorized)
        }
        let token = SessionCookie.newToken()
        try store.write { store in
            try store.write {
                try store.createSession(userID: user.id, tokenHash: SessionCookie.hash(token), csrfToken: SessionCookie.newToken(),
                                        at: now, expiresAt: now + SessionCookie.lifetime)
                try store.clearLoginFailures(userName: name, before: now - Throttle.window)
                try store.recordAudit(userName: user.name, action: "logg inn", detail: "fra \(address)", at: now)
            }
        }
        let secure = SessionCookie.isSecure(request, configuration: environment.configuration)
        var headers = HTTPFields()
        headers[.location] = Self.safeNext(form["next"])
        headers.append(HTTPField(name: .setCookie, value: SessionCookie.header(SessionCookie.name, token, maxAge: SessionCookie.lifetime, secure: secure)))
        headers.append(HTTPField(name: .setCookie, value: SessionCookie.header(SessionCookie.loginName, "", maxAge: 0, secure: secure)))
        return Response(status: .seeOther, headers: headers)
    }

    /// Ends the session (the form carries the session's CSRF token: no other site can sign a user out).
    func signOut(_ request: Request) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        if let session = try await SessionMiddleware.session(of: request, store: store),
           let token = SessionCookie.value(SessionCookie.name, in: request) {
            guard let posted = form["csrf"], SessionCookie.same(posted, session.csrfToken) else {
                return environment.pages.response("error", title: "Ikke tillatt", page: PageContext(language: .norwegian, path: "/logg-ut"),
                                                  values: ["heading": "Ikke tillatt", "message": "Skjemaet manglet et gyldig sikkerhetsmerke (CSRF)."],
                                                  status: .forbidden)
            }
            try store.write { store in
                try store.write {
                    try store.deleteSession(tokenHash: SessionCookie.hash(token))
                    try store.recordAudit(userName: session.user.name, action: "logg ut", detail: "", at: SessionCookie.now)
                }
            }
        }
        var headers = HTTPFields()
        headers[.location] = "/logg-inn"
        headers[.setCookie] = SessionCookie.header(SessionCookie.name, "", maxAge: 0,
                                                   secure: SessionCookie.isSecure(request, configuration: environment.configuration))
        return Response(status: .seeOther, headers: headers)
    }

    /// Only a path inside the secretary's area is followed after sign-in (no open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/sekretariat"), !next.contains("//"), !next.contains("\\") else { return "/sekretariat" }
        return next
    }

    static func address(_ address: SocketAddress?) -> String {
        address?.ipAddress ?? "unknown"
    }
}
