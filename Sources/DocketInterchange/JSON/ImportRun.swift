import DocketModel
import DocketStore
import Foundation
import SQLite

/// One import: the file's records, the ids their names resolved to, and the merger that writes rows.
struct ImportRun {
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
    /// Items of approved minutes in the store that the file has and the store has not: reported
    /// as conflicts, and what hangs on them (attachments, corrections) is left out with them.
    var leftOut = Set<ItemKey>()
    /// Approvals of minutes, written once every meeting they name is in.
    var approvals: [(meetingID: Int64, reference: String, approval: MinutesApprovalRecord, index: Int)] = []
    /// New meetings whose minutes are approved: made final last, once their decisions are in.
    var toFinalise: [Int64] = []

    init(merger: RowMerger, source: InterchangeSource) {
        self.source = source
        self.merger = merger
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
        try importImportedDocuments()
        try importApprovals()
        try finish()
    }

    /// Adds a row that the approved minutes of a meeting in the store would have to change: that
    /// is a conflict, not an insert.
    mutating func mergeChild(of meetingID: Int64, _ table: RowMerger.Table, key: [(String, DatabaseValue)], values: [(String, DatabaseValue)],
                             what: @autoclosure () -> String) throws {
        if approvedInStore.contains(meetingID), try merger.existing(table, key: key) == nil {
            merger.conflict("\(what()) is not in the store, whose minutes of that meeting are approved; left out")
            return
        }
        try merger.merge(table, key: key, values: values, what: what())
    }
}
