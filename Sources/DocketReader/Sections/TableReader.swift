import DocketModel

/// An item table: the agenda ("Nr | Sak | Saksunderlag | Type sak", "Utvalgssaksnr | Innhold | Unntatt off.")
/// or the one-row table some summonses put at the head of each item ("NR | SAK | TEMA").
struct ItemTable: Equatable {
    struct Row: Equatable {
        var number: ItemNumber
        var raw: String
        var line: Int
        var title: String
        var basis: String?
        var kindText: String?
        var exemptText: String?
        /// The archive case number column ("Arkivsaksnr": "19/100").
        var archiveText: String?
        var section: Section?
    }

    var headerLine: Int
    var rows: [Row] = []
    var hasKindColumn = false
    var hasBasisColumn = false
    /// Every line the table covers (header, rows, continuations, section labels).
    var lines: Set<Int> = []
    /// The heading line above the table ("Dagsorden:", "Saksliste"), when there is one.
    var introducedAsAgenda = false
}

/// Step 2 of the pipeline (sections): finds item tables and reads their rows.
///
/// Works on both kinds of tables a document can hold: tab-separated rows (Word, HTML, copied text),
/// where a column is a cell's ordinal, and `pdftotext -layout` text, where a column is a character
/// offset and a title too long for its cell continues on the next line under the title column.
enum TableReader {
    enum Column: Equatable { case number, title, basis, kind, exempt, archive, other }

    static let numberHeaders: Set<String> = ["nr", "saksnr", "sak nr", "saksnummer", "utvalgssaksnr", "utv.saksnr",
                                             "utv. saksnr", "løpenr", "sak", "saknr", "utvalgssak", "møtesaksnr", "ps"]
    static let titleHeaders: Set<String> = ["sak", "innhold", "tittel", "sakstittel", "sak/tittel", "saker", "emne",
                                            "sakens tittel", "beskrivelse", "saksnavn"]

    static func headerWord(_ text: String) -> String {
        var value = text.lowercased().trimmed
        while let last = value.last, last == ":" || last == "." { value.removeLast() }
        return value
    }

    static func column(forHeader text: String) -> Column {
        let word = headerWord(text)
        if word.hasPrefix("unntatt") || word == "off" || word == "u.off" || word.hasPrefix("offl") || word == "lukket"
            || word == "unntatt off" { return .exempt }
        if word.hasPrefix("arkivsak") || word == "arkivsaksnr" || word == "arkivnr" || word == "saksnr arkiv" { return .archive }
        if word.hasPrefix("type") || word == "sakstype" || word == "saktype" || word == "tema" || word == "kategori" { return .kind }
        if word.includes("underlag") || word.includes("grunnlag") || word.hasPrefix("dokument") || word == "vedlegg" { return .basis }
        return .other
    }

    /// Header columns (role and start) when the line is an item table's header.
    static func header(_ line: SourceLine) -> [(Column, Int)]? {
        let start = line.text.drop(while: { $0 == " " }).prefix(14).lowercased()
        guard ["nr", "sak", "utv", "løpenr", "møtesak", "ps"].contains(where: { start.hasPrefix($0) }) else { return nil }
        let cells = line.cells
        guard cells.count >= 2, numberHeaders.contains(headerWord(cells[0].text)),
              titleHeaders.contains(headerWord(cells[1].text)) else { return nil }
        var columns: [(Column, Int)] = [(.number, cells[0].column), (.title, cells[1].column)]
        for cell in cells.dropFirst(2) { columns.append((column(forHeader: cell.text), cell.column)) }
        return columns
    }

    static func tables(in lines: [SourceLine]) -> [ItemTable] {
        var tables: [ItemTable] = []
        var index = 0
        while index < lines.count {
            guard let columns = header(lines[index]) else {
                index += 1
                continue
            }
            let (table, next) = readTable(lines, headerIndex: index, columns: columns)
            tables.append(table)
            index = max(next, index + 1)
        }
        return tables
    }

    private static func readTable(_ lines: [SourceLine], headerIndex: Int, columns: [(Column, Int)]) -> (ItemTable, Int) {
        let headerLine = lines[headerIndex]
        let tabular = headerLine.isTabular
        var table = ItemTable(headerLine: headerLine.number)
        table.lines.insert(headerLine.number)
        table.hasKindColumn = columns.contains { $0.0 == .kind }
        table.hasBasisColumn = columns.contains { $0.0 == .basis }
        for back in stride(from: headerIndex - 1, through: max(0, headerIndex - 3), by: -1) {
            let word = headerWord(lines[back].text)
            if ["dagsorden", "saksliste", "sakliste", "sakskart", "offentlig saksliste", "saker til behandling", "saker til handsaming"].contains(word) {
                table.introducedAsAgenda = true
            }
            // The first half of a two-line header ("Utvalgs-   Unntatt").
            if back == headerIndex - 1, !lines[back].isBlank, lines[back].cells.allSatisfy({ $0.text.count < 16 }),
               lines[back].cells.first.map({ $0.text.hasSuffix("-") }) == true {
                table.lines.insert(lines[back].number)
            }
        }
        let titleStart = columns[1].1
        var section: Section?
        var index = headerIndex + 1

        func columnOf(_ cell: Cell) -> Column {
            if tabular { return cell.column < columns.count ? columns[cell.column].0 : .other }
            // The nearest header column: pdftotext shifts cells a few characters either way.
            var best = columns[0]
            for column in columns where abs(column.1 - cell.column) < abs(best.1 - cell.column) { best = column }
            return best.0
        }

        func isRow(_ line: SourceLine) -> Bool {
            guard let first = line.cells.first, columnOf(first) == .number,
                  ItemNumberScanner.leading(in: first.text) != nil else { return false }
            if tabular { return line.isTabular }
            let cells = line.cells
            return cells.count >= 2 && abs(cells[1].column - titleStart) <= 3
        }

        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                guard !table.rows.isEmpty else { index += 1; continue }
                var peek = index + 1
                while peek < lines.count, lines[peek].isBlank { peek += 1 }
                if peek < lines.count, peek - index <= 2, isRow(lines[peek]) {
                    index = peek
                    continue
                }
                // The table goes on over a page break, under its header again.
                if peek < lines.count, peek - index <= 6, repeatsHeader(lines, at: peek, of: headerLine) {
                    index = peek
                    continue
                }
                break
            }
            if repeatsHeader(lines, at: index, of: headerLine) {
                let skip = header(lines[index]) == nil ? 2 : 1
                for offset in 0..<skip { table.lines.insert(lines[index + offset].number) }
                index += skip
                continue
            }
            let cells = line.cells
            guard let first = cells.first else { index += 1; continue }
            if columnOf(first) == .number, let found = ItemNumberScanner.leading(in: first.text),
               tabular ? line.isTabular : titleFollows(found, in: line, titleStart: titleStart) {
                var row = ItemTable.Row(number: found.number, raw: found.raw, line: line.number, title: found.rest,
                                       section: section)
                for cell in cells.dropFirst() { add(cell.text, to: &row, column: columnOf(cell), tabular: tabular) }
                table.rows.append(row)
                table.lines.insert(line.number)
                index += 1
                continue
            }
            if !table.rows.isEmpty, !tabular, first.column >= titleStart - 2, ItemNumberScanner.leading(in: first.text) == nil {
                // A continuation line under the title (or a later) column.
                for cell in cells { add(cell.text, to: &table.rows[table.rows.count - 1], column: columnOf(cell), tabular: false) }
                table.lines.insert(line.number)
                index += 1
                continue
            }
            if cells.count == 1, first.text.count <= 50, !first.text.hasSuffix("."), !first.text.hasSuffix(":"),
               let label = sectionLabel(first.text) {
                section = label
                table.lines.insert(line.number)
                index += 1
                continue
            }
            break
        }
        return (table, index)
    }

    /// The table's header again (after a page break), possibly with its first half ("Utvalgs-   Unntatt").
    private static func repeatsHeader(_ lines: [SourceLine], at index: Int, of headerLine: SourceLine) -> Bool {
        guard index < lines.count else { return false }
        let words = headerLine.cells.map { headerWord($0.text) }
        func same(_ line: SourceLine) -> Bool { header(line) != nil && line.cells.map { headerWord($0.text) } == words }
        if same(lines[index]) { return true }
        let cells = lines[index].cells
        return index + 1 < lines.count && same(lines[index + 1]) && !cells.isEmpty
            && cells.allSatisfy { $0.text.count < 16 } && cells[0].text.hasSuffix("-")
    }

    /// In layout text a row's title starts under the title column; an item heading right after the
    /// table ("RS 6/26 Ordførerfullmakt") has its title one space after the number, and ends the table.
    private static func titleFollows(_ found: ItemNumberScanner.Found, in line: SourceLine, titleStart: Int) -> Bool {
        let cells = line.cells
        if found.rest.isEmpty {
            return cells.count >= 2 && abs(cells[1].column - titleStart) <= 3
        }
        // Title one space after the number: a row only when the number fills its whole column.
        guard let range = line.text.range(of: found.rest) else { return false }
        let restStart = line.text.distance(from: line.text.startIndex, to: range.lowerBound)
        return abs(restStart - titleStart) <= 3 && restStart - line.indent - found.raw.count <= 1 && restStart >= titleStart - 1
    }

    private static func add(_ text: String, to row: inout ItemTable.Row, column: Column, tabular: Bool) {
        func joined(_ existing: String?) -> String {
            guard let existing, !existing.isEmpty else { return text }
            return TextJoiner.join([existing, text])
        }
        switch column {
        case .number, .title: row.title = joined(row.title)
        case .basis: row.basis = joined(row.basis)
        case .kind: row.kindText = joined(row.kindText)
        case .exempt: row.exemptText = joined(row.exemptText)
        case .archive: row.archiveText = joined(row.archiveText)
        case .other:
            // A column we have no use for (case officer, pages); only a kind is worth keeping.
            if ItemKind(label: text) != nil { row.kindText = joined(row.kindText) }
        }
    }

    /// "Faste saker" → standing; "Saker til behandling" → for consideration.
    static func sectionLabel(_ text: String) -> Section? {
        let lower = text.lowercased()
        if lower.includes("faste") { return .standing }
        if lower.includes("behandling") || lower.includes("handsaming") || lower.includes("vedtakssaker") || lower.includes("beslutningssaker") {
            return .forConsideration
        }
        return nil
    }
}
