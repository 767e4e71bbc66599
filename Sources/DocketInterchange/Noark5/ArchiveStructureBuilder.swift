import DocketDocuments
import DocketModel
import DocketStore
import Foundation

/// Reads the meetings of a transfer from the store (through its public reads only), then writes
/// `arkivstruktur.xml` and `endringslogg.xml`. Element order follows the XSDs exactly: in a
/// `moetemappe` the `registrering` children come before `moetenummer` (the extension's elements
/// follow the base type's), in a `registrering` the `dokumentbeskrivelse` before `registreringsID`.
struct ArchiveStructureBuilder {
    let store: Store
    let meetings: [Meeting]
    let scope: Noark5Exporter.Scope
    let generator: String

    static let structureNamespace = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
    static let changeLogNamespace = "http://www.arkivverket.no/standarder/noark5/endringslogg"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// Docket's own elements in `virksomhetsspesifikkeMetadata`: what Noark 5 has no element for.
    static let docketNamespace = "https://docket.invalid/noark5/virksomhetsspesifikkeMetadata"

    var creator = (id: "", name: "")
    var archiveTitle = ""
    var period = (start: CalendarDate(year: 1970, month: 1, day: 1)!, end: CalendarDate(year: 1970, month: 1, day: 1)!)
    var paperJobs: [PaperJob] = []
    var attachmentFiles: [(path: String, data: Data)] = []
    var attachmentsWithoutFile = 0
    var corrections: [(record: MinutesCorrection, target: String, actor: String)] = []
    var exemptItems = 0
    private var folders: [MeetingFolder] = []

    init(store: Store, meetings: [Meeting], scope: Noark5Exporter.Scope, generator: String) {
        self.store = store
        self.meetings = meetings
        self.scope = scope
        self.generator = generator
    }

    // MARK: Reading

    struct PaperRegistration {
        var type: String          // moeteregistreringstype and dokumenttype
        var name: String          // for the stable id
        var title: String
        var path: String
        var created: String
    }

    struct AttachmentDocument {
        var attachment: DocketStore.Attachment
        var path: String?
        var size: Int
        var sha256: String?
    }

    struct ItemRegistration {
        var item: AgendaItem
        var decision: Decision?
        var ballots: [MemberBallot]
        var conflicts: [ConflictOfInterest]
        var attachments: [AttachmentDocument]
        var previous: [String]    // systemIDs of the case's earlier items in this package
        var next: [String]
        var corrections: [MinutesCorrection]
    }

    struct MeetingFolder {
        var meeting: Meeting
        var body: Body
        var number: String
        var actor: String
        var unit: String
        var chair: String?
        var attendance: [AttendanceEntry]
        var approval: DocketStore.MinutesApproval?
        var papers: [PaperRegistration]
        var meetingAttachments: [AttachmentDocument]
        var items: [ItemRegistration]
        var previousMeeting: String?
        var nextMeeting: String?
        var exemptBases: [String]
    }

    static func meetingName(_ meeting: Meeting) -> String { "meeting:\(meeting.body)@\(meeting.date)" }
    static func itemName(_ item: AgendaItem) -> String { "item:\(item.body) \(item.number)" }

    mutating func collect() throws {
        guard let first = meetings.first, let last = meetings.last else {
            throw ArchiveExportError("no meetings to transfer in the scope given (body, year, --from/--to)")
        }
        // Arkivskaper: the cooperation's own office, else its first member, else the first body.
        let organisations = try store.organisations()
        if let office = organisations.first(where: { $0.kind == .office && $0.isCooperationMember })
            ?? organisations.first(where: { $0.isCooperationMember }) {
            creator = (office.organisationNumber ?? office.name, office.name)
        } else {
            creator = (first.body, first.bodyName)
        }
        archiveTitle = "Møtebøker, \(creator.name)"
        let start = scope.from ?? scope.year.flatMap { CalendarDate(year: $0, month: 1, day: 1) } ?? first.date
        let end = scope.to ?? scope.year.flatMap { CalendarDate(year: $0, month: 12, day: 31) } ?? last.date
        period = (min(start, first.date), max(end, last.date))

        let inPackage = Set(meetings.map(\.id))
        var bodies: [String: Body] = [:]
        var allMeetings: [String: [Meeting]] = [:]
        var itemsInPackage: Set<Int64> = []
        var itemsByMeeting: [Int64: [AgendaItem]] = [:]
        for meeting in meetings {
            let items = try store.items(meetingID: meeting.id)
            itemsByMeeting[meeting.id] = items
            itemsInPackage.formUnion(items.map(\.id))
        }

        for meeting in meetings {
            if bodies[meeting.body] == nil { bodies[meeting.body] = try store.body(slug: meeting.body) }
            if allMeetings[meeting.body] == nil {
                allMeetings[meeting.body] = try store.meetings(bodySlug: meeting.body).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            }
            let body = bodies[meeting.body]!
            let series = allMeetings[meeting.body]!
            let sameYear = series.filter { $0.date.year == meeting.date.year }
            let ordinal = (sameYear.firstIndex { $0.id == meeting.id } ?? 0) + 1
            let position = series.firstIndex { $0.id == meeting.id } ?? 0
            let previous = position > 0 ? series[position - 1] : nil
            let next = position + 1 < series.count ? series[position + 1] : nil

            let memberships = try store.memberships(bodySlug: meeting.body, currentOn: meeting.date)
            let secretary = memberships.first { $0.role == .secretary }
            let actor = meeting.minuteTaker ?? secretary?.person ?? generator
            let unit = secretary?.organisation ?? body.name
            let attendance = try store.attendance(meetingID: meeting.id)
            let approval = try store.minutesApproval(meetingID: meeting.id)
            let items = itemsByMeeting[meeting.id] ?? []
            let folderPath = "DOKUMENT/\(ArchiveStructureBuilder.safe(meeting.body))/\(meeting.date)"
            let exemptBases = items.filter(\.isExempt).map { $0.exemptionBasis ?? "unntatt offentlighet" }
            exemptItems += exemptBases.count

            // The papers, rendered from the store as the secretary's commands render them: whole, not
            // redacted (an archive keeps everything; the exempt parts are screened by `skjerming`).
            var papers: [PaperRegistration] = []
            if !items.isEmpty {
                let paperSet = try MeetingPapers(store: store, meetingID: meeting.id)
                let epoch = ArchiveStructureBuilder.epoch(meeting.date)
                var kinds: [(DocumentKind, String, String, String)] = [
                    (.summons, "Møteinnkallelse", "innkalling", "Innkalling"),
                    (.agenda, "Saksliste", "saksliste", "Saksliste"),
                ]
                if meeting.status == .held || meeting.status == .minutesApproved {
                    kinds.append((.minutes, "Møtebok", "moetebok", "Møtebok"))
                }
                for (kind, type, file, title) in kinds {
                    let path = "\(folderPath)/\(file).pdf"
                    let created = kind == .minutes ? ArchiveStructureBuilder.dateTime(meeting.date, meeting.end)
                        : ArchiveStructureBuilder.dateTime(meeting.summonsDate ?? meeting.date, nil)
                    papers.append(PaperRegistration(type: type, name: "\(ArchiveStructureBuilder.meetingName(meeting)):\(file)",
                                                    title: "\(title) \(body.name) \(meeting.date)", path: path, created: created))
                    paperJobs.append(PaperJob(path: path, kind: kind, papers: paperSet, epoch: epoch))
                }
            }

            var usedNames: Set<String> = []
            func document(_ attachment: DocketStore.Attachment, prefix: String) throws -> AttachmentDocument {
                guard let data = try store.attachmentContent(id: attachment.id) else {
                    attachmentsWithoutFile += 1
                    return AttachmentDocument(attachment: attachment, path: nil, size: 0, sha256: nil)
                }
                var name = "\(prefix)-\(ArchiveStructureBuilder.fileName(attachment))"
                var counter = 2
                while usedNames.contains(name) {
                    name = "\(prefix)-\(counter)-\(ArchiveStructureBuilder.fileName(attachment))"
                    counter += 1
                }
                usedNames.insert(name)
                let path = "\(folderPath)/vedlegg/\(name)"
                attachmentFiles.append((path, data))
                return AttachmentDocument(attachment: attachment, path: path, size: data.count, sha256: FileAttacher.sha256(data))
            }
            let meetingAttachments = try store.attachments(meetingID: meeting.id).map { try document($0, prefix: "moete") }
            let meetingCorrections = try store.corrections(meetingID: meeting.id)

            var registrations: [ItemRegistration] = []
            for item in items {
                let path = try store.casePath(of: item)
                let index = path.firstIndex { $0.id == item.id } ?? 0
                let earlier = path[..<index].filter { itemsInPackage.contains($0.id) }
                let later = path[(index + 1)...].filter { itemsInPackage.contains($0.id) }
                let numberPrefix = "sak-" + ArchiveStructureBuilder.safe("\(item.number.series.map { "\($0.code)-" } ?? "")\(item.number.sequence)-\(item.number.year)")
                registrations.append(ItemRegistration(
                    item: item, decision: try store.decision(itemID: item.id), ballots: try store.ballots(itemID: item.id),
                    conflicts: try store.conflictsOfInterest(itemID: item.id),
                    attachments: try store.attachments(itemID: item.id).map { try document($0, prefix: numberPrefix) },
                    previous: earlier.map { StableID.uuid(for: ArchiveStructureBuilder.itemName($0)) },
                    next: later.map { StableID.uuid(for: ArchiveStructureBuilder.itemName($0)) },
                    corrections: meetingCorrections.filter { $0.itemID == item.id }))
            }
            for correction in meetingCorrections {
                let target = correction.itemID.flatMap { id in items.first { $0.id == id } }
                    .map { StableID.uuid(for: ArchiveStructureBuilder.itemName($0)) }
                    ?? StableID.uuid(for: ArchiveStructureBuilder.meetingName(meeting))
                corrections.append((correction, target, actor))
            }

            folders.append(MeetingFolder(
                meeting: meeting, body: body, number: "\(ordinal)/\(String(format: "%02d", meeting.date.year % 100))",
                actor: actor, unit: unit, chair: memberships.first { $0.role == .chair }?.person,
                attendance: attendance, approval: approval, papers: papers, meetingAttachments: meetingAttachments,
                items: registrations,
                previousMeeting: previous.flatMap { inPackage.contains($0.id) ? StableID.uuid(for: ArchiveStructureBuilder.meetingName($0)) : nil },
                nextMeeting: next.flatMap { inPackage.contains($0.id) ? StableID.uuid(for: ArchiveStructureBuilder.meetingName($0)) : nil },
                exemptBases: exemptBases))
        }
    }

    // MARK: arkivstruktur.xml

    struct Counts {
        var folders = 0
        var registrations = 0
        var documentDescriptions = 0
        var documentObjects = 0
    }

    func arkivstruktur(files: [String: PackageFile], includePapers: Bool) -> (Data, Counts) {
        var counts = Counts()
        let opened = ArchiveStructureBuilder.dateTime(period.start, nil)
        let closed = ArchiveStructureBuilder.dateTime(period.end, TimeOfDay(hour: 23, minute: 59))
        let partName = "arkivdel:\(scope.body ?? "*")|\(scope.year.map(String.init) ?? "*")|\(period.start)|\(period.end)"
        var part = XMLNode("arkivdel", children: [
            XMLNode("systemID", StableID.uuid(for: partName)),
            XMLNode("tittel", "Møter \(period.start)–\(period.end)" + (scope.body.map { ", \($0)" } ?? "")),
            XMLNode("beskrivelse", "Møtemapper med møteregistreringer fra Docket: innkalling, saksliste, saksframlegg og møtebok per møte."),
            XMLNode("arkivdelstatus", "Avsluttet periode"),
            XMLNode("opprettetDato", opened),
            XMLNode("opprettetAv", generator),
            XMLNode("avsluttetDato", closed),
            XMLNode("avsluttetAv", generator),
            XMLNode("arkivperiodeStartDato", period.start.description),
            XMLNode("arkivperiodeSluttDato", period.end.description),
        ])
        for folder in folders {
            part.children.append(moetemappe(folder, files: files, includePapers: includePapers, counts: &counts))
        }
        let root = XMLNode("arkiv", attributes: [
            ("xmlns", ArchiveStructureBuilder.structureNamespace),
            ("xmlns:xsi", ArchiveStructureBuilder.xsi),
            ("xsi:schemaLocation", "\(ArchiveStructureBuilder.structureNamespace) arkivstruktur.xsd"),
        ], children: [
            XMLNode("systemID", StableID.uuid(for: "arkiv:\(creator.name)")),
            XMLNode("tittel", archiveTitle),
            XMLNode("arkivstatus", "Avsluttet"),
            XMLNode("opprettetDato", opened),
            XMLNode("opprettetAv", generator),
            XMLNode("avsluttetDato", closed),
            XMLNode("avsluttetAv", generator),
            XMLNode("arkivskaper", children: [XMLNode("arkivskaperID", creator.id), XMLNode("arkivskaperNavn", creator.name)]),
            part,
        ])
        return (root.document(), counts)
    }

    func moetemappe(_ folder: MeetingFolder, files: [String: PackageFile], includePapers: Bool, counts: inout Counts) -> XMLNode {
        counts.folders += 1
        let meeting = folder.meeting
        let created = ArchiveStructureBuilder.dateTime(meeting.summonsDate ?? meeting.date, nil)
        // Closed when the minutes were approved, else when the meeting ended.
        let closed = folder.approval.map { ArchiveStructureBuilder.dateTime(max($0.approvedOn, meeting.date), nil) }
            ?? ArchiveStructureBuilder.dateTime(meeting.date, meeting.end)
        var node = XMLNode("mappe", attributes: [("xsi:type", "moetemappe")], children: [
            XMLNode("systemID", StableID.uuid(for: ArchiveStructureBuilder.meetingName(meeting))),
            XMLNode("mappeID", meeting.reference.description),
            XMLNode("tittel", "\(folder.body.name) \(meeting.date)"),
            XMLNode("opprettetDato", created),
            XMLNode("opprettetAv", folder.actor),
            XMLNode("avsluttetDato", closed),
            XMLNode("avsluttetAv", folder.actor),
        ])
        // What Noark 5 has no element for: the meeting's kind, status and times, who sent apologies.
        var extra: [XMLNode] = [
            XMLNode("d:moetetype", meeting.kind.rawValue),
            XMLNode("d:status", meeting.status.rawValue),
        ]
        extra += XMLNode.optional("d:start", meeting.start?.description)
        extra += XMLNode.optional("d:slutt", meeting.end?.description)
        for entry in folder.attendance where entry.status == .apologies {
            extra.append(XMLNode("d:forfall", entry.person))
        }
        if let approval = folder.approval {
            var attributes = [("dato", approval.approvedOn.description)]
            if let at = approval.approvedAt { attributes.append(("moete", at)) }
            extra.append(XMLNode("d:protokollGodkjent", nil, attributes: attributes))
        }
        node.children.append(ArchiveStructureBuilder.businessMetadata("d:moete", extra))

        var number = 0
        func next() -> Int { number += 1; return number }
        let archived = closed
        let screen = folder.exemptBases.isEmpty ? nil : ArchiveStructureBuilder.skjerming(
            bases: folder.exemptBases, fields: ["dokument"], document: "Skjerming av deler av dokumentet", until: nil)

        // Møteinnkallelse and Saksliste, then the items, then the Møtebok.
        let beforeItems = folder.papers.filter { $0.type != "Møtebok" }
        let afterItems = folder.papers.filter { $0.type == "Møtebok" }
        func paperRegistration(_ paper: PaperRegistration) -> XMLNode {
            counts.registrations += 1
            let id = StableID.uuid(for: paper.name)
            var registration = ArchiveStructureBuilder.registrationHead(id: id, created: paper.created, actor: folder.actor, archived: archived)
            var documents: [XMLNode] = []
            if includePapers, let file = files[paper.path] {
                documents.append(documentDescription(
                    name: paper.name, type: paper.type, title: paper.title, created: paper.created, actor: folder.actor,
                    role: "Hoveddokument", number: 1, screen: screen,
                    object: (file, "Arkivformat", "fmt/480", "PDF/A-3b (ISO 19005-3), skrevet av WeasyPrint fra Dockets HTML-mal"),
                    counts: &counts))
            }
            if paper.type == "Møteinnkallelse" {
                for (index, attachment) in folder.meetingAttachments.enumerated() {
                    documents.append(attachmentDescription(attachment, name: "\(paper.name):vedlegg:\(attachment.attachment.id)",
                                                           created: paper.created, actor: folder.actor,
                                                           role: documents.isEmpty && index == 0 ? "Hoveddokument" : "Vedlegg",
                                                           number: documents.count + 1, screen: nil, files: files, counts: &counts))
                }
            }
            registration.children += documents
            registration.children.append(XMLNode("tittel", paper.title))
            registration.children += [
                XMLNode("moeteregistreringstype", paper.type),
                XMLNode("administrativEnhet", folder.unit),
                XMLNode("saksbehandler", folder.actor),
            ]
            _ = next()
            return registration
        }
        for paper in beforeItems { node.children.append(paperRegistration(paper)) }
        for item in folder.items {
            node.children.append(itemRegistration(item, folder: folder, archived: archived, files: files, counts: &counts))
        }
        for paper in afterItems { node.children.append(paperRegistration(paper)) }

        node.children.append(XMLNode("moetenummer", folder.number))
        node.children.append(XMLNode("utvalg", folder.body.name))
        node.children.append(XMLNode("moetedato", meeting.date.description))
        node.children += XMLNode.optional("moetested", meeting.place)
        if let previous = folder.previousMeeting { node.children.append(XMLNode("referanseForrigeMoete", previous)) }
        if let following = folder.nextMeeting { node.children.append(XMLNode("referanseNesteMoete", following)) }
        for (name, function) in participants(folder) {
            node.children.append(XMLNode("moetedeltaker", children: [
                XMLNode("moetedeltakerNavn", name), XMLNode("moetedeltakerFunksjon", function),
            ]))
        }
        return node
    }

    /// Who took part and as what: «Møteleder» (the chair, else the deputy chair), «Referent»,
    /// members by their role, substitutes as «Varamedlem for …». Apologies are in the folder's
    /// business metadata; a minute-taker outside the attendance is listed as «Referent».
    func participants(_ folder: MeetingFolder) -> [(String, String)] {
        let present = folder.attendance.filter { $0.status != .apologies }
        let leader = present.first { $0.role == .chair }?.person ?? present.first { $0.role == .deputyChair }?.person
        var out: [(String, String)] = []
        for entry in present {
            let function: String
            if entry.person == leader {
                function = "Møteleder"
            } else if entry.person == folder.meeting.minuteTaker {
                function = "Referent"
            } else if entry.status == .substitute, let member = entry.substituteFor {
                function = "Varamedlem for \(member)"
            } else {
                function = ArchiveStructureBuilder.function(entry.role)
            }
            out.append((entry.person, function))
        }
        if let taker = folder.meeting.minuteTaker, !present.contains(where: { $0.person == taker }) {
            out.append((taker, "Referent"))
        }
        return out
    }

    static func function(_ role: Role?) -> String {
        switch role {
        case .chair: "Leder"
        case .deputyChair: "Nestleder"
        case .member: "Medlem"
        case .deputy: "Varamedlem"
        case .adviser: "Rådgiver"
        case .unionRepresentative: "Tillitsvalgt"
        case .observer: "Observatør"
        case .secretary: "Sekretariat"
        case nil: "Deltaker"
        }
    }

    func itemRegistration(_ entry: ItemRegistration, folder: MeetingFolder, archived: String,
                          files: [String: PackageFile], counts: inout Counts) -> XMLNode {
        counts.registrations += 1
        let item = entry.item
        let name = ArchiveStructureBuilder.itemName(item)
        let created = ArchiveStructureBuilder.dateTime(folder.meeting.summonsDate ?? folder.meeting.date, nil)
        var node = ArchiveStructureBuilder.registrationHead(id: StableID.uuid(for: name), created: created, actor: folder.actor, archived: archived)
        let screen = item.isExempt ? ArchiveStructureBuilder.skjerming(
            bases: [item.exemptionBasis ?? "unntatt offentlighet"], fields: ["tittel", "beskrivelse", "virksomhetsspesifikkeMetadata"],
            document: "Hele dokumentet", until: item.exemptUntil) : nil
        if let screen { node.children.append(screen) }
        for (index, attachment) in entry.attachments.enumerated() {
            node.children.append(attachmentDescription(
                attachment, name: "\(name):vedlegg:\(attachment.attachment.id)", created: created, actor: folder.actor,
                role: index == 0 ? "Hoveddokument" : "Vedlegg", number: index + 1,
                screen: item.isExempt ? ArchiveStructureBuilder.skjerming(
                    bases: [item.exemptionBasis ?? "unntatt offentlighet"], fields: ["dokument"], document: "Hele dokumentet",
                    until: item.exemptUntil) : nil,
                files: files, counts: &counts))
        }
        let number = item.number
        node.children.append(XMLNode("registreringsID", "\(number.series.map { "\($0.code) " } ?? "")\(number.sequence)/\(number.year)"))
        node.children.append(XMLNode("tittel", item.title))
        if item.isExempt {
            node.children.append(XMLNode("offentligTittel", item.publicTitle ?? "Unntatt offentlighet"))
        } else {
            node.children.append(XMLNode("offentligTittel", item.title))
        }
        node.children += XMLNode.optional("beskrivelse", item.caseText)

        // Møtesaksår, sekvensnummer, series, the proposal, the decision and the votes: not in Noark 5.
        var extra: [XMLNode] = [
            XMLNode("d:moetesaksaar", String(number.year)),
            XMLNode("d:moetesakssekvensnummer", String(number.sequence)),
        ]
        extra += XMLNode.optional("d:serie", number.series?.code)
        extra += XMLNode.optional("d:sakstype", item.kind?.rawValue)
        extra.append(XMLNode("d:del", item.section.rawValue))
        extra += XMLNode.optional("d:saksunderlag", item.basis)
        extra += XMLNode.optional("d:arkivsaksnummer", item.archiveCaseNumber)
        extra += XMLNode.optional("d:innstilling", item.proposal)
        if let decision = entry.decision {
            var attributes = [("utfall", decision.outcome.rawValue), ("endelig", decision.isFinal ? "true" : "false")]
            if let to = decision.referredTo { attributes.append(("oversendtTil", to)) }
            extra.append(XMLNode("d:vedtak", decision.text ?? "", attributes: attributes))
            switch decision.tally {
            case .unanimous?:
                extra.append(XMLNode("d:votering", nil, attributes: [("enstemmig", "true")]))
            case let .counted(votesFor, against, abstaining)?:
                extra.append(XMLNode("d:votering", nil, attributes: [
                    ("enstemmig", "false"), ("for", String(votesFor)), ("mot", String(against)), ("blanke", String(abstaining)),
                ]))
            case nil: break
            }
            extra += XMLNode.optional("d:merknad", decision.remarks)
        }
        for ballot in entry.ballots {
            var attributes = [("navn", ballot.person), ("stemme", ballot.ballot.rawValue)]
            if let represents = ballot.represents { attributes.append(("representerer", represents)) }
            extra.append(XMLNode("d:stemme", nil, attributes: attributes))
        }
        for conflict in entry.conflicts {
            var attributes = [("navn", conflict.person)]
            if let basis = conflict.reason { attributes.append(("hjemmel", basis)) }
            if let replaced = conflict.replacedBy { attributes.append(("erstattetAv", replaced)) }
            extra.append(XMLNode("d:inhabil", nil, attributes: attributes))
        }
        node.children.append(ArchiveStructureBuilder.businessMetadata("d:moetesak", extra))
        for correction in entry.corrections {
            node.children.append(XMLNode("merknad", children: [
                XMLNode("merknadstekst", "Rettet etter godkjent protokoll: \(correction.reason)"),
                XMLNode("merknadstype", "Rettelse"),
                XMLNode("merknadsdato", ArchiveStructureBuilder.dateTime(correction.correctedOn, nil)),
                XMLNode("merknadRegistrertAv", folder.actor),
            ]))
        }

        node.children.append(XMLNode("moeteregistreringstype", "Saksframlegg"))
        node.children.append(XMLNode("moetesakstype", ArchiveStructureBuilder.caseType(item)))
        node.children.append(XMLNode("moeteregistreringsstatus", ArchiveStructureBuilder.status(item, entry.decision)))
        node.children.append(XMLNode("administrativEnhet", folder.unit))
        node.children.append(XMLNode("saksbehandler", folder.actor))
        // A case's path through meetings and bodies: the later items it went on to, the earlier it came from.
        for id in entry.next { node.children.append(XMLNode("referanseTilMoeteregistrering", id)) }
        for id in entry.previous { node.children.append(XMLNode("referanseFraMoeteregistrering", id)) }
        return node
    }

    /// «Politisk sak», «Referatsak», «Orienteringssak» from the item's series, else from its kind.
    static func caseType(_ item: AgendaItem) -> String {
        switch item.number.series?.code {
        case "PS": return "Politisk sak"
        case "RS": return "Referatsak"
        case "OS": return "Orienteringssak"
        case "DS": return "Delegert sak"
        case "FO": return "Interpellasjon"
        default: return item.kind == .information ? "Orienteringssak" : "Politisk sak"
        }
    }

    /// The item's fate: the decision's outcome, else where its handling stands.
    static func status(_ item: AgendaItem, _ decision: Decision?) -> String {
        if let decision {
            let text = decision.outcome.norwegian
            let sentence = text.prefix(1).uppercased() + text.dropFirst()
            if decision.outcome == .referred, let to = decision.referredTo { return "\(sentence) til \(to)" }
            return sentence
        }
        switch item.handlingStatus {
        case .pending, nil: return "Til behandling"
        case .decided: return "Ferdig behandlet"
        case .postponed: return "Utsatt"
        case .sentBack: return "Sendt tilbake"
        }
    }

    static func registrationHead(id: String, created: String, actor: String, archived: String) -> XMLNode {
        XMLNode("registrering", attributes: [("xsi:type", "moeteregistrering")], children: [
            XMLNode("systemID", id),
            XMLNode("opprettetDato", created),
            XMLNode("opprettetAv", actor),
            XMLNode("arkivertDato", archived),
            XMLNode("arkivertAv", actor),
        ])
    }

    func documentDescription(name: String, type: String, title: String, created: String, actor: String, role: String,
                             number: Int, screen: XMLNode?, object: (PackageFile, String, String, String)?,
                             description: String? = nil, counts: inout Counts) -> XMLNode {
        counts.documentDescriptions += 1
        var node = XMLNode("dokumentbeskrivelse", children: [
            XMLNode("systemID", StableID.uuid(for: "document:\(name)")),
            XMLNode("dokumenttype", type),
            XMLNode("dokumentstatus", "Dokumentet er ferdigstilt"),
            XMLNode("tittel", title),
        ])
        node.children += XMLNode.optional("beskrivelse", description)
        node.children += [
            XMLNode("opprettetDato", created),
            XMLNode("opprettetAv", actor),
            XMLNode("tilknyttetRegistreringSom", role),
            XMLNode("dokumentnummer", String(number)),
            XMLNode("tilknyttetDato", created),
            XMLNode("tilknyttetAv", actor),
        ]
        if let screen { node.children.append(screen) }
        if let (file, variant, format, details) = object {
            counts.documentObjects += 1
            node.children.append(XMLNode("dokumentobjekt", children: [
                XMLNode("systemID", StableID.uuid(for: "file:\(name)")),
                XMLNode("versjonsnummer", "1"),
                XMLNode("variantformat", variant),
                XMLNode("format", format),
                XMLNode("formatDetaljer", details),
                XMLNode("opprettetDato", created),
                XMLNode("opprettetAv", actor),
                XMLNode("referanseDokumentfil", file.path),
                XMLNode("sjekksum", file.sha256),
                XMLNode("sjekksumAlgoritme", "SHA256"),
                XMLNode("filstoerrelse", String(file.size)),
            ]))
        }
        return node
    }

    func attachmentDescription(_ document: AttachmentDocument, name: String, created: String, actor: String, role: String,
                               number: Int, screen: XMLNode?, files: [String: PackageFile], counts: inout Counts) -> XMLNode {
        let file = document.path.flatMap { files[$0] }
        let description = file == nil
            ? "Filen er ikke lagret i Docket" + (document.attachment.fileReference.map { " (ligger i \($0))" } ?? "") + "; bare beskrivelsen er med."
            : nil
        return documentDescription(
            name: name, type: "Vedlegg", title: document.attachment.title, created: created, actor: actor, role: role, number: number,
            screen: screen,
            object: file.map { ($0, "Produksjonsformat", document.attachment.mediaType, "Originalfilen slik den ble lagt ved i Docket") },
            description: description, counts: &counts)
    }

    static func skjerming(bases: [String], fields: [String], document: String, until: CalendarDate?) -> XMLNode {
        let unique = bases.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var node = XMLNode("skjerming", children: [
            XMLNode("tilgangsrestriksjon", restrictionCode(unique)),
            XMLNode("skjermingshjemmel", unique.joined(separator: "; ")),
        ])
        for field in fields { node.children.append(XMLNode("skjermingMetadata", field)) }
        node.children.append(XMLNode("skjermingDokument", document))
        if let until { node.children.append(XMLNode("skjermingOpphoererDato", until.description)) }
        return node
    }

    /// The paragraph of the Freedom of Information Act (offentleglova) a basis names, as Noark's
    /// access codes write it ("23" for "offl. § 23 første ledd"); «UO» where no paragraph is named.
    static func restrictionCode(_ bases: [String]) -> String {
        for basis in bases {
            guard let sign = basis.firstIndex(of: "§") else { continue }
            let digits = basis[basis.index(after: sign)...].drop { $0 == " " }.prefix { $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        return "UO"
    }

    static func businessMetadata(_ name: String, _ children: [XMLNode]) -> XMLNode {
        XMLNode("virksomhetsspesifikkeMetadata", children: [
            XMLNode(name, attributes: [("xmlns:d", docketNamespace)], children: children),
        ])
    }

    // MARK: endringslogg.xml

    /// The change log: one `endring` per correction of approved minutes; nil when there is none
    /// (the schema needs at least one `endring`; `arkivuttrekk.xml` then says why the file is missing).
    func endringslogg() -> Data? {
        guard !corrections.isEmpty else { return nil }
        var root = XMLNode("endringslogg", attributes: [
            ("xmlns", ArchiveStructureBuilder.changeLogNamespace),
            ("xmlns:xsi", ArchiveStructureBuilder.xsi),
            ("xsi:schemaLocation", "\(ArchiveStructureBuilder.changeLogNamespace) endringslogg.xsd"),
        ], children: [])
        for (record, target, actor) in corrections {
            func value(_ text: String?) -> String {
                guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "(tom)" }
                return text
            }
            let metadata = record.field == "decision.outcome" ? "virksomhetsspesifikkeMetadata/moetesak/vedtak/@utfall"
                : "virksomhetsspesifikkeMetadata/moetesak/vedtak"
            root.children.append(XMLNode("endring", children: [
                XMLNode("referanseArkivenhet", target),
                XMLNode("referanseMetadata", metadata),
                XMLNode("endretDato", ArchiveStructureBuilder.dateTime(record.correctedOn, nil)),
                XMLNode("endretAv", actor),
                XMLNode("tidligereVerdi", value(record.oldValue)),
                XMLNode("nyVerdi", value(record.newValue)),
            ]))
        }
        return root.document()
    }

    // MARK: Helpers

    /// An xs:dateTime in local time, as the meeting's documents give it (no zone).
    static func dateTime(_ date: CalendarDate, _ time: TimeOfDay?) -> String {
        "\(date)T\(time?.description ?? "00:00"):00"
    }

    /// Seconds from 1970 to the date's midnight (UTC): the PDF's creation date.
    static func epoch(_ date: CalendarDate) -> Int {
        // Days from civil (Howard Hinnant's algorithm).
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146097 + doe - 719468) * 86400
    }

    /// A name safe in any file system: lower-case ASCII letters, digits, '-' and '.'.
    static func safe(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "æ": out += "ae"
            case "ø": out += "o"
            case "å": out += "aa"
            case "a"..."z", "0"..."9", ".": out.append(character)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return trimmed.isEmpty ? "fil" : String(trimmed.prefix(80))
    }

    /// The attachment's file name: its title, with an extension from its media type when it has none.
    static func fileName(_ attachment: DocketStore.Attachment) -> String {
        let base = safe(attachment.title)
        if base.contains(".") { return base }
        let ext: String
        switch attachment.mediaType {
        case "application/pdf": ext = "pdf"
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ext = "docx"
        case "application/msword": ext = "doc"
        case "text/plain": ext = "txt"
        case "text/html": ext = "html"
        case "text/csv": ext = "csv"
        case "image/png": ext = "png"
        case "image/jpeg": ext = "jpg"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ext = "xlsx"
        default: ext = "bin"
        }
        return "\(base).\(ext)"
    }
}
