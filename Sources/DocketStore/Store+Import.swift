import DocketModel
import SQLite

/// Store operations for importing old documents: they fill in what is missing and keep what is
/// there, so that a summons and the minutes of the same meeting merge into one meeting, and an
/// import never overwrites what a secretary entered.
extension Store {
    /// A document already imported, by the SHA-256 of its bytes.
    public func importedMeeting(sha256: String) throws -> String? {
        try db.fetchValue(String.self, """
            SELECT b.slug || '@' || m.date FROM imported_document d JOIN meeting m ON m.id = d.meeting_id
            JOIN body b ON b.id = m.body_id WHERE d.sha256 = ?
            """, [sha256])
    }

    public func recordImportedDocument(sha256: String, fileName: String, kind: String, meetingID: Int64,
                                       itemsRead: Int, warnings: Int) throws {
        try db.execute("""
            INSERT INTO imported_document (sha256, file_name, kind, meeting_id, items_read, warnings, imported_on)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [sha256, fileName, kind, meetingID, itemsRead, warnings, CalendarDate.today])
    }

    /// The meeting of a body on a date, created when the store has none; fields the store lacks
    /// are filled from the draft, fields it has are kept. A meeting whose minutes are approved is
    /// left as it is: they change only through a recorded correction.
    @discardableResult
    public func meetingForImport(bodySlug: String, date: CalendarDate, _ draft: MeetingDraft, status: MeetingStatus) throws -> (Meeting, created: Bool) {
        try write { db in
            let bodyID = try bodyID(slug: bodySlug)
            if let id = try db.fetchValue(Int64.self, "SELECT id FROM meeting WHERE body_id = ? AND date = ?", [bodyID, date]) {
                try db.execute("""
                    UPDATE meeting SET start_time = coalesce(start_time, :start), end_time = coalesce(end_time, :end),
                        place = coalesce(place, :place), summons_place = coalesce(summons_place, :summonsPlace),
                        summons_date = coalesce(summons_date, :summonsDate), addressees = coalesce(addressees, :addressees),
                        status = CASE WHEN status IN ('planned', 'summoned') AND :status = 'held' THEN 'held' ELSE status END
                    WHERE id = :id AND status <> 'minutes_approved'
                    """, ["start": draft.start, "end": draft.end, "place": draft.place, "summonsPlace": draft.summonsPlace,
                          "summonsDate": draft.summonsDate, "addressees": draft.addressees, "status": status, "id": id])
                return (try meeting(id: id), false)
            }
            try db.execute("""
                INSERT INTO meeting (body_id, date, start_time, end_time, place, kind, status, summons_place, summons_date, addressees)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [bodyID, date, draft.start, draft.end, draft.place, draft.kind ?? .ordinary, status,
                      draft.summonsPlace, draft.summonsDate, draft.addressees])
            return (try meeting(id: db.lastInsertedRowID), true)
        }
    }

    /// Puts an item read from a document on its meeting's agenda under the number the document
    /// gives it, or fills in what the store's item of that number lacks (a proposal from the
    /// summons, the rest from the minutes). Returns the item and whether it was new.
    ///
    /// The case is found by archive case number, else (when `linkingByTitle`) by the same title in
    /// another body (a guess, recorded as such), else it is a new case.
    ///
    /// `numberedByPlace`: the document gave the item no number; the reader numbered it by its place
    /// ("1. Åpen halvtime"), as every meeting's first item would be. Where another meeting has that
    /// number, the item is this meeting's item of the same title, else it takes the next free number.
    @discardableResult
    public func importItem(_ draft: ItemDraft, number: ItemNumber, meetingID: Int64,
                           linkingByTitle: Bool = true, numberedByPlace: Bool = false) throws -> (AgendaItem, created: Bool) {
        try write { db in
            let meeting = try meeting(id: meetingID)
            let bodyID = try bodyID(slug: meeting.body)
            var number = number
            var found = try db.fetchValue(Int64.self, """
                SELECT id FROM agenda_item WHERE body_id = ? AND year = ? AND series = ? AND sequence = ?
                """, [bodyID, number.year, number.series?.code ?? "", number.sequence])
            if numberedByPlace, let taken = found, try item(id: taken).meetingID != meeting.id {
                found = try db.fetchValue(Int64.self, "SELECT id FROM agenda_item WHERE meeting_id = ? AND lower(title) = lower(?)",
                                          [meeting.id, draft.title ?? ""])
                if found == nil {
                    let last = try db.fetchValue(Int.self, "SELECT max(sequence) FROM agenda_item WHERE body_id = ? AND year = ? AND series = ?",
                                                 [bodyID, number.year, number.series?.code ?? ""]) ?? 0
                    number = ItemNumber(series: number.series, sequence: last + 1, year: number.year)
                }
            }
            if let existing = found {
                let item = try item(id: existing)
                guard item.meetingID == meeting.id else {
                    throw StoreError.refused(.numberTaken(number: "\(meeting.body) \(number)", foundAt: "\(item.body)@\(item.meetingDate)", importedAt: "\(meeting.reference)"))
                }
                try db.execute("""
                    UPDATE agenda_item SET kind = coalesce(kind, :kind), basis = coalesce(basis, :basis),
                        case_text = coalesce(case_text, :text), proposal = coalesce(proposal, :proposal),
                        archive_case_number = coalesce(archive_case_number, :archive),
                        is_exempt = max(is_exempt, :exempt), exemption_basis = coalesce(exemption_basis, :basis2)
                    WHERE id = :id
                    """, ["kind": draft.kind, "basis": draft.basis, "text": draft.caseText, "proposal": draft.proposal,
                          "archive": draft.archiveCaseNumber, "exempt": draft.exemption ?? false,
                          "basis2": draft.exemptionBasis, "id": existing])
                try refreshReferences(itemID: existing)
                return (try self.item(id: existing), false)
            }
            guard let title = draft.title else { throw StoreError.invalid("an item needs a title") }
            var caseID: Int64?
            var link = "explicit"
            if let archive = draft.archiveCaseNumber,
               let id = try db.fetchValue(Int64.self, "SELECT id FROM case_file WHERE archive_number = ?", [archive]) {
                caseID = id
                link = "archive_number"
            } else if draft.archiveCaseNumber == nil, linkingByTitle, let id = try db.fetchValue(Int64.self, """
                SELECT case_id FROM agenda_item WHERE lower(title) = lower(?) AND body_id <> ? AND section = 'for_consideration'
                ORDER BY id LIMIT 1
                """, [title, bodyID]) {
                caseID = id
                link = "title"
            }
            var draft = draft
            if draft.exemption == true && draft.exemptionBasis == nil { draft.exemptionBasis = "unntatt offentlighet" }
            let id = try insertItem(draft, meetingID: meeting.id, number: number, caseID: caseID)
            if link != "explicit" {
                try db.execute("UPDATE agenda_item SET case_link = ? WHERE id = ?", [link, id])
            }
            return (try item(id: id), true)
        }
    }

    /// Records attendance read from minutes, registering people the store does not know yet.
    public func importAttendance(meetingID: Int64, present: [String], apologies: [String],
                                 substitutes: [(person: String, for: String)]) throws {
        try write { _ in
            for name in present + apologies + substitutes.flatMap({ [$0.person, $0.for] }) {
                _ = try personID(named: name, creating: true)
            }
            let known = Set(try attendance(meetingID: meetingID).map(\.person))
            try recordAttendance(meetingID: meetingID, present: present.filter { !known.contains($0) },
                                 apologies: apologies.filter { !known.contains($0) },
                                 substitutes: substitutes.filter { !known.contains($0.person) })
        }
    }

    /// Records that a person was disqualified for an item (inhabil), and who took the seat.
    public func recordConflictOfInterest(itemID: Int64, person: String, legalBasis: String?, replacedBy: String? = nil) throws {
        try write { db in
            try db.execute("""
                INSERT OR IGNORE INTO conflict_of_interest (item_id, person_id, legal_basis, replaced_by_id) VALUES (?, ?, ?, ?)
                """, [itemID, try personID(named: person, creating: true), legalBasis,
                      try replacedBy.map { try personID(named: $0, creating: true) }])
        }
    }
}

extension Store {
    /// The SHA-256 of every document imported before, so that a batch's readers skip them unread.
    public func importedDocumentDigests() throws -> Set<String> {
        var digests = Set<String>()
        try db.forEachRow("SELECT sha256 FROM imported_document") { row in
            if let digest = String.fromDatabaseValue(row[0]) { digests.insert(digest) }
        }
        return digests
    }
}

/// A vote by name as old minutes print it: the name as written and, where given, the party.
public struct ImportedBallot: Hashable, Sendable {
    public var name: String
    public var ballot: Ballot
    /// The party or organisation the minutes print beside the name ("AP").
    public var represents: String?

    public init(name: String, ballot: Ballot, represents: String? = nil) {
        self.name = name
        self.ballot = ballot
        self.represents = represents
    }
}

extension Store {
    /// Stores the named votes old minutes give for an item's decision. Voters of old minutes seldom
    /// have a seat in the store: each name is the person of that name (case-insensitive) where the
    /// store has one; of several, the one with a seat in the body or at the meeting; where it has
    /// none, a person is registered without a seat, as attendance imports do. The vote row keeps
    /// the party the minutes print beside the name. Returns what was left out, in words.
    @discardableResult
    public func importBallots(itemID: Int64, _ ballots: [ImportedBallot]) throws -> [String] {
        try write { db in
            var skipped: [String] = []
            var seen = Set<Int64>()
            for ballot in ballots {
                let name = ballot.name.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { continue }
                let ids = try db.fetchAll("SELECT id FROM person WHERE name = ? COLLATE NOCASE ORDER BY id", [name])
                    .map { try $0.decode(at: 0, as: Int64.self) }
                let personID: Int64
                if ids.isEmpty {
                    personID = try self.personID(named: name, creating: true)
                } else if ids.count == 1 {
                    personID = ids[0]
                } else {
                    let seated = try db.fetchAll("""
                        SELECT DISTINCT p.id FROM person p JOIN agenda_item i ON i.id = :item
                        WHERE p.name = :name COLLATE NOCASE
                          AND (EXISTS (SELECT 1 FROM membership ms WHERE ms.person_id = p.id AND ms.body_id = i.body_id)
                               OR EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = p.id AND a.meeting_id = i.meeting_id))
                        """, ["item": itemID, "name": name]).map { try $0.decode(at: 0, as: Int64.self) }
                    guard seated.count == 1 else {
                        skipped.append("the store has \(ids.count) people named '\(name)' and none of them alone sits in the body or at the meeting; their vote is left out")
                        continue
                    }
                    personID = seated[0]
                }
                guard seen.insert(personID).inserted else {
                    skipped.append("'\(name)' is named twice in the vote; the first is kept")
                    continue
                }
                try db.execute("""
                    INSERT INTO vote (item_id, person_id, ballot, represents)
                    VALUES (:item, :person, :ballot, coalesce(:represents, (SELECT o.name FROM membership ms JOIN organisation o ON o.id = ms.organisation_id
                        JOIN agenda_item i ON i.body_id = ms.body_id WHERE i.id = :item AND ms.person_id = :person ORDER BY ms.id DESC LIMIT 1)))
                    ON CONFLICT (item_id, person_id) DO UPDATE SET ballot = excluded.ballot, represents = excluded.represents
                    """, ["item": itemID, "person": personID, "ballot": ballot.ballot, "represents": ballot.represents])
            }
            return skipped
        }
    }
}
