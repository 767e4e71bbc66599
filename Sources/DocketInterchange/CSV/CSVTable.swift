@preconcurrency import CSV
import Foundation

/// Rows to CSV through CSV.swift (which quotes separators, quotes and line breaks), for listings
/// that leave Docket as spreadsheets. `excel`: UTF-8 with a byte-order mark and ';' between fields,
/// what Norwegian Excel opens without a wizard.
public enum CSVTable {
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
        try rows { try writer.write(row: $0) }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CSVError.cannotWriteStream
        }
        return data + Data("\r\n".utf8)
    }
}
