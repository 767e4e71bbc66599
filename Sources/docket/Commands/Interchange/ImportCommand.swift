import DocketModel
import ArgumentParser
import DocketInterchange
import DocketStore
import Foundation

/// `docket import FILE`: what a file holds goes into the store, all of it or nothing.
///
/// The kind of file is told by its extension; each kind has its importer. Old documents
/// (summons and minutes as text, DOCX, PDF, HTML) are the document reader's, which is added here.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read files into the store: old summonses and minutes (.txt, .docx, .pdf, .html), a JSON export (.json), or a list of items (.csv).",
        discussion: """
            A .json file is a docket export: into an empty database it gives the exported store back; \
            into one that holds some of it, records are matched by natural key and differences are \
            reported as conflicts, never overwritten.
            A .csv file lists items for one meeting's agenda (--meeting); its header names the columns \
            title, kind, basis, proposal, text (or tittel, type, saksunderlag, forslag, tekst; ',' or ';' between fields). Numbers are assigned as usual.
            A file with an error is reported with its line and column, and nothing of it is stored.

            Old documents (summonses and minutes as text, Word, PDF or HTML; folders of them with --recursive) \
            are read into meetings, items, proposals, decisions, votes and attendance, one document per \
            transaction: each is stored whole or not at all. The same document imported again changes nothing; \
            a summons and the minutes of the same meeting merge into one meeting. Bodies are matched by name \
            and alias (--body forces one; an unknown name registers a new body). --body-map FILE says which \
            folder holds which body, one 'folder-or-glob = slug' a line (the last matching line wins); a document \
            whose text names no body, or another, is stored under the given one with a warning. A document whose \
            text gives no date takes the date in its file name (…2021-12-15…, …20211215…, …15.12.2021…), with a \
            warning. A scanned PDF (no text layer) is recognised with Tesseract, with a warning giving its mean \
            confidence. --report FILE writes a review of every document (.html, or Markdown for .md and -): \
            meeting, body, items with the start of their proposal and decision, attendance and every warning \
            with its line. Documents are read on --jobs threads (default: every core) and stored in order by one \
            writer. --dry-run stores nothing and prints what would be stored and every warning. The exit status \
            is non-zero when any document failed.

            Examples:
              docket import arkiv/ --recursive
              docket import arkiv/ --recursive --body-map bodies.txt --report review.html
              docket import protokoll-2019-02-13.pdf --body styringsgruppen --dry-run --json
              docket import arkiv.json
              docket import saker.csv --meeting styringsgruppen@2025-02-12
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("The files (or folders of documents) to read.", valueName: "path")) var paths: [String]
    @Flag(help: "Read the documents in folders' subfolders too.") var recursive = false
    @Option(help: "Put every document in this body, whatever it names.") var body: String?
    @Option(help: ArgumentHelp("A file of 'folder-or-glob = slug' lines: the body of each folder's documents.", valueName: "file")) var bodyMap: String?
    @Option(help: ArgumentHelp("Write a review of every document read (.html; .md or - for Markdown).", valueName: "file")) var report: String?
    @Option(help: "How many documents are read at once: by default one a core.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Store nothing: print what would be stored and every warning.") var dryRun = false
    @Option(help: "The meeting whose agenda a .csv list of items goes on.", transform: MeetingReference.argument) var meeting: MeetingReference?
    @Flag(help: "Store nothing of a .json file when any of its records differs from the store's.") var strict = false

    /// What the importers can read, by extension.
    enum Kind {
        case interchange
        case itemList
        case oldDocument
        case unknown

        init(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "json": self = .interchange
            case "csv": self = .itemList
            case "txt", "text", "md", "markdown", "docx", "pdf", "html", "htm": self = .oldDocument
            default: self = .unknown
            }
        }
    }

    func run() throws {
        let isDocumentBatch = paths.count > 1 || paths.contains { path in
            var isFolder: ObjCBool = false
            return (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) || Kind(path: path) == .oldDocument
        }
        if isDocumentBatch {
            return try DocumentBatch(paths: paths, recursive: recursive, body: body, bodyMap: bodyMap, dryRun: dryRun,
                                     json: output.json, report: report, jobs: jobs).run(store: store)
        }
        let file = paths[0]
        let kind = Kind(path: file)
        switch kind {
        case .interchange, .itemList:
            break
        case .oldDocument:
            break
        case .unknown:
            throw ValidationError("'\(file)' is not a file docket reads: give .txt, .docx, .pdf or .html documents, a .json export, or a .csv list of items")
        }
        if kind == .interchange, meeting != nil {
            throw ValidationError("--meeting is for a .csv list of items; a .json export names its own meetings")
        }
        let store = try store.open()
        switch kind {
        case .interchange:
            let report = try InterchangeImporter(store: store).importFile(atPath: file, refusingConflicts: strict)
            let newItems = report.inserted["agenda_item", default: 0]
            if newItems >= Store.itemsWorthAMerge {
                if !output.json { print("Merging the search index (\(newItems) new items)…") }
                try store.mergeSearchIndex()
            }
            // The derived search index caught up now: the first search after an import should not pay for it.
            store.updateSearchIndex()
            if output.json { return try printJSON(report) }
            print("Imported \(report.insertedCount) rows from \(file)" + (report.inserted.isEmpty ? "" : ":"))
            for (table, count) in report.inserted.sorted(by: { $0.key < $1.key }) { print("  \(table): \(count)") }
            for warning in report.warnings { print("warning: \(warning)") }
            for conflict in report.conflicts { print("conflict: \(conflict)") }
            if !report.conflicts.isEmpty { print("\(report.conflicts.count) conflict(s): the store's records were kept") }
        case .itemList:
            guard let meeting else {
                throw ValidationError("a .csv list of items goes on one meeting's agenda: give --meeting BODY@DATE")
            }
            let data = try InputFile.contents(atPath: file)
            let items = try ItemListCSV(store: store).importItems(data, file: file, meeting: meeting)
            store.updateSearchIndex()
            if output.json { return try printJSON(items) }
            print("Added \(items.count) item(s) to \(meeting)")
            for item in items { print("  \(item.number)  \(item.title)") }
        case .oldDocument, .unknown:
            break
        }
    }
}
