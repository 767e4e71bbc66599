import DocketDocuments
import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// The public site, no login: bodies, meetings, items, search, feeds. Every item shown goes
/// through its public form (`AgendaItem.publicForm()`, `ItemFacts.publicForm`, the papers'
/// `redactedForPublic()`, `Store.story(isPublic: true)`, the search's `isPublic` filter): the
/// public site never shows the text of an exempt item.
///
/// Every page is read and rendered on a reader thread (``ServerStore/reading(inTransaction:_:)``),
/// never on the threads that serve the connections.
struct PublicRoutes: Sendable {
    let environment: ServerEnvironment
    var store: ServerStore { environment.store }
    var pages: PageRenderer { environment.pages }

    func add(to router: Router<DocketRequestContext>) {
        router.get("/") { request, _ in
            let page = PageContext(request: request)
            return try await cached(request, day: true) { try home($0, page) }
        }
        router.get("/tilgjengelighet") { request, _ in accessibility(request) }
        router.get("/utvalg/:body") { request, context in
            let (page, slug) = (PageContext(request: request), try context.parameters.require("body"))
            return try await cached(request) { try body($0, page, slug: slug) }
        }
        router.get("/utvalg/:body/moteplan.ics") { _, context in try await calendar(slug: try context.parameters.require("body")) }
        router.get("/utvalg/:body/feed.atom") { request, context in
            try await feed(request, slug: try context.parameters.require("body"))
        }
        router.get("/mote/:body/:date") { request, context in
            let (page, reference) = (PageContext(request: request), try meetingReference(context))
            return try await cached(request) { try meeting($0, page, reference) }
        }
        router.get("/mote/:body/:date/:file") { request, context in
            try await meetingFile(request, try meetingReference(context), file: try context.parameters.require("file"))
        }
        router.get("/sak/:body/:number") { request, context in
            let (page, reference) = (PageContext(request: request), try itemReference(context))
            return try await cached(request) { try item($0, page, reference) }
        }
        router.get("/vedlegg/:id") { _, context in try await attachment(id: try context.parameters.require("id", as: Int64.self)) }
        router.get("/sok") { request, _ in
            let (page, form) = (PageContext(request: request), try SearchPage.Form(request: request))
            // Outside a read transaction: the search asks the derived index (Xapian), which it may
            // catch up only there; inside one FTS5 answers, a good deal slower.
            return try await cached(request, inTransaction: false) { try search($0, page, form) }
        }
    }

    /// The page from the cache (``PageCache``), or read and rendered on a reader thread by `build`
    /// (which returns the page's HTML). `day`: the page also depends on today's date.
    func cached(_ request: Request, day: Bool = false, inTransaction: Bool = true,
                _ build: @escaping @Sendable (Store) throws -> String) async throws -> Response {
        let render = { try await store.reading(inTransaction: inTransaction, build) }
        guard let cache = environment.cache else { return Response.html(try await render()) }
        let key = request.uri.description + (day ? " " + CalendarDate.today.description : "")
        let buffer = try await cache.page(key, render)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    // MARK: Pages

    /// `/`: every body with its coming and latest meetings.
    func home(_ store: Store, _ page: PageContext) throws -> String {
        let today = CalendarDate.today
        let bodies: [[String: Any]] = try store.bodies().map { body -> [String: Any] in
                let meetings = try store.meetings(bodySlug: body.slug)
                let upcoming = meetings.filter { $0.date >= today }.prefix(3)
                let recent = meetings.filter { $0.date < today }.suffix(3).reversed()
                return ["slug": body.slug, "name": body.name, "href": page.link(Paths.body(body.slug)),
                        "upcoming": upcoming.map { meetingLink($0, page) }, "hasUpcoming": !upcoming.isEmpty,
                        "recent": recent.map { meetingLink($0, page) }, "hasRecent": !recent.isEmpty]
        }
        return pages.html("home", title: page.text["navHome"], page: page, values: ["bodies": bodies])
    }

    func meetingLink(_ meeting: Meeting, _ page: PageContext) -> [String: Any] {
        ["href": page.link(Paths.meeting(meeting.body, meeting.date)), "dateText": page.language.phrases.format(meeting.date),
         "cancelled": meeting.status == .cancelled]
    }

    /// `/tilgjengelighet`: the accessibility statement (tilgjengelighetserklæring).
    func accessibility(_ request: Request) -> Response {
        let page = PageContext(request: request)
        return pages.response("accessibility-\(page.language.rawValue)", title: page.text["accessibilityTitle"], page: page, values: [:])
    }

    func body(_ store: Store, _ page: PageContext, slug: String) throws -> String {
        let built = try BodyPage.values(slug: slug, store: store, page: page)
        return pages.html("body", title: built.title, page: page, values: built.values)
    }

    func meeting(_ store: Store, _ page: PageContext, _ reference: MeetingReference) throws -> String {
        let built = try MeetingPage.values(meeting: reference, store: store, page: page)
        return pages.html("meeting", title: built.title, page: page, values: built.values)
    }

    func item(_ store: Store, _ page: PageContext, _ reference: ItemReference) throws -> String {
        let built = try ItemPage.values(item: reference, store: store, page: page)
        return pages.html("item", title: built.title, page: page, values: built.values)
    }

    func search(_ store: Store, _ page: PageContext, _ form: SearchPage.Form) throws -> String {
        let values = try SearchPage.values(form: form, store: store, page: page)
        return pages.html("search", title: page.text["search"], page: page, values: values)
    }

    // MARK: Files

    /// The body's meeting plan as iCalendar, from the calendar export (`docket export ics`), which
    /// lists each item in its public form.
    func calendar(slug: String) async throws -> Response {
        let data = try await store.reading { store in
            _ = try store.body(slug: slug)
            return try CalendarExporter(store: store).export(scope: .init(body: slug, isPublic: true))
        }
        return Response.file(data, mediaType: "text/calendar; charset=utf-8", fileName: "moteplan-\(slug).ics", inline: true)
    }

    /// `innkalling.html|pdf|docx`, `protokoll.html|pdf|docx`: the public papers, rendered by the
    /// papers' renderer with `isPublic: true`; `mote.ics`: the meeting's event alone.
    func meetingFile(_ request: Request, _ reference: MeetingReference, file: String) async throws -> Response {
        let page = PageContext(request: request)
        if file == "mote.ics" {
            let data = try await store.reading { store in
                let meeting = try store.meeting(reference)
                let plan = try CalendarExporter(store: store).export(scope: .init(body: meeting.body, year: meeting.date.year, isPublic: true))
                return Self.singleEvent(plan, uid: "\(meeting.body)-\(meeting.date)@")
            }
            return Response.file(data, mediaType: "text/calendar; charset=utf-8", fileName: "mote-\(reference.bodySlug)-\(reference.date).ics")
        }
        guard let paper = PaperFile(file, formats: [.html, .pdf, .docx]) else { throw HTTPError(.notFound) }
        // Read and rendered (a PDF takes a while) on a reader thread.
        let data = try await store.reading { store in
            let papers = try MeetingPapers(store: store, meeting: reference, language: page.language)
            return try DocumentRenderer().render(paper.kind, of: papers, as: paper.format, isPublic: true)
        }
        return paper.response(data, meeting: reference)
    }

    /// The VEVENT with this UID prefix out of a whole plan, in the plan's frame (VTIMEZONE kept).
    static func singleEvent(_ plan: Data, uid: String) -> Data {
        let text = String(decoding: plan, as: UTF8.self)
        var output = ""
        var event: [Substring] = []
        var inEvent = false
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line == "BEGIN:VEVENT" { inEvent = true; event = [line]; continue }
            if inEvent {
                event.append(line)
                if line == "END:VEVENT" {
                    inEvent = false
                    if event.contains(where: { $0.hasPrefix("UID:" + uid) }) { output += event.joined(separator: "\r\n") + "\r\n" }
                }
                continue
            }
            if !line.isEmpty { output += line + "\r\n" }
        }
        return Data(output.utf8)
    }

    /// An attachment's file, unless it belongs to an item withheld from the public.
    func attachment(id: Int64) async throws -> Response {
        let found: (DocketStore.Attachment, Data)? = try await store.reading { store -> (DocketStore.Attachment, Data)? in
            let attachment = try store.attachment(id: id)
            if let itemName = attachment.item {
                let reference = try ItemReference(parsing: itemName)
                let item = try store.item(reference)
                if item.facts().publicForm().isWithheld { return nil }
            }
            guard let content = try store.attachmentContent(id: id) else { return nil }
            return (attachment, content)
        }
        guard let (attachment, content) = found else { throw HTTPError(.notFound) }
        return Response.file(content, mediaType: attachment.mediaType, fileName: attachment.title)
    }

    /// The body's Atom feed: new meetings, papers and decisions.
    func feed(_ request: Request, slug: String) async throws -> Response {
        let page = PageContext(request: request)
        let base = environment.configuration.publicURL ?? ("http://" + (request.head.authority ?? "localhost"))
        let xml = try await store.reading { store in try AtomFeed(store: store, bodySlug: slug, base: base, language: page.language).xml() }
        return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: xml)))
    }

    // MARK: Parameters

    func meetingReference(_ context: DocketRequestContext) throws -> MeetingReference {
        let body = try context.parameters.require("body")
        let dateText = try context.parameters.require("date")
        guard let date = CalendarDate(dateText) else { throw HTTPError(.notFound) }
        return MeetingReference(bodySlug: body, date: date)
    }

    func itemReference(_ context: DocketRequestContext) throws -> ItemReference {
        let body = try context.parameters.require("body")
        guard let number = Paths.number(segment: try context.parameters.require("number")) else { throw HTTPError(.notFound) }
        return ItemReference(bodySlug: body, number: number)
    }
}

/// Carries a value built inside a store read (dictionaries for templates) out of it.
struct SendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
