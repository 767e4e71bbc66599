import Foundation
import DocketModel

/// Step 3 of the pipeline (fields) for the part before the items: what the document is, the body,
/// when and where the meeting is, and the summons letter (addressees, place and date of issue,
/// signer, attachments).
///
/// Labelled fields ("Møtedato:", "Tidspunkt:", "Møtested:") are read first; prose ("Det innkalles
/// til møte … den 13 februar 2019 på … fra klokken 13.00 til 15.00") fills what labels left open.
enum FrontMatterReader {
    struct Result {
        var kind: DocumentKind = .summons
        var kindIsCertain = false
        var body: String?
        var meeting = ReadMeeting()
        var summons = ReadSummons()
        var attachments: [ReadAttachment] = []
        var signer: ReadSigner?
        var dateLine: Int?
        /// The document's own title line ("Referat fra møte i … 14.03.2019").
        var titleLine: SourceLine?
    }

    private static let minutesWords = ["møteprotokoll", "protokoll", "møtebok", "referat", "minutes"]
    private static let summonsWords = ["innkalling", "møteinnkalling", "saksliste", "sakliste", "sakskart", "innkalles", "summons"]
    private static let bodyInTitle = Pattern(
        #"^\s*(?:møteinnkalling|innkalling|møteprotokoll|protokoll|referat|møtebok|saksliste|sakskart)\s+(?:til|fra|for|fra møte i|til møte i|for møte i)\s+(?:(?:det\s+)?(?:ekstraordinært\s+)?(?:møte|møtet)\s+(?:i|for)\s+)?(.+?)\s*(?:[-–,]\s*\d{1,2}\.|\s+den\s+\d|\s+\d{1,2}\.\s*\d|\s+\d{1,2}\.?\s+\p{L}+\s+\d{4}|$)"#)
    private static let labelled = Pattern(
        #"^\s*(møtedato|dato|møtedag|tidspunkt|tid|møtetid|klokkeslett|kl|møtested|møtestad|sted|stad|møtelokale|møterom|utvalg|utval|organ|styre|råd|møte i|møte|møtestart)\s*\.?\s*(?::|\t|\s{3,}(?=\S))\s*(.*)$"#)
    private static let bodyAfterDash = Pattern(
        #"^\s*(?:møteinnkalling|innkalling|møteprotokoll|protokoll|referat|møtebok|saksliste|sakskart)\s*[-–:]\s*(.+?)\s*(?:[-–,]\s*\d{1,2}\.|\s+\d{1,2}\.\s*\d|$)"#)
    private static let issued = Pattern(#"^\s*([\p{Lu}][\p{L} .-]{1,40}),\s*(?:den\s+)?(\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})\s*\.?$"#)
    private static let addressee = Pattern(#"^\s*til\s*:?\s+(.{3,120})$"#)
    private static let placeInProse = Pattern(#"\s(?:på|i)\s+(.+?)(?:\s+(?:fra\s+)?(?:klokken|kl\.?)\s|\s*,\s*(?:fra\s+)?(?:klokken|kl\.?)|\s*\.\s*$|$)"#)

    static func read(_ lines: [SourceLine]) -> Result {
        var result = Result()
        readKindAndBody(lines, into: &result)
        readLabelledFields(lines, into: &result)
        readProse(lines, into: &result)
        readLetter(lines, into: &result)
        if result.meeting.date == nil, let title = result.titleLine, let date = DateTimeReader.firstDate(in: title.text) {
            result.meeting.date = date
            result.dateLine = title.number
        }
        return result
    }

    /// The document's own title ("MØTEPROTOKOLL", "Innkalling til møte i …") decides its kind;
    /// the body is named in the title or on the next line.
    static func readKindAndBody(_ lines: [SourceLine], into result: inout Result) {
        let head = lines.filter { !$0.isBlank }.prefix(15)
        for (offset, line) in head.enumerated() {
            let lower = line.trimmed.lowercased()
            let firstWord = lower.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
            let isMinutes = minutesWords.contains(firstWord)
            let isSummons = summonsWords.contains(firstWord) || lower.includes("innkalles")
            guard isMinutes || isSummons else { continue }
            result.kind = isMinutes ? .minutes : .summons
            result.kindIsCertain = true
            result.titleLine = line
            if let match = bodyInTitle.firstMatch(in: line.trimmed) ?? bodyAfterDash.firstMatch(in: line.trimmed),
               let body = match[1]?.nonBlank {
                result.body = cleanBody(body)
            } else if line.trimmed.split(separator: " ").count <= 2, offset + 1 < head.count {
                var next = head[head.index(head.startIndex, offsetBy: offset + 1)]
                // "Møteprotokoll / for / Kommunestyret": a title set on three centred lines.
                if ["for", "til", "fra", "frå"].contains(next.trimmed.lowercased()), offset + 2 < head.count {
                    next = head[head.index(head.startIndex, offsetBy: offset + 2)]
                }
                if isBodyLine(next) {
                    var body = next.trimmed
                    // A long name wraps onto the line right below it.
                    if let index = lines.firstIndex(where: { $0.number == next.number }), index + 1 < lines.count,
                       lines[index + 1].number == next.number + 1, isBodyLine(lines[index + 1]),
                       AttendanceReader.heading(lines[index + 1].text) == nil, lines[index + 1].cells.count == 1 {
                        body = TextJoiner.join([body, lines[index + 1].trimmed])
                    }
                    result.body = cleanBody(body)
                }
            }
            return
        }
    }

    /// A line that can name the body under the document's title: not a label, not a date, not long.
    static func isBodyLine(_ line: SourceLine) -> Bool {
        !line.isBlank && labelled.firstMatch(in: line.text) == nil && line.trimmed.count <= 100
            && DateTimeReader.firstDate(in: line.text) == nil
    }

    static func cleanBody(_ text: String) -> String {
        var value = text.collapsingWhitespace
        while let last = value.last, ".:,".contains(last) { value.removeLast() }
        return value
    }

    static func readLabelledFields(_ lines: [SourceLine], into result: inout Result) {
        for (index, line) in lines.enumerated() {
            guard let match = labelled.firstMatch(in: line.text), let label = match[1]?.lowercased() else { continue }
            var value = (match[2] ?? "").trimmed
            switch label {
            case "møtedato", "dato", "møtedag":
                if result.meeting.date == nil, let date = DateTimeReader.firstDate(in: value) {
                    result.meeting.date = date
                    result.dateLine = line.number
                }
                if result.meeting.start == nil { apply(DateTimeReader.times(in: value), to: &result) }
            case "tidspunkt", "tid", "møtetid", "klokkeslett", "kl", "møtestart":
                // "Tid: 11. desember 2024 kl. 10.00–12.00" (Docket's own minutes): the time's label may carry the date.
                if result.meeting.date == nil, let date = DateTimeReader.firstDate(in: value) {
                    result.meeting.date = date
                    result.dateLine = line.number
                }
                if result.meeting.start == nil { apply(DateTimeReader.times(in: value), to: &result) }
            case "møtested", "møtestad", "sted", "stad", "møtelokale", "møterom":
                guard result.meeting.place == nil else { continue }
                // A long place wraps onto lines indented to the value's column.
                var next = index + 1
                let valueColumn = line.text.distance(from: line.text.startIndex,
                                                     to: match.groupRanges[2]?.lowerBound ?? line.text.endIndex)
                while next < lines.count, !lines[next].isBlank, lines[next].indent >= max(4, valueColumn - 2),
                      labelled.firstMatch(in: lines[next].text) == nil {
                    value = TextJoiner.join([value, lines[next].trimmed])
                    next += 1
                }
                result.meeting.place = value.nonBlank
            case "utvalg", "utval", "organ", "styre", "råd", "møte i", "møte":
                // A header grid ("Utvalg   Møtedato" over its values) is no name: a name is not a label.
                if result.body == nil, let name = value.nonBlank, labelled.firstMatch(in: name) == nil,
                   DateTimeReader.firstDate(in: name) == nil, name.first?.isLetter == true {
                    result.body = cleanBody(name)
                }
            default:
                break
            }
            if label == "møtedato" || label == "dato", value.isEmpty { continue }
        }
    }

    private static func apply(_ times: (start: TimeOfDay?, end: TimeOfDay?), to result: inout Result) {
        if let start = times.start {
            result.meeting.start = start
            result.meeting.end = times.end
        }
    }

    /// "Det innkalles med dette til møte i styringsgruppen den 13 februar 2019 på … fra klokken 13.00 til 15.00."
    static func readProse(_ lines: [SourceLine], into result: inout Result) {
        for line in lines where line.text.lowercased().includes("møte") {
            let text = line.trimmed
            let lower = text.lowercased()
            guard lower.includes("innkalles") || lower.includes("møtet holdes") || lower.includes("møtet avholdes")
                || lower.includes("møtet ble holdt") || lower.includes("møte den") || lower.includes("til møte") else { continue }
            let dates = DateTimeReader.dates(in: text)
            guard let first = dates.first else { continue }
            if result.meeting.date == nil {
                result.meeting.date = first.date
                result.dateLine = line.number
            }
            if result.meeting.start == nil { apply(DateTimeReader.times(in: text), to: &result) }
            if result.meeting.place == nil {
                let afterDate = String(text.dropFirst(first.offset + first.text.count))
                if let match = placeInProse.firstMatch(in: afterDate), let place = match[1]?.nonBlank {
                    result.meeting.place = cleanBody(place)
                }
            }
            if result.body == nil, let range = lower.range(of: "møte i ") {
                let after = text[text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: range.upperBound))...]
                if let end = after.range(of: " den ") { result.body = cleanBody(String(after[..<end.lowerBound])) }
            }
        }
    }

    private static let adjourned = Pattern(#"\b(?:møtet\s+(?:ble\s+)?hevet|møteslutt|møtet\s+avsluttet)\b.*?(?:kl(?:okken)?\.?\s*)?(\d{1,2})[.:](\d{2})"#)

    /// "Møtet hevet kl. 15.30": the end, when the heading gave only the start.
    static func readAdjournment(_ lines: [SourceLine], into result: inout Result) {
        guard result.meeting.start != nil, result.meeting.end == nil else { return }
        for line in lines {
            if let match = adjourned.firstMatch(in: line.text), let hour = Int(match[1] ?? ""), let minute = Int(match[2] ?? "") {
                result.meeting.end = TimeOfDay(hour: hour, minute: minute)
                return
            }
        }
    }

    /// The letter around the agenda: "Til …", "Stavanger, 7 februar 2019", "Med vennlig hilsen" + signer, "Vedlegg".
    static func readLetter(_ lines: [SourceLine], into result: inout Result) {
        for (index, line) in lines.enumerated() {
            let text = line.trimmed
            if result.summons.addressees == nil, index < 40, let match = addressee.firstMatch(in: text),
               let value = match[1], !value.lowercased().hasPrefix("stede") {
                result.summons.addressees = cleanBody(value)
            }
            if result.summons.issuedOn == nil, let match = issued.firstMatch(in: text), let place = match[1],
               let date = DateTimeReader.firstDate(in: match[2] ?? "") {
                result.summons.issuedAtPlace = place.trimmed
                result.summons.issuedOn = date
            }
            let lower = text.lowercased()
            if result.signer == nil, ["med vennlig hilsen", "vennlig hilsen", "med hilsen", "hilsen"].contains(where: { lower.hasPrefix($0) }),
               text.count <= 30 {
                let following = lines[(index + 1)...].drop(while: \.isBlank)
                guard let nameLine = following.first else { continue }
                let name = stripMarkup(nameLine.trimmed)
                guard !name.isEmpty, name.split(separator: " ").count <= 6 else { continue }
                var titleLines: [String] = []
                for next in following.dropFirst().drop(while: \.isBlank) {
                    if next.isBlank || titleLines.count == 2 { break }
                    titleLines.append(stripMarkup(next.trimmed))
                }
                result.signer = ReadSigner(name: name, title: titleLines.first, organisation: titleLines.dropFirst().first,
                                           line: nameLine.number)
                result.summons.signedBy = name
                result.summons.signerTitle = titleLines.first
            }
            if result.attachments.isEmpty, ItemBlockReader.attachmentsLabel(text) {
                var entries: [ReadAttachment] = []
                for next in lines[(index + 1)...] {
                    if next.isBlank {
                        if entries.isEmpty { continue }
                        break
                    }
                    if TableReader.header(next) != nil { break }
                    let entry = next.trimmed.drop(while: { "-•*–".contains($0) || $0 == " " })
                    if !entry.isEmpty { entries.append(ReadAttachment(title: String(entry), line: next.number)) }
                }
                result.attachments = entries
            }
        }
    }

    /// Markdown emphasis left over from a copy ("*Leder i styringsgruppen").
    static func stripMarkup(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSetLite.markup).trimmed
    }
}

/// The few characters we strip around names and titles, without pulling CharacterSet's set algebra in.
enum CharacterSetLite {
    static let markup = Foundation.CharacterSet(charactersIn: "*_#")
}
