@preconcurrency import CSV
import DocketModel
import DocketStore
import Foundation

/// A list of items for one meeting's agenda, from a spreadsheet: a header row naming the columns
/// (title, kind, basis, proposal, text, or in Norwegian tittel, type, saksunderlag, forslag,
/// tekst; title is required, the others optional, in any order),
/// then one item a row. Numbers are assigned as for any item added; all rows go in or none.
///
/// Both ',' and ';' (Norwegian Excel) are read, with or without a byte-order mark.
public struct ItemListCSV {
    let store: Store

    public static let columns = ["title", "kind", "basis", "proposal", "text"]

    /// The headers a Norwegian spreadsheet gives the same columns (as the agenda table prints them).
    static let norwegianHeaders = [
        "tittel": "title", "sak": "title", "type": "kind", "type sak": "kind", "saksunderlag": "basis",
        "forslag": "proposal", "forslag til vedtak": "proposal", "tekst": "text", "saksframlegg": "text",
    ]

    public init(store: Store) {
        self.store = store
    }

    @discardableResult
    public func importItems(_ data: Data, file: String, meeting: MeetingReference) throws -> [AgendaItem] {
        let rows = try read(data, file: file)
        return try store.write {
            _ = try store.meeting(meeting)
            return try rows.map { row in
                do {
                    return try store.addItem(to: meeting, row.draft)
                } catch let error as StoreError {
                    throw InterchangeError(file: file, line: row.line, message: "\(error)")
                }
            }
        }
    }

    struct ItemRow {
        var line: Int
        var draft: ItemDraft
    }

    /// Reads and checks every row before anything is written.
    func read(_ data: Data, file: String) throws -> [ItemRow] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw InterchangeError(file: file, message: "the file is not UTF-8 text; expected CSV saved as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if let (line, column) = Self.unterminatedQuote(in: text) {
            throw InterchangeError(file: file, line: line, column: column, message: "a quoted field is never closed; expected a closing '\"'")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        guard let header = reader.headerRow, !header.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw InterchangeError(file: file, line: 1, message: "no header row; expected the columns \(Self.columns.joined(separator: ", "))")
        }
        let names = header.map { cell in
            let name = cell.trimmingCharacters(in: .whitespaces).lowercased()
            return Self.norwegianHeaders[name] ?? name
        }
        for (index, name) in names.enumerated() where !Self.columns.contains(name) {
            throw InterchangeError(file: file, line: 1, column: index + 1,
                                   message: "unknown column '\(header[index])'; expected some of \(Self.columns.joined(separator: ", "))")
        }
        guard names.contains("title") else {
            throw InterchangeError(file: file, line: 1, message: "no 'title' column; expected the columns \(Self.columns.joined(separator: ", "))")
        }
        var line = 1 + Self.lineBreaks(in: header)
        var rows: [ItemRow] = []
        while let fields = reader.next() {
            line += 1
            defer { line += Self.lineBreaks(in: fields) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == names.count else {
                throw InterchangeError(file: file, line: line, message: "\(fields.count) field(s); expected \(names.count), one for each column of the header")
            }
            func field(_ name: String) -> (String, Int)? {
                guard let index = names.firstIndex(of: name), !fields[index].isEmpty else { return nil }
                return (fields[index], index + 1)
            }
            guard let (title, _) = field("title"), !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InterchangeError(file: file, line: line, column: (names.firstIndex(of: "title") ?? 0) + 1, message: "the title is empty; expected the item's title")
            }
            var kind: ItemKind?
            if let (label, column) = field("kind") {
                guard let parsed = ItemKind(label: label) else {
                    throw InterchangeError(file: file, line: line, column: column,
                                           message: "'\(label)' is not a kind of item; expected beslutning, orientering or diskusjon")
                }
                kind = parsed
            }
            rows.append(ItemRow(line: line, draft: ItemDraft(title: title, kind: kind, basis: field("basis")?.0,
                                                              caseText: field("text")?.0, proposal: field("proposal")?.0)))
        }
        return rows
    }

    /// Line breaks inside quoted fields, which move the next row further down the file.
    static func lineBreaks(in fields: [String]) -> Int {
        fields.reduce(0) { count, field in
            count + field.unicodeScalars.reduce(into: 0) { breaks, scalar in if scalar == "\n" { breaks += 1 } }
                + field.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.filter { $0 == "\r" }.count
        }
    }

    /// Where a quoted field opens that never closes (CSV.swift reads such a file to its end as
    /// one field, without a word): line and column of the opening quote.
    static func unterminatedQuote(in text: String) -> (Int, Int)? {
        var line = 1, column = 0
        var inQuotes = false
        var fieldStart = true
        var opening = (1, 1)
        var previousWasQuote = false
        for scalar in text.unicodeScalars {
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    previousWasQuote.toggle()
                } else if previousWasQuote {
                    inQuotes = false
                    previousWasQuote = false
                }
            }
            if !inQuotes {
                if scalar == "\"" && fieldStart {
                    inQuotes = true
                    opening = (line, column)
                    fieldStart = false
                } else {
                    fieldStart = scalar == "," || scalar == ";" || scalar == "\n" || scalar == "\r"
                }
            }
            if scalar == "\n" { line += 1; column = 0 }
        }
        return inQuotes && !previousWasQuote ? opening : nil
    }
}
