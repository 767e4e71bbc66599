import Foundation
import Testing

/// `docket export --format einnsyn` checked against eInnsyn's OpenAPI document, and `docket publish
/// einnsyn` against a local server (scripts/einnsyn/server.py, on 127.0.0.1) that checks every request.
@Suite(.serialized, .enabled(if: Standards.isPresent, "../shared/standards is not beside the project"))
struct EInnsynTests {
    static let spec = Standards.folder.appending(path: "einnsyn/api-spec/openapi/einnsyn.openapi.yml")
    static let scripts = DocketProcess.packageRoot.appending(path: "scripts/einnsyn")

    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
    }

    /// The sample cooperation, with the secretariat's organisation number and the secretary's e-mail
    /// (what an eInnsyn Enhet needs).
    func sample() throws {
        try buildSampleCooperation(docket)
        expectSuccess(try docket.run("org", "add", "Digi Fjordane sekretariat", "--kind", "office", "--member", "--number", "999888777"))
        expectSuccess(try docket.run("member", "add", "Jon Skriver", "--body", "fg-helse", "--role", "secretary",
                                     "--org", "Digi Fjordane sekretariat", "--email", "postmottak@digifjordane.no"))
    }

    /// openapi_check.py: every Enhet and Moetemappe of the file against its model.
    func validate(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let result = Standards.run(["python3", Self.scripts.appending(path: "openapi_check.py").path, Self.spec.path, file]) else {
            Issue.record("python3 is not installed", sourceLocation: sourceLocation)
            return
        }
        if result.output.contains("ModuleNotFoundError") {
            Issue.record("scripts/setup installs openapi-schema-validator and PyYAML (scripts/python-requirements.txt), but they are missing", sourceLocation: sourceLocation)
            return
        }
        #expect(result.status == 0, "\(result.output.suffix(3000))", sourceLocation: sourceLocation)
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test func theSampleCooperationValidatesAndThePublicVersionKeepsTheExemptItemsTextOut() throws {
        try sample()
        let full = dir.path("einnsyn.json"), open = dir.path("einnsyn-offentlig.json")
        expectSuccess(try docket.run("export", "--format", "einnsyn", "-o", full))
        expectSuccess(try docket.run("export", "--format", "einnsyn", "--public", "-o", open))
        validate(full)
        validate(open)

        let document = try json(open)
        let enheter = document["enhet"] as? [[String: Any]] ?? []
        #expect(enheter.count == 2 && enheter.allSatisfy { $0["orgnummer"] as? String == "999888777" && $0["enhetstype"] as? String == "UTVALG" })
        let folders = document["moetemappe"] as? [[String: Any]] ?? []
        #expect(folders.count == 5)
        let cases = folders.flatMap { $0["moetesak"] as? [[String: Any]] ?? [] }
        let exempt = try #require(cases.first { $0["moetesaksaar"] as? Int == 2025 && $0["moetesakssekvensnummer"] as? Int == 7 })
        #expect(Set(exempt.keys) == ["systemId", "externalId", "moetesakstype", "moetesaksaar", "moetesakssekvensnummer", "utvalg",
                                     "offentligTittel", "offentligTittelSensitiv", "beskrivelse"])
        #expect(exempt["offentligTittel"] as? String == "Forhandlinger om avtale")
        #expect(exempt["beskrivelse"] as? String == "Unntatt offentlighet, offl. § 23 første ledd")
        let text = try String(contentsOfFile: open, encoding: .utf8)
        for secret in ["lisensavtale", "Forhandlingsposisjon", "fullmakt til å forhandle"] {
            #expect(!text.contains(secret), "the public eInnsyn export carries '\(secret)' of the exempt item")
        }
        // The internal version has the real title beside the public one, and still none of the text.
        let secretariats = try String(contentsOfFile: full, encoding: .utf8)
        #expect(secretariats.contains("\"offentligTittelSensitiv\": \"Forhandlinger om lisensavtale\""))
        #expect(!secretariats.contains("Forhandlingsposisjon"))

        // A decided item: Vedtak with a Votering per member present who votes.
        let decided = try #require(cases.first { $0["moetesaksaar"] as? Int == 2024 && $0["moetesakssekvensnummer"] as? Int == 5 })
        let vedtak = try #require(decided["vedtak"] as? [String: Any])
        let votes = vedtak["votering"] as? [[String: Any]] ?? []
        #expect(votes.count == 5 && votes.allSatisfy { $0["stemme"] as? String == "Ja" })
        #expect(votes.contains { ($0["moetedeltaker"] as? [String: Any])?["moetedeltakerFunksjon"] as? String == "Varamedlem for Sigrid Brei" })
        #expect(decided["utredning"] != nil && decided["innstilling"] != nil)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Standards.corpusMinutes.path), "../shared/corpus/minutes is not beside the project"))
    func the41CorpusMinutesExportToEInnsynAndNoark5AndValidate() throws {
        expectSuccess(try docket.run("init"))
        let files = try FileManager.default.contentsOfDirectory(atPath: Standards.corpusMinutes.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 41)
        expectSuccess(try docket.run(["import"] + files.map { Standards.corpusMinutes.appending(path: $0).path }))
        let file = dir.path("corpus.json")
        expectSuccess(try docket.run("export", "--format", "einnsyn", "--public", "-o", file))
        validate(file)
        #expect((try json(file)["moetemappe"] as? [Any])?.count == 41)

        // The Noark 5 package of the same meetings (the attachments, without rendering 123 papers).
        let result = try docket.run("export", "--format", "noark5", "--no-papers", "-o", dir.path("uttrekk"))
        expectSuccess(result)
        #expect(result.stdout.contains("41 møtemapper"))
        let package = dir.url.appending(path: "uttrekk")
        Standards.validate(package.appending(path: "arkivstruktur.xml"), against: "noark5/v5.0/arkivstruktur.xsd")
        Standards.validate(package.appending(path: "arkivuttrekk.xml"), against: "noark5/addml/addml-latest.xsd")
        let structure = try String(contentsOf: package.appending(path: "arkivstruktur.xml"), encoding: .utf8)
        #expect(structure.matches(of: /<mappe xsi:type="moetemappe">/).count == 41)
    }

    /// The local eInnsyn: started on 127.0.0.1, stopped at the end.
    final class Server {
        let process = Process()
        let port: Int
        init(keyFile: String, folder: TemporaryDirectory, failMeeting: Int?) throws {
            let portFile = folder.path("port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", EInnsynTests.scripts.appending(path: "server.py").path, EInnsynTests.spec.path, keyFile, portFile]
                + (failMeeting.map { ["--fail-moetemappe", String($0)] } ?? [])
            // Not the test's own pipes: a server left running would keep `swift test` waiting for them.
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var waited = 0
            while !FileManager.default.fileExists(atPath: portFile), waited < 600, process.isRunning {
                usleep(100_000)
                waited += 1
            }
            port = Int((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? "") ?? 0
        }
        /// SIGKILL: a child of the test process may inherit a signal mask that blocks SIGTERM.
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        deinit { stop() }
        var url: String { "http://127.0.0.1:\(port)" }

        /// What the server saw: method, path, status, validation errors. Fetched by a separate
        /// process: a blocking URL load inside the test process could hang the test under load.
        func log() throws -> [[String: Any]] {
            let fetch = "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=30).read().decode())"
            let output = Standards.run(["python3", "-c", fetch, "\(url)/_log"])?.output ?? ""
            return (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])?["log"] as? [[String: Any]] ?? []
        }
    }

    /// libcurl is loaded at the first request (CHTTPClient): an address where nothing listens fails
    /// that request with libcurl's reason, names the request, and never shows the key.
    @Test func anAddressWhereNothingListensFailsNamingTheRequestAndNeverTheKey() throws {
        expectSuccess(try docket.run("init"))
        let key = "ek-\(UUID().uuidString)"
        let keyFile = dir.path("einnsyn.key")
        try Data("\(key)\n".utf8).write(to: URL(fileURLWithPath: keyFile))
        let result = try docket.run("publish", "einnsyn", "--url", "http://127.0.0.1:1", "--api-key-file", keyFile)
        #expect(result.status != 0)
        #expect(result.stderr.contains("GET /arkiv/") && result.stderr.contains("127.0.0.1"), "\(result.stderr)")
        #expect(result.stderr.contains("0 møter sendt") && result.stderr.contains("kjør kommandoen igjen"), "\(result.stderr)")
        #expect(!result.stderr.contains(key) && !result.stdout.contains(key), "the API key was printed")
    }

    @Test func publishingIsCheckedResumableIdempotentAndNeverShowsTheKey() throws {
        try sample()
        let key = "ek-\(UUID().uuidString)"
        let keyFile = dir.path("einnsyn.key")
        try Data("\(key)\n".utf8).write(to: URL(fileURLWithPath: keyFile))
        let server = try Server(keyFile: keyFile, folder: dir, failMeeting: 3)
        defer { server.stop() }
        try #require(server.port > 0, "scripts/einnsyn/server.py did not start (python3 with openapi-schema-validator and PyYAML, from scripts/setup)")

        func publish(_ keyPath: String = keyFile, _ extra: [String] = []) throws -> DocketProcess.Result {
            let result = try docket.run(["publish", "einnsyn", "--url", server.url, "--api-key-file", keyPath] + extra)
            #expect(!result.stdout.contains(key) && !result.stderr.contains(key), "the API key was printed")
            return result
        }

        // Cut short by the server at the third meeting: two accepted, the rest left for the next run.
        let first = try publish()
        #expect(first.status != 0)
        #expect(first.stderr.contains("HTTP 503") && first.stderr.contains("2 møter sendt") && first.stderr.contains("3 gjenstår"), "\(first.stderr)")
        // The next run goes on where it stopped; the one after has nothing to send.
        let second = try publish()
        expectSuccess(second)
        #expect(second.stdout.contains("3 møter sendt, 0 oppdatert, 2 uendret"), "\(second.stdout)")
        let third = try publish()
        expectSuccess(third)
        #expect(third.stdout.contains("0 møter sendt, 0 oppdatert, 5 uendret"), "\(third.stdout)")

        // A changed meeting is updated in place, found again by its externalId when the state is lost.
        expectSuccess(try docket.run("meeting", "edit", "styringsgruppen@2025-04-09", "--place", "Breivik samfunnshus"))
        try FileManager.default.removeItem(atPath: docket.database + ".einnsyn.json")
        let fourth = try publish()
        expectSuccess(fourth)
        #expect(fourth.stdout.contains("0 møter sendt, 5 oppdatert"), "\(fourth.stdout)")

        // A wrong key: refused by the server, and neither key is printed.
        let wrongFile = dir.path("wrong.key")
        try Data("not-the-key-\(key.suffix(6))\n".utf8).write(to: URL(fileURLWithPath: wrongFile))
        let refused = try publish(wrongFile, ["--state", dir.path("other-state.json")])
        #expect(refused.status != 0 && refused.stderr.contains("HTTP 401"))
        #expect(!refused.stderr.contains("not-the-key"))
        let state = try String(contentsOfFile: docket.database + ".einnsyn.json", encoding: .utf8)
        #expect(!state.contains(key))

        // Every request the server saw passed the OpenAPI document; each meeting was created once.
        let log = try server.log()
        let invalid = log.filter { !(($0["errors"] as? [String]) ?? []).isEmpty }
        #expect(invalid.isEmpty, "requests the OpenAPI document refused: \(invalid)")
        let created = log.filter { $0["method"] as? String == "POST" && ($0["path"] as? String ?? "").hasSuffix("/moetemappe") && $0["status"] as? Int == 201 }
        #expect(created.count == 5)
        #expect(!log.contains { $0["status"] as? Int == 409 })
        #expect(log.filter { $0["status"] as? Int == 401 }.count >= 1)
    }
}
