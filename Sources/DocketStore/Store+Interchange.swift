import DocketModel
import SQLite

/// The rows a lossless export reads: every table whole, in the order the rows were made, so that
/// an import into an empty store gives them the same ids. The interchange format maps them to its
/// records; the SQL stays here.
extension Store {
    /// A table read whole, in the order its rows were made.
    public enum ExportRows: Sendable {
        case organisations, people, bodies, memberships, cases, items, attachments, corrections, importedDocuments
        /// Stored files by SHA-256 (they have no order of making).
        case storedFiles
        /// `id, meeting_id, case_id, is_exempt` of every item: what decides which items, cases
        /// and files an export's scope takes, before any of them is written.
        case itemPlacements
        /// `id, slug` of every body; `id, name` of every person and organisation;
        /// `id, body_id, date` of every meeting; `id, body_id, series, sequence, year` of every
        /// item: the natural keys links are written with.
        case bodySlugs, personNames, organisationNames, meetingKeys, itemNumbers

        var sql: String {
            switch self {
            case .organisations: "SELECT * FROM organisation ORDER BY id"
            case .people: "SELECT * FROM person ORDER BY id"
            case .bodies: "SELECT * FROM body ORDER BY id"
            case .memberships: "SELECT * FROM membership ORDER BY id"
            case .cases: "SELECT * FROM case_file ORDER BY id"
            case .items: "SELECT * FROM agenda_item ORDER BY id"
            case .attachments: "SELECT * FROM attachment ORDER BY id"
            case .corrections: "SELECT * FROM correction ORDER BY id"
            case .importedDocuments: "SELECT * FROM imported_document ORDER BY rowid"
            case .storedFiles: "SELECT * FROM stored_file ORDER BY sha256"
            case .itemPlacements: "SELECT id, meeting_id, case_id, is_exempt FROM agenda_item"
            case .bodySlugs: "SELECT id, slug FROM body"
            case .personNames: "SELECT id, name FROM person"
            case .organisationNames: "SELECT id, name FROM organisation"
            case .meetingKeys: "SELECT id, body_id, date FROM meeting"
            case .itemNumbers: "SELECT id, body_id, series, sequence, year FROM agenda_item"
            }
        }
    }

    /// The rows that belong to one body, meeting or item, in a fixed order.
    public enum OwnedRows: Sendable {
        /// A body's aliases (column `alias`), in the order they were added.
        case bodyAliases
        /// A body's standing items, by position.
        case standingItems
        /// A body's number counters, by year and series.
        case numberCounters
        /// A meeting's own row.
        case meeting
        /// A meeting's attendance, by person.
        case attendance
        /// The approval of a meeting's minutes (none or one row).
        case minutesApproval
        /// Who signed a meeting's minutes (column `person_id`), by person.
        case minutesSigners
        /// The decision on an item (none or one row).
        case decision
        /// The votes on an item, by person.
        case votes
        /// The conflicts of interest on an item, by person.
        case conflictsOfInterest
        /// The alternative proposals on an item, by number.
        case proposals
        /// The votes on one proposal, by person.
        case proposalVotes

        var sql: String {
            switch self {
            case .bodyAliases: "SELECT alias FROM body_alias WHERE body_id = ? ORDER BY rowid"
            case .standingItems: "SELECT * FROM standing_item WHERE body_id = ? ORDER BY position"
            case .numberCounters: "SELECT * FROM number_counter WHERE body_id = ? ORDER BY year, series"
            case .meeting: "SELECT * FROM meeting WHERE id = ?"
            case .attendance: "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY person_id"
            case .minutesApproval: "SELECT * FROM minutes_approval WHERE meeting_id = ?"
            case .minutesSigners: "SELECT person_id FROM minutes_signer WHERE meeting_id = ? ORDER BY person_id"
            case .decision: "SELECT * FROM decision WHERE item_id = ?"
            case .votes: "SELECT * FROM vote WHERE item_id = ? ORDER BY person_id"
            case .conflictsOfInterest: "SELECT * FROM conflict_of_interest WHERE item_id = ? ORDER BY person_id"
            case .proposals: "SELECT * FROM proposal WHERE item_id = ? ORDER BY number"
            case .proposalVotes: "SELECT * FROM proposal_vote WHERE proposal_id = ? ORDER BY person_id"
            }
        }
    }

    /// Streams every row of `rows` without collecting them. Call it inside ``read(_:)`` so that
    /// several reads see one moment's store.
    public func forEachRow(of rows: ExportRows, _ body: (Row) throws -> Void) throws {
        try db.forEachRow(rows.sql, [], body)
    }

    /// The rows of `rows` that belong to the body, meeting or item `ownerID`.
    public func rows(_ rows: OwnedRows, of ownerID: Int64) throws -> [Row] {
        try db.fetchAll(rows.sql, [ownerID])
    }
}
