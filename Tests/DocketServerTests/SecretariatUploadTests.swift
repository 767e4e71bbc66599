import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Uploads in the secretary's area (multipart forms): a file attached to an item, an old summons
/// read by the document importer with its report; the CSRF token is checked in these forms too.
@Suite struct SecretariatUploadTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "../shared/corpus").standardized

    /// POSTs `multipart/form-data` with text fields and one file.
    static func upload(_ browser: SecretariatTests.Browser, _ path: String, fields: [(String, String)],
                       file: (field: String, name: String, content: Data)) async throws -> TestServer.Page {
        let boundary = "docket-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += file.content + Data("\r\n--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: try #require(URL(string: browser.server.base + path)))
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.setValue(browser.cookie, forHTTPHeaderField: "Cookie")
        request.httpBody = body
        return try await browser.server.send(request)
    }

    @Test func aFileIsAttachedToAnItemByUpload() async throws {
        let path = try SecretariatTests.database()
        let meeting = MeetingReference(bodySlug: "styret", date: CalendarDate(year: 2019, month: 2, day: 13)!)
        let item = try SecretariatTests.open(path).addItem(to: meeting, ItemDraft(title: "Budsjett", kind: .information))
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await SecretariatTests.Browser.signIn(server, as: "Kari Nordmann")
        let upload = "/sekretariat/sak/styret/" + Paths.segment(item.number) + "/vedlegg"
        let content = Data("Notat om budsjettet, æøå.\n".utf8)
        // Without the token, nothing is attached.
        let refused = try await Self.upload(browser, upload, fields: [("title", "Notat")], file: ("file", "notat.txt", content))
        #expect(refused.status == 403)
        #expect(try SecretariatTests.open(path).attachments(itemID: item.id).isEmpty)
        let taken = try await Self.upload(browser, upload, fields: [("csrf", browser.csrf), ("title", "Notat om budsjett")],
                                          file: ("file", "../../notat.txt", content))
        #expect(taken.status == 303, "\(taken.text)")
        let attachment = try #require(try SecretariatTests.open(path).attachments(itemID: item.id).first)
        #expect(attachment.title == "Notat om budsjett")
        let page = try await browser.get("/sekretariat/sak/styret/" + Paths.segment(item.number))
        #expect(page.text.contains("/sekretariat/vedlegg/\(attachment.id)"))
        let download = try await browser.get("/sekretariat/vedlegg/\(attachment.id)")
        #expect(download.status == 200 && download.body == content)
        #expect(try SecretariatTests.open(path).auditLog().first?.action == "vedlegg lagt til")
    }

    @Test func anOldSummonsIsImportedByUploadWithTheImportersReport() async throws {
        try #require(FileManager.default.fileExists(atPath: Self.corpus.path), "no corpus at \(Self.corpus.path): this test needs ../shared/corpus")
        let summons = try Data(contentsOf: Self.corpus.appending(path: "seeds/004_ba49fa2217c6f01c.txt"))
        let path = try SecretariatTests.database()
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let browser = try await SecretariatTests.Browser.signIn(server, as: "Kari Nordmann")
        let form = try await browser.get("/sekretariat/import")
        #expect(form.status == 200 && form.text.contains("enctype=\"multipart/form-data\""))
        let meetingsBefore = try SecretariatTests.open(path).meetings().count
        // A dry run reports and stores nothing.
        let dry = try await Self.upload(browser, "/sekretariat/import", fields: [("csrf", browser.csrf), ("dryRun", "1")],
                                        file: ("file", "innkalling.txt", summons))
        #expect(dry.status == 200, "\(dry.text)")
        #expect(dry.text.contains("Prøvelesing: ingenting lagret"))
        #expect(try SecretariatTests.open(path).meetings().count == meetingsBefore)
        let imported = try await Self.upload(browser, "/sekretariat/import", fields: [("csrf", browser.csrf)],
                                             file: ("file", "innkalling.txt", summons))
        #expect(imported.status == 200, "\(imported.text)")
        #expect(imported.text.contains("innkalling.txt: Lest inn"))
        #expect(imported.text.contains("Saker lest:"))
        #expect(imported.text.contains("Advarsler til gjennomsyn"))
        #expect(try SecretariatTests.open(path).meetings().count == meetingsBefore + 1)
        #expect(try SecretariatTests.open(path).auditLog().first?.action == "dokument lest inn")
        // Something that is no meeting document is refused with the importer's reason.
        let junk = try await Self.upload(browser, "/sekretariat/import", fields: [("csrf", browser.csrf)],
                                         file: ("file", "tull.txt", Data("Bare tull.\n".utf8)))
        #expect(junk.status == 422)
        #expect(junk.text.contains("Ikke lest inn"))
    }
}
