import Foundation
import Testing

/// Where the official schemas are: ../shared/standards beside the project (the project never needs
/// them to run; the tests check its output against them).
enum Standards {
    static let folder = DocketProcess.packageRoot.appending(path: "../shared/standards").standardized
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.appending(path: "noark5/v5.0/arkivstruktur.xsd").path) }
    static let corpusMinutes = DocketProcess.packageRoot.appending(path: "../shared/corpus/minutes").standardized

    /// Runs a tool; nil when it is not installed.
    static func run(_ arguments: [String], in directory: URL? = nil) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `xmllint --noout --schema XSD FILE`: the message when the file is invalid, nil when it validates.
    static func validate(_ file: URL, against schema: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let xsd = folder.appending(path: schema).path
        guard let result = run(["xmllint", "--noout", "--schema", xsd, file.path]) else {
            Issue.record("scripts/setup installs xmllint (Debian: libxml2-utils), but it is not installed", sourceLocation: sourceLocation)
            return
        }
        #expect(result.status == 0, "\(file.lastPathComponent) against \(schema): \(result.output.suffix(2000))", sourceLocation: sourceLocation)
    }
}

/// `docket export --format noark5`: the transfer package, checked against Arkivverket's schemas.
@Suite(.serialized, .enabled(if: Standards.isPresent, "../shared/standards is not beside the project"))
struct Noark5ExportTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("sample.sqlite"))
    }

    /// The sample cooperation, with an attachment on the exempt item and on a public one, and a
    /// correction of approved minutes (so that the change log has an `endring`).
    func sample() throws {
        try buildSampleCooperation(docket)
        try Data("%PDF-1.4\nSaksframlegg om velferdsteknologi æøå\n".utf8).write(to: dir.url.appending(path: "saksframlegg.pdf"))
        try Data("Prisark <hemmelig> & fortrolig\n".utf8).write(to: dir.url.appending(path: "prisark.txt"))
        for arguments in [
            ["attach", "styringsgruppen 6/25", dir.path("saksframlegg.pdf")],
            ["attach", "styringsgruppen 7/25", dir.path("prisark.txt"), "--title", "Prisark & vilkår"],
            ["decision", "correct", "styringsgruppen 5/24", "--text", "Møteplan for 2025 vedtas med fire møter.", "--reason", "Skrivefeil i protokollen"],
        ] {
            let result = try docket.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    func export(to name: String) throws -> URL {
        let result = try docket.run("export", "--format", "noark5", "-o", dir.path(name))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return dir.url.appending(path: name)
    }

    /// Every file of the package, by its path inside it.
    func files(in package: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: package, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                paths.append(String(url.standardizedFileURL.path.dropFirst(package.standardizedFileURL.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    /// The (file name, SHA-256) pairs arkivuttrekk.xml lists.
    func listedChecksums(_ addml: String) -> [(String, String)] {
        let names = addml.matches(of: /<property name="file">\s*<properties>\s*<property name="name">\s*<value>([^<]+)<\/value>/).map { String($0.1) }
        let sums = addml.matches(of: /<property name="algorithm">\s*<value>SHA-256<\/value>\s*<\/property>\s*<property name="value">\s*<value>([0-9a-f]{64})<\/value>/).map { String($0.1) }
        #expect(names.count == sums.count)
        return Array(zip(names, sums))
    }

    func sha256(_ url: URL) -> String? {
        Standards.run(["sha256sum", url.path]).map { String($0.output.prefix(64)) }
    }

    @Test func theSampleCooperationsPackageValidatesAndEveryChecksumHolds() throws {
        try sample()
        let package = try export(to: "uttrekk")
        let paths = try files(in: package)

        // Each XML file against the official schemas; the XSDs in the package are those, unmodified.
        Standards.validate(package.appending(path: "arkivstruktur.xml"), against: "noark5/v5.0/arkivstruktur.xsd")
        Standards.validate(package.appending(path: "endringslogg.xml"), against: "noark5/v5.0/endringslogg.xsd")
        Standards.validate(package.appending(path: "arkivuttrekk.xml"), against: "noark5/addml/addml-latest.xsd")
        for (name, original) in [("arkivstruktur.xsd", "noark5/v5.0/arkivstruktur.xsd"), ("metadatakatalog.xsd", "noark5/v5.0/metadatakatalog.xsd"),
                                 ("endringslogg.xsd", "noark5/v5.0/endringslogg.xsd"), ("addml.xsd", "noark5/addml/addml-latest.xsd")] {
            #expect(FileManager.default.contents(atPath: package.appending(path: name).path)
                    == FileManager.default.contents(atPath: Standards.folder.appending(path: original).path), "\(name) is not the official file")
        }

        // Every file but arkivuttrekk.xml and addml.xsd is listed with its SHA-256, and the sums hold.
        let addml = try String(contentsOf: package.appending(path: "arkivuttrekk.xml"), encoding: .utf8)
        let listed = listedChecksums(addml)
        #expect(Set(listed.map(\.0)) == Set(paths).subtracting(["arkivuttrekk.xml", "addml.xsd"]))
        for (name, sum) in listed {
            #expect(sha256(package.appending(path: name)) == sum, "\(name): checksum differs")
        }

        // A møtemappe per meeting; the counts in arkivuttrekk.xml are those of arkivstruktur.xml.
        let structure = try String(contentsOf: package.appending(path: "arkivstruktur.xml"), encoding: .utf8)
        let meetings = try JSONSerialization.jsonObject(with: Data(try docket.run("meeting", "list", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        let folders = structure.matches(of: /<mappe xsi:type="moetemappe">/).count
        #expect(folders == meetings.count && folders == 5)
        let registrations = structure.matches(of: /<registrering xsi:type="moeteregistrering">/).count
        func count(_ element: String) -> Int? {
            let pattern = try! Regex("<value>\(element)</value>\\s*<properties>\\s*<property name=\"elementPath\">\\s*<value>//\(element)</value>\\s*</property>\\s*<property dataType=\"integer\" name=\"value\">\\s*<value>(\\d+)</value>")
            return addml.firstMatch(of: pattern).flatMap { ($0.output[1].substring).flatMap { Int($0) } }
        }
        #expect(count("mappe") == folders)
        #expect(count("registrering") == registrations)
        #expect(count("dokumentobjekt") == structure.matches(of: /<dokumentobjekt>/).count)
        #expect(count("endring") == 1)

        // The papers are PDF/A-3b in DOKUMENT/, beside the original attachments.
        let papers = paths.filter { $0.hasPrefix("DOKUMENT/") && $0.hasSuffix(".pdf") && !$0.contains("/vedlegg/") }
        #expect(papers.contains("DOKUMENT/styringsgruppen/2025-02-12/innkalling.pdf"))
        #expect(papers.contains("DOKUMENT/styringsgruppen/2024-12-11/moetebok.pdf"))
        for paper in papers {
            let bytes = FileManager.default.contents(atPath: package.appending(path: paper).path) ?? Data()
            #expect(String(decoding: bytes, as: UTF8.self).contains("pdfaid:part=\"3\" pdfaid:conformance=\"B\""), "\(paper) is not PDF/A-3b")
        }
        #expect(FileManager.default.contents(atPath: package.appending(path: "DOKUMENT/styringsgruppen/2025-02-12/vedlegg/sak-7-2025-prisark-vilkaar.txt").path)
                == Data("Prisark <hemmelig> & fortrolig\n".utf8))

        // The exempt item is kept whole, screened, with its legal basis; its public title beside it.
        let exempt = try #require(structure.firstMatch(of: /<registrering xsi:type="moeteregistrering">(?:(?!<\/registrering>)[\s\S])*<registreringsID>7\/2025<\/registreringsID>(?:(?!<\/registrering>)[\s\S])*<\/registrering>/))
        let block = String(exempt.output)
        #expect(block.contains("<skjermingshjemmel>offl. § 23 første ledd</skjermingshjemmel>"))
        #expect(block.contains("<tittel>Forhandlinger om lisensavtale</tittel>"))
        #expect(block.contains("<offentligTittel>Forhandlinger om avtale</offentligTittel>"))
        #expect(block.contains("<tittel>Prisark &amp; vilkår</tittel>"))
        // The case that went from the health group to the steering group: linked both ways.
        #expect(structure.contains("<referanseTilMoeteregistrering>") && structure.contains("<referanseFraMoeteregistrering>"))
        #expect(structure.contains("<moetedeltakerFunksjon>Møteleder</moetedeltakerFunksjon>"))
        #expect(structure.contains("<moetedeltakerFunksjon>Varamedlem for Sigrid Brei</moetedeltakerFunksjon>"))

        // The change log: the correction of the approved minutes, old and new text.
        let changes = try String(contentsOf: package.appending(path: "endringslogg.xml"), encoding: .utf8)
        #expect(changes.contains("<nyVerdi>Møteplan for 2025 vedtas med fire møter.</nyVerdi>"))

        // A second export of the unchanged store: the same bytes but for the date of the transfer.
        let again = try export(to: "uttrekk-igjen")
        #expect(try files(in: again) == paths)
        for path in paths where path != "arkivuttrekk.xml" {
            #expect(FileManager.default.contents(atPath: package.appending(path: path).path)
                    == FileManager.default.contents(atPath: again.appending(path: path).path), "\(path) differs between two exports")
        }
        let date = /<additionalElement name="extractionDate">\s*<value>[^<]+<\/value>/
        let secondADDML = try String(contentsOf: again.appending(path: "arkivuttrekk.xml"), encoding: .utf8)
        #expect(addml.replacing(date, with: "") == secondADDML.replacing(date, with: ""))
        #expect(addml.firstMatch(of: date) != nil)
    }

    @Test func withoutCorrectionsTheChangeLogIsLeftOutAndTheReasonGiven() throws {
        try buildSampleCooperation(docket)
        let result = try docket.run("export", "--format", "noark5", "--body", "fg-helse", "--to", "2025-02-01", "-o", dir.path("helse"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 møtemapper"))
        let package = dir.url.appending(path: "helse")
        #expect(!FileManager.default.fileExists(atPath: package.appending(path: "endringslogg.xml").path))
        let addml = try String(contentsOf: package.appending(path: "arkivuttrekk.xml"), encoding: .utf8)
        #expect(addml.contains("endringslogg.xml er ikke med: ingen godkjente møtebøker i uttrekket er rettet"))
        Standards.validate(package.appending(path: "arkivstruktur.xml"), against: "noark5/v5.0/arkivstruktur.xsd")
        Standards.validate(package.appending(path: "arkivuttrekk.xml"), against: "noark5/addml/addml-latest.xsd")

        // An empty scope is an error that says so, and a folder of other things is not overwritten.
        let empty = try docket.run("export", "--format", "noark5", "--year", "1999", "-o", dir.path("tom"))
        #expect(empty.status != 0 && empty.stderr.contains("no meetings"))
        try FileManager.default.createDirectory(at: dir.url.appending(path: "annet"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.url.appending(path: "annet/fil.txt"))
        let occupied = try docket.run("export", "--format", "noark5", "-o", dir.path("annet"))
        #expect(occupied.status != 0 && occupied.stderr.contains("not empty"))
        #expect(FileManager.default.contents(atPath: dir.path("annet/fil.txt")) == Data("x".utf8))
    }
}
