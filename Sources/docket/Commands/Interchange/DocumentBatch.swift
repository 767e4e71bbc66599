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
    var dryRun: Bool
    var json: Bool

    func run(store options: StoreOptions) throws {
        let documents = try DocumentImporter.documents(in: paths, recursive: recursive)
        guard !documents.isEmpty else {
            throw ValidationError("no documents (.txt, .docx, .pdf, .html) in \(paths.joined(separator: ", "))\(recursive ? "" : "; give --recursive to read subfolders")")
        }
        let store = try options.open()
        let importer = DocumentImporter(store: store, options: .init(bodySlug: body, dryRun: dryRun, keepReadDocument: dryRun && json))
        var progress = ProgressBar(total: documents.count, isEnabled: isatty(STDOUT_FILENO) == 1 && !json)
        var results: [DocumentImport] = []
        var summary = ImportSummary()
        for document in documents {
            let result = importer.importDocument(at: document)
            summary.add(result)
            if !json {
                progress.clear()
                report(result)
            }
            results.append(result)
            progress.advance()
        }
        progress.clear()
        if !dryRun, summary.items >= Store.itemsWorthAMerge {
            if !json { print("Merging the search index (\(summary.items) new items)…") }
            try store.mergeSearchIndex()
        }
        if json {
            struct Output: Encodable { var documents: [DocumentImport]; var summary: ImportSummary; var dryRun: Bool }
            try printJSON(Output(documents: results, summary: summary, dryRun: dryRun))
        } else {
            print(summaryText(summary))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    private func report(_ result: DocumentImport) {
        let name = URL(fileURLWithPath: result.file).lastPathComponent
        switch result.status {
        case .failed:
            print("✗ \(name): \(result.failure ?? "failed")")
        case .unchanged:
            print("= \(name): imported before (\(result.meeting ?? "")); nothing changed")
        case .imported, .dryRun:
            var line = "\(result.status == .dryRun ? "would import" : "✓") \(name): \(result.kind ?? "document") of \(result.meeting ?? "")"
            line += ", \(result.itemsRead) items (\(result.itemsCreated) new, \(result.itemsUpdated) merged), \(result.decisions) decisions"
            if let body = result.bodyCreated { line += ", new body '\(body)'" }
            print(line)
        }
        for warning in result.warnings {
            print("  warning: \(name):\(warning.line.map(String.init) ?? "-"): \(warning.message)")
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
