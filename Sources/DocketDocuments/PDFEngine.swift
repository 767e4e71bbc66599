import Foundation

/// Renders HTML to PDF with WeasyPrint, an engine made for paged media (A4 pages, margins,
/// page numbers from the `@page` rules of the HTML's print CSS).
public struct PDFEngine: Sendable {
    /// The command to run; found on `PATH` unless it is a path.
    public var command: String
    /// The Debian package that provides it, named in the error when it is missing.
    public var package: String
    /// Arguments before the input, e.g. `["--pdf-variant", "pdf/a-3b"]` for the archive's PDF/A.
    public var extraArguments: [String] = []
    /// Variables added to the engine's environment, e.g. `SOURCE_DATE_EPOCH` for a PDF whose
    /// dates (and so bytes) are the same on every run.
    public var environment: [String: String] = [:]

    public init(command: String = "weasyprint", package: String = "weasyprint") {
        self.command = command
        self.package = package
    }

    /// The full path of the command, or nil when it is not installed.
    public var executablePath: String? {
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? command : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the engine is installed.
    public var isAvailable: Bool { executablePath != nil }

    /// Converts one self-contained HTML document to PDF.
    ///
    /// - Throws: ``DocumentError/pdfEngineMissing(command:package:)`` when WeasyPrint is not installed,
    ///   ``DocumentError/pdfEngineFailed(status:message:)`` when it fails.
    public func makePDF(fromHTML html: String) throws -> Data {
        guard let executable = executablePath else {
            throw DocumentError.pdfEngineMissing(command: command, package: package)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("papers.html")
        let output = folder.appendingPathComponent("papers.pdf")
        try Data(html.utf8).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--quiet", "--encoding", "utf-8"] + extraArguments + [input.path, output.path]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path) else {
            throw DocumentError.pdfEngineFailed(
                status: process.terminationStatus,
                message: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return pdf
    }
}
