import HTTPTypes
import Hummingbird

/// Headers on every response: a Content-Security-Policy that allows no inline script or style and
/// nothing from elsewhere, no sniffing of media types, no framing, no referrer sent off the site.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A route that serves a paper with its own style element sets its own, stricter still for script.
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
