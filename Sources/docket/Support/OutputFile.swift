import Foundation
import Glibc

/// Where a command writes what it prints or exports: standard output, or a file named with `-o`.
///
/// Every command writes through one of these, never through `FileHandle.write(_:)` (which traps on
/// a write error) or an unchecked `print`. A failed write (a full disk, `/dev/full`, a closed
/// pipe) is kept, later writes are skipped, and ``close()`` throws it: the command ends with a
/// message and a non-zero exit instead of a crash or a silent exit 0 with the output lost.
///
/// A file is written as `PATH.partial` beside its destination and renamed into place only when
/// whole, so an existing file is replaced whole or left as it was; a failed write removes the
/// partial file.
final class OutputFile {
    /// Standard output, shared by every `print` of the command line (see `print(_:separator:terminator:)`).
    nonisolated(unsafe) static let standardOutput = OutputFile(descriptor: STDOUT_FILENO)

    /// How the destination is named in messages: "standard output" or "'PATH'".
    let name: String
    private var descriptor: Int32
    private let destination: String?
    private let temporary: String?
    /// Bytes not yet written: written in pieces of 64 KiB, so a long output costs few system calls.
    private var buffer: [UInt8] = []
    private var failure: Int32?
    private static let bufferSize = 1 << 16

    private init(descriptor: Int32) {
        name = "standard output"
        self.descriptor = descriptor
        destination = nil
        temporary = nil
    }

    /// Opens `path` for writing (`-` is standard output).
    /// - throws: ``OutputError`` naming the path when it is a folder or its folder cannot be written.
    static func open(_ path: String) throws -> OutputFile {
        path == "-" ? standardOutput : try OutputFile(path: path)
    }

    private init(path: String) throws {
        name = "'\(path)'"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw OutputError(path: path, reason: "it is a folder; give the name of a file to write")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            throw OutputError(path: path, reason: "the folder '\(folder)' does not exist")
        } else if !isFolder.boolValue {
            throw OutputError(path: path, reason: "'\(folder)' is not a folder")
        }
        let temporary = path + ".partial"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        self.destination = path
        self.temporary = temporary
    }

    deinit {
        // Dropped without `close()` (the command failed before it finished): never leave a partial file.
        discard()
    }

    /// Appends bytes. After a failed write, later writes do nothing; ``close()`` reports the failure.
    func write(_ data: Data) {
        guard failure == nil, descriptor >= 0 else { return }
        buffer.append(contentsOf: data)
        if buffer.count >= OutputFile.bufferSize { flush() }
    }

    func write(_ text: String) {
        guard failure == nil, descriptor >= 0 else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= OutputFile.bufferSize { flush() }
    }

    /// Writes out what is buffered: for progress lines that must show now, and before closing.
    func flush() {
        guard failure == nil, descriptor >= 0 else { return }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Throws the first failed write now, for a long export that should stop at once instead of
    /// reading the rest of the store for nothing. The file is removed by ``writing(_:)``.
    func check() throws {
        if let failure { throw OutputError(path: destination, reason: String(cString: strerror(failure))) }
    }

    /// Finishes the output: writes out what is buffered and, for a file, renames it into place.
    /// - throws: ``OutputError`` when any write failed; a file is then removed, never left half-written.
    func close() throws {
        guard descriptor >= 0 else { return }
        flush()
        guard let temporary, let destination else {
            // Standard output stays open (a command may print after an export to '-').
            if let failure {
                self.failure = nil
                throw OutputError(path: nil, reason: String(cString: strerror(failure)))
            }
            return
        }
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL { failure = errno }
        if Glibc.close(descriptor) != 0, failure == nil { failure = errno }
        descriptor = -1
        if failure == nil, rename(temporary, destination) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw OutputError(path: destination, reason: String(cString: strerror(failure)))
        }
    }

    /// Gives up a file being written: closes and removes it. Standard output is left alone.
    func discard() {
        guard let temporary, descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        unlink(temporary)
    }

    /// Runs `body` to write, then closes; removes the file when `body` or a write fails.
    func writing(_ body: (OutputFile) throws -> Void) throws {
        do {
            try body(self)
        } catch {
            discard()
            throw error
        }
        try close()
    }
}

/// A write that failed, naming where it went.
struct OutputError: Error, CustomStringConvertible {
    /// The file; nil for standard output.
    var path: String?
    var reason: String

    var description: String {
        if let path { return "cannot write '\(path)': \(reason)" }
        return "cannot write to standard output: \(reason); the output is incomplete"
    }
}

/// Writes `data` to `path` ('-' for standard output), whole or not at all.
func writeOutput(_ data: Data, to path: String) throws {
    try OutputFile.open(path).writing { $0.write(data) }
}

/// Every `print` of the command line goes to the checked standard output, so that a lost line is
/// an error at the end of the command (`Docket.main`), not a silent exit 0.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    OutputFile.standardOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// A line for the person at the terminal (progress, "Wrote FILE"), on standard error.
func printNote(_ text: String) {
    let line = Array((text + "\n").utf8)
    _ = line.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
