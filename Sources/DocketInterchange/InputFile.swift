import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file someone named (to import, attach, or take a text from), and when it cannot,
/// says why in words naming the path: a folder, a link to nothing, a named pipe or a device, no
/// permission. Foundation's own errors for these are Cocoa dumps, or (for a FIFO) a misleading
/// "Permission denied"; and reading a FIFO would wait forever for a writer.
public enum InputFile {
    /// The file's bytes.
    /// - throws: ``InputFileError`` naming the path and what it is instead of a readable file.
    public static func contents(atPath path: String) throws -> Data {
        try requireRegularFile(atPath: path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputFileError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw InputFileError(path: path, reason: (error as NSError).localizedFailureReason ?? "the file could not be read")
        }
    }

    /// Checks, without opening it, that `path` is a regular file (a link to one is fine).
    /// - throws: ``InputFileError`` saying what it is instead.
    public static func requireRegularFile(atPath path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw InputFileError(path: path, reason: "it is a symbolic link to '\(target)', which does not exist")
            }
            throw InputFileError(path: path, reason: reason == ENOENT ? "no such file" : String(cString: strerror(reason)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            throw InputFileError(path: path, reason: "it is a folder, not a file")
        case S_IFIFO:
            throw InputFileError(path: path, reason: "it is a named pipe (FIFO), not a regular file; copy what it gives into a file first")
        case S_IFSOCK:
            throw InputFileError(path: path, reason: "it is a socket, not a regular file")
        default:
            throw InputFileError(path: path, reason: "it is a device, not a regular file")
        }
        guard access(path, R_OK) == 0 else {
            throw InputFileError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// A file that could not be read, and why.
public struct InputFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read '\(path)': \(reason)" }
}
