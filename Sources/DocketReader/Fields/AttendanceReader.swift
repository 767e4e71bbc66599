import DocketModel

/// Reads who attended: member tables under "Følgende medlemmer møtte", apologies ("Forfall",
/// "… hadde meldt forfall"), substitutes ("Varamedlem for", "Møtt for", "møtte som vararepresentant for"),
/// the administration and other attendees, and the members chosen to approve the minutes.
///
/// Lists come as tables (name, role, party, whom a deputy replaced), as comma lists after a label,
/// or as sentences; each form has its own small function.
enum AttendanceReader {
    /// What a heading introduces.
    enum ListKind: Equatable {
        case present, apologies, substitutes, others, prose, approvers
    }

    struct Result {
        var attendance: [ReadAttendee] = []
        var others: [ReadAttendee] = []
        var approvers: [ReadSigner] = []
    }

    /// Which list a heading line opens, and any text after its colon.
    static func heading(_ text: String) -> (ListKind, inline: String)? {
        guard text.count <= 200 else { return nil }
        let trimmed = text.trimmed
        let lower = trimmed.lowercased()
        let (label, inline): (String, String) = {
            if let colon = lower.firstIndex(of: ":") {
                let offset = lower.distance(from: lower.startIndex, to: colon)
                let inlineStart = trimmed.index(trimmed.startIndex, offsetBy: offset + 1)
                return (String(lower[..<colon]).trimmed, String(trimmed[inlineStart...]).trimmed)
            }
            return (lower, "")
        }()
        guard label.count <= 80 else { return nil }
        // A heading ends in a colon, or is a few words without a full stop; a sentence is not a heading.
        if !trimmed.includes(":"), label.split(separator: " ").count > 6 || trimmed.hasSuffix(".") { return nil }
        let kinds: [(ListKind, [String])] = [
            (.approvers, ["godkjenne protokollen", "underskrive protokollen", "signere protokollen", "til å godkjenne protokoll",
                          "protokollen godkjennes av", "protokollen underskrives av", "protokollen signeres av"]),
            (.others, ["fra administrasjonen", "andre møtende", "andre til stede", "i tillegg møtte", "dessuten møtte",
                       "møtende fra administrasjonen", "fra sekretariatet", "andre deltakere", "andre som møtte", "fra adm"]),
            (.substitutes, ["følgende varamedlemmer møtte", "møtende varamedlemmer", "varamedlemmer som møtte", "varamedlemmer",
                            "møtende vara", "vararepresentanter"]),
            (.apologies, ["hadde forfall", "meldt forfall", "forfall", "fraværende", "ikke møtt", "fravær"]),
            (.present, ["følgende medlemmer møtte", "medlemmer møtte", "møtende medlemmer", "til stede", "tilstede", "møtte",
                        "deltakere", "deltagere", "til stades"]),
            (.prose, ["deltakelse", "merknader til deltakelse", "oppmøte"]),
        ]
        for (kind, phrases) in kinds {
            for phrase in phrases {
                // A phrase of several words may stand anywhere in a short heading; a single word must
                // be the heading or end it ("Forfall:", "Meldt forfall:"), so prose does not open a list.
                let matches = phrase.includes(" ")
                    ? label.includes(phrase)
                    : label == phrase || (label.hasSuffix(" " + phrase) && label.split(separator: " ").count <= 4 && text.includes(":"))
                if matches { return (kind, inline) }
            }
        }
        return nil
    }

    static func read(_ lines: [SourceLine]) -> Result {
        var result = Result()
        var index = 0
        while index < lines.count {
            guard let (kind, inline) = heading(lines[index].text) else {
                index += 1
                continue
            }
            let headingLine = lines[index]
            var body: [SourceLine] = []
            index += 1
            var seenContent = false
            while index < lines.count {
                let line = lines[index]
                if heading(line.text) != nil { break }
                if line.isBlank {
                    // A table goes on after a page break under its "Navn …" header again.
                    var peek = index + 1
                    while peek < lines.count, lines[peek].isBlank, peek - index < 4 { peek += 1 }
                    if seenContent, peek < lines.count,
                       isNameHeader(lines[peek]) || (lines[peek].startsPage && lines[peek].cells.count >= 2
                           && heading(lines[peek].text) == nil && !isOtherSection(lines[peek].trimmed)) {
                        index = peek
                        continue
                    }
                    if seenContent { break }
                    index += 1
                    continue
                }
                if isOtherSection(line.trimmed) { break }
                seenContent = true
                body.append(line)
                index += 1
            }
            if !inline.isEmpty {
                body.insert(SourceLine(number: headingLine.number, text: inline), at: 0)
            }
            apply(kind, body: body, to: &result)
        }
        return result
    }

    static func isNameHeader(_ line: SourceLine) -> Bool {
        guard let first = line.cells.first?.text.lowercased() else { return false }
        return (first == "navn" || first == "name") && line.cells.count >= 2
    }

    /// Lines that end an attendance list without a blank line (as in DOCX, a paragraph a line): the
    /// agenda, standard meeting headings, the minute-taker's line ("Referent: Kari Nordmann").
    static func isOtherSection(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["saksliste", "sakliste", "godkjenning av", "dagsorden", "sakskart", "offentlig saksliste", "orientering",
                "referent", "saker:"].contains { lower.hasPrefix($0) } || lower == "saker"
    }

    private static func apply(_ kind: ListKind, body: [SourceLine], to result: inout Result) {
        switch kind {
        case .prose:
            readSentences(body, into: &result)
        case .approvers:
            for line in body {
                for piece in splitNameList(line.trimmed) {
                    // "… og Per-Ole Austmo ble valgt." : the name is the run of capitalised words.
                    let words = piece.split(separator: " ").prefix { $0.first?.isUppercase == true || $0.first == "(" }
                    let name = words.filter { $0.first != "(" }.joined(separator: " ")
                    guard name.split(separator: " ").count >= 2 else { continue }
                    result.approvers.append(ReadSigner(name: name, title: nil, organisation: nil, line: line.number))
                }
            }
        case .present, .apologies, .substitutes, .others:
            var hasForColumn = kind == .substitutes
            for line in body {
                let cells = line.cells
                if let first = cells.first?.text.lowercased(), first == "navn" || first == "name" {
                    hasForColumn = line.text.lowercased().includes(" for")
                    continue
                }
                let entries: [ReadAttendee]
                if cells.count == 1, line.trimmed.includes(",") || line.trimmed.lowercased().includes(" og ") {
                    entries = splitNameList(line.trimmed).compactMap { row(fromCells: [Cell(text: $0, column: 0)], line: line.number, kind: kind, hasForColumn: false) }
                } else {
                    entries = [row(fromCells: cells, line: line.number, kind: kind, hasForColumn: hasForColumn)].compactMap { $0 }
                }
                for entry in entries {
                    if kind == .others { result.others.append(entry) } else { result.attendance.append(entry) }
                }
            }
        }
    }

    static let roleWords: [(String, Role)] = [
        ("varaordfører", .deputyChair), ("varamedlem", .deputy), ("vararepresentant", .deputy), ("nestleder", .deputyChair),
        ("ordfører", .chair), ("møteleder", .chair), ("leder", .chair), ("medlem", .member), ("vara", .deputy),
        ("observatør", .observer), ("rådgiver", .adviser), ("tillitsvalgt", .unionRepresentative),
        ("utvalgssekretær", .secretary), ("sekretær", .secretary), ("referent", .secretary),
    ]

    private static let partyPattern = Pattern(#"^(?:[A-ZÆØÅ]{1,6}|KrF|FrP|Frp|Krf|MDG)$"#, caseSensitive: true)
    private static let inlineParty = Pattern(#"^(.*?)\s*\(([^()]{1,12})\)\s*(.*)$"#)
    private static let substituteFor = Pattern(
        #"^(.*?)[\s,]+(?:møtte\s+(?:som\s+\S+\s+)?for|møtt\s+for|varamedlem\s+for|vara\s+for|vararepresentant\s+for|for)\s+(.+)$"#)

    static func isParty(_ text: String) -> Bool { partyPattern.matches(text) }

    /// One row of an attendance table, or one name of a list: name, role, party, whom a deputy replaced.
    static func row(fromCells cells: [Cell], line: Int, kind: ListKind, hasForColumn: Bool) -> ReadAttendee? {
        guard var name = cells.first.map({ withoutBullet($0.text) }), name.contains(where: \.isLetter) else { return nil }
        var party: String?
        var roleText: String?
        var role: Role?
        var replaced: String?
        var remaining = Array(cells.dropFirst().map(\.text))

        // "Kari Nordmann (H) for Ola Nordmann", "Kari Nordmann, vara for Ola Nordmann"
        if let match = substituteFor.firstMatch(in: name), let who = match[1], let whom = match[2],
           who.includes(" ") || who.includes("(") {
            name = who
            replaced = whom.trimmed
        }
        if let match = inlineParty.firstMatch(in: name), let bare = match[1], let inside = match[2], !bare.isEmpty {
            name = bare
            // "(AP)" is a party; "(leder)" a role, handled with the other cells.
            if isParty(inside.trimmed) { party = inside.trimmed } else { remaining.insert(inside.trimmed, at: 0) }
            if let tail = match[3]?.nonBlank { remaining.insert(tail, at: 0) }
        }
        if let comma = name.firstIndex(of: ",") {
            let after = String(name[name.index(after: comma)...]).trimmed
            name = String(name[..<comma]).trimmed
            if !after.isEmpty { remaining.insert(after, at: 0) }
        }
        var organisation: String?
        for cell in remaining {
            let lower = cell.lowercased()
            if organisation == nil, isOrganisation(cell) {
                organisation = cell
                continue
            }
            if role == nil, let (word, mapped) = roleWords.first(where: { lower.hasPrefix($0.0) }) {
                roleText = String(cell.prefix(word.count))
                role = mapped
                let rest = String(cell.dropFirst(word.count)).trimmed
                if isParty(rest) {
                    party = rest
                } else if lower.hasPrefix(word + " for ") || lower.hasPrefix(word + " for") {
                    replaced = String(cell.dropFirst(word.count + 4)).trimmed.nonBlank ?? replaced
                } else if !rest.isEmpty, kind == .others {
                    roleText = cell
                }
                continue
            }
            if party == nil, isParty(cell) {
                party = cell
                continue
            }
            if kind == .others {
                roleText = roleText.map { "\($0) \(cell)" } ?? cell
                continue
            }
            if replaced == nil, hasForColumn || role == .deputy {
                replaced = cell
                continue
            }
            roleText = roleText.map { "\($0) \(cell)" } ?? cell
        }
        let status: AttendanceStatus?
        switch kind {
        case .others: status = nil
        case .apologies: status = .apologies
        case .substitutes: status = .substitute
        default: status = replaced == nil ? .present : .substitute
        }
        var entry = ReadAttendee(name: name.collapsingWhitespace, status: status, line: line)
        entry.party = party
        entry.role = role ?? (kind == .substitutes ? .deputy : nil)
        entry.roleText = roleText
        entry.substituteFor = replaced?.collapsingWhitespace
        entry.organisation = organisation
        return entry
    }

    /// "- Kari Nordmann", "• Kari Nordmann": a list's bullet is not part of the name.
    static func withoutBullet(_ text: String) -> String {
        let trimmed = text.trimmed
        guard let first = trimmed.first, "-–—•*·▪".contains(first), trimmed.dropFirst().first?.isWhitespace == true else { return trimmed }
        return String(trimmed.dropFirst()).trimmed
    }

    /// Words that name an organisation rather than a person, a role or a party.
    static func isOrganisation(_ text: String) -> Bool {
        // Whole words: "Sandnes kommune" names an organisation, "Kommunedirektør" a position.
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        let organisationWords: Set<String> = ["kommune", "fylkeskommune", "iks", "as", "sekretariat", "sekretariatet", "statsforvalteren",
                                              "fylkesmannen", "ks", "direktoratet", "forbund", "selskap", "universitet", "helseforetak"]
        return !words.isDisjoint(with: organisationWords) && !isParty(text)
    }

    /// "Kari Nordmann (H), Ola Nordmann og Per Hansen" → three names; "Per Olsen (H) for Kari Nordmann,
    /// Liv Berg, varamedlem for Ola Hansen" → two entries (a piece that starts in lower case belongs to the one before).
    static func splitNameList(_ text: String) -> [String] {
        var cleaned = text
        if cleaned.hasSuffix(".") { cleaned.removeLast() }
        let pieces = cleaned.replacingOccurrences(of: " og ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
            .split(separator: ",").map { String($0).trimmed }.filter { $0.contains(where: \.isLetter) }
        var merged: [String] = []
        for piece in pieces {
            // A piece in lower case, or naming an organisation, belongs to the name before it.
            if let first = piece.first, first.isLowercase || isOrganisation(piece), let last = merged.popLast() {
                merged.append(last + ", " + piece)
            } else {
                merged.append(piece)
            }
        }
        return merged
    }

    private static let name = #"((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]*)"#
    private static let apologySentence = Pattern(name + #"\s*(?:\(([^()]{1,12})\))?\s+(?:hadde|har)\s+(?:meldt\s+)?forfall"#, caseSensitive: true)
    private static let substituteSentence = Pattern(
        name + #"\s*(?:\(([^()]{1,12})\))?\s+møtte\s+(?:som\s+)?(?:vararepresentant|varamedlem|vara)(?:\s+for\s+"# + name + ")?",
        caseSensitive: true)

    /// "Espen Hatlinghus (INP) hadde meldt forfall." / "Lillian Hatling (SP) møtte som vararepresentant for …".
    static func readSentences(_ lines: [SourceLine], into result: inout Result) {
        for line in lines {
            for match in apologySentence.matches(in: line.text) {
                guard let person = match[1]?.collapsingWhitespace else { continue }
                if result.attendance.contains(where: { $0.name == person }) { continue }
                var entry = ReadAttendee(name: person, status: .apologies, line: line.number)
                entry.party = match[2]
                result.attendance.append(entry)
            }
            for match in substituteSentence.matches(in: line.text) {
                guard let person = match[1]?.collapsingWhitespace else { continue }
                let whom = match[3]?.collapsingWhitespace
                if let existing = result.attendance.firstIndex(where: { $0.name == person }) {
                    if result.attendance[existing].substituteFor == nil, let whom {
                        result.attendance[existing].substituteFor = whom
                        result.attendance[existing].status = .substitute
                    }
                    continue
                }
                var entry = ReadAttendee(name: person, status: .substitute, line: line.number)
                entry.party = match[2]
                entry.role = .deputy
                entry.substituteFor = whom
                result.attendance.append(entry)
            }
        }
    }
}
