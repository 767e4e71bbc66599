@preconcurrency import CSV
import Foundation

/// Rows to CSV through CSV.swift (which quotes separators, quotes and line breaks), for listings
/// that leave Docket as spreadsheets. `excel`: UTF-8 with a byte-order mark and ';' between fields,
/// what Norwegian Excel opens without a wizard.
///
/// In both flavours a field that a spreadsheet would run as a formula (`=`, `+`, `@`, a tab or
/// carriage return first, or `-` followed by anything but a space) starts with an apostrophe, so that
/// text someone typed into an item opens as text and never as a formula (CSV injection). The plain
/// flavour is meant for programs, but a `.csv` file is opened by a double-click as often: it is as
/// safe. (The lossless export for programs is JSON.)
public enum CSVTable {
    /// The field as a spreadsheet shows it without running it.
    public static func spreadsheetSafe(_ field: String) -> String {
        guard let first = field.first else { return field }
        let runs: Bool
        switch first {
        case "=", "+", "@", "\t", "\r", "\r\n": runs = true
        case "-": runs = field.dropFirst().first.map { $0 != " " } ?? false
        default: runs = false
        }
        return runs ? "'" + field : field
    }

    public static func data(header: [String], rows: [[String]], excel: Bool = false) throws -> Data {
        try data(header: header, excel: excel) { write in
            for row in rows { try write(row) }
        }
    }

    /// Rows handed over one at a time (streamed from a query, say) rather than collected first.
    public static func data(header: [String], excel: Bool = false, rows: (_ write: ([String]) throws -> Void) throws -> Void) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        if excel {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            _ = stream.write(bom, maxLength: bom.count)
        }
        let writer = try CSVWriter(stream: stream, delimiter: excel ? ";" : ",", newline: .crlf)
        try writer.write(row: header)
        try rows { try writer.write(row: $0.map(spreadsheetSafe)) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVError.cannotWriteStream
        }
        return data + Data("\r\n".utf8)
    }
}
