import DocketDocuments
import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// Files: the papers produced for download, attachments uploaded and fetched, old documents
/// imported by upload (`docket summons|minutes`, `docket attach`, `docket import`).
extension SecretariatRoutes {
    func addFileRoutes(to group: Group) {
        group.get("mote/:body/:date/papir/:file") { _, context in try await papers(context) }
        group.get("vedlegg/:id") { _, context in try await attachment(try context.parameters.require("id", as: Int64.self)) }
        group.get("import") { request, context in await views(request).importForm(context) }
        group.post("import") { request, context in try await importDocument(request, context) }

        // Files attached to an item, uploaded (`docket attach`, through the same FileAttacher).
        form(group, "sak/:body/:number/vedlegg", key: "vedlegg", action: "vedlegg lagt til", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            let files = form.files.filter { $0.field == "file" }
            guard !files.isEmpty else { throw FormProblem(form: "vedlegg", message: form.say("Velg en fil å legge ved.", nn: "Vel ei fil å leggje ved.", en: "Choose a file to attach."), values: form.values, field: "file") }
            return Write(detail: "\(reference): " + files.map(\.fileName).joined(separator: ", ")) { store in
                for file in files {
                    _ = try file.withTemporaryFile { url in
                        try FileAttacher(store: store).attach(files: [url.path], item: reference, title: files.count == 1 ? form["title"] : nil)
                    }
                }
            }
        }
    }

    /// The papers for the secretariat: the whole text, exempt items too (`isPublic: false`).
    func papers(_ context: Context) async throws -> Response {
        let meeting = try Self.meetingReference(context)
        let file = try context.parameters.require("file")
        guard let paper = PaperFile(file, formats: [.html, .pdf, .docx, .markdown]) else { throw HTTPError(.notFound) }
        // Read and rendered (a PDF takes a while) on a reader thread, as the public papers are.
        let data = try await store.reading { store in
            try DocumentRenderer().render(paper.kind, of: try MeetingPapers(store: store, meeting: meeting), as: paper.format, isPublic: false)
        }
        return paper.response(data, meeting: meeting)
    }

    /// An attachment's file, exempt items' too (the secretariat sees everything).
    func attachment(_ id: Int64) async throws -> Response {
        let found = try await store.reading { store -> SendableBox<(DocketStore.Attachment, Data)?> in
            let attachment = try store.attachment(id: id)
            return SendableBox(try store.attachmentContent(id: id).map { (attachment, $0) })
        }.value
        guard let (attachment, content) = found else { throw HTTPError(.notFound) }
        var response = Response.file(content, mediaType: attachment.mediaType, fileName: attachment.title)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
        return response
    }

    /// An old summons or minutes uploaded and read by the document importer (`docket import`):
    /// the importer's report (what was read, created and merged, and every warning by line) is shown.
    func importDocument(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        var form = try await FormData.read(&request)
        form.language = SecretariatLanguage.of(request)
        guard let file = form.files.first(where: { $0.field == "file" }) else {
            return await views(request).importForm(context, problem: FormProblem(form: "import", message: form.say("Velg et dokument å lese inn.", nn: "Vel eit dokument å lese inn.", en: "Choose a document to import."), values: form.values, field: "file"))
        }
        let dryRun = form["dryRun"] != nil
        let result: DocumentImport = try store.write { store in
            try file.withTemporaryFile { url in
                let result = DocumentImporter(store: store, options: .init(bodySlug: form["body"], dryRun: dryRun)).importDocument(at: url)
                if result.status == .imported {
                    try store.recordAudit(userName: context.session?.user.name ?? "?", action: "dokument lest inn",
                                          detail: "\(file.fileName): \(result.meeting ?? "")", at: SessionCookie.now)
                }
                return result
            }
        }
        return views(request).importReport(context, result: result, fileName: file.fileName)
    }
}
