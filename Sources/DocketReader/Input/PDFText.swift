import Foundation

/// Reads a PDF through `pdftotext -layout` (Debian package poppler-utils).
///
/// Layout mode keeps columns where they stand, which lets the table reader find an agenda's columns;
/// form feeds mark the pages, which lets the normaliser find running headers and footers.
enum PDFText {
    /// The PDF's text layer; for a scanned PDF, which has none, the text Tesseract recognises (``OCRText``).
    static func decoded(fromFile url: URL) throws -> DecodedText {
        let text = try text(fromFile: url)
        guard text.allSatisfy({ $0.isWhitespace }) else { return DecodedText(text: text, encoding: .utf8) }
        let recognition = try OCRText.recognise(pdf: url)
        guard recognition.pages > 0 else { return DecodedText(text: text, encoding: .utf8) }
        return DecodedText(text: recognition.text, encoding: .utf8, recognised: recognition)
    }

    static func text(fromFile url: URL) throws -> String {
        guard let tool = executable(named: "pdftotext") else {
            throw ReaderError.missingTool(name: "pdftotext", debianPackage: "poppler-utils")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes are read at once, and before waiting: a damaged PDF makes pdftotext write
        // megabytes of complaints before any text, and a pipe read later would fill and block it
        // (while this process waited for its text: a hang).
        let complaints = PipeDrain(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = complaints.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData.prefix(2_000), as: UTF8.self).trimmed
            throw ReaderError.unreadable(format: .pdf, reason: "pdftotext failed (\(process.terminationStatus)): \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The first executable of that name on PATH (and the usual system folders, for daemons without PATH).
    static func executable(named name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// Reads a pipe to its end on another thread, so that two pipes of one child can be read at once.
private final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// What the pipe held; waits until it is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}
