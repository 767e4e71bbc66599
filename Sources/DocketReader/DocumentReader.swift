import DocketModel
import Foundation

/// Reads an old summons or minutes into a ``ReadDocument``: the entry point of DocketReader.
///
/// The work is a pipeline of small steps, each in its own file and tested alone:
/// 1. input: bytes to text (``DocumentFormat``: plain text in any of its encodings, DOCX, PDF, HTML);
/// 2. normalise (`Normaliser`): characters, page headers and footers, hyphenation;
/// 3. find sections (`TableReader`, `BlockFinder`): the agenda table, each item's block, the front matter;
/// 4. read fields (`FrontMatterReader`, `AttendanceReader`, `ItemBlockReader`, `VoteReader`, …);
/// 5. check consistency (`ItemAssembler`, `ConsistencyChecker`): merge, decide, warn.
public struct DocumentReader: Sendable {
    public init() {}

    /// Reads a file; the format follows from its extension (`.docx`, `.pdf`, `.html`, anything else as text).
    public func read(fileAt url: URL) throws -> ReadDocument {
        var document = read(try DocumentSource.text(ofFile: url))
        document.sourceFormat = DocumentFormat(fileExtension: url.pathExtension)
        return document
    }

    /// Reads a document's bytes in the given format.
    public func read(data: Data, format: DocumentFormat) throws -> ReadDocument {
        var document = read(try DocumentSource.text(of: data, format: format))
        document.sourceFormat = format
        return document
    }

    /// Reads text that is already decoded.
    public func read(text: String) -> ReadDocument {
        read(text: text, encoding: nil)
    }

    /// Reads decoded text, warning of every byte the decoding had to replace.
    func read(_ decoded: DecodedText) -> ReadDocument {
        var document = read(text: decoded.text, encoding: decoded.encoding)
        let shown = decoded.replaced.prefix(Self.replacedBytesWarned)
        for replaced in shown {
            document.warnings.append(ReadWarning(.invalidUTF8, line: replaced.line,
                "Byten 0x\(String(replaced.byte, radix: 16, uppercase: true)) på linje \(replaced.line) i filen er ikke gyldig UTF-8; den er erstattet med «\u{FFFD}»."))
        }
        if decoded.replaced.count > shown.count {
            document.warnings.append(ReadWarning(.invalidUTF8, line: decoded.replaced[shown.count].line,
                "\(decoded.replaced.count - shown.count) bytes til er ikke gyldig UTF-8 og er erstattet med «\u{FFFD}»."))
        }
        if let recognition = decoded.recognised {
            document.warnings.insert(ReadWarning(.recognisedText, line: nil, String(format:
                "PDF-en har ikke tekst, bare bilder av sider: teksten på %d side(r) er gjenkjent med OCR (Tesseract), med gjennomsnittlig sikkerhet %.0f %%. Kontroller den mot dokumentet.",
                recognition.pages, recognition.meanConfidence)), at: 0)
        }
        if !decoded.replaced.isEmpty {
            document.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        }
        return document
    }

    /// Bytes warned of one by one; beyond this, one warning counts the rest.
    static let replacedBytesWarned = 20

    func read(text: String, encoding: SourceEncoding?) -> ReadDocument {
        let lines = Normaliser.normalise(text)

        // Sections
        var tables = TableReader.tables(in: lines)
        // The agenda is the table under "Dagsorden"/"Saksliste", else the first with several rows;
        // other item tables head the items' own blocks ("NR | SAK | TEMA").
        var agenda = tables.first { $0.introducedAsAgenda && $0.rows.count >= 1 } ?? tables.first { $0.rows.count >= 2 }
        let headingTables = tables.filter { $0.headerLine != agenda?.headerLine }
        var tableLines = tables.reduce(into: Set<Int>()) { $0.formUnion($1.lines) }
        var headings = BlockFinder.headings(in: lines, skipping: tableLines, headingTables: headingTables)
        let numbersByPosition = headings.contains { $0.number.year == BlockFinder.positionYear }
        // A document numbers its items one way: positions ("Sak 3") count only where no item has a full number.
        if headings.contains(where: { $0.number.year != BlockFinder.positionYear }) || tables.contains(where: { !$0.rows.isEmpty }) {
            headings.removeAll { $0.number.year == BlockFinder.positionYear }
        }
        YearFirstNumbers.fix(&headings, &tables)
        if let header = agenda?.headerLine { agenda = tables.first { $0.headerLine == header } }
        if agenda == nil, let (list, remaining) = BlockFinder.agendaList(headings, in: lines) {
            agenda = list
            headings = remaining
            tableLines.formUnion(list.lines)
        }
        if agenda == nil, headings.isEmpty, let list = BlockFinder.numberedAgenda(in: lines) {
            agenda = list
            tableLines.formUnion(list.lines)
        }
        let agendaLines = agenda?.lines ?? []
        let placeAgenda = agenda?.rows.contains { $0.number.year == BlockFinder.positionYear } == true
        var blocks = BlockFinder.blocks(in: lines, headings: headings, skipping: tableLines)
        let frontEnd = headings.first?.firstIndex ?? lines.count
        let front = lines[..<frontEnd].filter { !agendaLines.contains($0.number) }

        // Fields
        var frontMatter = FrontMatterReader.read(Array(front))
        FrontMatterReader.readAdjournment(lines, into: &frontMatter)
        let attendance = AttendanceReader.read(Array(front))
        var document = ReadDocument(kind: frontMatter.kind)
        document.sourceEncoding = encoding?.rawValue
        // No title or label named the body: a body's noun at the head of the document does
        // ("KOMMUNESTYRET" above "Møteprotokoll", "MØTE I REGIONRÅDET", "Referat fra møte i styret for …").
        document.body = frontMatter.body
        if document.body == nil, let found = BodyFinder.body(in: lines) {
            document.body = found.name
            document.warnings.append(ReadWarning(.bodyFromText, line: found.line,
                "Ingen tittel eller etikett navnga organet; «\(found.name)» på linje \(found.line) er lest som organet."))
        }
        document.meeting = frontMatter.meeting
        if document.meeting.date == nil, let found = BodyFinder.firstDate(in: lines) {
            document.meeting.date = found.date
            frontMatter.dateLine = found.line
            document.warnings.append(ReadWarning(.dateFromText, line: found.line,
                "Ingen etikett eller tittel ga møtedatoen; den første datoen i teksten (linje \(found.line)) er lest som møtedato."))
        }
        document.attendance = attendance.attendance
        document.otherAttendees = attendance.others
        document.attachments = frontMatter.attachments
        if let signer = frontMatter.signer { document.signers.append(signer) }
        document.signers += attendance.approvers
        if !frontMatter.kindIsCertain, !document.attendance.isEmpty {
            document.kind = .minutes
        }
        if document.kind == .summons {
            document.summons = frontMatter.summons
        }
        if let encoding, encoding != .utf8 {
            document.warnings.append(ReadWarning(.legacyEncoding, line: nil,
                "Teksten var ikke UTF-8 og er lest som \(encoding.rawValue)."))
        }

        // Consistency
        var warnings: [ReadWarning] = []
        let assembler = ItemAssembler(meetingYear: document.meeting.date?.year, isSummons: document.kind == .summons)
        // Positions take the meeting's year (the year of the text's first date when the meeting has none).
        let positionYear = document.meeting.date?.year ?? BodyFinder.firstDate(in: lines)?.date.year
        if blocks.contains(where: { $0.heading.number.year == BlockFinder.positionYear }) {
            for index in blocks.indices where blocks[index].heading.number.year == BlockFinder.positionYear {
                blocks[index].heading.number.year = positionYear ?? 1900
            }
        }
        if let rows = agenda?.rows, rows.contains(where: { $0.number.year == BlockFinder.positionYear }) {
            for index in rows.indices where rows[index].number.year == BlockFinder.positionYear {
                agenda?.rows[index].number.year = positionYear ?? 1900
            }
        }
        let blockFields = blocks.map { ItemBlockReader.read($0.body, number: $0.heading.number) }
        document.items = assembler.assemble(agenda: agenda, blocks: blocks, fields: blockFields, warnings: &warnings)
        // Entries without a case number ("1. Åpen halvtime" beside "BU 14/72 …"), where no item is numbered by place.
        if !numbersByPosition, !placeAgenda, let positionYear {
            let entries = UnnumberedEntries.entries(in: lines)
            // Where they are the only items, their text is where their titles come again.
            let entryBlocks = document.items.isEmpty && blocks.isEmpty ? UnnumberedEntries.blocks(of: entries, in: lines) : []
            UnnumberedEntries.insert(entries, into: &document.items, year: positionYear, warnings: &warnings,
                                     blocks: entryBlocks, assembler: assembler)
        }
        for index in document.items.indices {
            if let proposal = document.items[index].proposal, let own = ItemBlockReader.addressedSection(of: proposal, body: document.body) {
                document.items[index].proposal = own
            }
        }
        document.warnings += warnings

        var handlingDates: [(CalendarDate, Int, ItemNumber)] = []
        document.conflicts = ConflictReader.conflicts(in: Array(front), currentItem: nil)
        let headingLines = Set(headings.map(\.line))
        let references = ReferenceReader(bodyName: document.body)
        for line in front where !tableLines.contains(line.number) {
            document.references += references.references(in: line, fromItem: nil)
        }
        for (block, fields) in zip(blocks, blockFields) {
            let number = resolvedNumber(block.heading.number, in: document.items)
            document.conflicts += ConflictReader.conflicts(in: block.body, currentItem: number)
            for line in block.body where !headingLines.contains(line.number) && !tableLines.contains(line.number) {
                document.references += references.references(in: line, fromItem: number)
            }
            for (date, line) in fields.handlingDates {
                handlingDates.append((date, line, number))
            }
            for (given, line) in fields.handlingNumbers where given.sequence != number.sequence || given.year != number.year {
                document.warnings.append(ReadWarning(.handlingNumberMismatch, line: line, item: given,
                    "Behandlingen under overskriften \(number) (linje \(block.heading.line)) gjelder sak \(given)."))
            }
        }
        ConsistencyChecker.check(&document, headings: headings, handlingDates: handlingDates, dateLine: frontMatter.dateLine)
        return document
    }

    /// The number an item was finally read as (a heading's "8/19" may have matched an agenda row "8/18").
    private func resolvedNumber(_ number: ItemNumber, in items: [ReadItem]) -> ItemNumber {
        if items.contains(where: { $0.number == number }) { return number }
        let key = ItemAssembler.Key(number)
        return items.first { ItemAssembler.Key($0.number) == key }?.number ?? number
    }
}
