import DocketModel
import DocketStore
import Foundation
import SQLite

/// Meetings with their attendance, and the approval of their minutes once everything is in.
extension ImportRun {
    mutating func importMeetings() throws {
        try source.each("meetings", as: MeetingRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("meetings"), .index(index)]
            let key = MeetingKey(body: record.body, date: record.date)
            guard meetings[key] == nil else {
                throw ImportProblem(path + [.key("date")], "the meeting \(key.reference) is listed twice; expected one meeting a body and day")
            }
            let bodyID = try body(record.body, at: path + [.key("body")])
            let outcome = try merger.merge(.meeting, key: [("body_id", value(bodyID)), ("date", value(record.date))], values: [
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
                              ("substitute_for_id", value(try entry.substituteFor.map { try person($0, at: entryPath + [.key("substituteFor")]) })),
                              ("guest_role", value(entry.guestRole))]
                try mergeChild(of: outcome.id, .attendance, key: [("meeting_id", value(outcome.id)), ("person_id", value(try person(entry.person, at: entryPath + [.key("person")])))],
                               values: values, what: "the attendance of \(entry.person) at \(key.reference)")
            }
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
            try merger.merge(.minutesApproval, key: [("meeting_id", value(meetingID))], values: [
                ("approved_at_meeting_id", value(approvedAtID)), ("approved_on", value(approval.approvedOn)),
            ], what: "the approval of the minutes of \(reference)")
            for (position, signer) in approval.signers.enumerated() {
                let personID = try person(signer, at: path + [.key("signers"), .index(position)])
                try merger.merge(.minutesSigner, key: [("meeting_id", value(meetingID)), ("person_id", value(personID))], values: [],
                                 what: "the signature of \(signer) on the minutes of \(reference)")
            }
        }
    }

    /// Makes approved minutes final, now that everything under them is in, and lets numbering
    /// continue after the highest imported number.
    mutating func finish() throws {
        for id in toFinalise {
            try merger.approveMinutes(meetingID: id)
        }
        try merger.raiseNumberCountersToItems()
    }
}
