import DocketDocuments
import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// `/sekretariat`: what a secretary does with the CLI, as plain HTML forms. Every write calls the
/// same store function the CLI command calls (the store keeps the rules and says what is wrong),
/// inside one transaction with its audit-log entry; a form the store refuses is shown again with
/// the store's message beside it (422), nothing stored. Every route sits behind SessionMiddleware.
struct SecretariatRoutes: Sendable {
    let environment: ServerEnvironment
    var store: ServerStore { environment.store }
    var views: SecretariatViews { SecretariatViews(environment: environment) }
    typealias Context = DocketRequestContext

    func add(to router: Router<DocketRequestContext>) {
        LoginRoutes(environment: environment).add(to: router)
        let group = router.group("sekretariat").add(middleware: SessionMiddleware(environment: environment))
        group.get("") { _, context in try views.home(context) }
        group.post("utvalg") { request, context in try await addBody(request, context) }
        group.get("utvalg/:body") { _, context in try views.body(try context.parameters.require("body"), context) }
        group.post("utvalg/:body/medlem") { request, context in try await addMember(request, context) }
        group.post("utvalg/:body/mote") { request, context in try await createMeeting(request, context) }
        group.get("mote/:body/:date") { _, context in try views.meeting(try meetingReference(context), context) }
        group.post("mote/:body/:date/sak") { request, context in try await addItem(request, context) }
        group.post("mote/:body/:date/flytt") { request, context in try await moveItem(request, context) }
        group.post("mote/:body/:date/oppmote") { request, context in try await attendance(request, context) }
        group.post("mote/:body/:date/godkjenn") { request, context in try await approveMinutes(request, context) }
        group.get("mote/:body/:date/papir/:file") { _, context in try papers(context) }
        group.get("sak/:body/:number") { _, context in try views.item(try itemReference(context), context) }
        group.post("sak/:body/:number/vedtak") { request, context in try await decide(request, context) }
        group.post("sak/:body/:number/utsett") { request, context in try await postpone(request, context) }
        group.post("sak/:body/:number/inhabil") { request, context in try await conflict(request, context) }
        group.post("utvalg/:body/rediger") { request, context in try await editBody(request, context) }
        group.post("utvalg/:body/faste-saker") { request, context in try await standingItems(request, context) }
        group.post("mote/:body/:date/rediger") { request, context in try await editMeeting(request, context) }
        group.post("sak/:body/:number/rediger") { request, context in try await editItem(request, context) }
        group.post("sak/:body/:number/rett") { request, context in try await correctDecision(request, context) }
        group.post("sak/:body/:number/vedlegg") { request, context in try await attach(request, context) }
        group.get("vedlegg/:id") { _, context in try attachment(try context.parameters.require("id", as: Int64.self)) }
        group.get("import") { _, context in views.importForm(context) }
        group.post("import") { request, context in try await importDocument(request, context) }
        group.get("brukere") { _, context in try views.users(context) }
        group.post("brukere") { request, context in try await addUser(request, context) }
        group.post("brukere/fjern") { request, context in try await removeUser(request, context) }
        group.get("logg") { _, context in try views.auditLog(context) }
    }

    // MARK: Writing

    /// Runs `body` and its audit entry as one transaction with the writing connection.
    func perform<T: Sendable>(_ context: Context, action: String, detail: String, _ body: (Store) throws -> T) throws -> T {
        let user = context.session?.user.name ?? "?"
        return try store.write { store in
            try store.write {
                let result = try body(store)
                try store.recordAudit(userName: user, action: action, detail: detail, at: SessionCookie.now)
                return result
            }
        }
    }

    /// Does the write and goes back to `page` (303), or shows `page` again with the refusal beside `formKey`.
    func submit(_ context: Context, form: FormData, formKey: String, back page: String, action: String, detail: String,
                rerender: (FormProblem) throws -> Response, _ body: (Store) throws -> Void) throws -> Response {
        do {
            try perform(context, action: action, detail: detail, body)
            return Response(status: .seeOther, headers: [.location: page + "?lagret=1#" + formKey])
        } catch let error as StoreError {
            return try rerender(FormProblem(form: formKey, message: error.description, values: form.values))
        } catch let error as FormProblem {
            return try rerender(error)
        } catch let error as ReferenceError {
            return try rerender(FormProblem(form: formKey, message: String(describing: error), values: form.values))
        } catch let error as InterchangeError {
            return try rerender(FormProblem(form: formKey, message: error.description, values: form.values))
        }
    }

    func addBody(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let slug = form["slug"] ?? ""
        return try submit(context, form: form, formKey: "nytt-utvalg", back: "/sekretariat", action: "utvalg opprettet", detail: slug,
                          rerender: { try views.home(context, problem: $0) }) { store in
            guard let name = form["name"] else { throw FormProblem(form: "nytt-utvalg", message: "Gi utvalget et navn.", values: form.values) }
            guard !slug.isEmpty else { throw FormProblem(form: "nytt-utvalg", message: "Gi utvalget en kortform (slug), f.eks. fg-helse.", values: form.values) }
            let kind = form["kind"].flatMap(BodyKind.init(rawValue:)) ?? .committee
            _ = try store.addBody(slug: slug, BodyDraft(name: name, kind: kind, mandate: form["mandate"]))
        }
    }

    func addMember(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let slug = try context.parameters.require("body")
        let name = form["name"] ?? ""
        return try submit(context, form: form, formKey: "nytt-medlem", back: "/sekretariat/utvalg/\(slug)", action: "medlem lagt til",
                          detail: "\(name) i \(slug)", rerender: { try views.body(slug, context, problem: $0) }) { store in
            guard !name.isEmpty else { throw FormProblem(form: "nytt-medlem", message: "Skriv personens navn.", values: form.values) }
            let role = form["role"].flatMap(Role.init(rawValue:)) ?? .member
            _ = try store.addMember(name: name, bodySlug: slug, role: role, organisation: form["organisation"],
                                    from: try form.date("from", form: "nytt-medlem"))
        }
    }

    func createMeeting(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let slug = try context.parameters.require("body")
        let dateText = form["date"] ?? ""
        guard let date = CalendarDate(dateText) else {
            return try views.body(slug, context, problem: FormProblem(form: "nytt-mote", message: "Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-03-12.",
                                                                      values: form.values, field: "date"))
        }
        return try submit(context, form: form, formKey: "nytt-mote", back: "/sekretariat/mote/\(slug)/\(date)", action: "møte opprettet",
                          detail: "\(slug)@\(date)", rerender: { try views.body(slug, context, problem: $0) }) { store in
            var draft = MeetingDraft()
            draft.place = form["place"]
            draft.start = try form.time("start", form: "nytt-mote")
            _ = try store.createMeeting(bodySlug: slug, date: date, draft, withStandingItems: form["standing"] != nil)
        }
    }

    func addItem(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let meeting = try meetingReference(context)
        let title = form["title"] ?? ""
        return try submit(context, form: form, formKey: "ny-sak", back: Self.path(meeting), action: "sak lagt til",
                          detail: "\(meeting): \(title)", rerender: { try views.meeting(meeting, context, problem: $0) }) { store in
            guard !title.isEmpty else { throw FormProblem(form: "ny-sak", message: "En sak trenger en tittel.", values: form.values, field: "title") }
            var draft = ItemDraft()
            draft.title = title
            draft.kind = form["kind"].flatMap(ItemKind.init(rawValue:))
            draft.section = form["section"].flatMap(Section.init(rawValue:)) ?? .forConsideration
            draft.caseText = form["caseText"]
            draft.proposal = form["proposal"]
            if form["exempt"] != nil {
                draft.isExempt = true
                draft.publicTitle = form["publicTitle"]
                draft.exemptionBasis = form["exemptionBasis"]
            }
            _ = try store.addItem(to: meeting, draft)
        }
    }

    /// The agenda's up and down buttons: the item to its new position (`docket item move`).
    func moveItem(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let meeting = try meetingReference(context)
        guard let number = form["item"].flatMap(ItemNumber.init), let position = form["to"].flatMap(Int.init) else {
            throw PageError(message: "The form named no item or position.")
        }
        return try submit(context, form: form, formKey: "dagsorden", back: Self.path(meeting), action: "sak flyttet",
                          detail: "\(meeting.bodySlug) \(number) til plass \(position)",
                          rerender: { try views.meeting(meeting, context, problem: $0) }) { store in
            _ = try store.moveItem(ItemReference(bodySlug: meeting.bodySlug, number: number), to: position)
        }
    }

    /// Attendance as radio buttons per member (present, apologies, not recorded) and substitutes.
    func attendance(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let meeting = try meetingReference(context)
        var present: [String] = [], apologies: [String] = []
        for field in form.fields where field.name.hasPrefix("person-") {
            switch form["status-" + field.name.dropFirst("person-".count)] {
            case "present": present.append(field.value)
            case "apologies": apologies.append(field.value)
            default: continue
            }
        }
        var substitutes: [(person: String, for: String)] = []
        if let substitute = form["substitute"] {
            guard let member = form["substituteFor"] else {
                return try views.meeting(meeting, context, problem: FormProblem(
                    form: "oppmote", message: "Velg medlemmet \(substitute) møtte for.", values: form.values, field: "substituteFor"))
            }
            substitutes.append((substitute, member))
        }
        return try submit(context, form: form, formKey: "oppmote", back: Self.path(meeting), action: "oppmøte registrert",
                          detail: "\(meeting): \(present.count) til stede, \(apologies.count) forfall, \(substitutes.count) vara",
                          rerender: { try views.meeting(meeting, context, problem: $0) }) { store in
            guard !present.isEmpty || !apologies.isEmpty || !substitutes.isEmpty else {
                throw FormProblem(form: "oppmote", message: "Merk minst én person som til stede eller med forfall.", values: form.values)
            }
            try store.recordAttendance(meeting: meeting, present: present, apologies: apologies, substitutes: substitutes)
        }
    }

    func approveMinutes(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let meeting = try meetingReference(context)
        return try submit(context, form: form, formKey: "godkjenning", back: Self.path(meeting), action: "protokoll godkjent",
                          detail: "\(meeting)", rerender: { try views.meeting(meeting, context, problem: $0) }) { store in
            let at = try form["at"].map { text -> MeetingReference in
                do { return try MeetingReference(parsing: text) } catch {
                    throw FormProblem(form: "godkjenning", message: "Møtet som godkjenner skrives slug@ÅÅÅÅ-MM-DD.", values: form.values, field: "at")
                }
            }
            let signers = form.all("signer")
            _ = try store.approveMinutes(of: meeting, at: at, on: try form.date("on", form: "godkjenning"), signers: signers)
        }
    }

    /// The papers for the secretariat: the whole text, exempt items too (`isPublic: false`).
    func papers(_ context: Context) throws -> Response {
        let meeting = try meetingReference(context)
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = DocumentFormat(name: parts[1]), [.html, .pdf, .docx, .markdown].contains(format) else {
            throw HTTPError(.notFound)
        }
        let kind: DocumentKind
        switch parts[0] {
        case "innkalling": kind = .summons
        case "protokoll": kind = .minutes
        default: throw HTTPError(.notFound)
        }
        let papers = try store.read { store in try MeetingPapers(store: store, meeting: meeting) }
        let data = try DocumentRenderer().render(kind, of: papers, as: format, isPublic: false)
        let name = "\(parts[0])-\(meeting.bodySlug)-\(meeting.date).\(format.fileExtension)"
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

    /// A decision and its vote (`docket decision record`): unanimous, or counted with numbers or names.
    func decide(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        return try submit(context, form: form, formKey: "vedtak", back: Self.path(reference), action: "vedtak registrert",
                          detail: "\(reference)", rerender: { try views.item(reference, context, problem: $0) }) { store in
            let vote = try VoteForm(form)
            let target = try store.item(reference)
            let outcome = form["outcome"].flatMap(Outcome.init(rawValue:)) ?? .default(for: target.kind)
            _ = try store.recordDecision(reference, DecisionDraft(text: form["text"] ?? target.proposal, outcome: outcome, tally: vote.tally,
                                                                  remarks: form["remarks"], ballots: vote.ballots))
        }
    }

    /// Postpone to, or refer to, another meeting (`docket item postpone|refer`).
    func postpone(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        let refer = form["how"] == "refer"
        return try submit(context, form: form, formKey: "utsett", back: Self.path(reference), action: refer ? "sak oversendt" : "sak utsatt",
                          detail: "\(reference) til \(form["to"] ?? "")", rerender: { try views.item(reference, context, problem: $0) }) { store in
            guard let text = form["to"], let target = try? MeetingReference(parsing: text) else {
                throw FormProblem(form: "utsett", message: "Skriv møtet som slug@ÅÅÅÅ-MM-DD, f.eks. formannskapet@2026-04-02.",
                                  values: form.values, field: "to")
            }
            if refer {
                _ = try store.referItem(reference, to: target, remarks: form["remarks"])
            } else {
                _ = try store.postponeItem(reference, to: target, remarks: form["remarks"])
            }
        }
    }

    func conflict(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        let member = form["member"] ?? ""
        return try submit(context, form: form, formKey: "inhabil", back: Self.path(reference), action: "inhabilitet registrert",
                          detail: "\(member) i \(reference)", rerender: { try views.item(reference, context, problem: $0) }) { store in
            guard !member.isEmpty else { throw FormProblem(form: "inhabil", message: "Velg medlemmet.", values: form.values, field: "member") }
            _ = try store.declareConflictOfInterest(reference, member: member, reason: form["reason"])
        }
    }

    func addUser(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let name = form["name"] ?? ""
        let password = form.fields.first { $0.name == "password" }?.value ?? ""
        return try submit(context, form: form, formKey: "ny-bruker", back: "/sekretariat/brukere", action: "bruker lagt til",
                          detail: "\(name) (\(form["role"] ?? ""))", rerender: { try views.users(context, problem: $0) }) { store in
            guard let role = form["role"].flatMap(UserRole.init(rawValue:)) else {
                throw FormProblem(form: "ny-bruker", message: "Velg en rolle.", values: form.values, field: "role")
            }
            let hash: String
            do { hash = try Passwords.hash(password) } catch {
                throw FormProblem(form: "ny-bruker", message: "Passordet må ha minst \(Passwords.minimumLength) tegn.", values: form.values, field: "password")
            }
            _ = try store.addUser(name: name, role: role, passwordHash: hash, at: SessionCookie.now)
        }
    }

    func removeUser(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let name = form["name"] ?? ""
        return try submit(context, form: form, formKey: "brukere", back: "/sekretariat/brukere", action: "bruker fjernet", detail: name,
                          rerender: { try views.users(context, problem: $0) }) { store in
            _ = try store.removeUser(named: name)
        }
    }

    func editBody(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let slug = try context.parameters.require("body")
        return try submit(context, form: form, formKey: "rediger-utvalg", back: "/sekretariat/utvalg/\(slug)", action: "utvalg endret",
                          detail: slug, rerender: { try views.body(slug, context, problem: $0) }) { store in
            _ = try store.editBody(slug: slug, BodyDraft(name: form["name"], mandate: form["mandate"]))
        }
    }

    /// The body's standing items, one a line `Title|kind|basis`, read by the model's own parser
    /// (`docket body standing-items --file`).
    func standingItems(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let slug = try context.parameters.require("body")
        let text = form.fields.first { $0.name == "items" }?.value.replacingOccurrences(of: "\r\n", with: "\n") ?? ""
        return try submit(context, form: form, formKey: "faste-saker", back: "/sekretariat/utvalg/\(slug)", action: "faste saker endret",
                          detail: slug, rerender: { try views.body(slug, context, problem: $0) }) { store in
            let items: [StandingItem]
            do { items = try StandingItem.parseList(text) } catch let error as StandingItem.LineError {
                throw FormProblem(form: "faste-saker", message: "Faste saker, \(error)", values: form.values, field: "items")
            }
            try store.setStandingItems(items, bodySlug: slug)
        }
    }

    func editMeeting(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let meeting = try meetingReference(context)
        return try submit(context, form: form, formKey: "rediger-mote", back: Self.path(meeting), action: "møte endret",
                          detail: "\(meeting)", rerender: { try views.meeting(meeting, context, problem: $0) }) { store in
            var draft = MeetingDraft()
            draft.place = form["place"]
            draft.start = try form.time("start", form: "rediger-mote")
            draft.end = try form.time("end", form: "rediger-mote")
            draft.minuteTaker = form["minuteTaker"]
            _ = try store.editMeeting(meeting, draft)
        }
    }

    func editItem(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        return try submit(context, form: form, formKey: "rediger-sak", back: Self.path(reference), action: "sak endret",
                          detail: "\(reference)", rerender: { try views.item(reference, context, problem: $0) }) { store in
            var draft = ItemDraft()
            draft.title = form["title"]
            draft.caseText = form["caseText"]
            draft.proposal = form["proposal"]
            _ = try store.editItem(reference, draft)
        }
    }

    /// A correction of the decision in approved minutes, with its reason (`docket decision correct`).
    func correctDecision(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        return try submit(context, form: form, formKey: "rett", back: Self.path(reference), action: "vedtak rettet",
                          detail: "\(reference): \(form["reason"] ?? "")", rerender: { try views.item(reference, context, problem: $0) }) { store in
            guard let text = form["text"] else { throw FormProblem(form: "rett", message: "Skriv den rettede vedtaksteksten.", values: form.values, field: "text") }
            guard let reason = form["reason"] else { throw FormProblem(form: "rett", message: "Skriv hvorfor vedtaket rettes.", values: form.values, field: "reason") }
            _ = try store.correctDecision(reference, text: text, reason: reason, on: try form.date("on", form: "rett") ?? .today)
        }
    }

    /// Files attached to an item, uploaded (`docket attach`, through the same FileAttacher).
    func attach(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await FormData.read(&request)
        let reference = try itemReference(context)
        let files = form.files.filter { $0.field == "file" }
        return try submit(context, form: form, formKey: "vedlegg", back: Self.path(reference), action: "vedlegg lagt til",
                          detail: "\(reference): " + files.map(\.fileName).joined(separator: ", "),
                          rerender: { try views.item(reference, context, problem: $0) }) { store in
            guard !files.isEmpty else { throw FormProblem(form: "vedlegg", message: "Velg en fil å legge ved.", values: form.values, field: "file") }
            for file in files {
                _ = try file.withTemporaryFile { url in
                    try FileAttacher(store: store).attach(files: [url.path], item: reference, title: files.count == 1 ? form["title"] : nil)
                }
            }
        }
    }

    /// An attachment's file, exempt items' too (the secretariat sees everything).
    func attachment(_ id: Int64) throws -> Response {
        let found = try store.read { store -> SendableBox<(DocketStore.Attachment, Data)?> in
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
        let form = try await FormData.read(&request)
        guard let file = form.files.first(where: { $0.field == "file" }) else {
            return views.importForm(context, problem: FormProblem(form: "import", message: "Velg et dokument å lese inn.", values: form.values, field: "file"))
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
        return views.importReport(context, result: result, fileName: file.fileName)
    }

    // MARK: Paths

    static func path(_ meeting: MeetingReference) -> String { "/sekretariat/mote/\(meeting.bodySlug)/\(meeting.date)" }
    static func path(_ item: ItemReference) -> String { "/sekretariat/sak/\(item.bodySlug)/\(Paths.segment(item.number))" }

    func meetingReference(_ context: Context) throws -> MeetingReference {
        let body = try context.parameters.require("body")
        guard let date = CalendarDate(try context.parameters.require("date")) else { throw HTTPError(.notFound) }
        return MeetingReference(bodySlug: body, date: date)
    }

    func itemReference(_ context: Context) throws -> ItemReference {
        let body = try context.parameters.require("body")
        guard let number = Paths.number(segment: try context.parameters.require("number")) else { throw HTTPError(.notFound) }
        return ItemReference(bodySlug: body, number: number)
    }
}

/// A form the web layer or the store refused: the message is shown beside form `form` (and
/// `field`, when one field is at fault), with what was typed.
struct FormProblem: Error, Sendable {
    var form: String
    var message: String
    var values: [String: String]
    var field: String?

    init(form: String, message: String, values: [String: Any], field: String? = nil) {
        self.form = form
        self.message = message
        self.values = values.compactMapValues { $0 as? String }
        self.field = field
    }
}

extension FormData {
    func date(_ name: String, form: String) throws -> CalendarDate? {
        guard let text = self[name] else { return nil }
        guard let date = CalendarDate(text) else {
            throw FormProblem(form: form, message: "Skriv datoen som ÅÅÅÅ-MM-DD, ikke «\(text)».", values: values, field: name)
        }
        return date
    }

    func time(_ name: String, form: String) throws -> TimeOfDay? {
        guard let text = self[name] else { return nil }
        guard let time = TimeOfDay(text) else {
            throw FormProblem(form: form, message: "Skriv klokkeslettet som TT:MM, ikke «\(text)».", values: values, field: name)
        }
        return time
    }
}

/// The vote fields of the decision form, read as the CLI reads `--for/--against/--abstaining`:
/// a number, or names separated by commas (a named vote).
struct VoteForm {
    var tally: VoteTally?
    var ballots: [NamedBallot] = []

    init(_ form: FormData) throws {
        func count(_ name: String, _ ballot: Ballot) throws -> Int? {
            guard let text = form[name] else { return nil }
            if let number = Int(text) {
                guard number >= 0 else { throw FormProblem(form: "vedtak", message: "Antallet kan ikke være negativt.", values: form.values, field: name) }
                return number
            }
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            ballots += names.map { NamedBallot(person: $0, ballot: ballot) }
            return names.count
        }
        let votesFor = try count("for", .for), against = try count("against", .against), abstaining = try count("abstaining", .blank)
        if form["unanimous"] != nil {
            if votesFor != nil || (against ?? 0) > 0 {
                throw FormProblem(form: "vedtak", message: "En votering er enten enstemmig eller telt (for/mot), ikke begge.", values: form.values, field: "for")
            }
            tally = .unanimous
        } else if let votesFor {
            tally = .counted(for: votesFor, against: against ?? 0, abstaining: abstaining ?? 0)
        } else if against != nil || abstaining != nil {
            throw FormProblem(form: "vedtak", message: "En telt votering trenger også stemmer for.", values: form.values, field: "for")
        }
    }
}
