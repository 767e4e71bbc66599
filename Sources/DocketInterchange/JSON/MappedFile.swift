import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, whose pages already read can be handed back: an import
/// walks an archive front to back once, so keeping what it has passed would make its memory grow
/// with the archive. The mapping is private and never written, so a page handed back is read
/// again from the file if it is touched later (an error message pointing back into it, say).
final class MappedFile: @unchecked Sendable {
    let data: Data
    private let base: UnsafeMutableRawPointer?
    private let size: Int

    init(path: String) throws {
        do {
            try InputFile.requireRegularFile(atPath: path)
        } catch let error as InputFileError {
            throw InterchangeError(file: path, message: "\(error.reason); expected a readable .json file")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InterchangeError(file: path, message: "cannot open the file (\(String(cString: strerror(errno)))); expected a readable .json file")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw InterchangeError(file: path, message: "cannot read the file's size; expected a readable .json file")
        }
        size = Int(status.st_size)
        guard size > 0 else {
            base = nil
            data = Data()
            return
        }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
            throw InterchangeError(file: path, message: "cannot map the file (\(String(cString: strerror(errno)))); expected a regular .json file")
        }
        base = pointer
        data = Data(bytesNoCopy: pointer, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    /// Hands back the whole pages inside `range`, which the import has finished reading.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, size) / page * page
        guard end > start else { return }
        _ = madvise(base + start, end - start, MADV_DONTNEED)
    }
}
