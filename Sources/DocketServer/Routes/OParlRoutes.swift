import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// The OParl 1.1 read API at `/oparl/v1` (objects built by ``OParlObjects``): every response is
/// JSON with `Access-Control-Allow-Origin: *`, lists are `{data, pagination, links}`.
struct OParlRoutes: Sendable {
    let environment: ServerEnvironment
    static let pageSize = 100

    func add(to router: Router<DocketRequestContext>) {
        let api = router.group("/oparl/v1")
        api.get("") { request, _ in try await object(request) { try $0.system() } }
        api.get("/body") { request, _ in try await list(request, path: "/body") { [try $0.body()] } }
        api.get("/body/0") { request, _ in try await object(request) { try $0.body() } }
        api.get("/organization") { request, _ in try await list(request, path: "/organization") { try $0.organizations() } }
        api.get("/organization/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await object(request) { objects in
                if id.hasPrefix("org-"), let number = Int64(id.dropFirst(4)) {
                    guard let organisation = try objects.store.organisations().first(where: { $0.id == number }) else { throw HTTPError(.notFound) }
                    return try objects.organization(organisation: organisation)
                }
                return try objects.organization(body: try objects.store.body(slug: id))
            }
        }
        api.get("/person") { request, _ in try await list(request, path: "/person") { try $0.persons() } }
        api.get("/person/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                guard let person = try objects.persons().first(where: { ($0["id"] as? String) == objects.personID(id) }) else {
                    throw HTTPError(.notFound)
                }
                return person
            }
        }
        api.get("/membership") { request, _ in try await list(request, path: "/membership") { objects in
            let organisations = try objects.organisationIDs()
            let epoch = try objects.epoch()
            return try objects.allMemberships().map { try objects.membership(membership: $0, organisations: organisations, epoch: epoch) }
        } }
        api.get("/membership/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                guard let found = try objects.allMemberships().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
                return try objects.membership(membership: found, organisations: try objects.organisationIDs(), epoch: try objects.epoch())
            }
        }
        api.get("/meeting") { request, _ in
            let body = request.uri.queryParameters.get("organization")
            return try await list(request, path: "/meeting") { try $0.meetings(body: body) }
        }
        api.get("/meeting/:body/:date") { request, context in
            let body = try context.parameters.require("body")
            guard let date = CalendarDate(try context.parameters.require("date")) else { throw HTTPError(.notFound) }
            return try await object(request) { try $0.meeting(try $0.store.meeting(MeetingReference(bodySlug: body, date: date))) }
        }
        api.get("/agendaitem") { request, _ in try await list(request, path: "/agendaitem") { objects in
            try objects.store.meetings().flatMap { meeting in
                try objects.store.items(meetingID: meeting.id).map { try objects.agendaItem($0, meeting: meeting) }
            }
        } }
        api.get("/agendaitem/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                let item = try objects.store.item(id: id)
                return try objects.agendaItem(item, meeting: try objects.store.meeting(id: item.meetingID))
            }
        }
        api.get("/paper") { request, _ in try await list(request, path: "/paper") { objects in
            try objects.cases().compactMap { try objects.paper(caseID: $0.caseID, items: $0.items) }
        } }
        api.get("/paper/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                guard let found = try objects.cases().first(where: { $0.caseID == id }),
                      let paper = try objects.paper(caseID: id, items: found.items) else { throw HTTPError(.notFound) }
                return paper
            }
        }
        api.get("/consultation") { request, _ in try await list(request, path: "/consultation") { objects in
            try objects.cases().flatMap { entry -> [[String: Any]] in
                guard let paper = try objects.paper(caseID: entry.caseID, items: entry.items) else { return [] }
                return paper["consultation"] as? [[String: Any]] ?? []
            }
        } }
        api.get("/consultation/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                let item = try objects.store.item(id: id)
                guard !item.facts().publicForm().isWithheld else { throw HTTPError(.notFound) }
                return try objects.consultation(item, meeting: try objects.store.meeting(id: item.meetingID))
            }
        }
        api.get("/file") { request, _ in try await list(request, path: "/file") { objects in try publicFiles(objects) } }
        api.get("/file/:id") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await object(request) { objects in
                guard let file = try publicFiles(objects).first(where: { ($0["id"] as? String) == objects.fileID(id) }) else {
                    throw HTTPError(.notFound)
                }
                return file
            }
        }
        api.get("/paperfile/:kind/:body/:date") { request, context in
            let kind = try context.parameters.require("kind")
            guard kind == "innkalling" || kind == "protokoll", let date = CalendarDate(try context.parameters.require("date")) else {
                throw HTTPError(.notFound)
            }
            let body = try context.parameters.require("body")
            return try await object(request) { objects in
                try objects.paperFile(kind, meeting: try objects.store.meeting(MeetingReference(bodySlug: body, date: date)))
            }
        }
    }

    /// Attachments of meetings and of items that may be shown.
    func publicFiles(_ objects: OParlObjects) throws -> [[String: Any]] {
        try objects.store.meetings().flatMap { meeting -> [[String: Any]] in
            var files = try objects.store.attachments(meetingID: meeting.id).map { try objects.file($0, meeting: meeting) }
            for item in try objects.store.items(meetingID: meeting.id) where !item.facts().publicForm().isWithheld {
                files += try objects.store.attachments(itemID: item.id).map { try objects.file($0, meeting: meeting) }
            }
            return files
        }
    }

    // MARK: Responses

    func site(_ request: Request) -> String {
        environment.configuration.publicURL ?? ("http://" + (request.head.authority ?? "localhost"))
    }

    /// What `body` builds of the objects, read on a reader thread in one read transaction.
    func objects<T>(_ request: Request, _ body: @escaping @Sendable (OParlObjects) throws -> T) async throws -> T {
        let site = site(request)
        return try await environment.store.reading { store in
            SendableBox(try body(OParlObjects(store: store, stamps: StampCache(store: store), base: site + "/oparl/v1", site: site,
                                              bodyName: try Self.bodyName(store))))
        }.value
    }

    /// The cooperation's name: the server's configured name, else the name of the body at the top.
    static func bodyName(_ store: Store) throws -> String {
        let bodies = try store.bodies()
        return (bodies.first { $0.parentSlug == nil } ?? bodies.first)?.name ?? "Docket"
    }

    func object(_ request: Request, _ build: @escaping @Sendable (OParlObjects) throws -> [String: Any]) async throws -> Response {
        Self.json(try await objects(request, build))
    }

    /// A list with `data`, `pagination` and `links`, `?page=N` (from 1), 100 objects a page.
    func list(_ request: Request, path: String, _ build: @escaping @Sendable (OParlObjects) throws -> [[String: Any]]) async throws -> Response {
        let all = try await objects(request, build)
        let pageText = request.uri.queryParameters.get("page") ?? "1"
        let total = max(1, (all.count + Self.pageSize - 1) / Self.pageSize)
        guard let page = Int(pageText), page >= 1, page <= total else { throw HTTPError(.notFound) }
        var query = request.uri.queryParameters.filter { $0.key != "page" }.map { "\($0.key)=\($0.value)" }.sorted()
        let base = site(request) + "/oparl/v1" + path
        func link(_ number: Int) -> String {
            query.append("page=\(number)")
            defer { query.removeLast() }
            return base + "?" + query.joined(separator: "&")
        }
        var links: [String: Any] = ["first": link(1), "last": link(total), "self": link(page)]
        if page > 1 { links["prev"] = link(page - 1) }
        if page < total { links["next"] = link(page + 1) }
        let data = Array(all.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        return Self.json([
            "data": data, "links": links,
            "pagination": ["totalElements": all.count, "elementsPerPage": Self.pageSize, "currentPage": page, "totalPages": total],
        ])
    }

    static func json(_ value: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
