import DocketModel
import DocketStore
import Foundation
import SQLite

/// Writes an ``InterchangeDocument`` into a store, in one transaction: all of it or nothing.
///
/// Into an empty store it gives the exported store back, row for row (the rows are written in
/// the file's order, which is the order they were made in). Into a store that already holds some
/// of it, rows are matched by natural key (organisation and person by name, body by slug, meeting
/// by body and date, item by body and number, file by SHA-256); those found are left as they are
/// and every difference is reported as a conflict, never overwritten.
public struct InterchangeImporter {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Imports the interchange file at `path`, memory-mapped and read one record at a time.
    /// - parameter refusingConflicts: store nothing when any record differs from the store's.
    @discardableResult
    public func importFile(atPath path: String, refusingConflicts: Bool = false) throws -> ImportReport {
        let file = try MappedFile(path: path)
        return try importJSON(file.data, file: path, refusingConflicts: refusingConflicts, finishedReading: file.release(_:))
    }

    /// Reads and imports a JSON interchange file; errors name `file`, line and column.
    /// - parameter refusingConflicts: store nothing when any record differs from the store's.
    @discardableResult
    public func importJSON(_ data: Data, file: String, refusingConflicts: Bool = false) throws -> ImportReport {
        try importJSON(data, file: file, refusingConflicts: refusingConflicts, finishedReading: nil)
    }

    private func importJSON(_ data: Data, file: String, refusingConflicts: Bool, finishedReading: ((Range<Int>) -> Void)?) throws -> ImportReport {
        let source = try InterchangeSource(data: data, file: file, finishedReading: finishedReading)
        do {
            return try store.write {
                var run = ImportRun(merger: try store.rowMerger(), source: source)
                try run.importAll()
                // References are read from the texts, as for items a secretary enters.
                try store.refreshReferences(itemIDs: run.items.values.sorted())
                let report = ImportReport(run.merger)
                if refusingConflicts, !report.conflicts.isEmpty {
                    throw InterchangeError(file: file, message: "\(report.conflicts.count) record(s) differ from the store's, the first: "
                                           + "\(report.conflicts[0]); expected records that agree with the store")
                }
                return report
            }
        } catch let problem as ImportProblem {
            let location = JSONLocator(data).location(of: problem.path)
            throw InterchangeError(file: file, line: location?.line, column: location?.column,
                                   message: "\(problem.pathDescription): \(problem.message)")
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw InterchangeError(file: file, message: "the file breaks a rule of the store (\(error.message)); expected rows the schema accepts")
        }
    }

    /// Reads every record of one of a file's arrays, as an import does, and counts them: what
    /// decoding costs without a database (the benchmark's split of an import's time).
    public static func countRecords(in data: Data, key: String) throws -> Int {
        let source = try InterchangeSource(data: data, file: "(count)")
        var count = 0
        switch key {
        case "items": try source.each(key, as: ItemRecord.self) { _, _ in count += 1 }
        case "cases": try source.each(key, as: CaseRecord.self) { _, _ in count += 1 }
        default: throw InterchangeError(file: "(count)", message: "no counting of '\(key)'; expected items or cases")
        }
        return count
    }

    /// Imports a document held in memory, through the same path as a file.
    @discardableResult
    public func importDocument(_ document: InterchangeDocument) throws -> ImportReport {
        try importJSON(try JSONEncoder().encode(document), file: "(document)")
    }
}

/// A value as SQLite stores it: enumerations by raw value, booleans as 0/1, nil as NULL.
func value(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue {
    value?.databaseValue ?? .null
}
