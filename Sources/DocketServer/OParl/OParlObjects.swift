import DocketDocuments
import DocketModel
import DocketStore
import Foundation

/// Builds OParl 1.1 objects (https://oparl.org/spezifikation/) out of the store, as JSON values.
///
/// What maps to what: System is the server; Body is the cooperation (the one "Körperschaft");
/// Organization is each body (organizationType "Gremium") and each organisation members
/// represent ("Institution"); Person and Membership (role, votingRight, onBehalfOf = the
/// organisation represented) are the members; Meeting carries its AgendaItems embedded; Paper is a
/// case (the matter that may come before several meetings and bodies) and its Consultations are
/// the case's handlings, one per agenda item; File is an attachment, or a meeting's public papers.
///
/// Exempt items: every item is taken in its public form (`ItemFacts.publicForm`): an AgendaItem of
/// an exempt item says `public: false` and carries its number and public title only, no result,
/// resolution text, consultation or file; a case none of whose items may be shown is no Paper.
///
/// `created` and `modified`: the row's stamps (``RowStamp``, migration 0014), set by the store in
/// the transaction that wrote the row or changed what its object shows. A Paper (a case) takes the
/// earliest and latest of its items', System and Body the store's whole span. A row stored before
/// Docket kept stamps has none: its object then takes the first and last dates it is known by (a
/// membership's start, a meeting's summons date, the minutes' approval; the earliest meeting in the
/// store for what has no date of its own), written as 11:00 UTC (noon in Oslo) of that day.
struct OParlObjects {
    let store: Store
    /// The stamps, read once a kind for the whole response.
    let stamps: StampCache
    /// "http://host:port/oparl/v1"
    let base: String
    /// "http://host:port", for `web` links to the public pages.
    let site: String
    let bodyName: String

    static let paperTypes: [ItemKind: String] = [.decision: "Beslutningssak", .information: "Orienteringssak", .discussion: "Drøftingssak"]

    // MARK: Ids

    var systemID: String { base }
    var bodyID: String { base + "/body/0" }
    func organizationID(body slug: String) -> String { base + "/organization/\(slug)" }
    func organizationID(organisation id: Int64) -> String { base + "/organization/org-\(id)" }
    func personID(_ id: Int64) -> String { base + "/person/\(id)" }
    func membershipID(_ id: Int64) -> String { base + "/membership/\(id)" }
    func meetingID(_ slug: String, _ date: CalendarDate) -> String { base + "/meeting/\(slug)/\(date)" }
    func agendaItemID(_ id: Int64) -> String { base + "/agendaitem/\(id)" }
    func paperID(_ caseID: Int64) -> String { base + "/paper/\(caseID)" }
    func consultationID(_ itemID: Int64) -> String { base + "/consultation/\(itemID)" }
    func fileID(_ attachmentID: Int64) -> String { base + "/file/\(attachmentID)" }
    func paperFileID(_ kind: String, _ slug: String, _ date: CalendarDate) -> String { base + "/paperfile/\(kind)/\(slug)/\(date)" }

    static func stamp(_ date: CalendarDate) -> String { "\(date)T11:00:00Z" }

    /// `created` and `modified` of the object of a row: its stamps, else (a row from before stamps)
    /// the record's dates. `modified` is never before `created`.
    func times(_ kind: Store.StampedKind, _ id: Int64, created: CalendarDate, modified: CalendarDate) throws -> [String: String] {
        let stamp = try stamps.stamp(kind, id)
        return Self.times(created: stamp?.created ?? Self.stamp(created), modified: stamp?.modified ?? Self.stamp(modified))
    }

    static func times(created: String, modified: String) -> [String: String] {
        ["created": created, "modified": max(created, modified)]
    }

    /// The earliest date in the store: the date of whatever has no date of its own.
    func epoch() throws -> CalendarDate {
        try store.meetings().map(\.date).min() ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    // MARK: System and Body

    func system() throws -> [String: Any] {
        [
            "id": systemID, "type": "https://schema.oparl.org/1.1/System", "oparlVersion": "https://schema.oparl.org/1.1/",
            "body": base + "/body", "name": bodyName, "web": site + "/", "product": "https://docket.invalid/",
        ].merging(try storeTimes()) { $1 }
    }

    /// The whole store's span, for System and Body: its first row's creation (the earliest meeting
    /// date when rows from before stamps are there) and its latest change.
    func storeTimes() throws -> [String: String] {
        let span = try store.rowStampSpan()
        let epoch = Self.stamp(try epoch())
        var created = span?.created ?? epoch
        if try store.hasRowsWithoutCreationStamp() { created = min(created, epoch) }
        let modified = try span?.modified ?? Self.stamp(latest())
        return Self.times(created: created, modified: modified)
    }

    func latest() throws -> CalendarDate {
        try store.meetings().map(\.date).max() ?? epoch()
    }

    func body() throws -> [String: Any] {
        [
            "id": bodyID, "type": "https://schema.oparl.org/1.1/Body", "system": systemID, "name": bodyName,
            "organization": base + "/organization", "person": base + "/person", "meeting": base + "/meeting", "paper": base + "/paper",
            "membership": base + "/membership", "agendaItem": base + "/agendaitem", "consultation": base + "/consultation",
            "file": base + "/file", "legislativeTerm": [] as [Any], "web": site + "/",
        ].merging(try storeTimes()) { $1 }
    }

    // MARK: Organizations

    func organizations() throws -> [[String: Any]] {
        try store.bodies().map { try organization(body: $0) } + (try store.organisations().map { try organization(organisation: $0) })
    }

    func organization(body: Body) throws -> [String: Any] {
        let meetings = try store.meetings(bodySlug: body.slug)
        let memberships = try store.memberships(bodySlug: body.slug)
        let epoch = try epoch()
        var object: [String: Any] = [
            "id": organizationID(body: body.slug), "type": "https://schema.oparl.org/1.1/Organization", "body": bodyID,
            "name": body.name, "shortName": body.slug, "organizationType": "Gremium", "classification": body.kind.rawValue,
            "membership": memberships.map { membershipID($0.id) }, "meeting": base + "/meeting?organization=\(body.slug)",
            "web": site + Paths.body(body.slug),
        ]
        object.merge(try times(.body, body.id, created: meetings.first?.date ?? epoch, modified: meetings.last?.date ?? epoch)) { $1 }
        if let parent = body.parentSlug { object["subOrganizationOf"] = organizationID(body: parent) }
        let today = CalendarDate.today
        object["memberCount"] = memberships.filter { $0.isCurrent(on: today) }.count
        object["votingMemberCount"] = memberships.filter { $0.isCurrent(on: today) && $0.votes }.count
        return object
    }

    func organization(organisation: Organisation) throws -> [String: Any] {
        let epoch = try epoch()
        return [
            "id": organizationID(organisation: organisation.id), "type": "https://schema.oparl.org/1.1/Organization", "body": bodyID,
            "name": organisation.name, "organizationType": "Institution", "classification": organisation.kind.rawValue,
        ].merging(try times(.organisation, organisation.id, created: epoch, modified: epoch)) { $1 }
    }

    // MARK: Persons and memberships

    func allMemberships() throws -> [Membership] {
        try store.bodies().flatMap { try store.memberships(bodySlug: $0.slug) }
    }

    func persons() throws -> [[String: Any]] {
        let memberships = try allMemberships()
        let organisations = try organisationIDs()
        let epoch = try epoch()
        return try store.people().map { try person(person: $0, memberships: memberships, organisations: organisations, epoch: epoch) }
    }

    func organisationIDs() throws -> [String: Int64] {
        Dictionary(try store.organisations().map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    func person(person: Person, memberships: [Membership], organisations: [String: Int64], epoch: CalendarDate) throws -> [String: Any] {
        let own = memberships.filter { $0.person == person.name }
        let starts = own.compactMap(\.from)
        let ends = own.compactMap(\.to)
        var object: [String: Any] = [
            "id": personID(person.id), "type": "https://schema.oparl.org/1.1/Person", "body": bodyID, "name": person.name,
            "membership": try own.map { try membership(membership: $0, organisations: organisations, epoch: epoch) },
        ]
        object.merge(try times(.person, person.id, created: starts.min() ?? epoch, modified: (starts + ends).max() ?? epoch)) { $1 }
        let parts = person.name.split(separator: " ")
        if parts.count > 1 {
            object["familyName"] = String(parts.last!)
            object["givenName"] = parts.dropLast().joined(separator: " ")
        }
        if let title = person.title, !title.isEmpty { object["title"] = [title] }
        return object
    }

    func membership(membership: Membership, organisations: [String: Int64], epoch: CalendarDate) throws -> [String: Any] {
        var object: [String: Any] = [
            "id": membershipID(membership.id), "type": "https://schema.oparl.org/1.1/Membership",
            "organization": organizationID(body: membership.body), "role": membership.role.rawValue, "votingRight": membership.votes,
        ]
        object.merge(try times(.membership, membership.id, created: membership.from ?? epoch,
                               modified: membership.to ?? membership.from ?? epoch)) { $1 }
        if let id = personIDs[membership.person] { object["person"] = personID(id) }
        if let from = membership.from { object["startDate"] = from.description }
        if let to = membership.to { object["endDate"] = to.description }
        if let name = membership.organisation, let id = organisations[name] { object["onBehalfOf"] = organizationID(organisation: id) }
        return object
    }

    var personIDs: [String: Int64] {
        Dictionary(((try? store.people()) ?? []).map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Meetings and agenda items

    func meetings(body slug: String? = nil) throws -> [[String: Any]] {
        try store.meetings(bodySlug: slug).map { try meeting($0) }
    }

    func meeting(_ meeting: Meeting) throws -> [String: Any] {
        let items = try store.items(meetingID: meeting.id)
        let approval = try store.minutesApproval(meetingID: meeting.id)
        let created = min(meeting.summonsDate ?? meeting.date, meeting.date)
        var object: [String: Any] = [
            "id": meetingID(meeting.body, meeting.date), "type": "https://schema.oparl.org/1.1/Meeting",
            "name": "\(meeting.bodyName) \(meeting.date)", "meetingState": meeting.status.rawValue,
            "cancelled": meeting.status == .cancelled, "organization": [organizationID(body: meeting.body)],
            "agendaItem": try items.map { try agendaItem($0, meeting: meeting) },
            "invitation": try paperFile("innkalling", meeting: meeting),
            "web": site + Paths.meeting(meeting.body, meeting.date),
        ]
        object.merge(try times(.meeting, meeting.id, created: created, modified: approval?.approvedOn ?? meeting.date)) { $1 }
        if let start = meeting.start { object["start"] = Self.dateTime(meeting.date, start) }
        if let end = meeting.end { object["end"] = Self.dateTime(meeting.date, end) }
        if meeting.status == .held || meeting.status == .minutesApproved {
            object["resultsProtocol"] = try paperFile("protokoll", meeting: meeting)
        }
        let files = try store.attachments(meetingID: meeting.id).map { try file($0, meeting: meeting) }
        if !files.isEmpty { object["auxiliaryFile"] = files }
        return object
    }

    /// A local time in Oslo as an RFC 3339 date-time with its offset (+01:00 or +02:00 in summer).
    static func dateTime(_ date: CalendarDate, _ time: TimeOfDay) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let zone = TimeZone(identifier: "Europe/Oslo")!
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute)
        let offset = calendar.date(from: components).map { zone.secondsFromGMT(for: $0) } ?? 3600
        let hours = offset / 3600
        return String(format: "%@T%02d:%02d:00+%02d:00", date.description, time.hour, time.minute, hours)
    }

    func agendaItem(_ item: AgendaItem, meeting: Meeting) throws -> [String: Any] {
        let decision = try store.decision(itemID: item.id)
        let published = item.facts(decision: decision).publicForm()
        var object: [String: Any] = [
            "id": agendaItemID(item.id), "type": "https://schema.oparl.org/1.1/AgendaItem",
            "meeting": meetingID(meeting.body, meeting.date), "number": published.number.description, "order": item.position,
            "name": published.title, "public": !published.isExempt, "web": site + Paths.item(item.body, item.number),
        ]
        object.merge(try times(.agendaItem, item.id, created: meeting.summonsDate.map { min($0, meeting.date) } ?? meeting.date,
                               modified: meeting.date)) { $1 }
        guard !published.isWithheld else { return object }
        object["consultation"] = consultationID(item.id)
        if let outcome = published.outcome { object["result"] = outcome.norwegian }
        if let text = published.decision ?? (published.outcome != nil ? published.proposal : nil) { object["resolutionText"] = text }
        let files = try store.attachments(itemID: item.id).map { try file($0, meeting: meeting) }
        if !files.isEmpty { object["auxiliaryFile"] = files }
        return object
    }

    // MARK: Papers and consultations

    /// Every case, by id, with its items in meeting order.
    func cases() throws -> [(caseID: Int64, items: [(AgendaItem, Meeting)])] {
        var byCase: [Int64: [(AgendaItem, Meeting)]] = [:]
        var order: [Int64] = []
        for meeting in try store.meetings() {
            for item in try store.items(meetingID: meeting.id) {
                if byCase[item.caseID] == nil { order.append(item.caseID) }
                byCase[item.caseID, default: []].append((item, meeting))
            }
        }
        return order.map { ($0, byCase[$0]!.sorted { $0.1.date < $1.1.date }) }
    }

    /// A case as a Paper, or nil when none of its items may be shown.
    func paper(caseID: Int64, items: [(AgendaItem, Meeting)]) throws -> [String: Any]? {
        let shown = items.filter { !$0.0.facts().publicForm().isWithheld }
        guard let first = shown.first, let last = shown.last else { return nil }
        var object: [String: Any] = [
            "id": paperID(caseID), "type": "https://schema.oparl.org/1.1/Paper", "body": bodyID, "name": last.0.title,
            "reference": first.0.archiveCaseNumber ?? "\(first.0.body) \(first.0.number)", "date": first.1.date.description,
            "consultation": try shown.map { try consultation($0.0, meeting: $0.1) },
            "web": site + Paths.item(first.0.body, first.0.number),
        ]
        // The case's span: the earliest creation and the latest change of its items shown.
        let times = try shown.map { try self.times(.agendaItem, $0.0.id, created: $0.1.date, modified: $0.1.date) }
        object.merge(Self.times(created: times.compactMap { $0["created"] }.min()!, modified: times.compactMap { $0["modified"] }.max()!)) { $1 }
        if let kind = first.0.kind, let type = Self.paperTypes[kind] { object["paperType"] = type }
        return object
    }

    func consultation(_ item: AgendaItem, meeting: Meeting) throws -> [String: Any] {
        let decision = try store.decision(itemID: item.id)
        var object: [String: Any] = [
            "id": consultationID(item.id), "type": "https://schema.oparl.org/1.1/Consultation", "paper": paperID(item.caseID),
            "agendaItem": agendaItemID(item.id), "meeting": meetingID(meeting.body, meeting.date),
            "organization": [organizationID(body: meeting.body)], "role": item.arrival ?? "new",
        ]
        object.merge(try times(.agendaItem, item.id, created: meeting.date, modified: meeting.date)) { $1 }
        if let decision { object["authoritative"] = decision.isFinal }
        return object
    }

    // MARK: Files

    func file(_ attachment: DocketStore.Attachment, meeting: Meeting) throws -> [String: Any] {
        var object: [String: Any] = [
            "id": fileID(attachment.id), "type": "https://schema.oparl.org/1.1/File", "name": attachment.title,
            "fileName": attachment.title, "mimeType": attachment.mediaType, "accessUrl": site + Paths.attachment(attachment.id),
            "downloadUrl": site + Paths.attachment(attachment.id), "meeting": [meetingID(meeting.body, meeting.date)],
            "date": meeting.date.description,
        ]
        object.merge(try times(.attachment, attachment.id, created: meeting.date, modified: meeting.date)) { $1 }
        if let size = attachment.size { object["size"] = size }
        return object
    }

    /// The public summons or minutes of a meeting as a File (PDF).
    func paperFile(_ kind: String, meeting: Meeting) throws -> [String: Any] {
        let url = site + Paths.meeting(meeting.body, meeting.date) + "/\(kind).pdf"
        return try [
            "id": paperFileID(kind, meeting.body, meeting.date), "type": "https://schema.oparl.org/1.1/File",
            "name": "\(kind == "innkalling" ? "Innkalling" : "Protokoll") \(meeting.bodyName) \(meeting.date)",
            "fileName": "\(kind)-\(meeting.body)-\(meeting.date).pdf", "mimeType": "application/pdf", "accessUrl": url, "downloadUrl": url,
            "meeting": [meetingID(meeting.body, meeting.date)], "date": meeting.date.description,
        ].merging(times(.meeting, meeting.id, created: meeting.date, modified: meeting.date)) { $1 }
    }
}

/// The row stamps an OParl response needs, read once a kind (a list shows many rows of one kind).
final class StampCache {
    let store: Store
    private var byKind: [Store.StampedKind: [Int64: RowStamp]] = [:]

    init(store: Store) { self.store = store }

    func stamp(_ kind: Store.StampedKind, _ id: Int64) throws -> RowStamp? {
        if let stamps = byKind[kind] { return stamps[id] }
        let stamps = try store.rowStamps(kind)
        byKind[kind] = stamps
        return stamps[id]
    }
}
