import DocketModel
import DocketReader
import Foundation

/// What became of one document in a batch import.
public struct DocumentImport: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Read and stored.
        case imported
        /// The same bytes were imported before; nothing changed.
        case unchanged
        /// Read, and what would be stored reported, with nothing stored (`--dry-run`).
        case dryRun = "dry_run"
        /// Not stored at all, for the reason given.
        case failed
    }

    public var file: String
    public var status: Status
    public var kind: String?
    /// The meeting it describes, `slug@date`.
    public var meeting: String?
    public var bodyCreated: String?
    public var meetingCreated = false
    public var itemsRead = 0
    public var itemsCreated = 0
    public var itemsUpdated = 0
    public var decisions = 0
    public var attendance = 0
    public var warnings: [ReadWarning] = []
    public var failure: String?
    /// Everything the reader found, for `--dry-run --json`.
    public var read: ReadDocument?

    public init(file: String, status: Status) {
        self.file = file
        self.status = status
    }
}

/// The end of a batch: what was read, stored and reported.
public struct ImportSummary: Codable, Sendable {
    public var documents = 0
    public var imported = 0
    public var unchanged = 0
    public var failed = 0
    public var meetings = 0
    public var items = 0
    public var decisions = 0
    public var warnings = 0
    public var failures: [Failure] = []

    public struct Failure: Codable, Sendable {
        public var file: String
        public var reason: String
    }

    public init() {}

    public mutating func add(_ result: DocumentImport) {
        documents += 1
        switch result.status {
        case .imported, .dryRun: imported += 1
        case .unchanged: unchanged += 1
        case .failed:
            failed += 1
            failures.append(Failure(file: result.file, reason: result.failure ?? "unknown"))
        }
        warnings += result.warnings.count
        // Only what was stored (or, in a dry run, would have been) counts.
        guard result.status == .imported || result.status == .dryRun else { return }
        if result.meetingCreated { meetings += 1 }
        items += result.itemsCreated
        decisions += result.decisions
    }
}

/// A document read and not yet stored: what a reader thread hands the writer.
public struct PreparedDocument: Sendable {
    public var url: URL
    var digest: String?
    /// The bytes, kept to be stored as the meeting's attachment; nil when not read.
    var data: Data?
    var read: ReadDocument?
    /// Why it could not be read (no such file, not a document, a PDF pdftotext refuses).
    var failure: String?

    init(url: URL) {
        self.url = url
    }
}
