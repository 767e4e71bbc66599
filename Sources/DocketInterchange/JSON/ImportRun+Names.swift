import DocketModel
import DocketStore
import Foundation
import SQLite

/// The file names things; the store numbers them. These turn names into row ids, from what the
/// import wrote or what the store had, and say what was expected when a name matches nothing.
extension ImportRun {
    func body(_ slug: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = bodies[slug] { return id }
        if let id = try merger.bodyID(slug: slug) { return id }
        let known = Array(bodies.keys).sorted().prefix(8).joined(separator: ", ")
        throw ImportProblem(path, "no body '\(slug)' in the file or the store; expected a body's slug (\(known))")
    }

    mutating func person(_ name: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = people[name.lowercased()] { return id }
        let ids = try merger.personIDs(named: name)
        if ids.count == 1 {
            people[name.lowercased()] = ids[0]
            return ids[0]
        }
        throw ImportProblem(path, ids.isEmpty ? "no person '\(name)' in the file or the store; expected a name from 'people'"
                                              : "the store has several people named '\(name)'; expected one")
    }

    func organisation(_ name: String, at path: [JSONPathComponent]) throws -> Int64 {
        if let id = organisations[name.lowercased()] { return id }
        if let id = try merger.organisationID(named: name) { return id }
        throw ImportProblem(path, "no organisation '\(name)' in the file or the store; expected a name from 'organisations'")
    }

    /// The meeting `body@date`, from the file or the store; nil when neither has it.
    func meetingID(_ reference: String, at path: [JSONPathComponent]) throws -> Int64? {
        guard let key = MeetingKey(reference: reference) else {
            throw ImportProblem(path, "'\(reference)' is not a meeting; expected body@YYYY-MM-DD with a date that exists")
        }
        if let id = meetings[key] { return id }
        return try merger.meetingID(bodySlug: key.body, date: key.date)
    }

    /// The item `body PS 8/2019`, from the file or the store; nil when neither has it.
    func itemID(_ reference: String, at path: [JSONPathComponent]) throws -> Int64? {
        guard let key = ItemKey(reference: reference) else {
            throw ImportProblem(path, "'\(reference)' is not an item; expected the body's slug and \(ItemKey.expected)")
        }
        if let id = items[key] { return id }
        return try merger.itemID(bodySlug: key.body, year: key.year, series: key.series, sequence: key.sequence)
    }
}
