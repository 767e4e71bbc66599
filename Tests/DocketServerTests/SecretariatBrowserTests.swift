import DocketModel
import DocketServer
import DocketStore
import Foundation
import Testing

/// A secretary in headless Chromium (Selenium, axe-core) builds a meeting with three items, moves
/// one by keyboard, records a guest and a split vote, adds an alternative proposal and votes on it,
/// and approves the minutes; axe finds nothing on the way.
@Suite(.serialized) struct SecretariatBrowserTests {
    @Test func aSecretaryBuildsAMeetingInTheBrowser() async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/setup")
        }
        let probe = try await Self.python(["-c", "import selenium, axe_selenium_python"])
        try #require(probe.status == 0, "selenium and axe-selenium-python are missing: run scripts/setup (\(probe.output))")
        let path = try SampleData.folder().appending(path: "secretary.sqlite").path
        do {
            let store = try Store(path: path, access: .create)
            _ = try store.addBody(slug: "styret", BodyDraft(name: "Styret", kind: .steeringGroup), standingItems: [])
            for name in ["Ada Berg", "Per Olsen", "Siri Dahl"] {
                _ = try store.addMember(name: name, bodySlug: "styret", role: .member, organisation: nil)
            }
            _ = try store.addUser(name: "Kari Nordmann", role: .secretary, passwordHash: try Passwords.hash(SecretariatTests.password, cost: 4), at: 0)
        }
        let server = try await TestServer.start(database: path)
        defer { server.stop() }
        let script = SampleData.packageRoot.appending(path: "Tests/DocketServerTests/Scripts/secretary_flow.py").path
        let result = try await Self.python([script, server.base, "Kari Nordmann", SecretariatTests.password])
        #expect(result.status == 0, "\(result.output)")
        let check = try Store(path: path, access: .readOnly)
        let meeting = MeetingReference(bodySlug: "styret", date: CalendarDate(year: 2026, month: 4, day: 15)!)
        #expect(try check.items(meeting: meeting).map(\.title) == ["Budsjett", "Veier", "Skolestruktur"])
        #expect(try check.minutesApproval(of: meeting)?.signers == ["Ada Berg", "Per Olsen"])
        #expect(try check.attendance(meeting: meeting).contains { $0.person == "Berit Revisor" && $0.guestRole == "revisor" })
        let budget = try #require(try check.items(meeting: meeting).first)
        let proposals = try check.proposals(itemID: budget.id)
        #expect(proposals.map(\.proposer) == ["Per Olsen"] && proposals.first?.outcome == .rejected)
    }

    /// Runs python3 and waits without holding a thread: a blocking wait here holds one of the few
    /// threads the server under test (and every other test) answers on, and they time out.
    static func python(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let log = try SampleData.folder().appending(path: "python.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try handle.close()
        return (status, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
