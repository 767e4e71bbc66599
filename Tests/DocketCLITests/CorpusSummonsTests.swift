import Foundation
import Testing

/// The corpus summons of 13 February 2019, entered with the CLI as a secretary would, then written
/// by Docket: every element of the real document must be there, in its order.
@Suite(.serialized) struct CorpusSummonsTests {
    static let expectedFile = DocketProcess.packageRoot.appending(path: "../shared/corpus/expected/004_ba49fa2217c6f01c.json").standardized

    @Test
    func theSummonsCarriesEveryElementOfTheRealDocumentInOrder() throws {
        try #require(FileManager.default.fileExists(atPath: Self.expectedFile.path),
                     "no corpus file at \(Self.expectedFile.path): this test needs ../shared/corpus beside the project")
        let dir = try TemporaryDirectory()
        let docket = DocketProcess(database: dir.path("digi.sqlite"))
        func run(_ arguments: String...) throws {
            let result = try docket.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run("init")
        try run("org", "add", "Stavanger kommune", "--member")
        try run("body", "add", "styringsgruppen", "--name", "Digi Rogalands styringsgruppe", "--kind", "steering-group")
        try run("member", "add", "Per Kristian Vareide", "--body", "styringsgruppen", "--role", "chair", "--org", "Stavanger kommune")
        try run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00",
                "--place", "Quality Hotel Residence / Rådhuset i Sandnes", "--summons-place", "Stavanger", "--summons-date", "2019-02-07",
                "--addressees", "styringsgruppens medlemmer og observatører", "--signer", "Per Kristian Vareide", "--no-standing-items")
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.expectedFile)) as? [String: Any] ?? [:]
        let items = expected["items"] as? [[String: Any]] ?? []
        #expect(items.count == 11)
        for item in items {
            var arguments = ["item", "add", "styringsgruppen@2019-02-13", "--title", item["title"] as! String,
                             "--kind", item["kind"] as! String, "--section", (item["section"] as! String).replacingOccurrences(of: "_", with: "-"),
                             "--proposal", item["proposal_starts_with"] as! String, "--text", "Saksframlegg for \(item["number"] as! String)."]
            if let basis = item["basis"] as? String { arguments += ["--basis", basis] }
            let result = try docket.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let attachments = expected["attachments"] as? [String] ?? []
        for (index, title) in attachments.enumerated() {
            let file = dir.path("vedlegg-\(index).pdf")
            try Data("%PDF-1.4 \(title)".utf8).write(to: URL(fileURLWithPath: file))
            try run("attach", "--meeting", "styringsgruppen@2019-02-13", file, "--title", title)
        }

        for format in ["md", "txt", "html"] {
            let result = try docket.run("summons", "styringsgruppen@2019-02-13", "--format", format)
            #expect(result.status == 0)
            var elements = ["Til styringsgruppens medlemmer og observatører", "Stavanger, 7. februar 2019",
                            "Innkalling til møte i Digi Rogalands styringsgruppe", "13. februar 2019",
                            "Quality Hotel Residence / Rådhuset i Sandnes", "13.00", "15.00", "Dagsorden:",
                            "Nr", "Sak", "Saksunderlag", "Type sak", "Faste saker"]
            for item in items {
                if item["number"] as? String == "8/19" { elements.append("Saker til behandling") }
                elements += [item["number"] as! String, item["title"] as! String]
            }
            elements += ["Vel møtt!", "Med vennlig hilsen", "Per Kristian Vareide", "Leder i styringsgruppen", "Vedlegg"]
            elements += attachments
            for item in items where item["number"] as? String != "7/19" {
                elements += [item["number"] as! String, item["title"] as! String, "Forslag til vedtak:", item["proposal_starts_with"] as! String]
            }
            var text = Substring(result.stdout)
            if format == "html" {
                text = Substring(result.stdout.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'"))
            }
            for element in elements {
                let escaped = format == "md" ? element.replacingOccurrences(of: "!", with: "\\!") : element
                guard let range = text.range(of: element) ?? text.range(of: escaped) else {
                    Issue.record("\(format): '\(element)' missing, or out of order")
                    break
                }
                text = text[range.upperBound...]
            }
        }
    }
}
