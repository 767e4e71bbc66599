import DocketDocuments
import DocketModel
import Foundation
import Hummingbird

/// A meeting's paper as a file name in a URL (`innkalling.pdf`, `protokoll.html`): which paper, in which
/// format, and the response that carries it. The public site and the secretariat share it, each with the
/// formats it offers.
struct PaperFile {
    var kind: DocumentKind
    var format: DocumentFormat
    /// `innkalling` or `protokoll`: the name's first part, kept for the downloaded file's name.
    var stem: String

    /// nil (a 404 for the caller) for any other name or a format not among `formats`.
    init?(_ file: String, formats: Set<DocumentFormat>) {
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = DocumentFormat(name: parts[1]), formats.contains(format) else { return nil }
        switch parts[0] {
        case "innkalling": kind = .summons
        case "protokoll": kind = .minutes
        default: return nil
        }
        self.format = format
        stem = parts[0]
    }

    /// The rendered paper as a download named after the meeting; HTML shown in the browser, under a
    /// policy that lets the self-contained file's own style element apply and nothing else.
    func response(_ data: Data, meeting: MeetingReference) -> Response {
        let name = "\(stem)-\(meeting.bodySlug)-\(meeting.date).\(format.fileExtension)"
        switch format {
        case .html:
            var response = Response.file(data, mediaType: "text/html; charset=utf-8", fileName: name, inline: true)
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
            return response
        case .pdf: return Response.file(data, mediaType: "application/pdf", fileName: name)
        case .markdown: return Response.file(data, mediaType: "text/markdown; charset=utf-8", fileName: name)
        default: return Response.file(data, mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName: name)
        }
    }
}
