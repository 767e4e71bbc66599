import DocketModel

/// Something the reader doubted, with the line it comes from.
///
/// Codes are stable: scripts and tests match on them; messages are for people and may change.
public struct ReadWarning: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// A number's year differs from the meeting's, or from the same item's number elsewhere.
        case numberYearMismatch = "number_year_mismatch"
        /// An agenda row gives no kind (type sak).
        case missingKind = "missing_kind"
        /// An agenda row gives no document basis (saksunderlag) where the table has that column.
        case missingBasis = "missing_basis"
        /// The agenda table and the item's heading title the item differently.
        case titleMismatch = "title_mismatch"
        /// Item blocks are not in number order.
        case outOfOrder = "out_of_order"
        /// A number appears only in running text, within the range of this meeting's items.
        case numberOnlyInText = "number_only_in_text"
        /// An item has a heading but no agenda row.
        case notInAgenda = "not_in_agenda"
        /// An agenda row has no block of text of its own.
        case noItemBlock = "no_item_block"
        /// The same number twice in the agenda.
        case duplicateNumber = "duplicate_number"
        /// A second heading for an item already read; its text is added to the item's case text.
        case repeatedHeading = "repeated_heading"
        /// Series that look like one shared counter give the same sequence number twice.
        case sharedNumberAcrossSeries = "shared_number_across_series"
        /// A decision item has no proposal.
        case missingProposal = "missing_proposal"
        /// An item's handling line names another meeting date.
        case dateMismatch = "date_mismatch"
        /// An item's handling line ("…s behandling av sak 3/2026") gives another number than its heading.
        case handlingNumberMismatch = "handling_number_mismatch"
        case missingDate = "missing_date"
        case missingBody = "missing_body"
        /// No label or title gave the meeting's date; the first date in the text was taken (its line given).
        case dateFromText = "date_from_text"
        /// No label or title named the body; a body's name at the head of the text was taken (its line given).
        case bodyFromText = "body_from_text"
        case missingStartTime = "missing_start_time"
        /// No items at all were found.
        case noItems = "no_items"
        /// The text was not valid UTF-8 and was read in a legacy encoding.
        case legacyEncoding = "legacy_encoding"
        /// A byte that is not UTF-8 in a file otherwise UTF-8; it was replaced by U+FFFD.
        case invalidUTF8 = "invalid_utf8"
        /// A scanned PDF's text was recognised (OCR), not read; the message gives the mean confidence.
        case recognisedText = "recognised_text"
        /// The body was not read from the text but given by --body or --body-map (or differs from the one the text names).
        case bodyGiven = "body_given"
        /// The meeting date was not in the text and was taken from the file name.
        case dateFromFileName = "date_from_file_name"
        /// Neither the text nor the file name gave a whole date; the meeting is put on 1 January of the
        /// year the file name or the items' numbers give, as a placeholder to correct.
        case dateFromYear = "date_from_year"
        /// An agenda entry without a case number of its own ("1. Åpen halvtime", "/: MELDINGER", a bullet under
        /// the agenda's heading) is numbered by its place and the meeting's year.
        case numberFromPosition = "number_from_position"
        /// A named vote the minutes give could not be stored as read (counts that names contradict, a name the store has several of).
        case namedVoteLeftOut = "named_vote_left_out"
    }

    public var code: Code
    /// 1-based line in the text the reader read (for PDF: pdftotext's output).
    public var line: Int?
    public var message: String
    public var item: ItemNumber?

    public init(_ code: Code, line: Int?, item: ItemNumber? = nil, _ message: String) {
        self.code = code
        self.line = line
        self.item = item
        self.message = message
    }

    public var description: String {
        "\(line.map { "line \($0): " } ?? "")[\(code.rawValue)] \(message)"
    }
}
