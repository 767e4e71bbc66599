import DocketStore
import Foundation
import Hummingbird

/// Every answer under `/oparl/`, errors too, carries `Access-Control-Allow-Origin: *`: a client
/// in a browser on another site must be able to read a 404 as a 404 (not as a failed request),
/// and errors are JSON like the rest of the API, not the site's HTML error page.
///
/// A router middleware (not one of the OParl group's), so that an address no route matches is
/// answered here too.
struct OParlErrorMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext
    static let prefix = "/oparl/"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.prefix) || request.uri.path == "/oparl" else { return try await next(request, context) }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as StoreError {
            switch error {
            case .notFound, .ambiguous: response = Self.error(.notFound, "No such object")
            default: response = Self.error(.internalServerError, "The server could not answer")
            }
        } catch let error as HTTPError {
            response = Self.error(error.status, error.status == .notFound ? "No such object" : error.status.reasonPhrase)
        } catch {
            context.logger.error("OParl \(request.uri.path): \(error)")
            response = Self.error(.internalServerError, "The server could not answer")
        }
        response.headers[.accessControlAllowOrigin] = "*"
        return response
    }

    /// `{"status": 404, "message": "No such object"}` with the status.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["status": status.code, "message": message], options: [.sortedKeys]))
            ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
