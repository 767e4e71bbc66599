import DocketModel
import SQLite

/// An agenda item as a secretary writes it; nil fields are left as they are on edit.
public struct ItemDraft: Sendable {
    public var title: String?
    public var kind: ItemKind?
    public var section: Section?
    public var basis: String?
    public var caseText: String?
    public var proposal: String?
    /// A series other than the body's default (`RS` for an item reported for information).
    public var series: Series?
    public var archiveCaseNumber: String?
    public var isExempt: Bool?
    public var publicTitle: String?
    public var exemptionBasis: String?
    public var exemptUntil: CalendarDate?
    public var standingPurpose: StandingItem.Purpose?
    public var approvesMeetingID: Int64?
    /// An existing item whose case this item continues (the same matter, again).
    public var sameCaseAs: ItemReference?

    /// Whether the item is to be exempt: a legal basis for exemption given without `isExempt`
    /// makes it exempt, so that `--exemption-basis` alone never publishes what it meant to screen.
    var exemption: Bool? {
        isExempt ?? (exemptionBasis != nil ? true : nil)
    }

    public init(title: String? = nil, kind: ItemKind? = nil, section: Section? = nil, basis: String? = nil,
                caseText: String? = nil, proposal: String? = nil, series: Series? = nil) {
        self.title = title
        self.kind = kind
        self.section = section
        self.basis = basis
        self.caseText = caseText
        self.proposal = proposal
        self.series = series
    }
}

extension Store {
    /// Puts an item on a meeting's agenda, at the end of its section, with the next free number
    /// of the body's year and series.
    @discardableResult
    public func addItem(to meetingReference: MeetingReference, _ draft: ItemDraft) throws -> AgendaItem {
        try write { db in
            let meeting = try meeting(meetingReference)
            try ensureAgendaOpen(meeting)
            return try item(id: try insertItem(draft, meetingID: meeting.id))
        }
    }

    /// Inserts an item and numbers it; the caller holds the transaction.
    @discardableResult
    func insertItem(_ draft: ItemDraft, meetingID: Int64, number: ItemNumber? = nil, arrival: String = "new",
                    previousItemID: Int64? = nil, caseID: Int64? = nil) throws -> Int64 {
        guard let title = draft.title, !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.refused(.itemNeedsTitle)
        }
        if draft.exemption == true, draft.exemptionBasis == nil {
            throw StoreError.refused(.exemptItemNeedsBasis)
        }
        let meeting = try db.fetchOne("SELECT m.body_id, m.date, b.default_series FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = ?", [meetingID])!
        let bodyID: Int64 = try meeting.decode("body_id")
        let date: CalendarDate = try meeting.decode("date")
        let series = draft.series ?? meeting["default_series", as: String.self].flatMap(Series.init)
        let assigned: ItemNumber
        if let number {
            assigned = number
            try reserve(number, bodyID: bodyID)
        } else {
            assigned = ItemNumber(series: series, sequence: try nextSequence(bodyID: bodyID, year: date.year, series: series), year: date.year)
        }
        let section = draft.section ?? .forConsideration
        let position = try openPosition(meetingID: meetingID, section: section)
        let resolvedCaseID: Int64
        if let caseID {
            resolvedCaseID = caseID
        } else if let sameCaseAs = draft.sameCaseAs {
            resolvedCaseID = try item(sameCaseAs).caseID
        } else {
            resolvedCaseID = try caseFile(title: title, archiveNumber: draft.archiveCaseNumber)
        }
        try db.execute("""
            INSERT INTO agenda_item (meeting_id, case_id, body_id, series, sequence, year, position, section, kind, standing_purpose,
                title, basis, case_text, proposal, archive_case_number, is_exempt, public_title, exemption_basis, exempt_until,
                arrival, previous_item_id, approves_meeting_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [meetingID, resolvedCaseID, bodyID, assigned.series?.code ?? "", assigned.sequence, assigned.year, position,
                  section, draft.kind, draft.standingPurpose, title, draft.basis, draft.caseText, draft.proposal,
                  draft.archiveCaseNumber, draft.exemption ?? false, draft.publicTitle, draft.exemptionBasis, draft.exemptUntil,
                  arrival, previousItemID, draft.approvesMeetingID])
        let id = db.lastInsertedRowID
        try refreshReferences(itemID: id)
        return id
    }

    /// The next sequence number of a body's year and series. The counter only grows, so a
    /// number is never handed out twice, even after the item that had it is deleted; the write
    /// lock taken by the surrounding transaction keeps two processes from taking the same one.
    func nextSequence(bodyID: Int64, year: Int, series: Series?) throws -> Int {
        let row = try db.fetchOne("""
            INSERT INTO number_counter (body_id, year, series, last_sequence) VALUES (?, ?, ?, 1)
            ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = last_sequence + 1
            RETURNING last_sequence
            """, [bodyID, year, series?.code ?? ""])
        return try row!.decode(at: 0, as: Int.self)
    }

    /// Marks an imported number as used, so that numbering continues after it.
    func reserve(_ number: ItemNumber, bodyID: Int64) throws {
        try db.execute("""
            INSERT INTO number_counter (body_id, year, series, last_sequence) VALUES (?, ?, ?, ?)
            ON CONFLICT (body_id, year, series) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)
            """, [bodyID, number.year, number.series?.code ?? "", number.sequence])
    }

    /// The case file for a new matter, or the existing one with that archive number.
    func caseFile(title: String, archiveNumber: String?) throws -> Int64 {
        if let archiveNumber, let id = try db.fetchValue(Int64.self, "SELECT id FROM case_file WHERE archive_number = ?", [archiveNumber]) {
            return id
        }
        try db.execute("INSERT INTO case_file (title, archive_number) VALUES (?, ?)", [title, archiveNumber])
        return db.lastInsertedRowID
    }

    /// Makes room at the end of `section` (standing items come first) and returns that position.
    private func openPosition(meetingID: Int64, section: Section) throws -> Int {
        let position: Int
        switch section {
        case .standing:
            // Before any other business (eventuelt), which ends the standing items wherever it was added.
            if let anyOtherBusiness = try db.fetchValue(Int.self, """
                SELECT min(position) FROM agenda_item WHERE meeting_id = ? AND section = 'standing' AND standing_purpose = 'any_other_business'
                """, [meetingID]) {
                position = anyOtherBusiness
            } else {
                position = (try db.fetchValue(Int.self, "SELECT max(position) FROM agenda_item WHERE meeting_id = ? AND section = 'standing'", [meetingID]) ?? 0) + 1
            }
        case .forConsideration:
            position = (try db.fetchValue(Int.self, "SELECT max(position) FROM agenda_item WHERE meeting_id = ?", [meetingID]) ?? 0) + 1
        }
        try shiftPositions(meetingID: meetingID, from: position, by: 1)
        return position
    }

    /// Shifts positions ≥ `from` by `delta`, through a detour above every position so that
    /// UNIQUE (meeting, position) holds after each row.
    private func shiftPositions(meetingID: Int64, from: Int, by delta: Int) throws {
        try db.execute("UPDATE agenda_item SET position = position + 1000000 WHERE meeting_id = ? AND position >= ?", [meetingID, from])
        try db.execute("UPDATE agenda_item SET position = position - 1000000 + ? WHERE meeting_id = ? AND position >= 1000000", [delta, meetingID])
    }

    private func ensureAgendaOpen(_ meeting: Meeting) throws {
        guard meeting.status != .cancelled, meeting.status != .minutesApproved else {
            throw StoreError.refused(.agendaClosed(meeting: "\(meeting.reference)", status: meeting.status))
        }
    }

    /// Changes the given fields of an item whose minutes are not approved.
    @discardableResult
    public func editItem(_ reference: ItemReference, _ draft: ItemDraft) throws -> AgendaItem {
        try write { db in
            let item = try item(reference)
            try ensureAgendaOpen(try meeting(id: item.meetingID))
            try db.execute("""
                UPDATE agenda_item SET title = coalesce(:title, title), kind = coalesce(:kind, kind), basis = coalesce(:basis, basis),
                    case_text = coalesce(:text, case_text), proposal = coalesce(:proposal, proposal),
                    archive_case_number = coalesce(:archive, archive_case_number), is_exempt = coalesce(:exempt, is_exempt),
                    public_title = coalesce(:publicTitle, public_title), exemption_basis = coalesce(:basis2, exemption_basis),
                    exempt_until = coalesce(:until, exempt_until)
                WHERE id = :id
                """, ["title": draft.title, "kind": draft.kind, "basis": draft.basis, "text": draft.caseText, "proposal": draft.proposal,
                      "archive": draft.archiveCaseNumber, "exempt": draft.exemption, "publicTitle": draft.publicTitle,
                      "basis2": draft.exemptionBasis, "until": draft.exemptUntil, "id": item.id])
            if let section = draft.section, section != item.section {
                throw StoreError.refused(.sectionChangedByMoving(item: "\(reference)"))
            }
            try refreshReferences(itemID: item.id)
            return try self.item(id: item.id)
        }
    }

    /// Moves an item to `position` (1 = first on the agenda). Standing items stay before the items
    /// for consideration; the item keeps its number.
    @discardableResult
    public func moveItem(_ reference: ItemReference, to position: Int) throws -> [AgendaItem] {
        try write { db in
            let item = try item(reference)
            try ensureAgendaOpen(try meeting(id: item.meetingID))
            var order = try items(meetingID: item.meetingID)
            guard (1...order.count).contains(position) else {
                throw StoreError.refused(.positionOffAgenda(position: position, count: order.count))
            }
            order.removeAll { $0.id == item.id }
            order.insert(item, at: position - 1)
            if let firstBusiness = order.firstIndex(where: { $0.section == .forConsideration }),
               order[firstBusiness...].contains(where: { $0.section == .standing }) {
                throw StoreError.refused(.standingItemAfterConsideration(position: position))
            }
            try db.execute("UPDATE agenda_item SET position = position + 1000000 WHERE meeting_id = ?", [item.meetingID])
            for (offset, entry) in order.enumerated() {
                try db.execute("UPDATE agenda_item SET position = ? WHERE id = ?", [offset + 1, entry.id])
            }
            return try items(meetingID: item.meetingID)
        }
    }

    /// Removes an item from an agenda that is still open. Its number is not given out again.
    public func deleteItem(_ reference: ItemReference) throws {
        try write { db in
            let item = try item(reference)
            try ensureAgendaOpen(try meeting(id: item.meetingID))
            if try db.fetchOne("SELECT 1 FROM agenda_item WHERE previous_item_id = ?", [item.id]) != nil {
                throw StoreError.refused(.itemHasLaterHandling(item: "\(reference)"))
            }
            try db.execute("DELETE FROM agenda_item WHERE id = ?", [item.id])
            try shiftPositions(meetingID: item.meetingID, from: item.position + 1, by: -1)
        }
    }

    /// Postpones an item to a later meeting of the same body: a new item with a new number there,
    /// linked to the same case; the item here is recorded as postponed.
    @discardableResult
    public func postponeItem(_ reference: ItemReference, to meetingReference: MeetingReference, remarks: String? = nil) throws -> AgendaItem {
        try write { db in
            let item = try item(reference)
            let target = try meeting(meetingReference)
            guard target.body == item.body else {
                throw StoreError.refused(.postponeToOtherBody(item: "\(reference)", meeting: "\(meetingReference)", body: "\(target.body)"))
            }
            guard target.date > item.meetingDate else {
                throw StoreError.refused(.postponeNotLater(meeting: "\(meetingReference)", itemDate: item.meetingDate))
            }
            try ensureAgendaOpen(target)
            try recordDecision(item.id, DecisionDraft(text: remarks, outcome: .postponed, tally: nil, remarks: remarks, isFinal: false))
            try db.execute("UPDATE agenda_item SET handling_status = 'postponed' WHERE id = ?", [item.id])
            let newID = try insertItem(item.continuation, meetingID: target.id, arrival: "postponed", previousItemID: item.id, caseID: item.caseID)
            return try self.item(id: newID)
        }
    }

    /// Refers an item to another body (by default the parent body, as the mandates require when a
    /// group cannot agree): a new item with that body's next number at its meeting, same case.
    @discardableResult
    public func referItem(_ reference: ItemReference, to meetingReference: MeetingReference, remarks: String? = nil) throws -> AgendaItem {
        try write { db in
            let item = try item(reference)
            let target = try meeting(meetingReference)
            guard target.body != item.body else {
                throw StoreError.refused(.referWithinBody(item: "\(reference)", meeting: "\(meetingReference)"))
            }
            guard target.date >= item.meetingDate else {
                throw StoreError.refused(.referToEarlier(meeting: "\(meetingReference)", itemDate: item.meetingDate))
            }
            try ensureAgendaOpen(target)
            var decision = DecisionDraft(text: remarks, outcome: .referred, tally: nil, remarks: remarks, isFinal: false)
            decision.referredTo = target.body
            try recordDecision(item.id, decision)
            let newID = try insertItem(item.continuation, meetingID: target.id, arrival: "referred", previousItemID: item.id, caseID: item.caseID)
            return try self.item(id: newID)
        }
    }

    /// The next meeting of `bodySlug` after `date` that is still open, for referrals without a date.
    public func nextOpenMeeting(bodySlug: String, after date: CalendarDate) throws -> Meeting? {
        let bodyID = try bodyID(slug: bodySlug)
        return try db.fetchValue(Int64.self, """
            SELECT id FROM meeting WHERE body_id = ? AND date >= ? AND status IN ('planned', 'summoned') ORDER BY date LIMIT 1
            """, [bodyID, date]).map { try meeting(id: $0) }
    }

    // MARK: Reading

    public func items(meeting reference: MeetingReference) throws -> [AgendaItem] {
        try items(meetingID: try meeting(reference).id)
    }

    /// A meeting's items in agenda order, by the meeting's row id.
    public func items(meetingID: Int64) throws -> [AgendaItem] {
        try db.fetchAll(Store.itemSelect + " WHERE i.meeting_id = ? ORDER BY i.position", [meetingID]).map(AgendaItem.init(row:))
    }

    /// An item by its parsed reference; a number without series is in the body's own series.
    public func item(_ reference: ItemReference) throws -> AgendaItem {
        let body = try body(slug: reference.bodySlug)
        let number = reference.number.inSeries(body.defaultSeries)
        guard let row = try db.fetchOne(Store.itemSelect + " WHERE i.body_id = ? AND i.year = ? AND i.series = ? AND i.sequence = ?",
                                        [body.id, number.year, number.series?.code ?? "", number.sequence]) else {
            let slug = reference.bodySlug
            let numbers = try db.fetchAll("SELECT series, sequence, year FROM agenda_item WHERE body_id = ? AND year = ?", [body.id, number.year])
                .map { row in "\(slug) " + ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"), year: try row.decode("year")).description }
            throw StoreError.notFound(kind: "item", name: "\(slug) \(number)", suggestions: suggestions(for: "\(slug) \(number)", among: numbers))
        }
        return try AgendaItem(row: row)
    }

    /// An item by its row id, for callers that already hold one (the importer, the papers).
    public func item(id: Int64) throws -> AgendaItem {
        guard let row = try db.fetchOne(Store.itemSelect + " WHERE i.id = ?", [id]) else {
            throw StoreError.notFound(kind: "item", name: "#\(id)", suggestions: [])
        }
        return try AgendaItem(row: row)
    }

    /// Every handling of an item's case, in date order: where it came from and where it went.
    public func casePath(of reference: ItemReference) throws -> [AgendaItem] {
        try casePath(of: try item(reference))
    }

    public func casePath(of item: AgendaItem) throws -> [AgendaItem] {
        try db.fetchAll(Store.itemSelect + " WHERE i.case_id = ? ORDER BY m.date, i.id", [item.caseID]).map(AgendaItem.init(row:))
    }

    static let itemSelect = """
        SELECT i.*, b.slug AS body, m.date AS meeting_date
        FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN body b ON b.id = i.body_id
        """
}

extension AgendaItem {
    init(row: Row) throws {
        id = try row.decode("id")
        meetingID = try row.decode("meeting_id")
        caseID = try row.decode("case_id")
        body = try row.decode("body")
        meetingDate = try row.decode("meeting_date")
        number = ItemNumber(series: row["series", as: String.self].flatMap(Series.init), sequence: try row.decode("sequence"), year: try row.decode("year"))
        position = try row.decode("position")
        section = try row.decode("section")
        kind = row["kind", as: ItemKind.self]
        standingPurpose = row["standing_purpose", as: StandingItem.Purpose.self]
        title = try row.decode("title")
        basis = row["basis", as: String.self]
        caseText = row["case_text", as: String.self]
        proposal = row["proposal", as: String.self]
        archiveCaseNumber = row["archive_case_number", as: String.self]
        isExempt = try row.decode("is_exempt")
        publicTitle = row["public_title", as: String.self]
        exemptionBasis = row["exemption_basis", as: String.self]
        exemptUntil = row["exempt_until", as: CalendarDate.self]
        handlingStatus = try row.decode("handling_status", as: HandlingStatus.self)
        arrival = try row.decode("arrival", as: String.self)
        previousItemID = row["previous_item_id", as: Int64.self]
        approvesMeetingID = row["approves_meeting_id", as: Int64.self]
    }

    /// The draft of the same matter coming before a meeting again.
    var continuation: ItemDraft {
        var draft = ItemDraft(title: title, kind: kind, section: .forConsideration, basis: basis, caseText: caseText, proposal: proposal)
        draft.archiveCaseNumber = archiveCaseNumber
        draft.isExempt = isExempt
        draft.publicTitle = publicTitle
        draft.exemptionBasis = exemptionBasis
        draft.exemptUntil = exemptUntil
        return draft
    }
}

import Foundation
