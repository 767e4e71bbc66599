import Foundation
import Testing

/// The OParl 1.1 API: a client walks it from the System object through every list and page, and
/// every object it meets (embedded ones too) validates against the official schemas.
@Suite(.serialized) struct OParlTests {
    static let schemaFolder = SampleData.packageRoot.deletingLastPathComponent().appending(path: "shared/standards/oparl/schema")

    /// Every object reachable from `/oparl/v1`: lists followed page by page, each object's `id` fetched too.
    static func walk(_ server: TestServer) async throws -> [[String: Any]] {
        var objects: [String: [String: Any]] = [:]
        var lists: [String] = []
        let systemPage = try await server.get("/oparl/v1")
        #expect(systemPage.header("Access-Control-Allow-Origin") == "*")
        let system = try #require(try JSONSerialization.jsonObject(with: systemPage.body) as? [String: Any])
        objects[system["id"] as! String] = system
        lists.append(system["body"] as! String)
        var seenLists = Set<String>()
        while let list = lists.popLast() {
            guard seenLists.insert(list).inserted else { continue }
            let path = String(list.dropFirst(server.base.count))
            let page = try await server.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.header("Access-Control-Allow-Origin") == "*", "\(path)")
            let json = try #require(try JSONSerialization.jsonObject(with: page.body) as? [String: Any], "\(path)")
            #expect(json["pagination"] is [String: Any], "\(path) has pagination")
            let links = try #require(json["links"] as? [String: Any], "\(path) has links")
            if let next = links["next"] as? String { lists.append(next) }
            for object in json["data"] as? [[String: Any]] ?? [] {
                objects[object["id"] as! String] = object
                if (object["type"] as? String)?.hasSuffix("/Body") == true {
                    for key in ["organization", "person", "meeting", "paper", "membership", "agendaItem", "consultation", "file"] {
                        if let url = object[key] as? String { lists.append(url) }
                    }
                }
            }
        }
        // Every object is also where its id says.
        for (id, object) in objects {
            let page = try await server.get(String(id.dropFirst(server.base.count)))
            #expect(page.status == 200, "\(id)")
            let fetched = try JSONSerialization.jsonObject(with: page.body) as? [String: Any]
            #expect(fetched?["type"] as? String == object["type"] as? String, "\(id)")
        }
        return Array(objects.values)
    }

    @Test func everyObjectOfTheWholeAPIValidates() async throws {
        let server = try await TestServer.start(database: try PublicSiteTests.database.get())
        defer { server.stop() }
        let objects = try await Self.walk(server)
        let types = Set(objects.compactMap { ($0["type"] as? String)?.split(separator: "/").last.map(String.init) })
        #expect(types.isSuperset(of: ["System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper",
                                      "Consultation", "File"]), "\(types.sorted())")
        for object in objects {
            #expect(object["created"] is String && object["modified"] is String, "\(object["id"] ?? "?") has created and modified")
        }
        // Memberships say whom they represent; exempt items are not public and carry no text.
        #expect(objects.contains { ($0["onBehalfOf"] as? String)?.contains("/organization/org-") == true })
        let exempt = objects.filter { $0["public"] as? Bool == false }
        #expect(!exempt.isEmpty)
        for item in exempt {
            #expect(item["resolutionText"] == nil && item["result"] == nil && item["consultation"] == nil)
        }
        try #require(FileManager.default.fileExists(atPath: Self.schemaFolder.path), "../shared/standards/oparl/schema is missing")
        let file = try SampleData.folder().appending(path: "objects.json")
        try JSONSerialization.data(withJSONObject: objects).write(to: file)
        let script = SampleData.packageRoot.appending(path: "Tests/DocketServerTests/Scripts/validate_oparl.py").path
        let result = try SampleData.python([script, Self.schemaFolder.path, file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    /// A client in a browser on another site must read an error as what it is: every OParl error
    /// is JSON with its status and `Access-Control-Allow-Origin: *`, an unknown address too.
    @Test func errorsAreJSONAndCarryAccessControlAllowOrigin() async throws {
        let server = try await TestServer.start(database: try PublicSiteTests.database.get())
        defer { server.stop() }
        for (path, status) in [("/oparl/v1/meeting/finnes-ikke/2025-01-01", 404), ("/oparl/v1/finnes-ikke", 404),
                               ("/oparl/v1/organization/finnes-ikke", 404), ("/oparl/v1/person/999999", 404),
                               ("/oparl/v1/meeting?page=999", 404), ("/oparl/v1/person/abc", 400)] {
            let page = try await server.get(path)
            #expect(page.status == status, "\(path)")
            #expect(page.header("Access-Control-Allow-Origin") == "*", "\(path)")
            #expect(page.header("Content-Type")?.hasPrefix("application/json") == true, "\(path)")
            let json = try JSONSerialization.jsonObject(with: page.body) as? [String: Any]
            #expect(json?["status"] as? Int == status, "\(path): \(page.text)")
        }
        // The public site's own 404 stays its HTML page.
        let site = try await server.get("/finnes-ikke")
        #expect(site.status == 404 && site.text.contains("<html"))
    }

    /// `created` and `modified` are the store's row stamps: the time a row was stored, and the time
    /// of the last change of what the object shows, not the meeting's dates.
    @Test func createdAndModifiedAreTheRowStamps() async throws {
        let folder = try SampleData.folder()
        let database = folder.appending(path: "docket.sqlite").path
        try SampleData.docket(database, ["init"])
        try SampleData.docket(database, ["body", "add", "styret", "--name", "Styret", "--kind", "steering-group"])
        try SampleData.docket(database, ["meeting", "create", "styret", "--date", "2019-03-05", "--no-standing-items"])
        try SampleData.docket(database, ["item", "add", "styret@2019-03-05", "--title", "Budsjett", "--kind", "decision", "--proposal", "Vedtas."])
        let server = try await TestServer.start(database: database)
        defer { server.stop() }
        func meeting() async throws -> [String: Any] {
            let page = try await server.get("/oparl/v1/meeting/styret/2019-03-05")
            return try #require(try JSONSerialization.jsonObject(with: page.body) as? [String: Any])
        }
        let before = try await meeting()
        let created = try #require(before["created"] as? String)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        #expect(created.hasPrefix("\(year)-"), "stored now, not on the meeting's day in 2019: \(created)")
        #expect(created.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        let item = try #require((before["agendaItem"] as? [[String: Any]])?.first { $0["name"] as? String == "Budsjett" })
        // Stamps are whole seconds: a change a second later is a later stamp.
        try await Task.sleep(for: .milliseconds(1100))
        try SampleData.docket(database, ["decision", "record", "styret 1/19", "--outcome", "adopted"])
        let after = try await meeting()
        #expect(after["created"] as? String == created, "created stays")
        #expect((after["modified"] as? String ?? "") > (before["modified"] as? String ?? "~"), "the decision changed the meeting's item")
        let itemAfter = try #require((after["agendaItem"] as? [[String: Any]])?.first { $0["name"] as? String == "Budsjett" })
        #expect(itemAfter["created"] as? String == item["created"] as? String)
        #expect((itemAfter["modified"] as? String ?? "") > (item["modified"] as? String ?? "~"))
        let system = try #require(try JSONSerialization.jsonObject(with: try await server.get("/oparl/v1").body) as? [String: Any])
        #expect(system["modified"] as? String == after["modified"] as? String, "the system's latest change is that one")
    }
}
