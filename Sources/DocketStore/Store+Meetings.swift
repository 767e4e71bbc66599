import DocketModel
import SQLite

/// The facts of a meeting a secretary plans; nil fields are left as they are on edit.
public struct MeetingDraft: Sendable {
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var place: String?
    public var kind: MeetingKind?
    public var minuteTaker: String?
    public var summonsPlace: String?
    public var summonsDate: CalendarDate?
    public var addressees: String?
    public var signer: String?

    public init(start: TimeOfDay? = nil, end: TimeOfDay? = nil, place: String? = nil, kind: MeetingKind? = nil,
                minuteTaker: String? = nil, summonsPlace: String? = nil, summonsDate: CalendarDate? = nil,
                addressees: String? = nil, signer: String? = nil) {
        self.start = start
        self.end = end
        self.place = place
        self.kind = kind
        self.minuteTaker = minuteTaker
        self.summonsPlace = summonsPlace
        self.summonsDate = summonsDate
        self.addressees = addressees
        self.signer = signer
    }
}

extension Store {
    /// Plans a meeting and puts the body's standing items on its agenda, numbered.
    ///
    /// The previous-minutes item is linked to the body's latest earlier meeting that was not cancelled.
    @discardableResult
    public func createMeeting(bodySlug: String, date: CalendarDate, _ draft: MeetingDraft = MeetingDraft(),
                              withStandingItems: Bool = true) throws -> Meeting {
        if let start = draft.start, let end = draft.end, end < start {
            throw StoreError.refused(.meetingEndsBeforeItStarts(start: start, end: end))
        }
        return try write { db in
            let body = try body(slug: bodySlug)
            if try db.fetchOne("SELECT 1 FROM meeting WHERE body_id = ? AND date = ?", [body.id, date]) != nil {
                throw StoreError.refused(.meetingExists(body: bodySlug, date: date))
            }
            try db.execute("""
                INSERT INTO meeting (body_id, date, start_time, end_time, place, kind, minute_taker_id,
                                     summons_place, summons_date, addressees, signer_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [body.id, date, draft.start, draft.end, draft.place, draft.kind ?? .ordinary,
                      try draft.minuteTaker.map { try personID(named: $0) }, draft.summonsPlace, draft.summonsDate,
                      draft.addressees, try draft.signer.map { try personID(named: $0) }])
            let meetingID = db.lastInsertedRowID
            if withStandingItems {
                let previousRow = try db.fetchOne("""
                    SELECT id, date FROM meeting WHERE body_id = ? AND date < ? AND status <> 'cancelled' ORDER BY date DESC LIMIT 1
                    """, [body.id, date])
                let previous = previousRow.flatMap { $0["id", as: Int64.self] }
                let previousDate = previousRow.flatMap { $0["date", as: CalendarDate.self] }
                for standing in try standingItems(bodySlug: bodySlug) {
                    var item = ItemDraft(title: standing.title, kind: standing.kind, section: .standing,
                                         basis: standing.basis, proposal: standing.proposal)
                    item.standingPurpose = standing.purpose
                    if standing.purpose == .approvePreviousMinutes {
                        item.approvesMeetingID = previous
                        // Whose minutes: "Godkjenning av referat fra møtet 13.02.2019".
                        if let previousDate { item.title = StandingItem.approvalTitle(standing.title, approving: previousDate) }
                    }
                    try insertItem(item, meetingID: meetingID)
                }
            }
            return try meeting(id: meetingID)
        }
    }

    /// Changes the given facts of a meeting that is not final.
    @discardableResult
    public func editMeeting(_ reference: MeetingReference, _ draft: MeetingDraft) throws -> Meeting {
        try write { db in
            let meeting = try meeting(reference)
            guard !meeting.status.isFinal else {
                throw StoreError.refused(.meetingClosed(meeting: "\(reference)", status: meeting.status))
            }
            try db.execute("""
                UPDATE meeting SET start_time = coalesce(:start, start_time), end_time = coalesce(:end, end_time),
                    place = coalesce(:place, place), kind = coalesce(:kind, kind),
                    minute_taker_id = coalesce(:taker, minute_taker_id), summons_place = coalesce(:summonsPlace, summons_place),
                    summons_date = coalesce(:summonsDate, summons_date), addressees = coalesce(:addressees, addressees),
                    signer_id = coalesce(:signer, signer_id)
                WHERE id = :id
                """, ["start": draft.start, "end": draft.end, "place": draft.place, "kind": draft.kind,
                      "taker": try draft.minuteTaker.map { try personID(named: $0) }, "summonsPlace": draft.summonsPlace,
                      "summonsDate": draft.summonsDate, "addressees": draft.addressees,
                      "signer": try draft.signer.map { try personID(named: $0) }, "id": meeting.id])
            let edited = try self.meeting(id: meeting.id)
            if let start = edited.start, let end = edited.end, end < start {
                throw StoreError.refused(.editedMeetingEndsBeforeItStarts(start: start, end: end))
            }
            return edited
        }
    }

    /// Moves a meeting forward in its life (summoned, held, cancelled); see ``MeetingStatus/canAdvance(to:)``.
    @discardableResult
    public func setStatus(_ status: MeetingStatus, of reference: MeetingReference) throws -> Meeting {
        try write { db in
            let meeting = try meeting(reference)
            guard meeting.status.canAdvance(to: status) else {
                throw StoreError.refused(.statusChange(meeting: "\(reference)", from: meeting.status, to: status))
            }
            try db.execute("UPDATE meeting SET status = ? WHERE id = ?", [status, meeting.id])
            return try self.meeting(id: meeting.id)
        }
    }

    public func meetings(bodySlug: String? = nil, year: Int? = nil) throws -> [Meeting] {
        if let bodySlug { _ = try bodyID(slug: bodySlug) }
        return try db.fetchAll(Store.meetingSelect + """
             WHERE (:body IS NULL OR b.slug = :body) AND (:year IS NULL OR substr(m.date, 1, 4) = :year)
            ORDER BY m.date, b.slug
            """, ["body": bodySlug, "year": year.map { String($0) }]).map(Meeting.init(row:))
    }

    /// A meeting by its parsed reference.
    public func meeting(_ reference: MeetingReference) throws -> Meeting {
        let bodyID = try bodyID(slug: reference.bodySlug)
        guard let row = try db.fetchOne(Store.meetingSelect + " WHERE m.body_id = ? AND m.date = ?", [bodyID, reference.date]) else {
            let dates = try db.fetchAll("SELECT date FROM meeting WHERE body_id = ? ORDER BY date", [bodyID])
                .map { "\(reference.bodySlug)@\(try $0.decode(at: 0, as: String.self))" }
            throw StoreError.notFound(kind: "meeting", name: reference.description, suggestions: suggestions(for: reference.description, among: dates))
        }
        return try Meeting(row: row)
    }

    /// A meeting by its row id, for callers that already hold one.
    public func meeting(id: Int64) throws -> Meeting {
        guard let row = try db.fetchOne(Store.meetingSelect + " WHERE m.id = ?", [id]) else {
            throw StoreError.notFound(kind: "meeting", name: "#\(id)", suggestions: [])
        }
        return try Meeting(row: row)
    }

    private static let meetingSelect = """
        SELECT m.*, b.slug AS body, b.name AS body_name, t.name AS minute_taker, s.name AS signer
        FROM meeting m JOIN body b ON b.id = m.body_id
        LEFT JOIN person t ON t.id = m.minute_taker_id LEFT JOIN person s ON s.id = m.signer_id
        """
}

extension Meeting {
    init(row: Row) throws {
        id = try row.decode("id")
        body = try row.decode("body")
        bodyName = try row.decode("body_name")
        date = try row.decode("date")
        start = row["start_time", as: TimeOfDay.self]
        end = row["end_time", as: TimeOfDay.self]
        place = row["place", as: String.self]
        kind = try row.decode("kind")
        status = try row.decode("status")
        minuteTaker = row["minute_taker", as: String.self]
        summonsPlace = row["summons_place", as: String.self]
        summonsDate = row["summons_date", as: CalendarDate.self]
        addressees = row["addressees", as: String.self]
        signer = row["signer", as: String.self]
    }
}

import Foundation
