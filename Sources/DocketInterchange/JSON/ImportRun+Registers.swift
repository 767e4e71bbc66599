import DocketModel
import DocketStore
import Foundation
import SQLite

/// Organisations, people and bodies: the registers everything else names.
extension ImportRun {
    mutating func importOrganisations() throws {
        try source.each("organisations", as: OrganisationRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("organisations"), .index(index)]
            guard organisations[record.name.lowercased()] == nil else {
                throw ImportProblem(path + [.key("name")], "the organisation '\(record.name)' is listed twice; expected each organisation once")
            }
            let outcome = try merger.merge(.organisation, key: [("name", value(record.name))], values: [
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
                let found = try merger.personIDs(named: record.name)
                if found.count > 1 {
                    throw ImportProblem(path + [.key("name")], "the store has several people named '\(record.name)'; expected one")
                }
                if let id = found.first {
                    _ = try merger.merge(.person, key: [("id", value(id))], values: [("name", value(record.name))] + values,
                                         what: "person '\(record.name)'")
                    people[record.name.lowercased()] = id
                    return
                }
            }
            people[record.name.lowercased()] = try merger.insert(.person, [("name", value(record.name))] + values)
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
            let outcome = try merger.merge(.body, key: [("slug", value(record.slug))], values: [
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
                try merger.setParent(ofBody: id, to: parentID)
            }
        }
        for (index, record) in records.enumerated() {
            let bodyID = bodies[record.slug]!
            for (position, alias) in record.aliases.enumerated() {
                if let owner = try merger.bodyID(alias: alias) {
                    if owner != bodyID { merger.conflict("the alias '\(alias)' of body '\(record.slug)' names another body in the store; kept the store's") }
                    continue
                }
                guard !alias.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ImportProblem([.key("bodies"), .index(index), .key("aliases"), .index(position)], "an empty alias; expected a name")
                }
                try merger.insert(.bodyAlias, [("alias", value(alias)), ("body_id", value(bodyID))])
            }
            for standing in record.standingItems {
                try merger.merge(.standingItem, key: [("body_id", value(bodyID)), ("position", value(standing.position))], values: [
                    ("purpose", value(standing.purpose)), ("title", value(standing.title)), ("kind", value(standing.kind)),
                    ("basis", value(standing.basis)), ("proposal", value(standing.proposal)),
                ], what: "standing item \(standing.position) of body '\(record.slug)'")
            }
            for counter in record.numberCounters {
                try merger.raiseNumberCounter(bodyID: bodyID, year: counter.year, series: counter.series, to: counter.lastSequence)
            }
        }
    }

    mutating func importMemberships() throws {
        try source.each("memberships", as: MembershipRecord.self) { index, record in
            let path: [JSONPathComponent] = [.key("memberships"), .index(index)]
            let bodyID = try body(record.body, at: path + [.key("body")])
            let personID = try person(record.person, at: path + [.key("person")])
            try merger.merge(.membership, key: [
                ("body_id", value(bodyID)), ("person_id", value(personID)), ("role", value(record.role)), ("from_date", value(record.from)),
            ], values: [
                ("organisation_id", value(try record.organisation.map { try organisation($0, at: path + [.key("organisation")]) })),
                ("votes", value(record.votes)), ("to_date", value(record.to)),
            ], what: "the seat of \(record.person) in '\(record.body)'")
        }
    }
}
