import DocketReader
import Foundation
import Testing

/// `DOCKET_READER_DUMP=path swift test --filter dump` writes what the reader makes of one file, as JSON,
/// to `DOCKET_READER_OUT` (default /tmp/docket-reader-dump.json).
@Test func dump() throws {
    guard let path = ProcessInfo.processInfo.environment["DOCKET_READER_DUMP"] else { return }
    let document = try DocumentReader().read(fileAt: URL(fileURLWithPath: path))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let output = ProcessInfo.processInfo.environment["DOCKET_READER_OUT"] ?? "/tmp/docket-reader-dump.json"
    try encoder.encode(document).write(to: URL(fileURLWithPath: output))
}
