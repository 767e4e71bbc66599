import ArgumentParser
import DocketInterchange
import DocketStore
import Foundation

/// `docket import` of old documents: one transaction a document, a progress bar on a terminal,
/// a summary at the end, and a non-zero exit when any document failed.
struct DocumentBatch {
    var paths: [String]
    var recursive: Bool
    var body: String?
    var bodyMap: String?
    var dryRun: Bool
    var json: Bool
    var report: String?
    var jobs: Int

    /// Where the per-document lines and the summary go: standard error when the report takes standard output.
    private var noteOnly: Bool { report == "-" }

    func run(store options: StoreOptions) throws {
        if json, report == "-" {
            throw ValidationError("--json and --report - both write to standard output: give the report a file name (report.html, report.md)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs takes a number of readers of 1 or more, not \(jobs)") }
        let documents = try DocumentImporter.documents(in: paths, recursive: recursive)
        guard !documents.isEmpty else {
            throw ValidationError("no documents (.txt, .docx, .pdf, .html) in \(paths.joined(separator: ", "))\(recursive ? "" : "; give --recursive to read subfolders")")
        }
        let map = try bodyMap.map { try BodyMap(contentsOf: $0) }
        let store = try options.open()
        // A body that does not exist would fail every document it names: say so once, before any.
        for entry in map?.entries ?? [] where (try? store.body(slug: entry.slug)) == nil {
            throw ValidationError("\(map!.file):\(entry.line): no body '\(entry.slug)'; expected the slug of a body in the store (see 'docket body list', or add it with 'docket body add')")
        }
        if let body, (try? store.body(slug: body)) == nil {
            throw ValidationError("--body \(body): no such body; expected the slug of a body in the store (see 'docket body list')")
        }
        let reportFile = try report.map { try OutputFile.open($0) }
        let reportWriter = report.map { ReviewReport(format: ReviewReport.Format(path: $0), dryRun: dryRun) }
        let importer = DocumentImporter(store: store, options: .init(bodySlug: body, bodyMap: map, dryRun: dryRun,
                                                                     keepReadDocument: (dryRun && json) || report != nil))
        // Documents imported before are known by their digest: the readers skip them unread.
        let imported = try importer.importedDigests()
        // Readers on every core, the writer here, in the documents' order, one transaction each.
        let reading = OrderedReading(count: documents.count, jobs: jobs) { index in
            DocumentImporter.prepare(documents[index], skipping: imported)
        }
        var progress = ProgressBar(total: documents.count, isEnabled: isatty(STDOUT_FILENO) == 1 && !json && !noteOnly)
        var results: [DocumentImport] = []
        var summary = ImportSummary()
        if let reportFile, let reportWriter { reportFile.write(reportWriter.header(documents: documents.count)) }
        // One transaction a document, made durable together when the batch ends (Store.writingBatch).
        try store.writingBatch {
            while let prepared = reading.next() {
                var result = importer.store(prepared)
                summary.add(result)
                if !json {
                    progress.clear()
                    self.report(result)
                }
                if let reportFile, let reportWriter {
                    reportFile.write(reportWriter.section(for: result))
                    try reportFile.check()
                }
                // Kept only for --json; otherwise memory holds no more than the documents being read.
                if json {
                    if !dryRun { result.read = nil }
                    results.append(result)
                }
                progress.advance()
            }
        }
        progress.clear()
        if let reportFile, let reportWriter {
            reportFile.write(reportWriter.footer(summary))
            try reportFile.close()
            if report != "-" { printNote("Wrote the review report to \(report!)") }
        }
        if !dryRun, summary.items >= Store.itemsWorthAMerge {
            if !json { say("Merging the search index (\(summary.items) new items)…") }
            try store.mergeSearchIndex()
        }
        // The derived search index caught up here, so that the first search after an import does not pay for it.
        if !dryRun { store.updateSearchIndex() }
        if json {
            struct Output: Encodable { var documents: [DocumentImport]; var summary: ImportSummary; var dryRun: Bool }
            try printJSON(Output(documents: results, summary: summary, dryRun: dryRun))
        } else {
            say(summaryText(summary))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// A line for the person importing: on standard output, or standard error when the report is there.
    private func say(_ line: String) {
        if noteOnly { printNote(line) } else { print(line) }
    }

    private func report(_ result: DocumentImport) {
        let name = URL(fileURLWithPath: result.file).lastPathComponent
        switch result.status {
        case .failed:
            say("✗ \(name): \(result.failure ?? "failed")")
        case .unchanged:
            say("= \(name): imported before (\(result.meeting ?? "")); nothing changed")
        case .imported, .dryRun:
            var line = "\(result.status == .dryRun ? "would import" : "✓") \(name): \(result.kind ?? "document") of \(result.meeting ?? "")"
            line += ", \(result.itemsRead) items (\(result.itemsCreated) new, \(result.itemsUpdated) merged), \(result.decisions) decisions"
            if let body = result.bodyCreated { line += ", new body '\(body)'" }
            say(line)
        }
        for warning in result.warnings {
            say("  warning: \(name):\(warning.line.map(String.init) ?? "-"): \(warning.message)")
        }
    }

    private func summaryText(_ summary: ImportSummary) -> String {
        var lines = ["", "\(dryRun ? "Dry run (nothing stored): " : "")\(summary.documents) documents read: \(summary.imported) \(dryRun ? "would be imported" : "imported"), \(summary.unchanged) unchanged, \(summary.failed) failed",
                     "\(summary.meetings) new meetings, \(summary.items) new items, \(summary.decisions) decisions, \(summary.warnings) warnings"]
        for failure in summary.failures {
            lines.append("failed: \(failure.file): \(failure.reason)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A one-line progress bar on a terminal: documents done, rate and time left.
struct ProgressBar {
    let total: Int
    let isEnabled: Bool
    private var done = 0
    private let started = Date()

    init(total: Int, isEnabled: Bool) {
        self.total = total
        self.isEnabled = isEnabled
    }

    mutating func advance() {
        done += 1
        guard isEnabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %d/%d  %.1f doc/s  %@ left", bar, done, total, rate, Self.duration(left))
        OutputFile.standardOutput.write(line)
        OutputFile.standardOutput.flush()
    }

    func clear() {
        guard isEnabled else { return }
        OutputFile.standardOutput.write("\r\u{1B}[2K")
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
