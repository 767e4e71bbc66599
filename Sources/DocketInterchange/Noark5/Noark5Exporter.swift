import DocketDocuments
import DocketModel
import DocketStore
import Foundation

/// `docket export --format noark5`: a Noark 5 (v5.0) transfer package (arkivuttrekk) of a store's
/// meetings, as the standard's chapter on periodic transfers lays it out:
///
/// - `arkivstruktur.xml`: arkiv → arkivdel → a `moetemappe` per meeting with a `moeteregistrering`
///   per paper (Møteinnkallelse, Saksliste, Møtebok) and per item (Saksframlegg);
/// - `endringslogg.xml`: the corrections of approved minutes (left out, and the reason given in
///   `arkivuttrekk.xml`, when there are none: the schema needs at least one `endring`);
/// - `arkivuttrekk.xml`: ADDML, from the standard's template, with counts and SHA-256 checksums;
/// - the unmodified XSDs, embedded in the binary;
/// - `DOKUMENT/`: the papers as PDF/A-3b (WeasyPrint) beside the original attachments.
///
/// Every file but `arkivuttrekk.xml` is the same, byte for byte, on every export of an unchanged
/// store: UUIDs are derived from Docket's records (``StableID``), dates from the meetings, and the
/// PDFs get the meeting's date as their creation date. `arkivuttrekk.xml` alone carries the date of
/// the transfer.
public struct Noark5Exporter {
    /// Which meetings go into the package.
    public struct Scope: Sendable {
        public var body: String?
        public var year: Int?
        public var from: CalendarDate?
        public var to: CalendarDate?

        public init(body: String? = nil, year: Int? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
            self.body = body
            self.year = year
            self.from = from
            self.to = to
        }

        func includes(_ meeting: Meeting) -> Bool {
            (body.map { $0 == meeting.body } ?? true) && (year.map { $0 == meeting.date.year } ?? true)
                && (from.map { meeting.date >= $0 } ?? true) && (to.map { meeting.date <= $0 } ?? true)
        }
    }

    /// What was written.
    public struct Summary: Codable, Sendable, Equatable {
        public var meetings = 0
        public var registrations = 0
        public var documentDescriptions = 0
        public var documentObjects = 0
        public var documentFiles = 0
        public var papers = 0
        public var attachments = 0
        public var corrections = 0
        public var exemptItems = 0
        /// Attachments whose bytes the store does not hold (a file reference only): described, no file.
        public var attachmentsWithoutFile = 0
        public var pdfVariant: String
    }

    /// WeasyPrint's PDF/A variant the papers are written in.
    public static let pdfVariant = "pdf/a-3b"

    let store: Store
    let generator: String
    var renderer: DocumentRenderer
    /// Render the papers as PDF/A (the default); without, only the original attachments go in DOKUMENT/.
    public var includePapers = true

    public init(store: Store, generator: String, pdfEngine: PDFEngine = PDFEngine()) {
        self.store = store
        self.generator = generator
        var engine = pdfEngine
        engine.extraArguments = ["--pdf-variant", Noark5Exporter.pdfVariant]
        renderer = DocumentRenderer(pdfEngine: engine)
    }

    /// Writes the package into `directory` (created; an earlier package there is replaced whole,
    /// any other non-empty folder refused). The package is built beside it and moved in at the end.
    public func export(scope: Scope, to directory: URL, createdAt: Date = Date()) throws -> Summary {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory.path) {
            let contents = try manager.contentsOfDirectory(atPath: directory.path)
            if !contents.isEmpty && !contents.contains("arkivuttrekk.xml") {
                throw ArchiveExportError(
                    "'\(directory.path)' is not empty and holds no earlier transfer package; give a new or empty folder")
            }
        }
        let staging = directory.deletingLastPathComponent()
            .appending(path: ".\(directory.lastPathComponent).partial-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            let summary = try write(scope: scope, into: staging, createdAt: createdAt)
            if manager.fileExists(atPath: directory.path) { try manager.removeItem(at: directory) }
            try manager.moveItem(at: staging, to: directory)
            return summary
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    func write(scope: Scope, into folder: URL, createdAt: Date) throws -> Summary {
        let meetings = try store.meetings(bodySlug: scope.body).filter(scope.includes)
            .sorted { ($0.date, $0.body, $0.id) < ($1.date, $1.body, $1.id) }
        var builder = ArchiveStructureBuilder(store: store, meetings: meetings, scope: scope, generator: generator)
        try builder.collect()

        // The papers, rendered concurrently (WeasyPrint is the slow part), then written in order.
        var files: [PackageFile] = []
        if includePapers {
            let jobs = builder.paperJobs
            let results = try renderPapers(jobs)
            for (job, data) in zip(jobs, results) {
                files.append(try writeFile(data, at: job.path, in: folder))
            }
        }
        for (path, data) in builder.attachmentFiles {
            files.append(try writeFile(data, at: path, in: folder))
        }
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

        let (structure, counts) = builder.arkivstruktur(files: byPath, includePapers: includePapers)
        var written: [PackageFile] = []
        written.append(try writeFile(structure, at: "arkivstruktur.xml", in: folder))
        let changeLog = builder.endringslogg()
        if let changeLog { written.append(try writeFile(changeLog, at: "endringslogg.xml", in: folder)) }
        var schemas: [String: PackageFile] = [:]
        for (name, data) in Noark5Schemas.files {
            let file = try writeFile(data, at: name, in: folder)
            schemas[name] = file
        }

        var summary = Summary(pdfVariant: Noark5Exporter.pdfVariant)
        summary.meetings = meetings.count
        summary.registrations = counts.registrations
        summary.documentDescriptions = counts.documentDescriptions
        summary.documentObjects = counts.documentObjects
        summary.documentFiles = files.count
        summary.papers = includePapers ? builder.paperJobs.count : 0
        summary.attachments = builder.attachmentFiles.count
        summary.attachmentsWithoutFile = builder.attachmentsWithoutFile
        summary.corrections = builder.corrections.count
        summary.exemptItems = builder.exemptItems

        let addml = TransferDescription(
            creator: builder.creator, archiveTitle: builder.archiveTitle, generator: generator,
            period: builder.period, createdAt: createdAt, summary: summary,
            arkivstruktur: written[0], endringslogg: changeLog == nil ? nil : written[1], schemas: schemas,
            documents: files.sorted { $0.path < $1.path }, mappeCount: counts.folders, includesPapers: includePapers,
            hasExempt: builder.exemptItems > 0)
        _ = try writeFile(addml.document(), at: "arkivuttrekk.xml", in: folder)
        return summary
    }

    func renderPapers(_ jobs: [PaperJob]) throws -> [Data] {
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var data: [Data?]
            var error: (any Error)?
            init(count: Int) { data = Array(repeating: nil, count: count) }
        }
        let results = Results(count: jobs.count)
        let renderer = self.renderer
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            var engineRenderer = renderer
            engineRenderer.pdfEngine.environment["SOURCE_DATE_EPOCH"] = String(job.epoch)
            do {
                let pdf = try engineRenderer.render(job.kind, of: job.papers, as: .pdf)
                results.lock.withLock { results.data[index] = pdf }
            } catch {
                results.lock.withLock { results.error = error }
            }
        }
        if let error = results.error { throw error }
        return results.data.map { $0 ?? Data() }
    }

    func writeFile(_ data: Data, at path: String, in folder: URL) throws -> PackageFile {
        let url = folder.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return PackageFile(path: path, sha256: FileAttacher.sha256(data), size: data.count)
    }
}

/// A file of the package, by its path inside it.
struct PackageFile: Sendable {
    var path: String
    var sha256: String
    var size: Int
}

/// A paper to render as PDF/A.
struct PaperJob: Sendable {
    var path: String
    var kind: DocumentKind
    var papers: MeetingPapers
    /// SOURCE_DATE_EPOCH: the PDF's dates are the meeting's, so its bytes are the same every time.
    var epoch: Int
}

/// The XSDs embedded in the binary, byte for byte.
enum Noark5Schemas {
    static var files: [(name: String, data: Data)] {
        EmbeddedSchemas.files.map { ($0.name, Data(base64Encoded: $0.contents) ?? Data()) }
    }
}

/// An export to an archive that cannot be made, said plainly.
public struct ArchiveExportError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
