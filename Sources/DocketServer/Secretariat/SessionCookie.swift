import Crypto
import DocketStore
import Foundation
import HTTPTypes
import Hummingbird

/// The session cookie of the secretary's area: a random token, kept by the browser; the database
/// keeps only its SHA-256 hash. HttpOnly (no script reads it), SameSite=Strict (no other site's
/// page sends it), Secure when the site is reached over TLS.
enum SessionCookie {
    static let name = "docket_session"
    /// The cookie of the sign-in form's CSRF token (there is no session yet to hold it).
    static let loginName = "docket_login"
    /// Eight hours: a working day.
    static let lifetime: Int64 = 8 * 60 * 60

    /// 32 random bytes, URL-safe base64.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The value of cookie `name` in the request, if any.
    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    /// Whether the cookie must be Secure: the server was told so, or a proxy says the visitor came by https.
    static func isSecure(_ request: Request, configuration: ServerConfiguration) -> Bool {
        configuration.secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// A Set-Cookie value; `maxAge` 0 deletes the cookie.
    static func header(_ name: String, _ value: String, maxAge: Int64, secure: Bool, path: String = "/") -> String {
        "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Constant-time comparison of two tokens (no learning a token byte by byte from timing).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
