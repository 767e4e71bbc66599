import DocketModel
import DocketStore
import Foundation
import SQLite

/// Case files, agenda items and what was decided on them.
extension ImportRun {
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
                   let id = try merger.caseID(archiveNumber: archive) {
                    cases[record.key] = id
                    return
                }
                if let id = try existingCase(of: itemsOfCase[record.key] ?? []) {
                    cases[record.key] = id
                    return
                }
            }
            cases[record.key] = try merger.insert(.caseFile, [("title", value(record.title)), ("archive_number", value(record.archiveNumber))])
        }
    }

    private func existingCase(of keys: [ItemKey]) throws -> Int64? {
        for key in keys {
            guard let bodyID = bodies[key.body] else { continue }
            if let id = try merger.caseID(ofItemOfBody: bodyID, year: key.year, series: key.series, sequence: key.sequence) {
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
            var arrival = record.arrival ?? "new"
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
            // Approved minutes change only through a recorded correction, never by a merge.
            if approvedInStore.contains(meetingID), try merger.existing(.agendaItem, key: itemKey) == nil {
                merger.conflict("\(key.reference) is not in the store, whose minutes of \(meetingKey.reference) are approved; left out "
                                + "(approved minutes change only through 'docket decision correct')")
                leftOut.insert(key)
                return
            }
            if !newMeetings.contains(meetingID), try merger.existing(.agendaItem, key: itemKey) == nil,
               try merger.hasItem(meetingID: meetingID, position: record.position) {
                merger.conflict("\(key.reference) would take position \(record.position) of \(meetingKey.reference), where the store has another item; left out")
                return
            }
            let outcome = try merger.merge(.agendaItem, key: itemKey, values: [
                ("meeting_id", value(meetingID)), ("position", value(record.position)), ("section", value(record.section)),
                ("kind", value(record.kind)), ("standing_purpose", value(record.standingPurpose)), ("title", value(record.title)),
                ("basis", value(record.basis)), ("case_text", value(record.caseText)), ("proposal", value(record.proposal)),
                ("archive_case_number", value(record.archiveCaseNumber)), ("is_exempt", value(record.isExempt)),
                ("public_title", value(record.publicTitle)), ("exemption_basis", value(record.exemptionBasis)),
                ("exempt_until", value(record.exemptUntil)), ("handling_status", value(record.handlingStatus ?? .pending)),
                ("arrival", value(arrival)), ("previous_item_id", value(previousID)), ("approves_meeting_id", value(approvesID)),
                ("case_link", value(record.caseLink ?? "explicit")),
            ], insertOnly: [("case_id", value(caseID))], what: "item \(key.reference)")
            items[key] = outcome.id
            try importDecision(of: record, itemID: outcome.id, meetingID: meetingID, path: path)
        }
    }

    private mutating func importDecision(of record: ItemRecord, itemID: Int64, meetingID: Int64, path: [JSONPathComponent]) throws {
        let reference = record.reference
        if let decision = record.decision {
            try mergeChild(of: meetingID, .decision, key: [("item_id", value(itemID))], values: [
                ("text", value(decision.text)), ("outcome", value(decision.outcome)), ("is_unanimous", value(decision.isUnanimous)),
                ("votes_for", value(decision.votesFor)), ("votes_against", value(decision.votesAgainst)),
                ("votes_abstaining", value(decision.votesAbstaining)), ("remarks", value(decision.remarks)),
                ("is_final", value(decision.isFinal)),
                ("referred_to_body_id", value(try decision.referredTo.map { try body($0, at: path + [.key("decision"), .key("referredTo")]) })),
            ], what: "the decision on \(reference)")
        }
        for (index, vote) in record.votes.enumerated() {
            let votePath = path + [.key("votes"), .index(index)]
            try mergeChild(of: meetingID, .vote, key: [("item_id", value(itemID)), ("person_id", value(try person(vote.person, at: votePath + [.key("person")])))],
                           values: [("ballot", value(vote.ballot)), ("represents", value(vote.represents))],
                           what: "the vote of \(vote.person) on \(reference)")
        }
        for (index, conflict) in record.conflictsOfInterest.enumerated() {
            let conflictPath = path + [.key("conflictsOfInterest"), .index(index)]
            try mergeChild(of: meetingID, .conflictOfInterest, key: [
                ("item_id", value(itemID)), ("person_id", value(try person(conflict.person, at: conflictPath + [.key("person")]))),
            ], values: [
                ("legal_basis", value(conflict.legalBasis)),
                ("replaced_by_id", value(try conflict.replacedBy.map { try person($0, at: conflictPath + [.key("replacedBy")]) })),
            ], what: "the conflict of interest of \(conflict.person) on \(reference)")
        }
        for (index, proposal) in (record.proposals ?? []).enumerated() {
            let proposalPath = path + [.key("proposals"), .index(index)]
            let key: [(String, DatabaseValue)] = [("item_id", value(itemID)), ("number", value(proposal.number))]
            try mergeChild(of: meetingID, .proposal, key: key, values: [
                ("proposer_id", value(try person(proposal.proposer, at: proposalPath + [.key("proposer")]))), ("text", value(proposal.text)),
                ("outcome", value(proposal.outcome)), ("is_unanimous", value(proposal.isUnanimous)),
                ("votes_for", value(proposal.votesFor)), ("votes_against", value(proposal.votesAgainst)),
                ("votes_abstaining", value(proposal.votesAbstaining)),
            ], what: "proposal \(proposal.number) on \(reference)")
            guard let proposalID = try merger.existing(.proposal, key: key)?["id", as: Int64.self] else { continue }
            for (voteIndex, vote) in proposal.votes.enumerated() {
                let votePath = proposalPath + [.key("votes"), .index(voteIndex)]
                try mergeChild(of: meetingID, .proposalVote, key: [
                    ("proposal_id", value(proposalID)), ("person_id", value(try person(vote.person, at: votePath + [.key("person")]))),
                ], values: [("ballot", value(vote.ballot))], what: "the vote of \(vote.person) on proposal \(proposal.number) on \(reference)")
            }
        }
    }
}
