import Foundation

/// A body's letterhead: its logo and its address, printed at the top of its papers in HTML, PDF
/// and Word. It lives in the body's template folder beside the templates (`body edit --templates DIR`):
///
/// - `logo.png` (or `logo.jpg`, `logo.jpeg`): the logo, printed 18 mm high;
/// - `letterhead.txt`: the lines beside it (name, address, telephone, e-mail), one a line.
///
/// Either may be missing; a folder with neither has no letterhead.
public struct Letterhead: Sendable, Hashable {
    /// The address lines, blank ones dropped.
    public var lines: [String]
    /// The logo's PNG or JPEG bytes.
    public var logo: Data?
    /// The logo's size in pixels, read from its PNG or JPEG header.
    public var logoPixels: (width: Int, height: Int)? {
        logo.flatMap { Self.pngSize($0) ?? Self.jpegSize($0) }
    }

    /// The logo's media type: image/png or image/jpeg.
    public var logoMediaType: String? {
        logo.map { Self.isJPEG($0) ? "image/jpeg" : "image/png" }
    }

    static func isJPEG(_ data: Data) -> Bool {
        data.count > 3 && data[data.startIndex] == 0xFF && data[data.startIndex + 1] == 0xD8
    }

    /// Width and height from a JPEG's first frame header (SOF0–SOF15 but DHT, JPG, DAC); nil when the bytes are not a JPEG.
    static func jpegSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return width > 0 && height > 0 ? (width, height) : nil
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    public init(lines: [String], logo: Data? = nil) {
        self.lines = lines
        self.logo = logo
    }

    public static func == (lhs: Letterhead, rhs: Letterhead) -> Bool { lhs.lines == rhs.lines && lhs.logo == rhs.logo }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(logo)
    }

    /// The letterhead of a template folder, or nil when it has none.
    ///
    /// - Throws: ``DocumentError/templateFolder(path:reason:)`` for a `logo.png` that is not a PNG, or
    ///   a `letterhead.txt` that is not UTF-8.
    static func load(from folder: URL) throws -> Letterhead? {
        let textURL = folder.appendingPathComponent("letterhead.txt")
        var logo: Data?
        var lines: [String] = []
        // The first of logo.png, logo.jpg, logo.jpeg that is there; its bytes must be what its name says.
        for name in ["logo.png", "logo.jpg", "logo.jpeg"] {
            let logoURL = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: logoURL.path) else { continue }
            if name == "logo.png" {
                guard pngSize(data) != nil else {
                    throw DocumentError.templateFolder(path: logoURL.path, reason: "the logo is not a PNG image (expected the PNG signature and an IHDR header)")
                }
            } else {
                guard jpegSize(data) != nil else {
                    throw DocumentError.templateFolder(path: logoURL.path, reason: "the logo is not a JPEG image (expected the JPEG signature and a frame header giving its size)")
                }
            }
            logo = data
            break
        }
        if let data = FileManager.default.contents(atPath: textURL.path) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw DocumentError.templateFolder(path: textURL.path, reason: "the file is not UTF-8 text")
            }
            lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return logo == nil && lines.isEmpty ? nil : Letterhead(lines: lines, logo: logo)
    }

    /// Width and height from a PNG's IHDR chunk; nil when the bytes are not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let width = int(16), height = int(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}
