import DocketStore
import Hummingbird

/// Turns what a page could not find into a page a person can read, in the page's language: a
/// name the store does not know (`StoreError.notFound`) or a route that does not exist is a 404,
/// a malformed reference (an item number that is not `8/19`) a 400. Other errors stay errors (500).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = DocketRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let page = PageContext(request: request)
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            if case .notFound = error { return notFound(page) }
            if case .ambiguous = error { return notFound(page) }
            throw error
        } catch let error as HTTPError where error.status == .notFound {
            return notFound(page)
        } catch let error as PageError {
            return pages.response("error", title: page.text["badRequest"], page: page,
                                  values: ["heading": page.text["badRequest"], "message": error.message], status: .badRequest)
        }
    }

    private func notFound(_ page: PageContext) -> Response {
        pages.response("error", title: page.text["notFound"], page: page,
                       values: ["heading": page.text["notFound"], "message": page.text["notFoundText"]], status: .notFound)
    }
}

/// A request the site cannot answer as asked: shown as a 400 page with `message`.
struct PageError: Error {
    var message: String
}
