import Foundation

/// Writes one JSON object of arrays record by record, so an export never holds the whole
/// document: each record is encoded on its own, keys sorted, on a line of its own (so a diff of
/// two exports shows the records that changed, and an error's line number names the record),
/// and handed to the sink in chunks of about a megabyte.
final class JSONStreamWriter {
    private let sink: (Data) throws -> Void
    private var buffer = Data()
    private let encoder: JSONEncoder
    private var fieldCount = 0
    private var elementCount = 0

    init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func beginObject() {
        append("{")
    }

    /// A field whose value is written whole.
    func field<T: Encodable>(_ key: String, _ value: T) throws {
        try startField(key)
        append(try encoder.encode(value))
    }

    func beginArray(_ key: String) throws {
        try startField(key)
        append("[")
        elementCount = 0
    }

    func element<T: Encodable>(_ value: T) throws {
        append(elementCount == 0 ? "\n    " : ",\n    ")
        append(try encoder.encode(value))
        elementCount += 1
        if buffer.count > 1 << 20 { try flush() }
    }

    func endArray() {
        append(elementCount == 0 ? "]" : "\n  ]")
    }

    func endObject() throws {
        append("\n}\n")
        try flush()
    }

    private func startField(_ key: String) throws {
        append(fieldCount == 0 ? "\n  " : ",\n  ")
        append(try encoder.encode(key))
        append(" : ")
        fieldCount += 1
    }

    private func append(_ text: String) {
        buffer.append(contentsOf: Array(text.utf8))
    }

    private func append(_ data: Data) {
        buffer.append(data)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
