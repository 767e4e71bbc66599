import DocketModel
import SQLite

extension Store {
    /// Records who came to a meeting. Names must be people the store knows; a substitute names
    /// the member whose seat they took. Recording again replaces a person's earlier entry.
    /// A guest (no member of the body) is registered if new and recorded as present with what they came as.
    public func recordAttendance(meeting reference: MeetingReference, present: [String] = [], apologies: [String] = [],
                                 substitutes: [(person: String, for: String)] = [], guests: [(person: String, role: String)] = []) throws {
        try recordAttendance(meetingID: try meeting(reference).id, present: present, apologies: apologies, substitutes: substitutes, guests: guests)
    }

    public func recordAttendance(meetingID: Int64, present: [String] = [], apologies: [String] = [],
                                 substitutes: [(person: String, for: String)] = [], guests: [(person: String, role: String)] = []) throws {
        try write { db in
            let meeting = try meeting(id: meetingID)
            switch meeting.status {
            case .cancelled:
                throw StoreError.refused(.attendanceAtCancelledMeeting(meeting: "\(meeting.reference)"))
            case .minutesApproved:
                throw StoreError.refused(.attendanceInApprovedMinutes(meeting: "\(meeting.reference)"))
            case .planned, .summoned, .held:
                break
            }
            var seen = Set<Int64>()
            func record(_ name: String, _ status: AttendanceStatus, substituteFor: String? = nil, guestRole: String? = nil) throws {
                let personID = try self.personID(named: name, creating: guestRole != nil)
                guard seen.insert(personID).inserted else {
                    throw StoreError.refused(.attendeeNamedTwice(person: name))
                }
                let forID = try substituteFor.map { try self.personID(named: $0) }
                try db.execute("""
                    INSERT INTO attendance (meeting_id, person_id, status, substitute_for_id, guest_role) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status, substitute_for_id = excluded.substitute_for_id,
                        guest_role = excluded.guest_role
                    """, [meeting.id, personID, status, forID, guestRole])
            }
            for name in present { try record(name, .present) }
            for name in apologies { try record(name, .apologies) }
            for (person, member) in substitutes { try record(person, .substitute, substituteFor: member) }
            for (person, role) in guests {
                let role = role.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !role.isEmpty else { throw StoreError.refused(.guestNeedsRole(person: person)) }
                if try db.fetchOne("""
                    SELECT 1 FROM membership ms JOIN person p ON p.id = ms.person_id
                    WHERE p.name = ? COLLATE NOCASE AND ms.body_id = (SELECT body_id FROM meeting WHERE id = ?)
                      AND (ms.from_date IS NULL OR ms.from_date <= ?) AND (ms.to_date IS NULL OR ms.to_date >= ?)
                    """, [person.trimmingCharacters(in: .whitespaces), meeting.id, meeting.date, meeting.date]) != nil {
                    throw StoreError.refused(.memberAsGuest(person: person, body: "\(meeting.body)"))
                }
                try record(person, .present, guestRole: role)
            }
        }
    }

    /// The attendance of a meeting, with each person's role in the body on that date.
    public func attendance(meeting reference: MeetingReference) throws -> [AttendanceEntry] {
        try attendance(meetingID: try meeting(reference).id)
    }

    public func attendance(meetingID: Int64) throws -> [AttendanceEntry] {
        try db.fetchAll("""
            SELECT p.name AS person, a.status, s.name AS substitute_for, a.guest_role,
                   (SELECT role FROM membership ms WHERE ms.person_id = a.person_id AND ms.body_id = m.body_id
                      AND (ms.from_date IS NULL OR ms.from_date <= m.date) AND (ms.to_date IS NULL OR ms.to_date >= m.date)
                    ORDER BY ms.id LIMIT 1) AS role,
                   (SELECT o.name FROM membership ms JOIN organisation o ON o.id = ms.organisation_id
                    WHERE ms.person_id = a.person_id AND ms.body_id = m.body_id ORDER BY ms.id LIMIT 1) AS organisation
            FROM attendance a JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id
            LEFT JOIN person s ON s.id = a.substitute_for_id
            WHERE a.meeting_id = ?
            ORDER BY CASE a.status WHEN 'present' THEN 0 WHEN 'substitute' THEN 1 ELSE 2 END,
                     CASE role WHEN 'chair' THEN 0 WHEN 'deputy_chair' THEN 1 WHEN 'member' THEN 2 WHEN 'deputy' THEN 3
                               WHEN 'union_representative' THEN 4 WHEN 'observer' THEN 5 WHEN 'adviser' THEN 6
                               WHEN 'secretary' THEN 7 ELSE 8 END,
                     (SELECT min(ms.id) FROM membership ms WHERE ms.person_id = a.person_id AND ms.body_id = m.body_id), p.name
            """, [meetingID]).map { row in
            AttendanceEntry(person: try row.decode("person"), status: try row.decode("status"),
                            substituteFor: row["substitute_for", as: String.self], role: row["role", as: Role.self],
                            organisation: row["organisation", as: String.self], guestRole: row["guest_role", as: String.self])
        }
    }
}
