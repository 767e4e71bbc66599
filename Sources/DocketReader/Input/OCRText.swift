import Foundation

/// Recognises the text of a scanned PDF, one that has pages but no text layer: each page is
/// rendered with `pdftoppm` (poppler-utils) and read by Tesseract (`tesseract-ocr` with the
/// Norwegian model `tesseract-ocr-nor`, `-l nor`).
///
/// Recognised text is a guess; the reader says so in a warning with Tesseract's mean word
/// confidence, so that whoever reviews an import knows which documents to check by eye.
enum OCRText {
    struct Recognition: Equatable {
        /// The pages' text, pages separated by form feeds as pdftotext separates them.
        var text: String
        var pages: Int
        /// Tesseract's mean confidence over the recognised words, 0–100.
        var meanConfidence: Double
    }

    /// Resolution the pages are rendered at: Tesseract reads body text best at about 300 dpi.
    static let resolution = 300

    static func recognise(pdf url: URL) throws -> Recognition {
        guard let pdftoppm = PDFText.executable(named: "pdftoppm") else {
            throw ReaderError.missingTool(name: "pdftoppm", debianPackage: "poppler-utils")
        }
        guard let tesseract = PDFText.executable(named: "tesseract") else {
            throw ReaderError.missingTool(name: "tesseract", debianPackage: "tesseract-ocr tesseract-ocr-nor")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        try run(pdftoppm, ["-r", "\(resolution)", "-gray", "-png", url.path, folder.appendingPathComponent("page").path], doing: "pdftoppm")
        // pdftoppm pads page numbers to the width of the last one (page-01 … page-12): names sort in page order.
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        var texts: [String] = []
        var confidences: [Double] = []
        for page in pages {
            let image = folder.appendingPathComponent(page)
            let base = image.deletingPathExtension()
            // One run writes both the text (base.txt) and the words with their confidence (base.tsv).
            try run(tesseract, [image.path, base.path, "-l", "nor", "txt", "tsv"], doing: "tesseract")
            texts.append(try String(contentsOf: base.appendingPathExtension("txt"), encoding: .utf8))
            confidences += wordConfidences(tsv: try String(contentsOf: base.appendingPathExtension("tsv"), encoding: .utf8))
        }
        let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
        return Recognition(text: texts.joined(separator: "\u{0C}"), pages: pages.count, meanConfidence: mean)
    }

    /// The confidence of every recognised word in Tesseract's TSV (level 5 rows with text; -1 marks
    /// rows that are not words).
    static func wordConfidences(tsv: String) -> [Double] {
        tsv.split(separator: "\n").dropFirst().compactMap { row in
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 12, columns[0] == "5",
                  !columns[11].trimmingCharacters(in: .whitespaces).isEmpty,
                  let confidence = Double(columns[10]), confidence >= 0 else { return nil }
            return confidence
        }
    }

    private static func run(_ tool: URL, _ arguments: [String], doing name: String) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // Documents are read on every core already; Tesseract's own threads would only compete.
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: complaints.prefix(2_000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ReaderError.unreadable(format: .pdf, reason: "\(name) failed (\(process.terminationStatus)) recognising a scanned PDF: \(message)")
        }
    }
}
