import DocketModel
import DocketStore
import Foundation
import SQLite

/// Writes an ``InterchangeDocument`` into a store, in one transaction: all of it or nothing.
///
/// Into an empty store it gives the exported store back, row for row (the rows are written in
/// the file's order, which is the order they were made in). Into a store that already holds some
/// of it, rows are matched by natural key (organisation and person by name, body by slug, meeting
/// by body and date, item by body and number, file by SHA-256); those found are left as they are
/// and every difference is reported as a conflict, never overwritten.
public struct InterchangeImporter {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Imports the interchange file at `path`, memory-mapped and read one record at a time.
    /// - parameter refusingConflicts: store nothing when any record differs from the store's.
    @discardableResult
    public func importFile(atPath path: String, refusingConflicts: Bool = false) throws -> ImportReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw InterchangeError(file: path, message: "cannot read the file (\(error.localizedDescription)); expected a readable .json file")
        }
        return try importJSON(data, file: path, refusingConflicts: refusingConflicts)
    }

    /// Reads and imports a JSON interchange file; errors name `file`, line and column.
    /// - parameter refusingConflicts: store nothing when any record differs from the store's.
    @discardableResult
    public func importJSON(_ data: Data, file: String, refusingConflicts: Bool = false) throws -> ImportReport {
        let source = try InterchangeSource(data: data, file: file)
        do {
            return try store.write { db in
                var run = try ImportRun(db: db, source: source)
                try run.importAll()
                let report = run.merger.report
                if refusingConflicts, !report.conflicts.isEmpty {
                    throw InterchangeError(file: file, message: "\(report.conflicts.count) record(s) differ from the store's, the first: "
                                           + "\(report.conflicts[0]); expected records that agree with the store")
                }
                return report
            }
        } catch let problem as ImportProblem {
            let location = JSONLocator(data).location(of: problem.path)
            throw InterchangeError(file: file, line: location?.line, column: location?.column,
                                   message: "\(problem.pathDescription): \(problem.message)")
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw InterchangeError(file: file, message: "the file breaks a rule of the store (\(error.message)); expected rows the schema accepts")
        }
    }

    /// Reads every record of one of a file's arrays, as an import does, and counts them: what
    /// decoding costs without a database (the benchmark's split of an import's time).
    public static func countRecords(in data: Data, key: String) throws -> Int {
        let source = try InterchangeSource(data: data, file: "(count)")
        var count = 0
        switch key {
        case "items": try source.each(key, as: ItemRecord.self) { _, _ in count += 1 }
        case "cases": try source.each(key, as: CaseRecord.self) { _, _ in count += 1 }
        default: throw InterchangeError(file: "(count)", message: "no counting of '\(key)'; expected items or cases")
        }
        return count
    }

    /// Imports a document held in memory, through the same path as a file.
    @discardableResult
    public func importDocument(_ document: InterchangeDocument) throws -> ImportReport {
        try importJSON(try JSONEncoder().encode(document), file: "(document)")
    }
}

/// One import: the file's records, the ids their names resolved to, and the merger that writes rows.
struct ImportRun {
    let db: Database
    let source: InterchangeSource
    var merger: RowMerger

    var organisations: [String: Int64] = [:]
    var people: [String: Int64] = [:]
    var bodies: [String: Int64] = [:]
    var meetings: [MeetingKey: Int64] = [:]
    var items: [ItemKey: Int64] = [:]
    var cases: [String: Int64] = [:]
    /// Meetings this import created; the others keep their children as the store has them once final.
    var newMeetings = Set<Int64>()
    var approvedInStore = Set<Int64>()
    /// Approvals of minutes, written once every meeting they name is in.
    var approvals: [(meetingID: Int64, reference: String, approval: MinutesApprovalRecord, index: Int)] = []
    /// New meetings whose minutes are approved: made final last, once their decisions are in.
    var toFinalise: [Int64] = []

    init(db: Database, source: InterchangeSource) throws {
        self.db = db
        self.source = source
        merger = try RowMerger(db: db)
    }

    mutating func importAll() throws {
        try importOrganisations()
        try importPeople()
        try importBodies()
        try importMemberships()
        try importMeetings()
        try importCases()
        try importItems()
        try importFiles()
        try importAttachments()
        try importCorrections()
        try importApprovals()
        try finish()
    }

    // MARK: Organisations, people, bodies

    mutating func importOrganisations() throws {
        try source.each("organisations", as: OrganisationRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("organisations"), .index(index)]
            guard organisations[record.name.lowercased()] == nil else {
                throw ImportProblem(path + [.key("name")], "the organisation '\(record.name)' is listed twice; expected each organisation once")
            }
            let outcome = try merger.merge("organisation", key: [("name", value(record.name))], values: [
                ("kind", value(record.kind)), ("is_cooperation_member", value(record.isCooperationMember)),
                ("organisation_number", value(record.organisationNumber)),
            ], what: "organisation '\(record.name)'")
            organisations[record.name.lowercased()] = outcome.id
        }
    }

    mutating func importPeople() throws {
        try source.each("people", as: PersonRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("people"), .index(index)]
            guard people[record.name.lowercased()] == nil else {
                throw ImportProblem(path + [.key("name")], "two people are named '\(record.name)'; expected names that tell people apart")
            }
            let values = [("email", value(record.email)), ("title", value(record.title))]
            if !merger.storeWasEmpty {
                let found = try db.fetchAll("SELECT * FROM person WHERE name = ? COLLATE NOCASE", [record.name])
                if found.count > 1 {
                    throw ImportProblem(path + [.key("name")], "the store has several people named '\(record.name)'; expected one")
                }
                if let row = found.first {
                    let id: Int64 = try row.decode("id")
                    _ = try merger.merge("person", key: [("id", value(id))], values: [("name", value(record.name))] + values,
                                         what: "person '\(record.name)'")
                    people[record.name.lowercased()] = id
                    return
                }
            }
            people[record.name.lowercased()] = try merger.insert("person", [("name", value(record.name))] + values)
        }
    }

    mutating func importBodies() throws {
        var newBodies: [(Int64, BodyRecord, Int)] = []
        var records: [BodyRecord] = []
        try source.each("bodies", as: BodyRecord.self) { _, record in records.append(record) }
        for (index, record) in records.enumerated() {
            let path: [JSONPathComponent] = [.key("bodies"), .index(index)]
            guard bodies[record.slug] == nil else {
                throw ImportProblem(path + [.key("slug")], "the body '\(record.slug)' is listed twice; expected each slug once")
            }
            let outcome = try merger.merge("body", key: [("slug", value(record.slug))], values: [
                ("name", value(record.name)), ("kind", value(record.kind)), ("mandate", value(record.mandate)),
                ("default_series", value(record.defaultSeries)), ("template_folder", value(record.templateFolder)),
            ], what: "body '\(record.slug)'")
            bodies[record.slug] = outcome.id
            if outcome.isNew { newBodies.append((outcome.id, record, index)) }
        }
        // Parents go in once every body has an id: a body may name one listed after it.
        for (id, record, index) in newBodies {
            if let parent = record.parent {
                let parentID = try body(parent, at: [.key("bodies"), .index(index), .key("parent")])
                try db.execute("UPDATE body SET parent_id = ? WHERE id = ?", [parentID, id])
            }
        }
        for (index, record) in records.enumerated() {
            let bodyID = bodies[record.slug]!
            for (position, alias) in record.aliases.enumerated() {
                if let owner = try db.fetchValue(Int64.self, "SELECT body_id FROM body_alias WHERE alias = ?", [alias]) {
                    if owner != bodyID { merger.conflict("the alias '\(alias)' of body '\(record.slug)' names another body in the store; kept the store's") }
                    continue
                }
                guard !alias.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ImportProblem([.key("bodies"), .index(index), .key("aliases"), .index(position)], "an empty alias; expected a name")
                }
                try merger.insert("body_alias", [("alias", value(alias)), ("body_id", value(bodyID))])
            }
            for standing in record.standingItems {
                try merger.merge("standing_item", key: [("body_id", value(bodyID)), ("position", value(standing.position))], values: [
                    ("purpose", value(standing.purpose)), ("title", value(standing.title)), ("kind", value(standing.kind)),
                    ("basis", value(standing.basis)), ("proposal", value(standing.proposal)),
                ], what: "standing item \(standing.position) of body '\(record.slug)'")
            }
            for counter in record.numberCounters {
                try db.execute("""
                    INSERT INTO number_counter (body_id, year, series, last_sequence) VALUES (?, ?, ?, ?)
                    ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)
                    """, [bodyID, counter.year, counter.series, counter.lastSequence])
            }
        }
    }

    mutating func importMemberships() throws {
        try source.each("memberships", as: MembershipRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("memberships"), .index(index)]
            let bodyID = try body(record.body, at: path + [.key("body")])
            let personID = try person(record.person, at: path + [.key("person")])
            try merger.merge("membership", key: [
                ("body_id", value(bodyID)), ("person_id", value(personID)), ("role", value(record.role)), ("from_date", value(record.from)),
            ], values: [
                ("organisation_id", value(try record.organisation.map { try organisation($0, at: path + [.key("organisation")]) })),
                ("votes", value(record.votes)), ("to_date", value(record.to)),
            ], what: "the seat of \(record.person) in '\(record.body)'")
        }
    }

    // MARK: Meetings

    mutating func importMeetings() throws {
        try source.each("meetings", as: MeetingRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("meetings"), .index(index)]
            let key = MeetingKey(body: record.body, date: record.date)
            guard meetings[key] == nil else {
                throw ImportProblem(path + [.key("date")], "the meeting \(key.reference) is listed twice; expected one meeting a body and day")
            }
            let bodyID = try body(record.body, at: path + [.key("body")])
            let outcome = try merger.merge("meeting", key: [("body_id", value(bodyID)), ("date", value(record.date))], values: [
                ("start_time", value(record.start)), ("end_time", value(record.end)), ("place", value(record.place)),
                ("kind", value(record.kind)), ("status", value(record.status)),
                ("minute_taker_id", value(try record.minuteTaker.map { try person($0, at: path + [.key("minuteTaker")]) })),
                ("summons_place", value(record.summonsPlace)), ("summons_date", value(record.summonsDate)),
                ("addressees", value(record.addressees)),
                ("signer_id", value(try record.signer.map { try person($0, at: path + [.key("signer")]) })),
            ], insertOnly: record.status == .minutesApproved ? [("status", value(MeetingStatus.held))] : [],
               what: "meeting \(key.reference)")
            meetings[key] = outcome.id
            if let approval = record.minutesApproval {
                approvals.append((outcome.id, key.reference, approval, index))
            }
            if outcome.isNew {
                newMeetings.insert(outcome.id)
                if record.status == .minutesApproved { toFinalise.append(outcome.id) }
            } else if case let .existing(_, row) = outcome, row["status", as: MeetingStatus.self] == .minutesApproved {
                approvedInStore.insert(outcome.id)
            }
            for (position, entry) in record.attendance.enumerated() {
                let entryPath = path + [.key("attendance"), .index(position)]
                let values = [("status", value(entry.status)),
                              ("substitute_for_id", value(try entry.substituteFor.map { try person($0, at: entryPath + [.key("substituteFor")]) }))]
                try mergeChild(of: outcome.id, "attendance", key: [("meeting_id", value(outcome.id)), ("person_id", value(try person(entry.person, at: entryPath + [.key("person")])))],
                               values: values, what: "the attendance of \(entry.person) at \(key.reference)")
            }
        }
    }

    /// Adds a row that the approved minutes of a meeting in the store would have to change: that
    /// is a conflict, not an insert.
    mutating func mergeChild(of meetingID: Int64, _ table: String, key: [(String, DatabaseValue)], values: [(String, DatabaseValue)],
                             what: @autoclosure () -> String) throws {
        if approvedInStore.contains(meetingID), try merger.existing(table, key: key) == nil {
            merger.conflict("\(what()) is not in the store, whose minutes of that meeting are approved; left out")
            return
        }
        try merger.merge(table, key: key, values: values, what: what())
    }

    // MARK: Cases and items

    /// Case files: one with the same archive number, or the one an item of the case already in
    /// the store belongs to, is reused; the others are new.
    mutating func importCases() throws {
        // Only a store that had records before can hold items of these cases already.
        var itemsOfCase: [String: [ItemKey]] = [:]
        if !merger.storeWasEmpty {
            try source.each("items", as: ItemRecord.self) { _, item in
                if let key = ItemKey(body: item.body, number: item.number) { itemsOfCase[item.case, default: []].append(key) }
            }
        }
        try source.each("cases", as: CaseRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("cases"), .index(index)]
            guard cases[record.key] == nil else {
                throw ImportProblem(path + [.key("key")], "the case key '\(record.key)' is used twice; expected each key once")
            }
            if !merger.storeWasEmpty {
                if let archive = record.archiveNumber,
                   let id = try db.fetchValue(Int64.self, "SELECT id FROM case_file WHERE archive_number = ?", [archive]) {
                    cases[record.key] = id
                    return
                }
                if let id = try existingCase(of: itemsOfCase[record.key] ?? []) {
                    cases[record.key] = id
                    return
                }
            }
            cases[record.key] = try merger.insert("case_file", [("title", value(record.title)), ("archive_number", value(record.archiveNumber))])
        }
    }

    private func existingCase(of keys: [ItemKey]) throws -> Int64? {
        for key in keys {
            guard let bodyID = bodies[key.body] else { continue }
            if let id = try db.fetchValue(Int64.self, "SELECT case_id FROM agenda_item WHERE body_id = ? AND year = ? AND series = ? AND sequence = ?",
                                          [bodyID, key.year, key.series, key.sequence]) {
                return id
            }
        }
        return nil
    }

    mutating func importItems() throws {
        try source.each("items", as: ItemRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("items"), .index(index)]
            guard let key = ItemKey(body: record.body, number: record.number) else {
                throw ImportProblem(path + [.key("number")], "'\(record.number)' is not an item number; expected \(ItemKey.expected)")
            }
            guard items[key] == nil else {
                throw ImportProblem(path + [.key("number")], "the item number \(key.reference) is used twice; expected each number once a body, year and series")
            }
            let bodyID = try body(record.body, at: path + [.key("body")])
            let meetingKey = MeetingKey(body: record.body, date: record.meetingDate)
            guard let meetingID = meetings[meetingKey] else {
                throw ImportProblem(path + [.key("meetingDate")], "no meeting \(meetingKey.reference) in the file; expected one of the file's meetings")
            }
            guard let caseID = cases[record.case] else {
                throw ImportProblem(path + [.key("case")], "no case '\(record.case)' in the file; expected a key from 'cases'")
            }
            var arrival = record.arrival
            var previousID: Int64?
            if let previous = record.previousItem {
                previousID = try self.itemID(previous, at: path + [.key("previousItem")])
                if previousID == nil {
                    merger.warn("\(key.reference) continues \(previous), which neither the file nor the store has; imported as a new matter")
                    arrival = "new"
                }
            }
            var approvesID: Int64?
            if let approves = record.approvesMeeting {
                approvesID = try self.meetingID(approves, at: path + [.key("approvesMeeting")])
                if approvesID == nil { merger.warn("\(key.reference) approves the minutes of \(approves), which neither the file nor the store has") }
            }
            let itemKey: [(String, DatabaseValue)] = [("body_id", value(bodyID)), ("year", value(key.year)), ("series", value(key.series)), ("sequence", value(key.sequence))]
            if !newMeetings.contains(meetingID), try merger.existing("agenda_item", key: itemKey) == nil,
               try db.fetchOne("SELECT 1 FROM agenda_item WHERE meeting_id = ? AND position = ?", [meetingID, record.position]) != nil {
                merger.conflict("\(key.reference) would take position \(record.position) of \(meetingKey.reference), where the store has another item; left out")
                return
            }
            let outcome = try merger.merge("agenda_item", key: itemKey, values: [
                ("meeting_id", value(meetingID)), ("position", value(record.position)), ("section", value(record.section)),
                ("kind", value(record.kind)), ("standing_purpose", value(record.standingPurpose)), ("title", value(record.title)),
                ("basis", value(record.basis)), ("case_text", value(record.caseText)), ("proposal", value(record.proposal)),
                ("archive_case_number", value(record.archiveCaseNumber)), ("is_exempt", value(record.isExempt)),
                ("public_title", value(record.publicTitle)), ("exemption_basis", value(record.exemptionBasis)),
                ("exempt_until", value(record.exemptUntil)), ("handling_status", value(record.handlingStatus)),
                ("arrival", value(arrival)), ("previous_item_id", value(previousID)), ("approves_meeting_id", value(approvesID)),
            ], insertOnly: [("case_id", value(caseID))], what: "item \(key.reference)")
            items[key] = outcome.id
            try importDecision(of: record, itemID: outcome.id, meetingID: meetingID, path: path)
        }
    }

    private mutating func importDecision(of record: ItemRecord, itemID: Int64, meetingID: Int64, path: [JSONPathComponent]) throws {
        let reference = record.reference
        if let decision = record.decision {
            try mergeChild(of: meetingID, "decision", key: [("item_id", value(itemID))], values: [
                ("text", value(decision.text)), ("outcome", value(decision.outcome)), ("is_unanimous", value(decision.isUnanimous)),
                ("votes_for", value(decision.votesFor)), ("votes_against", value(decision.votesAgainst)),
                ("votes_abstaining", value(decision.votesAbstaining)), ("remarks", value(decision.remarks)),
                ("is_final", value(decision.isFinal)),
                ("referred_to_body_id", value(try decision.referredTo.map { try body($0, at: path + [.key("decision"), .key("referredTo")]) })),
            ], what: "the decision on \(reference)")
        }
        for (index, vote) in record.votes.enumerated() {
            let votePath = path + [.key("votes"), .index(index)]
            try mergeChild(of: meetingID, "vote", key: [("item_id", value(itemID)), ("person_id", value(try person(vote.person, at: votePath + [.key("person")])))],
                           values: [("ballot", value(vote.ballot)), ("represents", value(vote.represents))],
                           what: "the vote of \(vote.person) on \(reference)")
        }
        for (index, conflict) in record.conflictsOfInterest.enumerated() {
            let conflictPath = path + [.key("conflictsOfInterest"), .index(index)]
            try mergeChild(of: meetingID, "conflict_of_interest", key: [
                ("item_id", value(itemID)), ("person_id", value(try person(conflict.person, at: conflictPath + [.key("person")]))),
            ], values: [
                ("legal_basis", value(conflict.legalBasis)),
                ("replaced_by_id", value(try conflict.replacedBy.map { try person($0, at: conflictPath + [.key("replacedBy")]) })),
            ], what: "the conflict of interest of \(conflict.person) on \(reference)")
        }
    }

    // MARK: Files, attachments, corrections, approvals

    mutating func importFiles() throws {
        var seen = Set<String>()
        try source.each("files", as: StoredFileRecord.self) { index, file in
            let path: [JSONPathComponent] = [.key("files"), .index(index)]
            guard seen.insert(file.sha256).inserted else {
                throw ImportProblem(path + [.key("sha256")], "the file \(file.sha256) is listed twice; expected each content once")
            }
            if let content = file.content, content.count != file.size {
                throw ImportProblem(path + [.key("size")], "the size is \(file.size) but the content has \(content.count) bytes; expected them to agree")
            }
            try merger.merge("stored_file", key: [("sha256", value(file.sha256))], values: [("size", value(file.size)), ("content", value(file.content))],
                             what: "the file \(file.sha256)")
        }
    }

    mutating func importAttachments() throws {
        try source.each("attachments", as: AttachmentRecord.self) { index, attachment in
            let path: [JSONPathComponent] = [.key("attachments"), .index(index)]
            var itemID: Int64?, meetingID: Int64?
            if let item = attachment.item {
                itemID = try self.itemID(item, at: path + [.key("item")])
                guard itemID != nil else { throw ImportProblem(path + [.key("item")], "no item \(item) in the file or the store; expected an item's number") }
            }
            if let meeting = attachment.meeting {
                meetingID = try self.meetingID(meeting, at: path + [.key("meeting")])
                guard meetingID != nil else { throw ImportProblem(path + [.key("meeting")], "no meeting \(meeting) in the file or the store; expected body@date") }
            }
            guard (itemID == nil) != (meetingID == nil) else {
                throw ImportProblem(path, "an attachment belongs to an item or a meeting; expected exactly one of 'item' and 'meeting'")
            }
            try merger.merge("attachment", key: [("item_id", value(itemID)), ("meeting_id", value(meetingID)), ("title", value(attachment.title))], values: [
                ("media_type", value(attachment.mediaType)), ("sha256", value(attachment.sha256)),
                ("file_reference", value(attachment.fileReference)), ("position", value(attachment.position)),
            ], what: "the attachment '\(attachment.title)' of \(attachment.item ?? attachment.meeting ?? "")")
        }
    }

    mutating func importCorrections() throws {
        try source.each("corrections", as: CorrectionRecord.self) { index, correction in
            let path: [JSONPathComponent] = [.key("corrections"), .index(index)]
            guard let meetingID = try meetingID(correction.meeting, at: path + [.key("meeting")]) else {
                throw ImportProblem(path + [.key("meeting")], "no meeting \(correction.meeting) in the file or the store; expected body@date")
            }
            let itemID = try correction.item.map { reference -> Int64 in
                guard let id = try self.itemID(reference, at: path + [.key("item")]) else {
                    throw ImportProblem(path + [.key("item")], "no item \(reference) in the file or the store; expected an item's number")
                }
                return id
            }
            try merger.merge("correction", key: [
                ("meeting_id", value(meetingID)), ("item_id", value(itemID)), ("field", value(correction.field)),
                ("old_value", value(correction.oldValue)), ("new_value", value(correction.newValue)),
                ("reason", value(correction.reason)), ("corrected_on", value(correction.correctedOn)),
            ], values: [], what: "a correction of \(correction.item ?? correction.meeting)")
        }
    }

    mutating func importApprovals() throws {
        for (meetingID, reference, approval, index) in approvals {
            let path: [JSONPathComponent] = [.key("meetings"), .index(index), .key("minutesApproval")]
            var approvedAtID: Int64?
            if let approvedAt = approval.approvedAt {
                approvedAtID = try self.meetingID(approvedAt, at: path + [.key("approvedAt")])
                if approvedAtID == nil { merger.warn("the minutes of \(reference) were approved at \(approvedAt), which neither the file nor the store has") }
            }
            try merger.merge("minutes_approval", key: [("meeting_id", value(meetingID))], values: [
                ("approved_at_meeting_id", value(approvedAtID)), ("approved_on", value(approval.approvedOn)),
            ], what: "the approval of the minutes of \(reference)")
            for (position, signer) in approval.signers.enumerated() {
                let personID = try person(signer, at: path + [.key("signers"), .index(position)])
                try merger.merge("minutes_signer", key: [("meeting_id", value(meetingID)), ("person_id", value(personID))], values: [],
                                 what: "the signature of \(signer) on the minutes of \(reference)")
            }
        }
    }

    /// Makes approved minutes final, now that everything under them is in, and lets numbering
    /// continue after the highest imported number.
    mutating func finish() throws {
        for id in toFinalise {
            try db.execute("UPDATE meeting SET status = 'minutes_approved' WHERE id = ?", [id])
        }
        try db.execute("""
            INSERT INTO number_counter (body_id, year, series, last_sequence)
            SELECT body_id, year, series, max(sequence) FROM agenda_item WHERE true GROUP BY body_id, year, series
            ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)
            """)
    }

    // MARK: Names to ids

    func body(_ slug: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = bodies[slug] { return id }
        if let id = try db.fetchValue(Int64.self, "SELECT id FROM body WHERE slug = ?", [slug]) { return id }
        let known = Array(bodies.keys).sorted().prefix(8).joined(separator: ", ")
        throw ImportProblem(path, "no body '\(slug)' in the file or the store; expected a body's slug (\(known))")
    }

    mutating func person(_ name: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = people[name.lowercased()] { return id }
        let ids = try db.fetchAll("SELECT id FROM person WHERE name = ? COLLATE NOCASE", [name]).map { try $0.decode(at: 0, as: Int64.self) }
        if ids.count == 1 {
            people[name.lowercased()] = ids[0]
            return ids[0]
        }
        throw ImportProblem(path, ids.isEmpty ? "no person '\(name)' in the file or the store; expected a name from 'people'"
                                              : "the store has several people named '\(name)'; expected one")
    }

    func organisation(_ name: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = organisations[name.lowercased()] { return id }
        if let id = try db.fetchValue(Int64.self, "SELECT id FROM organisation WHERE name = ? COLLATE NOCASE", [name]) { return id }
        throw ImportProblem(path, "no organisation '\(name)' in the file or the store; expected a name from 'organisations'")
    }

    /// The meeting `body@date`, from the file or the store; nil when neither has it.
    func meetingID(_ reference: String, at path: [JSONPathComponent]) throws -> Int64? {
        guard let key = MeetingKey(reference: reference) else {
            throw ImportProblem(path, "'\(reference)' is not a meeting; expected body@YYYY-MM-DD with a date that exists")
        }
        if let id = meetings[key] { return id }
        return try db.fetchValue(Int64.self, "SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.slug = ? AND m.date = ?",
                                 [key.body, key.date])
    }

    /// The item `body PS 8/2019`, from the file or the store; nil when neither has it.
    func itemID(_ reference: String, at path: [JSONPathComponent]) throws -> Int64? {
        guard let key = ItemKey(reference: reference) else {
            throw ImportProblem(path, "'\(reference)' is not an item; expected the body's slug and \(ItemKey.expected)")
        }
        if let id = items[key] { return id }
        return try db.fetchValue(Int64.self, """
            SELECT i.id FROM agenda_item i JOIN body b ON b.id = i.body_id WHERE b.slug = ? AND i.year = ? AND i.series = ? AND i.sequence = ?
            """, [key.body, key.year, key.series, key.sequence])
    }
}

/// A value as SQLite stores it: enumerations by raw value, booleans as 0/1, nil as NULL.
func value(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue {
    value?.databaseValue ?? .null
}
