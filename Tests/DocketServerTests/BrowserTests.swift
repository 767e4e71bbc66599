import Foundation
import Testing

/// A visitor in headless Chromium (Selenium, axe-core): every public page kind has no WCAG 2.1 A/AA
/// violation, the skip link works from the keyboard, and a search leads to an item, its meeting
/// and the meeting's PDF. Needs chromium, chromium-driver, selenium and axe-selenium-python
/// (scripts/setup installs them).
@Suite(.serialized) struct BrowserTests {
    @Test func aVisitorFindsAnItemAndItsPapersAndAxeFindsNothing() async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run scripts/setup")
        }
        let probe = try SampleData.python(["-c", "import selenium, axe_selenium_python"])
        try #require(probe.status == 0, "selenium and axe-selenium-python are missing: run scripts/setup (\(probe.output))")
        let server = try await TestServer.start(database: try PublicSiteTests.database.get())
        defer { server.stop() }
        let output = try SampleData.folder()
        let script = SampleData.packageRoot.appending(path: "Tests/DocketServerTests/Scripts/browser_visit.py").path
        let result = try await Task.detached { try SampleData.python([script, server.base, output.path]) }.value
        #expect(result.status == 0, "\(result.output)")
        let screenshot = output.appending(path: "meeting.png")
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        if let keep = ProcessInfo.processInfo.environment["DOCKET_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }
    }
}
