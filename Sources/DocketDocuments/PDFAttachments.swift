import Foundation

/// Appends PDF files to a rendered paper with qpdf (Debian's `qpdf`), so the summons goes out as
/// one file with the items' PDF attachments behind it, in agenda order. The paper stays the primary
/// document: its tagging (PDF/UA), language and title are kept.
public struct PDFAttachments: Sendable {
    public var command: String

    public init(command: String = "qpdf") {
        self.command = command
    }

    /// The paper with `attachments` appended; the paper unchanged when there are none.
    ///
    /// - Throws: ``DocumentError/pdfEngineMissing(command:package:)`` when qpdf is not installed,
    ///   ``DocumentError/pdfAppendFailed(status:message:)`` when it fails (an attachment that is not
    ///   a readable PDF, named by its title).
    public func append(_ attachments: [(title: String, pdf: Data)], to paper: Data) throws -> Data {
        guard !attachments.isEmpty else { return paper }
        guard let executable = PDFEngine(command: command, package: "qpdf").executablePath else {
            throw DocumentError.pdfEngineMissing(command: command, package: "qpdf")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-qpdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("paper.pdf")
        try paper.write(to: main)
        var files: [String] = []
        for (index, attachment) in attachments.enumerated() {
            let file = folder.appendingPathComponent("attachment-\(index).pdf")
            try attachment.pdf.write(to: file)
            files.append(file.path)
        }
        let output = folder.appendingPathComponent("merged.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--warning-exit-0", main.path, "--pages", main.path] + files + ["--", output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let merged = FileManager.default.contents(atPath: output.path) else {
            var text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            for (index, attachment) in attachments.enumerated() {
                text = text.replacingOccurrences(of: files[index], with: "the attachment '\(attachment.title)'")
            }
            throw DocumentError.pdfAppendFailed(status: process.terminationStatus, message: text)
        }
        return merged
    }
}
