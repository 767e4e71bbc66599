import DocketModel
import DocketStore
import Foundation
import SQLite

/// Reads a store into an ``InterchangeDocument``: every table, rows in id order, links written
/// as natural keys.
///
/// A limited scope (`--body`, `--year`, `--since`) takes the meetings in it, their items and what
/// hangs on them; organisations, people and bodies (with their seats and standing items) always
/// come whole, since everything else names them. `--public` keeps of an exempt item only its
/// number, public title, legal basis and place on the agenda.
public struct InterchangeExporter {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The export as one piece of data (for tests and small stores; files go through ``export(scope:generator:to:)``).
    public func export(scope: InterchangeDocument.Scope = .init(), generator: String? = nil) throws -> Data {
        var data = Data()
        try write(scope: scope, generator: generator) { data.append($0) }
        return data
    }

    /// Writes the export to a file handle (a file or standard output) as it is read, so memory
    /// stays flat however large the store.
    public func export(scope: InterchangeDocument.Scope = .init(), generator: String? = nil, to handle: FileHandle) throws {
        try write(scope: scope, generator: generator) { try handle.write(contentsOf: $0) }
    }

    /// Hands the export to `sink` piece by piece (about a megabyte each) as it is read; the
    /// command line's checked output uses it, and a throwing sink stops the export.
    public func export(scope: InterchangeDocument.Scope = .init(), generator: String? = nil, sink: @escaping (Data) throws -> Void) throws {
        try write(scope: scope, generator: generator, sink: sink)
    }

    /// The export decoded again, for callers that want the values.
    public func document(scope: InterchangeDocument.Scope = .init(), generator: String? = nil) throws -> InterchangeDocument {
        try JSONDecoder().decode(InterchangeDocument.self, from: try export(scope: scope, generator: generator))
    }

    /// Writes the fields in the order an importer needs them (what is named before what names
    /// it), each array record by record, in one read transaction so the file is one moment's store.
    private func write(scope: InterchangeDocument.Scope, generator: String?, sink: @escaping (Data) throws -> Void) throws {
        try store.read {
            let names = try Names(store: store)
            let writer = JSONStreamWriter(sink: sink)
            writer.beginObject()
            try writer.field("format", InterchangeDocument.formatName)
            try writer.field("formatVersion", InterchangeDocument.currentVersion)
            if let generator { try writer.field("generator", generator) }
            try writer.field("scope", scope)

            try writer.beginArray("organisations")
            try store.forEachRow(of: .organisations) { row in
                try writer.element(OrganisationRecord(name: try row.decode("name"), kind: try row.decode("kind"),
                                                      isCooperationMember: try row.decode("is_cooperation_member"),
                                                      organisationNumber: row["organisation_number", as: String.self]))
            }
            writer.endArray()
            try writer.beginArray("people")
            try store.forEachRow(of: .people) { row in
                try writer.element(PersonRecord(name: try row.decode("name"), email: row["email", as: String.self], title: row["title", as: String.self]))
            }
            writer.endArray()
            try writer.beginArray("bodies")
            var bodies: [Row] = []
            try store.forEachRow(of: .bodies) { bodies.append($0) }
            for row in bodies { try writer.element(try body(row, names: names)) }
            writer.endArray()
            try writer.beginArray("memberships")
            try store.forEachRow(of: .memberships) { row in
                try writer.element(MembershipRecord(
                    body: names.body[try row.decode("body_id")]!, person: names.person[try row.decode("person_id")]!,
                    role: try row.decode("role"), organisation: row["organisation_id", as: Int64.self].flatMap { names.organisation[$0] },
                    votes: try row.decode("votes"), from: row["from_date", as: CalendarDate.self], to: row["to_date", as: CalendarDate.self]))
            }
            writer.endArray()

            var meetingIDs = Set<Int64>()
            try writer.beginArray("meetings")
            var meetingOrder: [Int64] = []
            try store.forEachRow(of: .meetingKeys) { meetingOrder.append(try $0.decode("id")) }
            for id in meetingOrder.sorted() {
                let key = names.meeting[id]!
                guard scope.includes(body: key.body, date: key.date) else { continue }
                meetingIDs.insert(id)
                try writer.element(try meeting(id: id, names: names))
            }
            writer.endArray()

            // Which items, cases and files are in scope, before any of them is written.
            var itemIDs = Set<Int64>(), exemptIDs = Set<Int64>(), caseIDs = Set<Int64>(), placeholderCases = Set<Int64>()
            try store.forEachRow(of: .itemPlacements) { row in
                guard meetingIDs.contains(try row.decode("meeting_id")) else { return }
                let id: Int64 = try row.decode("id"), caseID: Int64 = try row.decode("case_id")
                itemIDs.insert(id)
                caseIDs.insert(caseID)
                if ItemFacts.withholds(isExempt: try row.decode("is_exempt"), isPublic: scope.isPublic) {
                    exemptIDs.insert(id)
                    placeholderCases.insert(caseID)
                }
            }
            try writer.beginArray("cases")
            try store.forEachRow(of: .cases) { row in
                let id: Int64 = try row.decode("id")
                guard scope.isWhole || caseIDs.contains(id) else { return }
                try writer.element(placeholderCases.contains(id)
                    ? CaseRecord(key: "case-\(id)", title: ItemFacts.exemptPlaceholder, archiveNumber: nil)
                    : CaseRecord(key: "case-\(id)", title: try row.decode("title"), archiveNumber: row["archive_number", as: String.self]))
            }
            writer.endArray()
            try writer.beginArray("items")
            try store.forEachRow(of: .items) { row in
                let id: Int64 = try row.decode("id")
                guard itemIDs.contains(id) else { return }
                let record = try item(row, names: names)
                try writer.element(record.published(scope.isPublic, key: names.item[id]!))
            }
            writer.endArray()

            var attachments: [AttachmentRecord] = []
            var shas = Set<String>()
            try store.forEachRow(of: .attachments) { row in
                let itemID = row["item_id", as: Int64.self], meetingID = row["meeting_id", as: Int64.self]
                if let itemID, !itemIDs.contains(itemID) || exemptIDs.contains(itemID) { return }
                if let meetingID, !meetingIDs.contains(meetingID) { return }
                let sha = row["sha256", as: String.self]
                if let sha { shas.insert(sha) }
                attachments.append(AttachmentRecord(
                    item: itemID.map { names.item[$0]!.reference }, meeting: meetingID.map { names.meeting[$0]!.reference },
                    title: try row.decode("title"), mediaType: try row.decode("media_type"), sha256: sha,
                    fileReference: row["file_reference", as: String.self], position: try row.decode("position")))
            }
            try writer.beginArray("files")
            try store.forEachRow(of: .storedFiles) { row in
                let sha: String = try row.decode("sha256")
                guard scope.isWhole || shas.contains(sha) else { return }
                try writer.element(StoredFileRecord(sha256: sha, size: try row.decode("size"), content: row["content", as: Data.self]))
            }
            writer.endArray()
            try writer.beginArray("attachments")
            for attachment in attachments { try writer.element(attachment) }
            writer.endArray()
            try writer.beginArray("corrections")
            try store.forEachRow(of: .corrections) { row in
                let itemID = row["item_id", as: Int64.self]
                guard meetingIDs.contains(try row.decode("meeting_id")), !(itemID.map(exemptIDs.contains) ?? false) else { return }
                try writer.element(CorrectionRecord(
                    meeting: names.meeting[try row.decode("meeting_id")]!.reference, item: itemID.map { names.item[$0]!.reference },
                    field: try row.decode("field"), oldValue: row["old_value", as: String.self], newValue: row["new_value", as: String.self],
                    reason: try row.decode("reason"), correctedOn: try row.decode("corrected_on")))
            }
            writer.endArray()
            try writer.beginArray("importedDocuments")
            try store.forEachRow(of: .importedDocuments) { row in
                guard meetingIDs.contains(try row.decode("meeting_id")) else { return }
                try writer.element(ImportedDocumentRecord(
                    sha256: try row.decode("sha256"), fileName: try row.decode("file_name"), kind: try row.decode("kind"),
                    meeting: names.meeting[try row.decode("meeting_id")]!.reference, itemsRead: try row.decode("items_read"),
                    warnings: try row.decode("warnings"), importedOn: try row.decode("imported_on")))
            }
            writer.endArray()
            try writer.endObject()
        }
    }

    private func body(_ row: Row, names: Names) throws -> BodyRecord {
        let id: Int64 = try row.decode("id")
        return BodyRecord(
            slug: try row.decode("slug"), name: try row.decode("name"), kind: try row.decode("kind"),
            parent: row["parent_id", as: Int64.self].flatMap { names.body[$0] }, mandate: row["mandate", as: String.self],
            defaultSeries: row["default_series", as: String.self], templateFolder: row["template_folder", as: String.self],
            aliases: try store.rows(.bodyAliases, of: id).map { try $0.decode(at: 0) },
            standingItems: try store.rows(.standingItems, of: id).map { row in
                StandingItemRecord(position: try row.decode("position"), purpose: try row.decode("purpose"), title: try row.decode("title"),
                                   kind: try row.decode("kind"), basis: row["basis", as: String.self], proposal: row["proposal", as: String.self])
            },
            numberCounters: try store.rows(.numberCounters, of: id).map { row in
                NumberCounterRecord(year: try row.decode("year"), series: try row.decode("series"), lastSequence: try row.decode("last_sequence"))
            })
    }

    private func meeting(id: Int64, names: Names) throws -> MeetingRecord {
        let row = try store.rows(.meeting, of: id)[0]
        let key = names.meeting[id]!
        var record = MeetingRecord(
            body: key.body, date: key.date, start: row["start_time", as: TimeOfDay.self], end: row["end_time", as: TimeOfDay.self],
            place: row["place", as: String.self], kind: try row.decode("kind"), status: try row.decode("status"),
            minuteTaker: row["minute_taker_id", as: Int64.self].flatMap { names.person[$0] },
            summonsPlace: row["summons_place", as: String.self], summonsDate: row["summons_date", as: CalendarDate.self],
            addressees: row["addressees", as: String.self], signer: row["signer_id", as: Int64.self].flatMap { names.person[$0] })
        record.attendance = try store.rows(.attendance, of: id).map { row in
            AttendanceRecord(person: names.person[try row.decode("person_id")]!, status: try row.decode("status"),
                             substituteFor: row["substitute_for_id", as: Int64.self].flatMap { names.person[$0] },
                             guestRole: row["guest_role", as: String.self])
        }
        if let approval = try store.rows(.minutesApproval, of: id).first {
            record.minutesApproval = MinutesApprovalRecord(
                approvedAt: approval["approved_at_meeting_id", as: Int64.self].flatMap { names.meeting[$0]?.reference },
                approvedOn: try approval.decode("approved_on"),
                signers: try store.rows(.minutesSigners, of: id)
                    .map { names.person[try $0.decode(at: 0)]! })
        }
        return record
    }

    private func item(_ row: Row, names: Names) throws -> ItemRecord {
        let id: Int64 = try row.decode("id")
        let key = names.item[id]!
        var record = ItemRecord(
            body: key.body, meetingDate: names.meeting[try row.decode("meeting_id")]!.date, number: key.number,
            case: "case-\(try row.decode("case_id", as: Int64.self))", position: try row.decode("position"), section: try row.decode("section"),
            kind: row["kind", as: ItemKind.self], standingPurpose: row["standing_purpose", as: StandingItem.Purpose.self],
            title: try row.decode("title"), basis: row["basis", as: String.self], caseText: row["case_text", as: String.self],
            proposal: row["proposal", as: String.self], archiveCaseNumber: row["archive_case_number", as: String.self],
            isExempt: try row.decode("is_exempt"), publicTitle: row["public_title", as: String.self],
            exemptionBasis: row["exemption_basis", as: String.self], exemptUntil: row["exempt_until", as: CalendarDate.self],
            handlingStatus: try row.decode("handling_status"), arrival: try row.decode("arrival"),
            caseLink: row["case_link", as: String.self].flatMap { $0 == "explicit" ? nil : $0 },
            previousItem: row["previous_item_id", as: Int64.self].flatMap { names.item[$0]?.reference },
            approvesMeeting: row["approves_meeting_id", as: Int64.self].flatMap { names.meeting[$0]?.reference })
        if let decision = try store.rows(.decision, of: id).first {
            record.decision = DecisionRecord(
                text: decision["text", as: String.self], outcome: try decision.decode("outcome"),
                isUnanimous: try decision.decode("is_unanimous"), votesFor: decision["votes_for", as: Int.self],
                votesAgainst: decision["votes_against", as: Int.self], votesAbstaining: decision["votes_abstaining", as: Int.self],
                remarks: decision["remarks", as: String.self], isFinal: try decision.decode("is_final"),
                referredTo: decision["referred_to_body_id", as: Int64.self].flatMap { names.body[$0] })
        }
        record.votes = try store.rows(.votes, of: id).map { row in
            VoteRecord(person: names.person[try row.decode("person_id")]!, ballot: try row.decode("ballot"), represents: row["represents", as: String.self])
        }
        record.conflictsOfInterest = try store.rows(.conflictsOfInterest, of: id).map { row in
            ConflictOfInterestRecord(person: names.person[try row.decode("person_id")]!, legalBasis: row["legal_basis", as: String.self],
                                     replacedBy: row["replaced_by_id", as: Int64.self].flatMap { names.person[$0] })
        }
        let proposals = try store.rows(.proposals, of: id).map { row in
            ProposalRecord(
                number: try row.decode("number"), proposer: names.person[try row.decode("proposer_id")]!, text: try row.decode("text"),
                outcome: row["outcome", as: Outcome.self], isUnanimous: try row.decode("is_unanimous"),
                votesFor: row["votes_for", as: Int.self], votesAgainst: row["votes_against", as: Int.self],
                votesAbstaining: row["votes_abstaining", as: Int.self],
                votes: try store.rows(.proposalVotes, of: try row.decode("id")).map { vote in
                    VoteRecord(person: names.person[try vote.decode("person_id")]!, ballot: try vote.decode("ballot"), represents: nil)
                })
        }
        record.proposals = proposals.isEmpty ? nil : proposals
        return record
    }
}

extension ItemRecord {
    /// The record as the public sees it (``ItemFacts/publicForm(placeholder:)``): an exempt item
    /// keeps its place on the agenda (body, meeting, number, case key, position, section) and its
    /// number, public title and legal basis; every other field is empty, its decision, votes,
    /// conflicts of interest and links to other items included.
    func published(_ isPublic: Bool, key: ItemKey) -> ItemRecord {
        let number = ItemNumber(series: Series(key.series), sequence: key.sequence, year: key.year)
        let facts = ItemFacts(number: number, title: title, isExempt: isExempt, publicTitle: publicTitle, exemptionBasis: exemptionBasis,
                              kind: kind, documentBasis: basis, caseText: caseText, proposal: proposal,
                              archiveCaseNumber: archiveCaseNumber, exemptUntil: exemptUntil, handling: handlingStatus, arrival: arrival,
                              decision: decision?.text, outcome: decision?.outcome, remarks: decision?.remarks)
            .published(isPublic)
        guard facts.isWithheld else { return self }
        var record = self
        record.title = facts.title
        record.isExempt = facts.isExempt
        record.publicTitle = facts.publicTitle
        record.exemptionBasis = facts.exemptionBasis
        record.kind = facts.kind
        record.basis = facts.documentBasis
        record.caseText = facts.caseText
        record.proposal = facts.proposal
        record.archiveCaseNumber = facts.archiveCaseNumber
        record.exemptUntil = facts.exemptUntil
        record.handlingStatus = facts.handling
        record.arrival = facts.arrival
        record.caseLink = nil
        record.previousItem = nil
        record.approvesMeeting = nil
        record.decision = nil
        record.votes = []
        record.conflictsOfInterest = []
        record.proposals = nil
        return record
    }
}

/// Row id → natural key, for every body, person, organisation, meeting and item: links are
/// written by name even when they point outside the exported scope.
struct Names {
    var body: [Int64: String] = [:]
    var person: [Int64: String] = [:]
    var organisation: [Int64: String] = [:]
    var meeting: [Int64: MeetingKey] = [:]
    var item: [Int64: ItemKey] = [:]

    init(store: Store) throws {
        try store.forEachRow(of: .bodySlugs) { body[try $0.decode("id")] = try $0.decode("slug") }
        try store.forEachRow(of: .personNames) { person[try $0.decode("id")] = try $0.decode("name") }
        try store.forEachRow(of: .organisationNames) { organisation[try $0.decode("id")] = try $0.decode("name") }
        let bodies = body
        try store.forEachRow(of: .meetingKeys) { row in
            meeting[try row.decode("id")] = MeetingKey(body: bodies[try row.decode("body_id")]!, date: try row.decode("date"))
        }
        try store.forEachRow(of: .itemNumbers) { row in
            item[try row.decode("id")] = ItemKey(body: bodies[try row.decode("body_id")]!, series: try row.decode("series"),
                                                 sequence: try row.decode("sequence"), year: try row.decode("year"))
        }
    }
}
