import Crypto
import Foundation
import Hummingbird

/// The style sheet, embedded in the binary and served with a long cache lifetime and an ETag
/// (a changed sheet has a new tag; a browser that has it gets 304).
enum StaticRoutes {
    struct StaticFile: Sendable {
        let bytes: ByteBuffer
        let mediaType: String
        let etag: String
    }

    static let files: [String: StaticFile] = {
        var files: [String: StaticFile] = [:]
        if let css = PageRenderer.embeddedFile("site.css") {
            files["site.css"] = StaticFile(bytes: ByteBuffer(string: css), mediaType: "text/css; charset=utf-8", etag: etag(css))
        }
        return files
    }()

    static func etag(_ text: String) -> String {
        "\"" + Insecure.SHA1.hash(data: Data(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined() + "\""
    }

    static func add(to router: Router<DocketRequestContext>) {
        router.get("/static/:name") { request, context -> Response in
            guard let name = context.parameters.get("name"), let file = files[name] else { throw HTTPError(.notFound) }
            var headers: HTTPFields = [.cacheControl: "public, max-age=86400", .eTag: file.etag]
            if request.headers[.ifNoneMatch] == file.etag {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = file.mediaType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.bytes))
        }
    }
}
