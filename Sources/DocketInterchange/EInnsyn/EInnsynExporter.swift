import DocketModel
import DocketStore
import Foundation

/// `docket export --format einnsyn`: the meetings as eInnsyn's API models (the request bodies of its
/// OpenAPI document): an `Enhet` per body (when its organisation number and e-mail are known), and
/// a `MoetemappeCreate` per meeting with its `MoetesakCreateItem`s, each with `moetesaksaar`,
/// `moetesakssekvensnummer`, `Utredning`, `innstilling`, `Vedtak` and a `Votering` per member
/// (`Moetedeltaker` inside). `systemId` and `externalId` are Docket's stable UUIDs (``StableID``),
/// the same the Noark 5 package uses, so a publish can be repeated without duplicates.
///
/// Exempt items go with their number, `offentligTittel` and legal basis only (``ItemFacts/publicForm(placeholder:)``).
public struct EInnsynExporter {
    public struct Scope: Sendable {
        public var body: String?
        public var year: Int?
        public var from: CalendarDate?
        public var to: CalendarDate?
        /// The public version: `offentligTittelSensitiv` is the public title too for exempt items.
        public var isPublic: Bool

        public init(body: String? = nil, year: Int? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil, isPublic: Bool = false) {
            self.body = body
            self.year = year
            self.from = from
            self.to = to
            self.isPublic = isPublic
        }

        func includes(_ meeting: Meeting) -> Bool {
            (body.map { $0 == meeting.body } ?? true) && (year.map { $0 == meeting.date.year } ?? true)
                && (from.map { meeting.date >= $0 } ?? true) && (to.map { meeting.date <= $0 } ?? true)
        }
    }

    /// What the export holds, as JSON objects (ordered keys when written).
    public struct Document: Sendable {
        public var enheter: [[String: JSONValue]]
        public var moetemapper: [[String: JSONValue]]
        /// What could not be given, and why (e.g. an Enhet without organisation number).
        public var notes: [String]
    }

    let store: Store
    let generator: String

    public init(store: Store, generator: String) {
        self.store = store
        self.generator = generator
    }

    public func document(scope: Scope) throws -> Document {
        let meetings = try store.meetings(bodySlug: scope.body).filter(scope.includes)
            .sorted { ($0.date, $0.body, $0.id) < ($1.date, $1.body, $1.id) }
        var notes: [String] = []
        var enheter: [[String: JSONValue]] = []
        let organisations = try store.organisations()
        let office = organisations.first { $0.kind == .office && $0.isCooperationMember && $0.organisationNumber != nil }
            ?? organisations.first { $0.isCooperationMember && $0.organisationNumber != nil }
        let people = try store.people()
        var seenBodies: [String] = []
        var folders: [[String: JSONValue]] = []
        var seriesCache: [String: [Meeting]] = [:]
        for meeting in meetings {
            let body = try store.body(slug: meeting.body)
            if !seenBodies.contains(body.slug) {
                seenBodies.append(body.slug)
                let secretary = try store.memberships(bodySlug: body.slug).first { $0.role == .secretary }
                let email = secretary.flatMap { name in people.first { $0.name == name.person }?.email }
                if let number = office?.organisationNumber, let email {
                    let enhet: [String: JSONValue] = [
                        "externalId": .string(StableID.uuid(for: "body:\(body.slug)")),
                        "navn": .string(body.name),
                        "orgnummer": .string(number),
                        "enhetskode": .string(body.slug),
                        "kontaktpunktEpost": .string(email),
                        "innsynskravEpost": .string(email),
                        "enhetstype": .string("UTVALG"),
                    ]
                    enheter.append(enhet)
                } else {
                    notes.append("Enhet for \(body.slug) er ikke med: eInnsyn krever organisasjonsnummer (sekretariatets organisasjon) og e-post (sekretærens), og Docket har ikke begge")
                }
            }
            if seriesCache[meeting.body] == nil {
                seriesCache[meeting.body] = try store.meetings(bodySlug: meeting.body).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            }
            let sameYear = seriesCache[meeting.body]!.filter { $0.date.year == meeting.date.year }
            let ordinal = (sameYear.firstIndex { $0.id == meeting.id } ?? 0) + 1
            folders.append(try moetemappe(meeting, body: body, ordinal: ordinal, isPublic: scope.isPublic))
        }
        notes.append("referanseForrigeMoete/referanseNesteMoete, Enhet.parent og moetedokument er ikke med: de krever eInnsyns egne id-er og filene; møtene kobles med externalId")
        return Document(enheter: enheter, moetemapper: folders, notes: notes)
    }

    /// The whole export as one JSON file: `{"generator", "public", "enhet": [...], "moetemappe": [...], "merknader": [...]}`.
    public func export(scope: Scope) throws -> Data {
        let document = try document(scope: scope)
        let root: JSONValue = .object([
            ("generator", .string(generator)),
            ("public", .bool(scope.isPublic)),
            ("enhet", .array(document.enheter.map(JSONValue.sortedObject))),
            ("moetemappe", .array(document.moetemapper.map(JSONValue.sortedObject))),
            ("merknader", .array(document.notes.map(JSONValue.string))),
        ])
        return Data((root.json(indent: 0) + "\n").utf8)
    }

    func moetemappe(_ meeting: Meeting, body: Body, ordinal: Int, isPublic: Bool) throws -> [String: JSONValue] {
        let id = StableID.uuid(for: ArchiveStructureBuilder.meetingName(meeting))
        let title = "Møte i \(body.name) \(meeting.date)"
        var folder: [String: JSONValue] = [
            "systemId": .string(id),
            "externalId": .string(id),
            "offentligTittel": .string(title),
            "offentligTittelSensitiv": .string(title),
            "moetenummer": .string("\(ordinal)/\(String(format: "%02d", meeting.date.year % 100))"),
            "utvalg": .string(body.name),
            "moetedato": .string(EInnsynExporter.dateTime(meeting.date, meeting.start)),
        ]
        if let place = meeting.place, !place.isEmpty { folder["moetested"] = .string(place) }
        let attendance = try store.attendance(meetingID: meeting.id)
        var cases: [JSONValue] = []
        for item in try store.items(meetingID: meeting.id) {
            cases.append(JSONValue.sortedObject(try moetesak(item, meeting: meeting, body: body, attendance: attendance, isPublic: isPublic)))
        }
        folder["moetesak"] = .array(cases)
        return folder
    }

    func moetesak(_ item: AgendaItem, meeting: Meeting, body: Body, attendance: [AttendanceEntry], isPublic: Bool) throws -> [String: JSONValue] {
        let id = StableID.uuid(for: ArchiveStructureBuilder.itemName(item))
        var entry: [String: JSONValue] = [
            "systemId": .string(id),
            "externalId": .string(id),
            "moetesakstype": .string(EInnsynExporter.caseType(item)),
            "moetesaksaar": .int(item.number.year),
            "moetesakssekvensnummer": .int(item.number.sequence),
            "utvalg": .string(body.name),
        ]
        if item.isExempt {
            // eInnsyn always gets an exempt item in its public form (ItemFacts.publicForm, the one rule):
            // number, public title and legal basis; the sensitive title only in a non-public export.
            let published = item.facts().publicForm()
            entry["offentligTittel"] = .string(published.title)
            entry["offentligTittelSensitiv"] = .string(isPublic ? published.title : item.title)
            entry["beskrivelse"] = .string(ItemFacts.exemptPlaceholder + (published.exemptionBasis.map { ", \($0)" } ?? ""))
            return entry
        }
        entry["offentligTittel"] = .string(item.title)
        entry["offentligTittelSensitiv"] = .string(item.title)
        func text(_ value: String) -> JSONValue {
            .object([("tekstInnhold", .string(value)), ("tekstFormat", .string("text/plain"))])
        }
        if let proposal = item.proposal, !proposal.isEmpty {
            entry["innstilling"] = text(proposal)
            if let caseText = item.caseText, !caseText.isEmpty {
                entry["utredning"] = .object([("saksbeskrivelse", text(caseText)), ("innstilling", text(proposal))])
            }
        }
        if let decision = try store.decision(itemID: item.id) {
            let outcome = decision.outcome.norwegian
            let wording = decision.text.flatMap { $0.isEmpty ? nil : $0 } ?? (outcome.prefix(1).uppercased() + outcome.dropFirst())
            var vedtak: [(String, JSONValue)] = [("vedtakstekst", text(wording)), ("dato", .string(meeting.date.description))]
            let votes = try voting(item: item, decision: decision, attendance: attendance)
            if !votes.isEmpty { vedtak.append(("votering", .array(votes))) }
            if let remarks = decision.remarks, !remarks.isEmpty { vedtak.append(("behandlingsprotokoll", text(remarks))) }
            entry["vedtak"] = .object(vedtak)
        }
        return entry
    }

    /// A `Votering` per member: the ballots recorded per member, else — for a unanimous decision —
    /// «Ja» from every voting member present. A counted vote without names gives none (it cannot
    /// be put on anyone).
    func voting(item: AgendaItem, decision: Decision, attendance: [AttendanceEntry]) throws -> [JSONValue] {
        func participant(_ name: String, _ role: Role?, substituteFor: String?) -> JSONValue {
            var fields: [(String, JSONValue)] = [("moetedeltakerNavn", .string(name))]
            let function = substituteFor.map { "Varamedlem for \($0)" } ?? ArchiveStructureBuilder.function(role)
            fields.append(("moetedeltakerFunksjon", .string(function)))
            return .object(fields)
        }
        let ballots = try store.ballots(itemID: item.id)
        if !ballots.isEmpty {
            return ballots.map { ballot in
                let entry = attendance.first { $0.person == ballot.person }
                let vote: String = switch ballot.ballot {
                case .for: "Ja"
                case .against: "Nei"
                case .blank: "Blankt"
                }
                return .object([("moetedeltaker", participant(ballot.person, entry?.role, substituteFor: entry?.substituteFor)), ("stemme", .string(vote))])
            }
        }
        guard decision.tally == .unanimous else { return [] }
        let disqualified = Set(try store.conflictsOfInterest(itemID: item.id).map(\.person))
        return attendance.filter { entry in
            entry.status != .apologies && !disqualified.contains(entry.person) && (entry.status == .substitute || entry.role?.votes == true)
        }.map { entry in
            .object([("moetedeltaker", participant(entry.person, entry.role, substituteFor: entry.substituteFor)), ("stemme", .string("Ja"))])
        }
    }

    /// eInnsyn's `moetesakstype`: from the series (PS, RS, OS, DS, FO), else from the item's purpose and kind.
    static func caseType(_ item: AgendaItem) -> String {
        switch item.number.series?.code {
        case "PS": return "politisk"
        case "RS": return "referat"
        case "OS": return "orientering"
        case "DS": return "delegert"
        case "FO": return "interpellasjon"
        default: break
        }
        switch item.standingPurpose {
        case .approveAgenda?, .approvePreviousMinutes?: return "godkjenning"
        case .anyOtherBusiness?: return "annet"
        case .information?: return "orientering"
        case .other?, nil: return item.kind == .information ? "orientering" : "politisk"
        }
    }

    /// RFC 3339 in Norwegian time: "2025-02-12T13:00:00+01:00".
    static func dateTime(_ date: CalendarDate, _ time: TimeOfDay?) -> String {
        let zone = TimeZone(identifier: "Europe/Oslo") ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = time?.description.split(separator: ":").compactMap { Int($0) } ?? [0, 0]
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: parts.first ?? 0, minute: parts.last ?? 0)
        guard let instant = calendar.date(from: components) else { return "\(date)T00:00:00Z" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }
}
