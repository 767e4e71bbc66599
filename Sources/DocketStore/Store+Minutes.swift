import DocketModel
import SQLite

extension Store {
    /// Approves a meeting's minutes, by default at the meeting whose previous-minutes item names it.
    /// From then on its decisions and attendance are final: a change is a recorded correction.
    @discardableResult
    public func approveMinutes(of reference: MeetingReference, at approvingReference: MeetingReference? = nil, on date: CalendarDate? = nil,
                               signers: [String] = []) throws -> MinutesApproval {
        try write { db in
            let meeting = try meeting(reference)
            guard meeting.status == .held else {
                throw StoreError.refused(.approvalOfUnheldMeeting(meeting: "\(reference)", status: meeting.status))
            }
            var approving: Meeting?
            if let approvingReference {
                approving = try self.meeting(approvingReference)
            } else if let id = try db.fetchValue(Int64.self, "SELECT meeting_id FROM agenda_item WHERE approves_meeting_id = ? LIMIT 1", [meeting.id]) {
                approving = try self.meeting(id: id)
            }
            if let approving, approving.id == meeting.id {
                throw StoreError.refused(.meetingApprovesOwnMinutes)
            }
            let approvedOn = date ?? approving?.date ?? .today
            guard approvedOn >= meeting.date else {
                throw StoreError.refused(.approvalBeforeMeeting(approvedOn: approvedOn, meetingDate: meeting.date))
            }
            try db.execute("INSERT INTO minutes_approval (meeting_id, approved_at_meeting_id, approved_on) VALUES (?, ?, ?)",
                           [meeting.id, approving?.id, approvedOn])
            for signer in signers {
                try db.execute("INSERT OR IGNORE INTO minutes_signer (meeting_id, person_id) VALUES (?, ?)", [meeting.id, try personID(named: signer)])
            }
            try db.execute("UPDATE meeting SET status = 'minutes_approved' WHERE id = ?", [meeting.id])
            return try minutesApproval(of: reference)!
        }
    }

    public func minutesApproval(of reference: MeetingReference) throws -> MinutesApproval? {
        try minutesApproval(meetingID: try meeting(reference).id)
    }

    public func minutesApproval(meetingID: Int64) throws -> MinutesApproval? {
        guard let row = try db.fetchOne("""
            SELECT a.approved_on, a.approved_at_meeting_id, b.slug || '@' || m.date AS approved_at
            FROM minutes_approval a LEFT JOIN meeting m ON m.id = a.approved_at_meeting_id LEFT JOIN body b ON b.id = m.body_id
            WHERE a.meeting_id = ?
            """, [meetingID]) else { return nil }
        let signers = try db.fetchAll("SELECT p.name FROM minutes_signer s JOIN person p ON p.id = s.person_id WHERE s.meeting_id = ? ORDER BY p.name", [meetingID])
            .map { try $0.decode(at: 0, as: String.self) }
        return MinutesApproval(approvedAt: row["approved_at", as: String.self],
                               approvedAtMeetingID: row["approved_at_meeting_id", as: Int64.self], approvedOn: try row.decode("approved_on"), signers: signers)
    }
}
