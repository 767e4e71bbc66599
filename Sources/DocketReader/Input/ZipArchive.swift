import CInflate
import Foundation

/// Reads entries of a ZIP archive held in memory, checking every offset and size against the
/// archive's bytes before using it.
///
/// ZIPFoundation trusts the archive: an entry whose local header lies past the end of the file
/// traps on a range check, a truncated deflate stream loops forever, and nothing bounds what an
/// entry inflates to. A DOCX comes from anyone, so the reader parses the directory itself and
/// inflates with zlib into a buffer that refuses to grow past a limit — checked while inflating,
/// so a ZIP bomb costs at most that limit in memory. ZIP64 sizes and offsets are read.
struct ZipArchive {
    struct Entry: Equatable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// Why an archive or an entry could not be read; `description` is a sentence for people.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        entries = try Self.readDirectory(bytes)
    }

    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The entry's bytes, inflated; more than `limit` bytes is an error, found before they are held.
    func contents(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw Failure("\(entry.name) is encrypted") }
        let local = try localData(of: entry)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard local.count <= limit else { throw tooLarge(entry, limit: limit) }
            output = Array(bytes[local])
        case 8:
            output = try inflate(bytes[local], entry: entry, limit: limit)
        default:
            throw Failure("\(entry.name) uses compression method \(entry.method); only stored and deflated entries are read")
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(CInflate.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc32 else { throw Failure("\(entry.name) is damaged (its CRC-32 does not match)") }
        return output
    }

    private func tooLarge(_ entry: Entry, limit: Int) -> Failure {
        Failure("\(entry.name) inflates to more than \(limit / (1 << 20)) MiB; refused (no meeting document is that large: a damaged file or a ZIP bomb)")
    }

    // MARK: Directory

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50

    private static func readDirectory(_ bytes: [UInt8]) throws(Failure) -> [Entry] {
        guard bytes.count >= 22 else { throw Failure("not a ZIP archive (too short)") }
        // The end record sits in the last 22 + 65535 bytes (its comment may be that long).
        var endOffset: Int?
        var candidate = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while candidate >= lowest {
            if bytes.uint32(at: candidate) == endSignature { endOffset = candidate; break }
            candidate -= 1
        }
        guard let end = endOffset else { throw Failure("not a ZIP archive (no end of central directory)") }
        var count = UInt64(bytes.uint16(at: end + 10))
        var directorySize = UInt64(bytes.uint32(at: end + 12))
        var directoryOffset = UInt64(bytes.uint32(at: end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            guard end >= 20, bytes.uint32(at: end - 20) == zip64LocatorSignature else {
                throw Failure("the ZIP64 end of central directory is missing")
            }
            let record = bytes.uint64(at: end - 12)
            guard record <= UInt64(end - 20), Int(record) + 56 <= end - 20,
                  bytes.uint32(at: Int(record)) == zip64EndSignature else {
                throw Failure("the ZIP64 end of central directory lies outside the file")
            }
            count = bytes.uint64(at: Int(record) + 32)
            directorySize = bytes.uint64(at: Int(record) + 40)
            directoryOffset = bytes.uint64(at: Int(record) + 48)
        }
        guard directoryOffset <= UInt64(end), directorySize <= UInt64(end) - directoryOffset else {
            throw Failure("the central directory lies outside the file (offset \(directoryOffset), size \(directorySize), file \(bytes.count) bytes)")
        }
        // Each directory record is at least 46 bytes: a count beyond that is a lie.
        guard count <= directorySize / 46 + 1 else {
            throw Failure("the central directory claims \(count) entries in \(directorySize) bytes")
        }
        var entries: [Entry] = []
        var position = Int(directoryOffset)
        let directoryEnd = Int(directoryOffset + directorySize)
        for index in 0..<Int(count) {
            guard position + 46 <= directoryEnd, bytes.uint32(at: position) == centralSignature else {
                throw Failure("entry \(index + 1) of the central directory is damaged")
            }
            let nameLength = Int(bytes.uint16(at: position + 28))
            let extraLength = Int(bytes.uint16(at: position + 30))
            let commentLength = Int(bytes.uint16(at: position + 32))
            let nameStart = position + 46
            let next = nameStart + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw Failure("entry \(index + 1) of the central directory runs past it") }
            var entry = Entry(
                name: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
                method: bytes.uint16(at: position + 10), flags: bytes.uint16(at: position + 8),
                crc32: bytes.uint32(at: position + 16),
                compressedSize: UInt64(bytes.uint32(at: position + 20)),
                uncompressedSize: UInt64(bytes.uint32(at: position + 24)),
                localHeaderOffset: UInt64(bytes.uint32(at: position + 42)))
            readZip64Extra(bytes[(nameStart + nameLength)..<(nameStart + nameLength + extraLength)], into: &entry)
            entries.append(entry)
            position = next
        }
        return entries
    }

    /// The ZIP64 extra field (id 1) gives, in order, the 64-bit values of the fields set to 0xFFFFFFFF.
    private static func readZip64Extra(_ extra: ArraySlice<UInt8>, into entry: inout Entry) {
        var position = extra.startIndex
        while position + 4 <= extra.endIndex {
            let id = extra.uint16(at: position)
            let size = Int(extra.uint16(at: position + 2))
            let dataStart = position + 4
            guard dataStart + size <= extra.endIndex else { return }
            if id == 1 {
                var field = dataStart
                func next() -> UInt64? {
                    guard field + 8 <= dataStart + size else { return nil }
                    defer { field += 8 }
                    return extra.uint64(at: field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
                return
            }
            position = dataStart + size
        }
    }

    /// The range of the entry's stored bytes, after its local header; every bound checked.
    private func localData(of entry: Entry) throws(Failure) -> Range<Int> {
        let size = UInt64(bytes.count)
        guard entry.localHeaderOffset <= size, size - entry.localHeaderOffset >= 30 else {
            throw Failure("\(entry.name): its local header at offset \(entry.localHeaderOffset) lies past the end of the file (\(bytes.count) bytes)")
        }
        let header = Int(entry.localHeaderOffset)
        guard bytes.uint32(at: header) == Self.localSignature else {
            throw Failure("\(entry.name): no local header at offset \(header)")
        }
        let start = header + 30 + Int(bytes.uint16(at: header + 26)) + Int(bytes.uint16(at: header + 28))
        guard UInt64(start) <= size, entry.compressedSize <= size - UInt64(start) else {
            throw Failure("\(entry.name): its \(entry.compressedSize) bytes run past the end of the file (\(bytes.count) bytes)")
        }
        return start..<(start + Int(entry.compressedSize))
    }

    // MARK: Inflating

    private func inflate(_ input: ArraySlice<UInt8>, entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard docket_inflate_init_raw(&stream) == Z_OK else { throw Failure("zlib could not start inflating \(entry.name)") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        var finished = false
        var failure: Failure?
        input.withUnsafeBufferPointer { source in
            // Input bigger than 4 GiB cannot be in memory here; zlib counts in UInt32.
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while !finished {
                let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return CInflate.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                guard output.count + produced <= limit else { failure = tooLarge(entry, limit: limit); return }
                output.append(contentsOf: buffer[..<produced])
                switch status {
                case Z_STREAM_END:
                    finished = true
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    failure = Failure("\(entry.name) is cut short (its deflate stream ends early)")
                    return
                default:
                    failure = Failure("\(entry.name) is damaged (zlib: \(stream.msg.map { String(cString: $0) } ?? "error \(status)"))")
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}

private extension Collection where Element == UInt8, Index == Int {
    /// Little-endian integers; callers check the bounds first.
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}
