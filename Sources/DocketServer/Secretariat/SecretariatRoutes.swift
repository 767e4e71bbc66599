import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// `/sekretariat`: what a secretary does with the CLI, as plain HTML forms. Every write calls the
/// same store function the CLI command calls (the store keeps the rules and says what is wrong),
/// inside one transaction with its audit-log entry; a form the store refuses is shown again with
/// the store's message beside it (422), nothing stored. Every route sits behind SessionMiddleware.
///
/// The routes are registered per area, each in its own file (`SecretariatRoutes+Bodies.swift`, …);
/// every form goes through ``form(_:_:key:action:page:_:)``, the one place that reads a form,
/// writes with the audit entry and answers.
struct SecretariatRoutes: Sendable {
    let environment: ServerEnvironment
    var store: ServerStore { environment.store }
    typealias Context = DocketRequestContext
    typealias Group = RouterGroup<DocketRequestContext>

    /// The pages in the language the request asks for (`?lang=`, else the secretary's cookie).
    func views(_ request: Request) -> SecretariatViews {
        SecretariatViews(environment: environment, request: request)
    }

    func add(to router: Router<DocketRequestContext>) {
        LoginRoutes(environment: environment).add(to: router)
        let group = router.group("sekretariat").add(middleware: SessionMiddleware(environment: environment))
        group.get("") { request, context in try await views(request).home(context) }
        addBodyRoutes(to: group)
        addMeetingRoutes(to: group)
        addAgendaRoutes(to: group)
        addDecisionRoutes(to: group)
        addProposalRoutes(to: group)
        addMinutesRoutes(to: group)
        addFileRoutes(to: group)
        addUserRoutes(to: group)
    }

    // MARK: The form handler

    /// A page of the area: where a form goes back to after a write, and how it is shown again with a problem.
    enum Page {
        case home, body(String), meeting(MeetingReference), item(ItemReference), users

        var path: String {
            switch self {
            case .home: "/sekretariat"
            case let .body(slug): "/sekretariat/utvalg/\(slug)"
            case let .meeting(reference): SecretariatRoutes.path(reference)
            case let .item(reference): SecretariatRoutes.path(reference)
            case .users: "/sekretariat/brukere"
            }
        }

        func render(_ views: SecretariatViews, _ context: Context, problem: FormProblem) async throws -> Response {
            switch self {
            case .home: try await views.home(context, problem: problem)
            case let .body(slug): try await views.body(slug, context, problem: problem)
            case let .meeting(reference): try await views.meeting(reference, context, problem: problem)
            case let .item(reference): try await views.item(reference, context, problem: problem)
            case .users: try await views.users(context, problem: problem)
            }
        }
    }

    /// What one posted form asks of the store, and what the audit log says of it.
    struct Write {
        /// The audit entry's detail ("styret@2019-02-13: Budsjett").
        var detail: String
        /// The audit entry's action when the form decides it (postpone or refer); else the route's.
        var action: String?
        /// Where to go after the write when not back to the form's page (a new meeting's page).
        var back: String?
        /// The field the store's refusal is about, marked invalid beside its message (a name the store does not know).
        var field: String?
        var run: (Store) throws -> Void

        init(detail: String, action: String? = nil, back: String? = nil, field: String? = nil, _ run: @escaping (Store) throws -> Void) {
            self.detail = detail
            self.action = action
            self.back = back
            self.field = field
            self.run = run
        }
    }

    /// Registers one form: reads it, lets `prepare` check it and say the write, does the write with its
    /// audit entry in one transaction, and answers 303 back to the page (at the form's anchor), or
    /// shows the page again (422) with the refusal beside form `key`: a ``FormProblem`` from `prepare`
    /// or the store's own message. Session, CSRF token and role were checked by SessionMiddleware.
    func form(_ group: Group, _ path: String, key: String, action: String,
              page: @escaping @Sendable (Context) throws -> Page,
              _ prepare: @escaping @Sendable (FormData, Context) async throws -> Write) {
        group.post(RouterPath(path)) { request, context in
            var request = request
            var form = try await FormData.read(&request)
            form.language = SecretariatLanguage.of(request)
            let page = try page(context)
            var field: String?
            func problem(_ message: String) -> FormProblem { FormProblem(form: key, message: message, values: form.values, field: field) }
            do {
                let write = try await prepare(form, context)
                field = write.field
                try perform(context, action: write.action ?? action, detail: write.detail, write.run)
                return Response(status: .seeOther, headers: [.location: (write.back ?? page.path) + "?lagret=1#" + key])
            } catch let error as FormProblem {
                return try await page.render(views(request), context, problem: error)
            } catch let error as StoreError {
                // The store says it in English for the command line; the form in its own language.
                return try await page.render(views(request), context, problem: problem(StoreRefusalText.message(error, form.language)))
            } catch let error as ReferenceError {
                return try await page.render(views(request), context, problem: problem(StoreRefusalText.message(error, form.language)))
            } catch let error as InterchangeError {
                return try await page.render(views(request), context, problem: problem(error.description))
            }
        }
    }

    /// Runs `body` and its audit entry as one transaction with the writing connection.
    func perform<T: Sendable>(_ context: Context, action: String, detail: String, _ body: (Store) throws -> T) throws -> T {
        let user = context.session?.user.name ?? "?"
        return try store.write { store in
            try store.write {
                let result = try body(store)
                try store.recordAudit(userName: user, action: action, detail: detail, at: SessionCookie.now)
                return result
            }
        }
    }

    // MARK: Paths

    static func path(_ meeting: MeetingReference) -> String { "/sekretariat/mote/\(meeting.bodySlug)/\(meeting.date)" }
    static func path(_ item: ItemReference) -> String { "/sekretariat/sak/\(item.bodySlug)/\(Paths.segment(item.number))" }

    static func meetingReference(_ context: Context) throws -> MeetingReference {
        let body = try context.parameters.require("body")
        guard let date = CalendarDate(try context.parameters.require("date")) else { throw HTTPError(.notFound) }
        return MeetingReference(bodySlug: body, date: date)
    }

    static func itemReference(_ context: Context) throws -> ItemReference {
        let body = try context.parameters.require("body")
        guard let number = Paths.number(segment: try context.parameters.require("number")) else { throw HTTPError(.notFound) }
        return ItemReference(bodySlug: body, number: number)
    }

    /// The page of the meeting the route names, or of its item, or its body.
    static func meetingPage(_ context: Context) throws -> Page { .meeting(try meetingReference(context)) }
    static func itemPage(_ context: Context) throws -> Page { .item(try itemReference(context)) }
    static func bodyPage(_ context: Context) throws -> Page { .body(try context.parameters.require("body")) }
}
