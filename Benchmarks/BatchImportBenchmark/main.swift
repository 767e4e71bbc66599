// BatchImportBenchmark: how fast `docket import` reads a batch of real PDF minutes, with 1 and 2
// reader threads (--jobs), beside the ceiling of `pdftotext -layout` alone on the same files with
// as many processes at once, measured in the same run on the same machine.
//
//   swift run -c release BatchImportBenchmark [--documents 1000] [--corpus PATH] [--keep DIR]
//
// The batch: the corpus's PDFs (../shared/corpus, real minutes of several councils), copied round
// robin to N files whose names carry changed dates (…_2021-12-15.pdf becomes …_2022-03-04.pdf, a
// day later each copy; a PDF's own text cannot be changed), each with a comment of its own appended
// after %%EOF so that every copy has its own SHA-256 and is imported, not skipped as seen before.
// Each round of copies goes in bodies of its own (`--body`, one a municipality and round, made
// before the clock starts), so every copy is a meeting of its own with items of its own: every
// document is read in full and written in full, in a transaction of its own.
//
// Each import runs in a process of its own, so its peak memory (getrusage ru_maxrss) is its own;
// its anonymous memory (heap, not the mapped database file) is sampled after every document.
import BenchmarkSupport
import DocketInterchange
import DocketStore
import Foundation

let options = benchmarkOptions(usage: "BatchImportBenchmark [--documents N] [--corpus PATH] [--keep DIR]")
let documentCount = Int(options["documents"] ?? "1000") ?? 1000
let corpusPath = benchmarkCorpusPath(options)

/// This process's anonymous resident memory now (heap and stacks, not mapped files), in MiB, from
/// /proc/self/status. The store maps its database file (mmap_size), and every imported PDF is kept
/// in it as an attachment: ru_maxrss counts the mapped pages of a growing file, this does not.
func anonymousRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
          let kib = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return kib / 1024
}

/// The body slug a copy's file name gives: the municipality, the part before the first '-' or '_' that is not a number.
func bodySlug(forFileName name: String) -> String {
    let parts = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
    let word = parts.first { !$0.allSatisfy(\.isNumber) } ?? "body"
    return String(word.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
}

// MARK: Phases, each in a process of its own

/// The body of the copy `NNNN-name.pdf`: its municipality and round.
func bodySlug(forCopy name: String, sources: Int) -> String {
    let index = Int(name.prefix(4)) ?? 0
    return "\(bodySlug(forFileName: String(name.dropFirst(5))))-\(index / sources)"
}

/// `--phase import --folder F --db D --jobs J --sources S`: `docket import F --jobs J` in-process,
/// each copy with `--body` of its municipality and round.
func importPhase(folder: String, database: String, jobs: Int, sources: Int) throws {
    let store = try Store(path: database)
    var documents = 0, failed = 0, itemsRead = 0
    var peakAnonymous = anonymousRSS()
    let elapsed = try seconds {
        let urls = try DocumentImporter.documents(in: [folder], recursive: false)
        let imported = try DocumentImporter(store: store).importedDigests()
        let reading = OrderedReading(count: urls.count, jobs: jobs) { DocumentImporter.prepare(urls[$0], skipping: imported) }
        while let prepared = reading.next() {
            let slug = bodySlug(forCopy: prepared.url.lastPathComponent, sources: sources)
            let result = DocumentImporter(store: store, options: .init(bodySlug: slug)).store(prepared)
            documents += 1
            itemsRead += result.itemsRead
            peakAnonymous = max(peakAnonymous, anonymousRSS())
            if result.status == .failed {
                failed += 1
                FileHandle.standardError.write(Data("failed: \(prepared.url.lastPathComponent): \(result.failure ?? "")\n".utf8))
            }
        }
    }
    print(elapsed, peakRSS(), documents, failed, itemsRead, peakAnonymous)
}

/// `--phase pdftotext --folder F --jobs J`: `pdftotext -layout FILE -` on every file, J at a time.
func pdftotextPhase(folder: String, jobs: Int) throws {
    let urls = try DocumentImporter.documents(in: [folder], recursive: false)
    var peakAnonymous = anonymousRSS()
    let elapsed = seconds {
        let reading = OrderedReading(count: urls.count, jobs: jobs) { index -> Int in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            process.arguments = ["-layout", "-enc", "UTF-8", urls[index].path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try? process.run()
            let count = pipe.fileHandleForReading.readDataToEndOfFile().count
            process.waitUntilExit()
            return count
        }
        while reading.next() != nil { peakAnonymous = max(peakAnonymous, anonymousRSS()) }
    }
    print(elapsed, peakRSS(), urls.count, 0, 0, peakAnonymous)
}

if let phase = options["phase"], let folder = options["folder"] {
    let jobs = Int(options["jobs"] ?? "1") ?? 1
    switch phase {
    case "import": try importPhase(folder: folder, database: options["db"]!, jobs: jobs, sources: Int(options["sources"] ?? "1") ?? 1)
    case "pdftotext": try pdftotextPhase(folder: folder, jobs: jobs)
    default: fatalError("unknown phase \(phase)")
    }
    exit(0)
}

func runPhase(_ arguments: [String]) throws -> [Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard process.terminationStatus == 0, numbers.count == 6 else { fatalError("the phase \(arguments) failed: \(text)") }
    return numbers
}

// MARK: The batch

guard FileManager.default.fileExists(atPath: corpusPath) else {
    print("no corpus at \(corpusPath): give --corpus PATH")
    exit(1)
}
let pdfs = (FileManager.default.enumerator(atPath: corpusPath)?.allObjects as? [String] ?? [])
    .filter { $0.lowercased().hasSuffix(".pdf") }.sorted().map { corpusPath + "/" + $0 }
guard !pdfs.isEmpty else { fatalError("no PDFs in \(corpusPath)") }
let folder = options["keep"].map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appending(path: "docket-batch-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
let batch = folder.appending(path: "batch")
try? FileManager.default.removeItem(at: batch)
try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
defer { if options["keep"] == nil { try? FileManager.default.removeItem(at: folder) } }

let datePattern = try NSRegularExpression(pattern: "(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}|20[0-9]{2}")
var bytes = 0
var slugs = Set<String>()
let start = Date(timeIntervalSince1970: 1_640_000_000)
for index in 0..<documentCount {
    let source = URL(fileURLWithPath: pdfs[index % pdfs.count])
    var data = try Data(contentsOf: source)
    data.append(Data("\n%docket-benchmark copy \(index)\n".utf8))
    let day = ISO8601DateFormatter.string(from: start.addingTimeInterval(Double(index) * 86_400), timeZone: TimeZone(identifier: "UTC")!,
                                          formatOptions: [.withFullDate, .withDashSeparatorInDate])
    var name = source.deletingPathExtension().lastPathComponent
    let range = NSRange(name.startIndex..., in: name)
    if let match = datePattern.firstMatch(in: name, range: range), let swiftRange = Range(match.range, in: name) {
        name.replaceSubrange(swiftRange, with: day)
    } else {
        name += "_\(day)"
    }
    let copy = String(format: "%04d-", index) + name + ".pdf"
    slugs.insert(bodySlug(forCopy: copy, sources: pdfs.count))
    try data.write(to: batch.appending(path: copy))
    bytes += data.count
}
func freshStore(_ name: String, in folder: URL, bodies: [String]) throws -> String {
    let path = folder.appending(path: name).path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try Store(path: path)
    for slug in bodies {
        _ = try store.addBody(slug: slug, BodyDraft(name: "Kommunestyret " + slug, kind: .council), standingItems: [])
    }
    return path
}

print("Batch: \(documentCount) PDFs (\(pdfs.count) real minutes of the corpus, copied with changed dates), \(bytes / 1_048_576) MiB, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("phase                      docs  failed      s   docs/s  vs ceiling  peak RSS MiB  peak anon MiB  items read")
var ceilings: [Int: Double] = [:]
for jobs in [1, 2] {
    let ceiling = try runPhase(["--phase", "pdftotext", "--folder", batch.path, "--jobs", "\(jobs)"])
    ceilings[jobs] = ceiling[2] / ceiling[0]
    print(String(format: "pdftotext alone, %d at once %5.0f  %6.0f  %5.1f  %7.1f  %10@  %12.1f  %17.1f  %10@", jobs, ceiling[2], 0.0, ceiling[0],
                 ceiling[2] / ceiling[0], "ceiling", ceiling[1], ceiling[5], "-"))
}
for jobs in [1, 2] {
    let result = try runPhase(["--phase", "import", "--folder", batch.path, "--jobs", "\(jobs)", "--sources", "\(pdfs.count)",
                               "--db", try freshStore("import-\(jobs).sqlite", in: folder, bodies: slugs.sorted())])
    let rate = result[2] / result[0]
    print(String(format: "docket import --jobs %d    %5.0f  %6.0f  %5.1f  %7.1f  %9.0f%%  %12.1f  %17.1f  %10.0f", jobs, result[2], result[3], result[0],
                 rate, 100 * rate / (ceilings[jobs] ?? rate), result[1], result[5], result[4]))
}
print("""

docs/s: documents read and stored (one transaction each) per second of wall time; vs ceiling: of pdftotext alone with as
many processes at once (the text extraction every import of a PDF must do). Peak RSS: getrusage ru_maxrss of the phase's
own process, which counts the pages of the database file the store maps (mmap_size), and every PDF is stored in it as
an attachment, so it grows with the batch; peak anon: the largest RssAnon (heap, stacks; /proc/self/status) seen after
each document, which is what the readers and the writer hold, and stays flat however large the batch.
""")
