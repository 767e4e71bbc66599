import DocketDocuments
import DocketInterchange
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// The pages of `/sekretariat`: values for the `secretariat-*` templates, built from one store
/// read on a reader thread (``ServerStore/reading(inTransaction:_:)``), as the public pages are. Everything is shown (exempt items too): only signed-in users reach these pages. Forms are
/// left out for a reader, and every form carries the session's CSRF token.
struct SecretariatViews: Sendable {
    let environment: ServerEnvironment
    /// The language of the page (``SecretariatLanguage``) and its path, for the language links.
    let language: Language
    let path: String

    init(environment: ServerEnvironment, request: Request) {
        self.environment = environment
        language = SecretariatLanguage.of(request)
        // A form shown again after a POST links its languages to the area's first page (its own address takes no GET).
        path = request.method == .get ? request.uri.path : "/sekretariat"
    }
    var store: ServerStore { environment.store }
    typealias Context = DocketRequestContext

    /// The area's fixed text in the page's language.
    var text: [String: String] { SecretariatText.of(language) }

    /// Values every page has: the user, the CSRF token, whether forms are shown.
    func common(_ context: Context, problem: FormProblem?) -> [String: Any] {
        let user = context.session?.user
        var values: [String: Any] = [
            "s": text,
            "csrf": context.session?.csrfToken ?? "",
            "userName": user?.name ?? "",
            "roleName": user.map { roleName($0.role) } ?? "",
            "canWrite": user?.role.canWrite ?? false,
            "isAdmin": user?.role == .admin,
        ]
        if let problem {
            let key = problem.form.replacingOccurrences(of: "-", with: "_")
            values["e_" + key] = problem.message
            values["f_" + key] = problem.values
            if let field = problem.field { values["bad_" + key + "_" + field] = true }
        }
        return values
    }

    func render(_ template: String, title: String, _ context: Context, problem: FormProblem?, _ values: [String: Any]) -> Response {
        var all = common(context, problem: problem)
        all.merge(values) { _, new in new }
        all["pageTitle"] = title
        return environment.pages.response(template, title: title, page: SecretariatLanguage.page(language, path: path),
                                          values: all, status: problem == nil ? .ok : .unprocessableContent)
    }

    // MARK: Pages

    func home(_ context: Context, problem: FormProblem? = nil) async throws -> Response {
        let bodies: [[String: Any]] = try await store.reading { store in
            SendableBox(try store.bodies().map { body -> [String: Any] in
                let meetings = try store.meetings(bodySlug: body.slug)
                return ["slug": body.slug, "name": body.name, "kind": name(body.kind), "href": "/sekretariat/utvalg/\(body.slug)",
                        "meetings": meetings.suffix(5).reversed().map(meetingLink)]
            })
        }.value
        return render("secretariat-home", title: text["home"] ?? "Sekretariat", context, problem: problem, [
            "bodies": bodies, "hasBodies": !bodies.isEmpty,
            "kinds": BodyKind.allCases.map { ["value": $0.rawValue, "name": name($0), "selected": $0 == .committee] },
        ])
    }

    func body(_ slug: String, _ context: Context, problem: FormProblem? = nil) async throws -> Response {
        let values: [String: Any] = try await store.reading { store in
            let body = try store.body(slug: slug)
            let members = try store.memberships(bodySlug: slug, currentOn: .today)
            let meetings = try store.meetings(bodySlug: slug)
            let standing = try store.standingItems(bodySlug: slug)
            return SendableBox([
                "standing": standing.map { ["title": $0.title, "kind": name($0.kind)] }, "hasStanding": !standing.isEmpty,
                "standingText": standing.map { item in
                    ([item.title, item.kind.rawValue] + (item.basis.map { [$0] } ?? [])).joined(separator: "|")
                }.joined(separator: "\n"),
                "slug": body.slug, "name": body.name, "kind": name(body.kind), "mandate": body.mandate ?? "",
                "members": members.map { ["person": $0.person, "role": name($0.role), "organisation": $0.organisation ?? "",
                                          "votes": $0.votes] },
                "hasMembers": !members.isEmpty,
                "meetings": meetings.reversed().map(meetingLink), "hasMeetings": !meetings.isEmpty,
                "roles": Role.allCases.map { ["value": $0.rawValue, "name": name($0), "selected": $0 == .member] },
            ] as [String: Any])
        }.value
        return render("secretariat-body", title: values["name"] as? String ?? slug, context, problem: problem, values)
    }

    func meeting(_ reference: MeetingReference, _ context: Context, problem: FormProblem? = nil) async throws -> Response {
        let values: [String: Any] = try await store.reading { store in
            let meeting = try store.meeting(reference)
            let items = try store.items(meeting: reference)
            let attendance = try store.attendance(meeting: reference)
            let members = try store.memberships(bodySlug: reference.bodySlug, currentOn: reference.date)
            let approval = try store.minutesApproval(of: reference)
            let base = SecretariatRoutes.path(reference)
            let agenda: [[String: Any]] = try items.enumerated().map { index, item in
                let decision = try store.decision(itemID: item.id)
                return [
                    "number": item.number.description, "title": item.title, "exempt": item.isExempt,
                    "kind": item.kind.map(name) ?? "", "href": SecretariatRoutes.path(item.reference),
                    "position": item.position, "up": index > 0 ? index : 0, "down": index < items.count - 1 ? index + 2 : 0,
                    "decision": decision.map { name($0.outcome) + ($0.tally.map { " (\(name($0)))" } ?? "") } ?? "",
                ]
            }
            var people: [String] = members.map(\.person)
            for entry in attendance where !people.contains(entry.person) { people.append(entry.person) }
            let roll: [[String: Any]] = people.enumerated().map { index, person in
                let status = attendance.first { $0.person == person }?.status
                return ["index": index, "person": person, "present": status == .present, "apologies": status == .apologies,
                        "none": status == nil,
                        "role": members.first { $0.person == person }.map { name($0.role) }
                            ?? attendance.first { $0.person == person }?.guestRole.map { (text["guestAs"] ?? "gjest") + ": " + $0 }
                            ?? text["substituteOrGuest"] ?? "vara/gjest"]
            }
            let laterMeetings = try store.meetings(bodySlug: reference.bodySlug).filter { $0.date > reference.date }
            return SendableBox([
                "bodyName": meeting.bodyName, "bodySlug": meeting.body, "bodyHref": "/sekretariat/utvalg/\(meeting.body)",
                "date": meeting.date.description, "status": name(meeting.status), "isCancelled": meeting.status == .cancelled, "place": meeting.place ?? "",
                "start": meeting.start?.description ?? "", "base": base,
                "agenda": agenda, "hasAgenda": !agenda.isEmpty,
                "kinds": ItemKind.allCases.map { ["value": $0.rawValue, "name": name($0)] },
                "sections": Section.allCases.map { ["value": $0.rawValue, "name": name($0), "selected": $0 == .forConsideration] },
                "roll": roll, "hasRoll": !roll.isEmpty,
                "members": members.map { ["person": $0.person] },
                "approved": approval.map { ["on": $0.approvedOn.description, "at": $0.approvedAt ?? "", "signers": $0.signers.joined(separator: ", ")] }
                    .map { [$0] } ?? [[String: Any]](),
                "isApproved": approval != nil,
                "approvingMeetings": laterMeetings.map { ["value": $0.reference.description, "name": "\($0.bodyName) \($0.date)"] },
                "today": CalendarDate.today.description,
                "papers": ["innkalling", "protokoll"].map { kind in
                    ["name": kind == "innkalling" ? text["summons"] ?? kind : text["minutes"] ?? kind,
                     "files": ["pdf", "docx", "html"].map { ["href": "\(base)/papir/\(kind).\($0)", "format": $0.uppercased()] }]
                },
            ] as [String: Any])
        }.value
        return render("secretariat-meeting", title: "\(values["bodyName"] ?? "") \(reference.date)", context, problem: problem, values)
    }

    func item(_ reference: ItemReference, _ context: Context, problem: FormProblem? = nil) async throws -> Response {
        let values: [String: Any] = try await store.reading { store in
            let item = try store.item(reference)
            let decision = try store.decision(itemID: item.id)
            let roll = try store.votingRoll(itemID: item.id)
            let conflicts = try store.conflictsOfInterest(itemID: item.id)
            let members = try store.memberships(bodySlug: reference.bodySlug, currentOn: item.meetingDate)
            let meeting = MeetingReference(bodySlug: item.body, date: item.meetingDate)
            let attachments = try store.attachments(itemID: item.id)
            let proposals = try store.proposals(itemID: item.id)
            return SendableBox([
                "proposals": proposals.map { proposal -> [String: Any] in
                    ["number": proposal.number, "proposer": proposal.proposer, "text": proposal.text,
                     "result": language == .norwegian
                        ? proposal.tally.map { $0.norwegian(proposalBy: proposal.proposer, adopted: proposal.outcome == .adopted) }
                            ?? proposal.outcome.map(name) ?? ""
                        : [proposal.outcome.map(name), proposal.tally.map(name)].compactMap { $0 }.joined(separator: ", ")]
                },
                "hasProposals": !proposals.isEmpty,
                "attachments": attachments.map { ["href": "/sekretariat/vedlegg/\($0.id)", "title": $0.title, "mediaType": $0.mediaType] },
                "hasAttachments": !attachments.isEmpty,
                "hasDecision": decision != nil,
                "number": item.number.description, "title": item.title, "exempt": item.isExempt,
                "publicTitle": item.publicTitle ?? "", "exemptionBasis": item.exemptionBasis ?? "",
                "kind": item.kind.map(name) ?? "", "caseText": item.caseText ?? "", "proposal": item.proposal ?? "",
                "meetingHref": SecretariatRoutes.path(meeting), "meetingName": "\(item.body) \(item.meetingDate)",
                "base": SecretariatRoutes.path(reference),
                "decision": decision.map { d -> [[String: Any]] in
                    [["outcome": name(d.outcome), "text": d.text ?? "", "tally": d.tally.map(name) ?? "", "remarks": d.remarks ?? ""]]
                } ?? [[String: Any]](),
                "outcomes": Outcome.allCases.map { ["value": $0.rawValue, "name": name($0), "selected": $0 == .default(for: item.kind)] },
                "rollPresent": roll.present.joined(separator: ", "), "rollSeats": roll.seats, "rollRecorded": roll.isRecorded,
                "conflicts": conflicts.map { ["person": $0.person, "reason": $0.reason ?? ""] }, "hasConflicts": !conflicts.isEmpty,
                "members": members.map { ["person": $0.person] },
            ] as [String: Any])
        }.value
        return render("secretariat-item", title: "\(text["item"] ?? "Sak") \(reference.number)", context, problem: problem, values)
    }

    func users(_ context: Context, problem: FormProblem? = nil) async throws -> Response {
        guard context.session?.user.role == .admin else { return forbidden(text["forbiddenUsers"] ?? "") }
        let users = try await store.reading { try $0.users() }
        return render("secretariat-users", title: text["users"] ?? "Brukere", context, problem: problem, [
            "users": users.map { ["name": $0.name, "role": roleName($0.role)] },
            "roles": UserRole.allCases.map { ["value": $0.rawValue, "name": roleName($0)] },
        ])
    }

    func auditLog(_ context: Context) async throws -> Response {
        guard context.session?.user.role == .admin else { return forbidden(text["forbiddenLog"] ?? "") }
        let entries = try await store.reading { try $0.auditLog(limit: 500) }
        let formatter = ISO8601DateFormatter()
        return render("secretariat-audit", title: text["auditLog"] ?? "Endringslogg", context, problem: nil, [
            "entries": entries.map { ["at": formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.at))), "user": $0.userName,
                                      "action": $0.action, "detail": $0.detail] },
            "hasEntries": !entries.isEmpty,
        ])
    }

    func importForm(_ context: Context, problem: FormProblem? = nil) async -> Response {
        let bodies = (try? await store.reading { try $0.bodies() }) ?? []
        return render("secretariat-import", title: text["importTitle"] ?? "", context, problem: problem, [
            "bodies": bodies.map { ["slug": $0.slug, "name": $0.name] },
        ])
    }

    /// The importer's report on one uploaded document.
    func importReport(_ context: Context, result: DocumentImport, fileName: String) -> Response {
        let status: String
        switch result.status {
        case .imported: status = text["statusImported"] ?? ""
        case .unchanged: status = text["statusUnchanged"] ?? ""
        case .dryRun: status = text["statusDryRun"] ?? ""
        case .failed: status = text["statusFailed"] ?? ""
        }
        var values: [String: Any] = [
            "fileName": fileName, "status": status, "failed": result.status == .failed, "failure": result.failure ?? "",
            "kind": result.kind ?? "", "meeting": result.meeting ?? "", "bodyCreated": result.bodyCreated ?? "",
            "itemsRead": result.itemsRead, "itemsCreated": result.itemsCreated, "itemsUpdated": result.itemsUpdated,
            "decisions": result.decisions, "attendance": result.attendance,
            "warnings": result.warnings.map { ["line": $0.line.map(String.init) ?? "–", "message": $0.message] },
            "hasWarnings": !result.warnings.isEmpty,
        ]
        if let meeting = result.meeting, let reference = try? MeetingReference(parsing: meeting) {
            values["meetingHref"] = SecretariatRoutes.path(reference)
        }
        var response = render("secretariat-import", title: text["importTitle"] ?? "", context, problem: nil, ["report": [values]])
        if result.status == .failed { response.status = .unprocessableContent }
        return response
    }

    // MARK: Pieces

    /// A 403 page: the signed-in user's role does not allow this page.
    func forbidden(_ message: String) -> Response {
        environment.pages.response("error", title: text["forbidden"] ?? "", page: SecretariatLanguage.page(language, path: path),
                                   values: ["heading": text["forbidden"] ?? "", "message": message], status: .forbidden)
    }

    func meetingLink(_ meeting: Meeting) -> [String: Any] {
        ["href": SecretariatRoutes.path(meeting.reference), "date": meeting.date.description, "status": name(meeting.status)]
    }

    func roleName(_ role: UserRole) -> String {
        switch role {
        case .admin: text["roleAdmin"] ?? "administrator"
        case .secretary: text["roleSecretary"] ?? "sekretær"
        case .reader: text["roleReader"] ?? "leser"
        }
    }
}
