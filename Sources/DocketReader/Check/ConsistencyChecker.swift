import DocketModel

/// Step 4 of the pipeline (consistency): checks the assembled document as a whole and warns.
///
/// Each check is a function of its own; none changes what was read, except that references
/// are marked as naming one of this document's own items.
enum ConsistencyChecker {
    static func check(_ document: inout ReadDocument, headings: [ItemHeading], handlingDates: [(CalendarDate, Int, ItemNumber)],
                      dateLine: Int?) {
        var warnings: [ReadWarning] = []
        checkMeeting(document, warnings: &warnings)
        checkOrder(headings, warnings: &warnings)
        checkSharedCounter(document.items, warnings: &warnings)
        checkProposals(document, warnings: &warnings)
        checkHandlingDates(document.meeting.date, dateLine: dateLine, handlingDates, warnings: &warnings)
        markOwnReferences(&document)
        checkNumbersOnlyInText(document, warnings: &warnings)
        document.warnings += warnings
        document.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    static func checkMeeting(_ document: ReadDocument, warnings: inout [ReadWarning]) {
        if document.meeting.date == nil {
            warnings.append(ReadWarning(.missingDate, line: nil, "Fant ikke møtedatoen."))
        }
        if document.body == nil {
            warnings.append(ReadWarning(.missingBody, line: nil, "Fant ikke hvilket organ møtet gjelder."))
        }
        if document.meeting.start == nil {
            warnings.append(ReadWarning(.missingStartTime, line: nil, "Fant ikke når møtet starter."))
        }
        if document.items.isEmpty {
            warnings.append(ReadWarning(.noItems, line: nil, "Fant ingen saker i dokumentet."))
        }
    }

    /// Item blocks should follow each other in number order within a series.
    static func checkOrder(_ headings: [ItemHeading], warnings: inout [ReadWarning]) {
        var highest: [String: ItemHeading] = [:]
        var seen = Set<String>()
        for heading in headings {
            let identity = "\(heading.number.series?.code ?? "")|\(heading.number.sequence)"
            guard seen.insert(identity).inserted else { continue }
            let series = heading.number.series?.code ?? ""
            if let previous = highest[series], heading.number.sequence < previous.number.sequence {
                warnings.append(ReadWarning(.outOfOrder, line: heading.line, item: heading.number,
                    "Sak \(heading.number) kommer etter sak \(previous.number) (linje \(previous.line)); sakene står ikke i nummerrekkefølge."))
            } else {
                highest[series] = heading
            }
        }
    }

    /// Series that together count 1, 2, 3 … (OS 1, PS 2–5, RS 5–13) share one counter; a number used twice is suspect.
    static func checkSharedCounter(_ items: [ReadItem], warnings: inout [ReadWarning]) {
        let bySeries = Dictionary(grouping: items.filter { $0.number.series != nil }, by: { $0.number.series!.code })
        guard bySeries.count >= 2 else { return }
        let ranges = bySeries.map { code, items in
            (code: code, min: items.map(\.number.sequence).min()!, max: items.map(\.number.sequence).max()!, items: items)
        }.sorted { ($0.min, $0.max) < ($1.min, $1.max) }
        let all = items.compactMap { $0.number.series == nil ? nil : $0.number.sequence }
        let distinct = Set(all)
        guard let low = distinct.min(), let high = distinct.max(), high - low + 1 == distinct.count else { return }
        var shared: [(Int, [ReadItem])] = []
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            guard previous.max <= next.min else { return }
            // Both counters starting at 1 (FO 1/26 beside PS 1/26) is what separate series look like.
            if previous.max == next.min, next.min > 1 {
                let both = previous.items.filter { $0.number.sequence == next.min } + next.items.filter { $0.number.sequence == next.min }
                shared.append((next.min, both))
            }
        }
        for (sequence, items) in shared {
            let names = items.map { "\($0.number)" }.joined(separator: " og ")
            warnings.append(ReadWarning(.sharedNumberAcrossSeries, line: items.last?.line, item: items.last?.number,
                "Seriene ser ut til å dele én nummerteller, men nummer \(sequence) er brukt to ganger (\(names)); saksbehandlingssystemet kan ha én sak mindre enn dokumentet viser."))
        }
    }

    static func checkProposals(_ document: ReadDocument, warnings: inout [ReadWarning]) {
        guard document.kind == .summons else { return }
        // An item without any text (papers sent apart, or exempt) is not missing a proposal; one with text is.
        for item in document.items where item.kind == .decision && item.proposal == nil && item.caseText != nil && !item.exempt {
            warnings.append(ReadWarning(.missingProposal, line: item.headingLine, item: item.number,
                "Sak \(item.number) er en beslutningssak, men har ikke forslag til vedtak."))
        }
    }

    /// "…s behandling av sak 3/2026 i møte den 27.01.2026" must name the meeting's own date.
    static func checkHandlingDates(_ meetingDate: CalendarDate?, dateLine: Int?, _ dates: [(CalendarDate, Int, ItemNumber)],
                                   warnings: inout [ReadWarning]) {
        guard let meetingDate else { return }
        let source = dateLine.map { " (linje \($0))" } ?? ""
        for (date, line, number) in dates where date != meetingDate {
            warnings.append(ReadWarning(.dateMismatch, line: line, item: number,
                "Behandlingen av sak \(number) oppgir møtedato \(date), men møtet er \(meetingDate)\(source)."))
        }
    }

    static func markOwnReferences(_ document: inout ReadDocument) {
        let own = Set(document.items.map(\.number))
        let ownLoose = Set(document.items.map { ItemAssembler.Key($0.number) })
        let years = Set(document.items.map(\.number.year))
        var itemsBySequenceAndYear: [[Int]: Int] = [:]
        for item in document.items { itemsBySequenceAndYear[[item.number.sequence, item.number.year], default: 0] += 1 }
        for index in document.references.indices {
            let number = document.references[index].number
            let loose = ItemAssembler.Key(number)
            if document.references[index].namesAnotherBody { continue }
            // Without a series ("sak 12/19", "Saksnr.: 12/19") the number names the one item of that sequence and year.
            let seriesLess = number.series == nil && itemsBySequenceAndYear[[number.sequence, number.year]] == 1
            if own.contains(number) || (ownLoose.contains(loose) && years.contains(number.year)) || seriesLess {
                document.references[index].isItemOfThisDocument = true
            }
        }
    }

    /// A number of this meeting's year and series, inside the range of its items, but only in running text:
    /// perhaps an item the reader missed. It stays a reference; the warning makes sure it is seen.
    static func checkNumbersOnlyInText(_ document: ReadDocument, warnings: inout [ReadWarning]) {
        // Per series: its items' years and the range of their sequence numbers, found once.
        var bySeries: [String: (years: Set<Int>, low: Int, high: Int)] = [:]
        for item in document.items {
            let code = item.number.series?.code ?? ""
            var entry = bySeries[code] ?? ([], item.number.sequence, item.number.sequence)
            entry.years.insert(item.number.year)
            entry.low = min(entry.low, item.number.sequence)
            entry.high = max(entry.high, item.number.sequence)
            bySeries[code] = entry
        }
        var warned = Set<ItemNumber>()
        for reference in document.references where !reference.isItemOfThisDocument && !reference.namesAnotherBody {
            let number = reference.number
            guard let series = bySeries[number.series?.code ?? ""], series.years.contains(number.year),
                  (series.low...series.high).contains(number.sequence), warned.insert(number).inserted else { continue }
            warnings.append(ReadWarning(.numberOnlyInText, line: reference.line, item: number,
                "«\(reference.raw)» ligner et saksnummer i dette møtet, men saken finnes bare i løpende tekst."))
        }
    }
}
