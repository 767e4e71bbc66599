import DocketReader
import Foundation
import Testing

/// `DOCKET_READER_DUMP=path swift test --filter dump` prints what the reader makes of one file, as JSON.
@Test func dump() throws {
    guard let path = ProcessInfo.processInfo.environment["DOCKET_READER_DUMP"] else { return }
    let document = try DocumentReader().read(fileAt: URL(fileURLWithPath: path))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(document), as: UTF8.self))
}
