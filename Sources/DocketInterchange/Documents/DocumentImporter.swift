import DocketModel
import DocketReader
import DocketStore
import Foundation
import SQLite

/// Reads old summonses and minutes into the store, one document per transaction: a document is
/// stored whole or not at all, the same bytes are never imported twice, and a summons and the
/// minutes of one meeting merge into that meeting (proposals from the one, decisions and
/// attendance from the other).
public struct DocumentImporter {
    public struct Options: Sendable {
        /// Put every document in this body, whatever it names (after ``bodyMap``'s lines).
        public var bodySlug: String?
        /// Which folder's documents go in which body (`--body-map`); before ``bodySlug``.
        public var bodyMap: BodyMap?
        /// Read and report, store nothing.
        public var dryRun = false
        /// Keep what the reader found in each result (for `--dry-run --json` and `--report`).
        public var keepReadDocument = false

        public init(bodySlug: String? = nil, bodyMap: BodyMap? = nil, dryRun: Bool = false, keepReadDocument: Bool = false) {
            self.bodySlug = bodySlug
            self.bodyMap = bodyMap
            self.dryRun = dryRun
            self.keepReadDocument = keepReadDocument
        }
    }

    let store: Store
    let options: Options

    public init(store: Store, options: Options = Options()) {
        self.store = store
        self.options = options
    }

    /// The file extensions read as documents.
    public static let documentExtensions: Set<String> = ["txt", "text", "md", "markdown", "docx", "pdf", "html", "htm"]

    /// The documents among `paths`: files as given, folders' documents (recursively when asked), sorted.
    public static func documents(in paths: [String], recursive: Bool) throws -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                // A link to nothing says so, rather than "no such file" for a name that is there.
                do { try InputFile.requireRegularFile(atPath: path) } catch let error as InputFileError where error.reason.contains("link") {
                    throw InterchangeError(file: path, message: error.reason)
                }
                throw InterchangeError(file: path, message: "no such file or folder")
            }
            let url = URL(fileURLWithPath: path)
            guard isFolder.boolValue else {
                found.append(url)
                continue
            }
            let options: FileManager.DirectoryEnumerationOptions = recursive ? [.skipsHiddenFiles] : [.skipsHiddenFiles, .skipsSubdirectoryDescendants]
            let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: options)
            while let file = enumerator?.nextObject() as? URL {
                // A folder named like a document (minutes.txt/) is not one; --recursive reads inside it.
                let isFolder = (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                if !isFolder, documentExtensions.contains(file.pathExtension.lowercased()) { found.append(file) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The SHA-256 of every document imported before: readers skip those without reading them.
    public func importedDigests() throws -> Set<String> {
        try store.importedDocumentDigests()
    }

    /// Imports one document: ``prepare(_:skipping:)`` then ``store(_:)``. Never throws: a failure
    /// is reported in the result, and the store is left as it was. What the result counts (meeting
    /// created, items, decisions) is only what was stored, or with `--dry-run` what would have been.
    public func importDocument(at url: URL) -> DocumentImport {
        store(Self.prepare(url, skipping: []))
    }

    /// Reads a document without the store: its bytes, their digest and what the reader finds.
    /// Safe on any thread; a batch runs it on every core (``OrderedReading``). A document whose
    /// digest is in `imported` is not read: the writer reports it unchanged.
    public static func prepare(_ url: URL, skipping imported: Set<String>) -> PreparedDocument {
        var prepared = PreparedDocument(url: url)
        do {
            let data = try InputFile.contents(atPath: url.path)
            let digest = FileAttacher.sha256(data)
            prepared.digest = digest
            guard !imported.contains(digest) else { return prepared }
            prepared.data = data
            let format = DocketReader.DocumentFormat(fileExtension: url.pathExtension)
            prepared.read = try DocumentReader().read(data: data, format: format)
        } catch {
            prepared.failure = "\(error)"
        }
        return prepared
    }

    /// Stores a prepared document in one transaction: all of it, or (on any error) nothing.
    public func store(_ prepared: PreparedDocument) -> DocumentImport {
        let url = prepared.url
        var result = DocumentImport(file: url.path, status: .failed)
        do {
            if let failure = prepared.failure {
                result.failure = failure
                return result
            }
            guard let digest = prepared.digest else { return store(Self.prepare(url, skipping: [])) }
            // A first look, without the write lock, spares a transaction for a document imported before.
            if let meeting = try store.importedMeeting(sha256: digest) {
                result.status = .unchanged
                result.meeting = meeting
                return result
            }
            // Skipped by the reader as imported before, and since then no longer: read it now.
            guard var read = prepared.read, let data = prepared.data else { return store(Self.prepare(url, skipping: [])) }
            result.kind = read.kind.rawValue
            result.itemsRead = read.items.count
            if read.meeting.date == nil, let (date, text) = FileNameDate.date(in: url.lastPathComponent) {
                read.meeting.date = date
                read.warnings.append(ReadWarning(.dateFromFileName, line: nil,
                    "Fant ingen møtedato i teksten; møtet er lagt på \(date), etter filnavnet («\(text)» i \(url.lastPathComponent))."))
            }
            if read.meeting.date == nil, let (year, source) = Self.year(of: read, fileName: url.lastPathComponent),
               let placeholder = CalendarDate(year: year, month: 1, day: 1) {
                // Only the year is known: the items are still worth storing, on a day that says it is a placeholder.
                read.meeting.date = placeholder
                read.warnings.append(ReadWarning(.dateFromYear, line: nil,
                    "Fant ingen møtedato i teksten eller filnavnet; møtet er lagt på \(placeholder) som plassholder, i året \(source). Rett datoen når den er kjent."))
            }
            result.warnings = read.warnings
            if options.keepReadDocument { result.read = read }
            // Counted into a copy, kept only when the transaction ends as it should.
            var stored = result
            try store.inTransaction {
                // Asked again under the write lock: another docket may have imported the same
                // bytes since the first look, and then this one is unchanged, not a duplicate.
                if let meeting = try store.importedMeeting(sha256: digest) {
                    stored.status = .unchanged
                    stored.meeting = meeting
                    return .rollback
                }
                // Each item's search row written once, after its decision (migration 0015).
                try store.deferringSearchRows {
                    try save(read, data: data, digest: digest, fileName: url.lastPathComponent, path: url.path, into: &stored)
                }
                stored.status = options.dryRun ? .dryRun : .imported
                return options.dryRun ? .rollback : .commit
            }
            result = stored
        } catch let error as SQLiteError where error.isBusy {
            result.status = .failed
            result.failure = "another docket is writing to the database and held it longer than this one waits; "
                + "nothing of this document was stored: import it again when the other is done, or wait longer with --wait SECONDS"
        } catch {
            result.status = .failed
            result.failure = "\(error)"
        }
        return result
    }

    /// The meeting's year where no whole date is known: the file name's year ("…protokoll_2011.pdf"),
    /// else the year most of the items' numbers give ("56/09", "57/09"), with where it came from.
    static func year(of read: ReadDocument, fileName: String) -> (year: Int, source: String)? {
        if let (year, text) = FileNameDate.year(in: fileName) { return (year, "filnavnet gir («\(text)» i \(fileName))") }
        var counts: [Int: Int] = [:]
        for item in read.items where item.number.year > 1900 { counts[item.number.year, default: 0] += 1 }
        guard let (year, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return (year, "\(count) av \(read.items.count) saksnumre gir")
    }

    private func save(_ read: ReadDocument, data: Data, digest: String, fileName: String, path: String, into result: inout DocumentImport) throws {
        var read = read
        let body = try body(for: read, path: path, result: &result)
        read.warnings = result.warnings
        // Bare numbers ("4/26") are in the body's series ("PS 4/26"), for items and decisions alike.
        read = read.inSeries(body.defaultSeries)
        if options.keepReadDocument { result.read = read }
        guard let date = read.meeting.date else {
            throw InterchangeError(file: fileName, message: "found no meeting date; expected one like '13. februar 2019' or '27.01.2026' in the text, or in the file name (…2021-12-15…, …20211215…, …15.12.2021…)")
        }
        let isMinutes = read.kind == .minutes
        var draft = MeetingDraft(start: read.meeting.start, end: read.meeting.end, place: read.meeting.place)
        draft.summonsPlace = read.summons?.issuedAtPlace
        draft.summonsDate = read.summons?.issuedOn
        draft.addressees = read.summons?.addressees
        let (meeting, created) = try store.meetingForImport(bodySlug: body.slug, date: date, draft, status: isMinutes ? .held : .summoned)
        result.meeting = meeting.reference.description
        result.meetingCreated = created

        if meeting.status == .minutesApproved {
            // Approved minutes change only through a recorded correction: a document may agree
            // with them (and is then kept as their attachment), never add to or change them.
            try checkAgreement(of: read, withApprovedMinutesOf: meeting, body: body, fileName: fileName)
        } else {
            try saveItems(of: read, body: body, meeting: meeting, into: &result)
            if isMinutes { try saveAttendance(of: read, body: body, meeting: meeting, into: &result) }
        }

        try store.addAttachment(itemID: nil, meetingID: meeting.id, title: fileName, mediaType: MediaType.forFileName(fileName),
                                sha256: digest, content: data)
        try store.recordImportedDocument(sha256: digest, fileName: fileName, kind: read.kind.rawValue, meetingID: meeting.id,
                                         itemsRead: read.items.count, warnings: read.warnings.count)
    }

    private func saveItems(of read: ReadDocument, body: Body, meeting: Meeting, into result: inout DocumentImport) throws {
        for readItem in read.items {
            var itemDraft = ItemDraft(title: readItem.title, kind: readItem.kind, section: readItem.section ?? .forConsideration,
                                      basis: readItem.basis, caseText: readItem.caseText, proposal: readItem.proposal)
            itemDraft.archiveCaseNumber = readItem.archiveCaseNumber
            itemDraft.isExempt = readItem.exempt
            itemDraft.exemptionBasis = readItem.exemptionBasis
            // An entry the reader numbered by its place: another meeting's item may have that number.
            let byPlace = read.warnings.contains { $0.code == .numberFromPosition && $0.item == readItem.number }
            let (item, isNew) = try store.importItem(itemDraft, number: readItem.number, meetingID: meeting.id, numberedByPlace: byPlace)
            if item.number.sequence != readItem.number.sequence {
                result.warnings.append(ReadWarning(.numberFromPosition, line: readItem.line, item: item.number,
                    "Saken «\(readItem.title)» er lagret som \(item.number): nummeret \(readItem.number) etter plassen har en sak i et annet møte."))
            }
            if isNew { result.itemsCreated += 1 } else { result.itemsUpdated += 1 }
            guard read.kind == .minutes, readItem.decision != nil || readItem.outcome != nil || readItem.vote != nil else { continue }
            let outcome = readItem.outcome ?? .default(for: readItem.kind)
            try store.recordDecision(itemID: item.id, DecisionDraft(text: readItem.decision ?? (outcome == .adopted ? readItem.proposal : nil),
                                                                   outcome: outcome, tally: readItem.vote?.tally,
                                                                   remarks: readItem.handling))
            result.decisions += 1
            if let vote = readItem.vote {
                let ballots = namedBallots(of: vote, outcome: outcome, item: readItem, warnings: &result.warnings)
                for problem in try store.importBallots(itemID: item.id, ballots) {
                    result.warnings.append(ReadWarning(.namedVoteLeftOut, line: vote.line, "Sak \(readItem.number): \(problem)."))
                }
            }
        }
    }

    /// The named votes of the vote that carried the decision, as ballots. Only a vote whose
    /// outcome is the decision's: names on a fallen alternative proposal ("Forslaget falt mot 4
    /// stemmer (…)") are not votes on the decision, and stay in the handling text. A side with
    /// more names than its count is left out with a warning: the names were misread.
    private func namedBallots(of vote: ReadVote, outcome: Outcome, item: ReadItem, warnings: inout [ReadWarning]) -> [ImportedBallot] {
        guard !vote.votersFor.isEmpty || !vote.votersAgainst.isEmpty else { return [] }
        let agrees = switch vote.adopted {
        case true?: outcome == .adopted || outcome == .amended
        case false?: outcome == .rejected
        case nil: false
        }
        guard agrees else { return [] }
        var ballots: [ImportedBallot] = []
        for (voters, count, ballot) in [(vote.votersFor, vote.votesFor, Ballot.for), (vote.votersAgainst, vote.votesAgainst, .against)] {
            if let count, voters.count > count {
                warnings.append(ReadWarning(.namedVoteLeftOut, line: vote.line,
                    "Sak \(item.number): \(voters.count) navn \(ballot == .for ? "for" : "mot"), men \(count) stemmer; navnene er ikke lagret som stemmer."))
                continue
            }
            ballots += voters.map { ImportedBallot(name: $0.name, ballot: ballot, represents: $0.party.flatMap { $0.isEmpty ? nil : $0 }) }
        }
        return ballots
    }

    private func saveAttendance(of read: ReadDocument, body: Body, meeting: Meeting, into result: inout DocumentImport) throws {
        var seen = Set<String>()
        var present: [String] = [], apologies: [String] = [], substitutes: [(person: String, for: String)] = []
        for attendee in read.attendance + read.otherAttendees where seen.insert(attendee.name.lowercased()).inserted {
            switch attendee.status {
            case .apologies: apologies.append(attendee.name)
            case .substitute:
                if let member = attendee.substituteFor, member.lowercased() != attendee.name.lowercased() {
                    substitutes.append((attendee.name, member))
                } else {
                    present.append(attendee.name)
                }
            case .present, .none: present.append(attendee.name)
            }
        }
        // A member named both absent and substituted for is absent; the substitute names them.
        try store.importAttendance(meetingID: meeting.id, present: present, apologies: apologies, substitutes: substitutes)
        result.attendance = seen.count
        for conflict in read.conflicts {
            guard let number = conflict.item,
                  let item = try? store.item(ItemReference(bodySlug: body.slug, number: number)) else { continue }
            try store.recordConflictOfInterest(itemID: item.id, person: conflict.person, legalBasis: conflict.text)
        }
    }

    /// Throws, naming every difference, when the document has an item the approved minutes of
    /// `meeting` have not, or a decision other than theirs.
    private func checkAgreement(of read: ReadDocument, withApprovedMinutesOf meeting: Meeting, body: Body, fileName: String) throws {
        let items = try store.items(meetingID: meeting.id)
        var changes: [String] = []
        for readItem in read.items {
            let number = readItem.number
            guard let item = items.first(where: { $0.number == number }) else {
                changes.append("it has item \(readItem.number) ('\(readItem.title)'), which they have not")
                continue
            }
            guard read.kind == .minutes, readItem.decision != nil || readItem.outcome != nil else { continue }
            guard let decision = try store.decision(itemID: item.id) else {
                changes.append("it has a decision on \(item.reference), which they have not")
                continue
            }
            if let text = readItem.decision, Self.comparable(text) != Self.comparable(decision.text ?? "") {
                changes.append("its decision on \(item.reference) differs from theirs")
            } else if let outcome = readItem.outcome, outcome != decision.outcome {
                changes.append("its outcome on \(item.reference) is \(outcome.norwegian), theirs \(decision.outcome.norwegian)")
            }
        }
        guard changes.isEmpty else {
            throw InterchangeError(file: fileName, message: "the minutes of \(meeting.reference) are approved, and this document would change them: "
                                   + changes.prefix(5).joined(separator: "; ") + (changes.count > 5 ? "; and \(changes.count - 5) more" : "")
                                   + "; expected a document that agrees with them (approved minutes change only through 'docket decision correct')")
        }
    }

    /// A decision's text with its line breaks and runs of spaces as single spaces: the same
    /// decision read from another layout compares equal.
    private static func comparable(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The body a document belongs to: the one its --body-map line or --body gives (with a warning
    /// when the text names none, or another), else the one its name or an alias matches, else a
    /// new body registered under that name (reported in the result).
    private func body(for read: ReadDocument, path: String, result: inout DocumentImport) throws -> Body {
        let name = read.body?.trimmingCharacters(in: .whitespaces) ?? ""
        if let (slug, source) = givenBody(for: path) {
            let body = try store.body(slug: slug)
            if name.isEmpty {
                result.warnings.append(ReadWarning(.bodyGiven, line: nil,
                    "Fant ikke organets navn i teksten; dokumentet er lagt under «\(slug)» etter \(source)."))
            } else if let named = try store.body(matching: name), named.slug != slug {
                result.warnings.append(ReadWarning(.bodyGiven, line: nil,
                    "Teksten nevner «\(name)» (organet «\(named.slug)»), men dokumentet er lagt under «\(slug)» etter \(source)."))
            }
            return body
        }
        guard !name.isEmpty else {
            throw InterchangeError(file: result.file, message: "found no body's name; give --body SLUG, or --body-map FILE with a line 'folder-or-glob = slug', to say which body it is")
        }
        if let body = try store.body(matching: name) { return body }
        let slug = try freeSlug(for: name)
        // The new body's series is what a bare number means in it: none, when its own document
        // writes bare numbers beside "RS 1/25" (they would otherwise all be read as RS).
        let series = Set(read.items.compactMap(\.number.series))
        let writesBareNumbers = read.items.contains { $0.number.series == nil }
        let defaultSeries = writesBareNumbers ? nil : series.count == 1 ? series.first : (series.contains(.political) ? .political : nil)
        let body = try store.addBody(slug: slug, BodyDraft(name: name, kind: BodyKind(guessingFrom: name), defaultSeries: defaultSeries),
                                     standingItems: [])
        result.bodyCreated = body.slug
        return body
    }

    /// The body the user gave for the document at `path`, and where they gave it.
    private func givenBody(for path: String) -> (slug: String, source: String)? {
        if let map = options.bodyMap, let entry = map.entry(for: path) {
            return (entry.slug, "--body-map \(map.file):\(entry.line)")
        }
        return options.bodySlug.map { ($0, "--body") }
    }

    private func freeSlug(for name: String) throws -> String {
        // 36 characters leave room for a "-2" when the name's slug is taken.
        let base = Slug(folding: name, maxLength: 36).rawValue
        var candidate = base
        var counter = 2
        while (try? store.body(slug: candidate)) != nil {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension BodyKind {
    /// A guess from a body's name, for bodies an import registers.
    init(guessingFrom name: String) {
        let lower = name.lowercased()
        if lower.contains("styringsgruppe") { self = .steeringGroup }
        else if lower.contains("faggruppe") { self = .expertGroup }
        else if lower.contains("samstyring") { self = .coGovernanceCommittee }
        else if lower.contains("portefølje") { self = .portfolioBoard }
        // The elected assemblies are councils; formannskap, kontrollutvalg, hovedutvalg and other
        // committees of them are committees (every council was imported as a committee).
        else if ["kommunestyre", "bystyre", "fylkesting", "fylkestinget", "kommunestyret", "bystyret"].contains(where: lower.contains) { self = .council }
        else if ["utvalg", "utval", "komit", "formannskap", "nemnd", "hovedutvalg"].contains(where: lower.contains) { self = .committee }
        else if lower.contains("råd") { self = .council }
        else { self = .other }
    }
}
