import DocketModel

/// Step 3 of the pipeline (fields): reads one item block into case text, proposal, handling,
/// decision, votes, archive case number, exemption and attachments.
///
/// The block is walked once; labels switch the part that following lines belong to:
/// "Forslag til vedtak:", "Innstilling:", "Kommunedirektørens forslag til vedtak:" open the proposal;
/// "Behandling" the handling; "Vedtak", "Vedtak:", "Styrets vedtak:" the decision (the last one wins,
/// as minutes often restate the proposal before the decision). Vote statements go to the votes.
enum ItemBlockReader {
    struct Fields {
        var caseText: String?
        var proposal: String?
        var handling: String?
        var decision: String?
        var votes: [ReadVote] = []
        var archiveCaseNumber: String?
        var exemptionBasis: String?
        var exempt = false
        var attachments: [ReadAttachment] = []
        /// Dates in "…s behandling av sak 3/2026 i møte den 27.01.2026:" lines, with their lines.
        var handlingDates: [(CalendarDate, Int)] = []
        /// The numbers those lines give (without series: "behandling av sak 3/2026"), with their lines.
        var handlingNumbers: [(ItemNumber, Int)] = []
        var plannedMeetings: [ReadMeeting] = []
        /// What a line of its own after the decision says became of the item ("Tatt til orientering.",
        /// "Forslaget falt.", "Saken ble utsatt til …"), as Docket's minutes and others print it.
        var statedOutcome: Outcome?
        /// True when the decision had no label and was read as the paragraph after the vote that adopted it.
        var decisionFromVote = false
        /// Where no proposal is labelled: the case text's lines before the first stage of the case's path (a meeting
        /// line, a handling, a vote, a decision), and the case text's lines after them. See `openingProposal`.
        var opening: [SourceLine] = []
        var afterOpening: [SourceLine] = []
    }

    /// What may follow a label: a colon (and the text itself), or in case systems that date their labels
    /// a body and a date ("Formannskapets vedtak - 12.03.2019", "Behandling i Formannskapet den 12.03.2019",
    /// "Formannskapets innstilling til kommunestyret:"). A label never runs on into a sentence.
    private static let labelEnd = #"(?:(?:\s+(?:i|til)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)?\s*(?:[-–]|den|i møte)?\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*(?::.*)?|(?:\s+(?:i|til)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)?\s*(?:,\s*[\p{L}\d. ]{1,30}|\s+(?:enst|enstemmig|einstemmig|samrøystes)\.?)?:.*|\s*)$"#
    private static let proposalLabel = Pattern(
        #"^\s*(?:\d{1,2}[.)]\s+)?(?:[\p{L}.'’-]+\s+){0,3}?(?:(?:forslag|framlegg)\s+til\s+(?:vedtak|innstilling)(?:\s*/\s*\p{L}+)?|innstilling|tilråding|tilrådning)"# + labelEnd)
    private static let decisionLabel = Pattern(#"^\s*((?:[\p{L}.'’-]+\s+){0,3}?)vedtak"# + labelEnd)
    /// A decision labelled with the number it had in a body ("KS- 063/21 Vedtak:", "FS-047/21 Vedtak:",
    /// "KOM- 192/2021 Vedtak:"): case systems print every body's decision along the case's path, the
    /// earlier bodies' first. The body code is letters; the number is that body's item number.
    private static let numberedDecisionLabel = Pattern(
        #"^\s*(?:\p{L}{1,10}\s*[-–]\s*)?(\d{1,4})\s*/\s*(\d{2,4})\s*(?:vedtak|vedtaket)\s*:?\s*(.*)$"#)
    private static let handlingLabel = Pattern(#"^\s*(?:\p{L}+ ?s\s+)?(?:behandling|møtebehandling|votering|drøfting|handsaming|røysting)"# + labelEnd)

    private static let handlingLine = Pattern(#"behandling\s+av\s+sak\s+\S+(?:\s+i\s+møte\s+den)?"#)
    private static let archiveNumber = Pattern(
        #"\b(?:arkivsak(?:snr|snummer|-dok|\s*nr)?|arkivsaksnr|saksnr|sak\s*nr|saksnummer|vår\s+ref|j\.?\s*post(?:id)?)\.?\s*:?\s*((?:19|20)\d{2}/\d{1,7}|\d{2}/\d{3,7})\b"#)
    private static let exemption = Pattern(#"(unntatt\s+(?:fra\s+)?offentlighet[^\n]*|\boffl\.?\s*§\s*\d+[^\n]*)"#)

    /// Headings of a case paper's parts: where the administration's proposal comes first (as many
    /// case systems print it), one of these ends the proposal and the case text resumes.
    static let casePaperHeading = Pattern(
        #"^\s*(?:saksopplysninger|sakens\s+bakgrunn|bakgrunn|vurdering|(?:\p{L}+s\s+)?vurdering|saksutredning|saken\s+gjelder|sammendrag|fakta|økonomiske\s+konsekvenser|økonomi|konklusjon|saksframstilling|saksfremstilling|innledning|beskrivelse\s+av\s+saken|hjemmel|dokumenter\s+i\s+saken|saksdokumenter|saksfr[ae]mlegg|andre\s+dokumenter|utredning|drøfting|faktiske\s+opplysninger)\s*:?\.?\s*$"#)

    /// The text after a label's colon ("Vedtak: Planen vedtas." → "Planen vedtas.").
    static func inlineText(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...]).nonBlank
    }

    /// A motion put in the meeting ends the proposal as written before it.
    private static let motion = Pattern(
        #"\b(?:fremmet\s+(?:følgende|forslag|et|nytt)|foreslo\s+følgende|satt\s+opp\s+mot|alternativt?\s+forslag|endringsforslag|tilleggsforslag)"#)
    /// A rule across the page: underscores, dashes, equals signs or asterisks, as papers print between items.
    private static let underline = Pattern(#"^\s*(?:_{5,}|-{5,}|={5,}|\*{3,})\s*$"#)
    /// A sentence on its own line that says what became of the item, after its decision.
    private static let outcomeStatement = Pattern(
        #"^\s*(tatt til orientering|tatt til etterretning|forslaget falt|saken ble utsatt|saken ble trukket|saken ble oversendt)\b[^.]{0,80}\.?\s*$"#)
    /// "Type sak: Beslutning" under an item's heading: the kind, which the agenda table gives; not case text.
    private static let kindLine = Pattern(#"^\s*(?:type\s+sak|sakstype)\s*:\s*\p{L}+\s*$"#)

    enum Part { case caseText, proposal, handling, decision, attachments }

    /// A label inside a line that lost its breaks ("… SØK AD OM FRITAK Ordførers innstilling: Kommunestyret
    /// vedtar …", "… på forhånd. Sekretariatets forslag til vedtak: Saksliste og …"): capitalised, alone or after
    /// a genitive ("Formannskapets", "Rådmannen sitt"), then a colon.
    private static let gluedLabel = Pattern(
        #"(?<=\s)(?:\p{Lu}\p{Ll}+s\s+|\p{Lu}\p{Ll}+\s+sitt\s+)?(?:(?:[Ff]orslag|[Ff]ramlegg)\s+til\s+vedtak|[Ii]nnstilling|[Tt]ilråding|[Vv]edtak)\s?:\s"#,
        caseSensitive: true)
    /// The same labels and a case paper's part headings in capitals, as older case systems print them glued into one
    /// line ("… SAKEN GJELDER: MELDINGER RÅDMANNENS INNSTILLING: Meldingene tas til orientering. SAKSDOKUMENTER: …").
    private static let gluedCapitalLabel = Pattern(
        #"(?<=\s)(?:(?:\p{Lu}{3,}S\s+)?(?:(?:FORSLAG|FRAMLEGG)\s+TIL\s+VEDTAK|INNSTILLING|TILRÅDING|VEDTAK)|SAKSDOKUMENTER|SAKSFR[AE]MLEGG|SAKSOPPLYSNINGER|SAKEN\s+GJELDER|VURDERING)\s?:\.?(?=\s|$)"#,
        caseSensitive: true)

    /// Lines longer than a label line may be, cut before each label inside them and after its colon, so the
    /// label stands on a line of its own as in every other layout. Other lines stay as they are.
    static func cuttingGluedLabels(_ lines: [SourceLine]) -> [SourceLine] {
        guard lines.contains(where: { $0.text.count > gluedLineLength }) else { return lines }
        var result: [SourceLine] = []
        for line in lines {
            let long = line.text.count > 120
            var cuts: [GluedCut] = long ? gluedLabel.matches(in: line.text).filter { $0.text.first?.isUppercase == true }.map { GluedCut(range: $0.range, isLabel: true) } : []
            if long { cuts = mergingCuts(cuts, gluedCapitalLabel.matches(in: line.text).map { GluedCut(range: $0.range, isLabel: true) }) }
            cuts = mergingCuts(cuts, gluedCuts(in: line.text, long: long))
            guard !cuts.isEmpty else {
                result.append(line)
                continue
            }
            var from = line.text.startIndex
            for cut in cuts where cut.range.lowerBound >= from {
                let before = String(line.text[from..<cut.range.lowerBound]).trimmed
                if !before.isEmpty { result.append(SourceLine(number: line.number, text: before, startsPage: false)) }
                if cut.isLabel {
                    result.append(SourceLine(number: line.number, text: String(line.text[cut.range]).trimmed, startsPage: false))
                    from = cut.range.upperBound
                } else {
                    from = cut.range.lowerBound
                }
            }
            let rest = String(line.text[from...]).trimmed
            if !rest.isEmpty { result.append(SourceLine(number: line.number, text: rest, startsPage: false)) }
        }
        return result
    }


    static func isProposalLabel(_ text: String) -> Pattern.Match? {
        guard text.count <= 120, let match = proposalLabel.firstMatch(in: text) else { return nil }
        return match
    }

    /// "Vedtak", "Vedtak:", "Styrets vedtak:", but not "Det ble enighet om følgende vedtak:" or "Forslag til vedtak:".
    static func isDecisionLabel(_ text: String) -> Pattern.Match? {
        guard text.count <= 120, let match = decisionLabel.firstMatch(in: text) else { return nil }
        let prefix = (match[1] ?? "").lowercased()
        let hasColon = text.includes(":") || text.contains(where: \.isNumber)
        if prefix.includes("forslag") || prefix.includes("framlegg") || prefix.includes("følgende") || prefix.includes("enighet") || prefix.includes(" til")
            || prefix.hasPrefix("til") || prefix.includes("om ") {
            return nil
        }
        if !prefix.trimmed.isEmpty {
            // "Kommunestyrets vedtak", "Endelig vedtak": a genitive or an adjective, never a sentence.
            let words = prefix.split(separator: " ")
            guard words.count <= 3, hasColon || words.last?.hasSuffix("s") == true else { return nil }
            if words.first.map({ ["det", "dette", "som", "et", "ett", "et", "og", "i"].contains(String($0)) }) == true { return nil }
        }
        return match
    }

    /// Reads one item's block; `number` (the item's own) tells this body's decision from earlier
    /// bodies' decisions printed along the case's path.
    static func read(_ lines: [SourceLine], number: ItemNumber? = nil) -> Fields {
        let block = cuttingGluedLabels(lines)
        var fields = Fields()
        var ownDecisionFound = false
        /// Where the handling's lines after its last vote statement begin: a decision printed without a label.
        var afterLastStatement: Int?
        var decisionLabelLine: SourceLine?
        var parts: [Part: [SourceLine]] = [:]
        var part = Part.caseText
        var statements: [(String, Int)] = []
        var index = 0
        var sawProposal = false
        /// How many case text lines came before the first stage of the path (nil: none came yet).
        var openingCount: Int?

        func add(_ line: SourceLine) { parts[part, default: []].append(line) }
        func pathBegins() {
            if part == .caseText, openingCount == nil { openingCount = parts[.caseText]?.count ?? 0 }
        }
        func partIsEmpty(_ which: Part) -> Bool { parts[which]?.contains(where: { !$0.isBlank }) != true }

        while index < block.count {
            let line = block[index]
            let text = line.text
            defer { index += 1 }
            if line.isBlank {
                // A list of attachments ends at the first blank line after its entries.
                if part == .attachments, !fields.attachments.isEmpty { part = .caseText }
                add(line)
                continue
            }
            if underline.matches(text) || isTemplateMarker(text) { continue }
            if part == .proposal || part == .decision, partIsEmpty(part), isStrayMark(text) { continue }
            let lower = text.lowercased()
            if part == .caseText, lower.includes("sak"), kindLine.matches(text) { continue }
            if part == .decision, parts[.decision]?.contains(where: { !$0.isBlank }) == true, text.count <= 120,
               let match = outcomeStatement.firstMatch(in: text), let phrase = match[1]?.lowercased() {
                fields.statedOutcome = switch phrase {
                case "forslaget falt": .rejected
                case "saken ble utsatt": .postponed
                case "saken ble trukket": .withdrawn
                case "saken ble oversendt": .referred
                default: .noted
                }
                continue
            }
            if fields.archiveCaseNumber == nil, text.includes("/"), let match = archiveNumber.firstMatch(in: text) {
                fields.archiveCaseNumber = match[1]
            }
            if !fields.exempt, part == .caseText, lower.includes("offentl") || lower.includes("offl"),
               let match = exemption.firstMatch(in: text) {
                fields.exempt = true
                fields.exemptionBasis = match[1]?.trimmed
            }
            if lower.includes("behandling av"), handlingLine.matches(text) {
                var dateText = text
                if !text.trimmed.hasSuffix(":"), index + 1 < block.count, block[index + 1].trimmed.count <= 14,
                   block[index + 1].trimmed.hasSuffix(":") {
                    dateText += " " + block[index + 1].trimmed
                    index += 1
                }
                if let date = DateTimeReader.dates(in: dateText).last?.date { fields.handlingDates.append((date, line.number)) }
                if let number = ReferenceReader.firstNumber(in: text) {
                    fields.handlingNumbers.append((number, line.number))
                }
                continue
            }
            let introduced = lower.includes("vedtak") || lower.includes("forslag") || lower.includes("framlegg")
                ? introducedProposalText(text) : nil
            if introduced != nil || lower.includes("innstilling") || lower.includes("forslag") || lower.includes("framlegg") || lower.includes("tilråd"),
               introduced != nil || isProposalLabel(text) != nil {
                // "KS- 107/21 Vedtak:" over "Forslag til vedtak:" and the text: the decision adopted the proposal as
                // written, and the label is the decision's heading.
                if part == .decision, partIsEmpty(.decision), introduced?.isEmpty ?? (inlineText(text) == nil) { continue }
                // A label with nothing under it ("Forslag til vedtak:" straight before "Formannskapets behandling:")
                // leaves the proposal open for the next one.
                // So does a sentence that only introduces it ("Kommunedirektøren rår formannskapet til å fremme slik").
                let written = parts[.proposal]?.filter { !$0.isBlank } ?? []
                let onlyIntroduced = written.count == 1 && written[0].trimmed.last.map { !".!?".contains($0) } == true
                if onlyIntroduced { parts[.proposal] = [] }
                if sawProposal, !written.isEmpty, !onlyIntroduced {
                    part = .handling
                    add(line)
                } else {
                    part = .proposal
                    sawProposal = true
                    if let inline = introduced?.nonBlank ?? (introduced == nil ? inlineText(text) : nil) {
                        add(SourceLine(number: line.number, text: inline))
                    }
                }
                continue
            }
            if lower.includes("vedtak"), text.count <= 120, let match = numberedDecisionLabel.firstMatch(in: text) {
                pathBegins()
                // Another body's decision along the case's path is kept in the handling (the path),
                // never taken for this body's: only a label with this item's own number, or the
                // last one when none has it, is the decision.
                // The number may be written year first ("KOM - 21/137 Vedtak").
                let labelled = [match[1], match[2]].compactMap { $0.flatMap { Int($0) } }
                if let previous = parts[.decision], previous.contains(where: { !$0.isBlank }), !ownDecisionFound {
                    parts[.handling, default: []] += [decisionLabelLine ?? line] + previous
                }
                if ownDecisionFound {
                    part = .handling
                    add(line)
                    continue
                }
                if let number, labelled.contains(number.sequence) { ownDecisionFound = true }
                decisionLabelLine = line
                part = .decision
                parts[.decision] = []
                if let inline = match[3]?.nonBlank { add(SourceLine(number: line.number, text: inline)) }
                continue
            }
            if lower.includes("vedtak"), !isStatedDecisionLine(text), isDecisionLabel(text) != nil {
                // "Ordfører rår kommunestyret til å fatte slikt" over "Vedtak:": the label ends the sentence that
                // introduces the proposal, and what follows is the proposal.
                if part == .proposal, introducesBelow(parts[.proposal] ?? []), inlineText(text) == nil,
                   text.trimmed.lowercased().hasPrefix("vedtak") {
                    parts[.proposal] = []
                    continue
                }
                pathBegins()
                if ownDecisionFound {
                    part = .handling
                    add(line)
                    continue
                }
                if let previous = parts[.decision], previous.contains(where: { !$0.isBlank }), let label = decisionLabelLine {
                    parts[.handling, default: []] += [label] + previous
                }
                decisionLabelLine = line
                part = .decision
                parts[.decision] = []
                if let inline = inlineText(text) { add(SourceLine(number: line.number, text: inline)) }
                continue
            }
            if text.count <= 120, !text.includes(":") || text.trimmed.hasSuffix(":"), handlingLabel.matches(text) {
                pathBegins()
                part = .handling
                continue
            }
            if part == .proposal || part == .caseText || part == .decision && !partIsEmpty(.decision), isMeetingLine(text) {
                // A stage of the case's path ("15.12.2021 Kommunestyret") ends the proposal put before it, and the
                // decision of the stage before.
                pathBegins()
                if part != .caseText { part = .handling }
                add(line)
                continue
            }
            if attachmentsLabel(text) {
                part = .attachments
                continue
            }
            if VoteReader.mayStartVote(lower), VoteReader.isVoteStart(text) {
                var builder = VoteReader.Statement(text.trimmed)
                while index + 1 < block.count, builder.continues(with: block[index + 1].text) {
                    index += 1
                    builder.append(block[index].trimmed)
                }
                let statement = builder.text
                statements.append((statement, line.number))
                pathBegins()
                // A vote ends the proposal or the case text: what follows is the handling (or the decision it adopted).
                if part == .proposal || part == .caseText { part = .handling }
                if part != .decision {
                    parts[.handling, default: []].append(SourceLine(number: line.number, text: statement))
                    afterLastStatement = parts[.handling]?.count
                }
                continue
            }
            if part == .proposal, motion.matches(text) {
                part = .handling
            }
            if part == .proposal, text.count <= 60, casePaperHeading.matches(text) {
                part = .caseText
            }
            if part == .attachments {
                let entry = text.trimmed.drop(while: { "-•*–".contains($0) || $0 == " " })
                if !entry.isEmpty { fields.attachments.append(ReadAttachment(title: String(entry), line: line.number)) }
                continue
            }
            add(line)
        }
        // No decision label: the paragraph after the last vote statement ("… ble enstemmig vedtatt.")
        // that closes the handling is the decision as adopted, as older minutes print it.
        if parts[.decision] == nil, let start = afterLastStatement, let handling = parts[.handling], start < handling.count {
            let trailing = Array(handling[start...])
            if trailing.contains(where: { !$0.isBlank }), !trailing.contains(where: { handlingLabel.matches($0.text) || motion.matches($0.text) }) {
                parts[.decision] = trailing
                parts[.handling] = Array(handling[..<start])
                fields.decisionFromVote = true
            }
        }
        if !sawProposal, let openingCount, let caseLines = parts[.caseText] {
            fields.opening = Array(caseLines[..<min(openingCount, caseLines.count)])
            fields.afterOpening = Array(caseLines[min(openingCount, caseLines.count)...])
        }
        fields.caseText = parts[.caseText].flatMap(TextJoiner.block)
        fields.proposal = parts[.proposal].flatMap(TextJoiner.block)
        fields.handling = parts[.handling].flatMap(TextJoiner.block)
        fields.decision = parts[.decision].flatMap(TextJoiner.block)
        fields.votes = VoteReader.votes(from: statements)
        fields.plannedMeetings = meetingPlan(in: block)
        return fields
    }

    /// A table "Dato | Tidspunkt | Sted" in an item's text: the meetings it plans, one a row.
    static func meetingPlan(in block: [SourceLine]) -> [ReadMeeting] {
        var meetings: [ReadMeeting] = []
        var index = 0
        while index < block.count {
            let words = block[index].cells.map { $0.text.lowercased() }
            guard words.count >= 2, words.first == "dato" || words.first == "møtedato",
                  words.contains(where: { $0.hasPrefix("tid") || $0.hasPrefix("kl") || $0 == "sted" || $0 == "møtested" }) else {
                index += 1
                continue
            }
            index += 1
            while index < block.count, !block[index].isBlank {
                let cells = block[index].cells
                guard let date = cells.first.flatMap({ DateTimeReader.firstDate(in: $0.text) }) else { break }
                let times = DateTimeReader.times(in: cells.dropFirst().map(\.text).joined(separator: " "))
                let place = cells.count >= 3 ? cells.last?.text : nil
                meetings.append(ReadMeeting(date: date, start: times.start, end: times.end, place: place))
                index += 1
            }
        }
        return meetings
    }

    static func attachmentsLabel(_ text: String) -> Bool {
        let lower = text.trimmed.lowercased()
        return lower == "vedlegg" || lower == "vedlegg:" || lower.hasPrefix("vedlegg til saken") || lower == "trykte vedlegg:"
            || lower == "utrykte vedlegg:"
    }

    /// What became of the item, when the text says so plainly.
    static func outcome(of fields: Fields, kind: ItemKind?) -> Outcome? {
        if let stated = fields.statedOutcome { return stated }
        let decision = fields.decision?.lowercased() ?? ""
        let vote = fields.votes.last { $0.adopted != nil }
        if !decision.isEmpty {
            // The outcome sentence names the case ("Saken utsettes", "Saka vert utsett", "Utsatt"), as a whole
            // word: "Det forutsettes at …" in an adopted decision is no postponement.
            if let match = outcomeSentence.firstMatch(in: String(decision.prefix(300))), let verb = match[1] ?? match[2] {
                if verb.hasPrefix("uts") { return .postponed }
                if verb.hasPrefix("tr") { return .withdrawn }
                return .referred
            }
            let short = decision.split(separator: "\n").count <= 2
            if short, decision.includes("til orientering") || decision.includes("tas til etterretning") { return .noted }
            if let proposal = fields.proposal, !isNoProposal(proposal), normalisedForComparison(proposal) != normalisedForComparison(fields.decision ?? "") {
                return .amended
            }
            return .adopted
        }
        if let vote, vote.adopted == false { return .rejected }
        if vote?.adopted == true { return .adopted }
        // No decision written: the handling may still say what happened ("Saken ble utsatt").
        let handling = fields.handling?.lowercased() ?? ""
        if handling.includes("saken ble utsatt") || handling.includes("saken utsettes") || handling.includes("utsatt til") { return .postponed }
        if handling.includes("saken ble trukket") || handling.includes("trukket fra sakslisten") { return .withdrawn }
        if handling.includes("saken oversendes") || handling.includes("saken ble oversendt") { return .referred }
        return nil
    }

    /// "Saken utsettes", "Saka vert utsett til neste møte", "Utsatt.", "Saken trekkes", "Saken oversendes …",
    /// "Saken sendes tilbake til …": the case's fate in the decision's first sentences, as whole words.
    private static let outcomeSentence = Pattern(
        #"(?:^|[.:\n]\s*|\d[.)]\s*)(?:saken|saka|behandlingen|behandlinga|forslaget|framlegget)\s+(?:blir\s+|ble\s+|vert\s+|vart\s+)?(utsettes|utsatt|utsett|trekkes|trukket|trekt|oversendes|sendes\s+tilbake|send\s+tilbake)\b|^\s*(?:\d[.)]\s*)?(utsatt|utsett|trukket)\b"#)

    /// A verb that states what a body decided, in a sentence of minutes without labels.
    private static let decidingVerb = Pattern(
        #"\b(?:godkjent|godkjente|godkjennes|vedtatt|vedtok|vedtas|vedteke|vedtek|valgt|valde|valt|besluttet|fastsettes|fastsatt|settes\s+til|vart\s+sett\s+til|bestemte|fattet\s+følgende|gjorde\s+følgende|tatt\s+til\s+(?:orientering|etterretning)|tok\s+\S+(?:\s+\S+){0,6}\s+til\s+(?:orientering|etterretning))\b"#)

    /// Minutes that print no labels state the decision in prose ("Representantskapet godkjente årsberetningen.",
    /// "Det ble vedtatt at …", "… fattet følgende vedtak:" over the decision): from the first sentence with a
    /// deciding verb to the end of its paragraph, or the paragraph after a sentence that introduces it.
    static func unlabelledDecision(in text: String) -> String? {
        let paragraphs = text.components(separatedBy: "\n\n").map(\.trimmed).filter { !$0.isEmpty }
        for (index, paragraph) in paragraphs.enumerated() where paragraph.count <= 2_000 {
            guard let match = decidingVerb.firstMatch(in: paragraph) else { continue }
            // Back to the start of the sentence that holds the verb.
            var start = match.range.lowerBound
            while start > paragraph.startIndex {
                let before = paragraph.index(before: start)
                if ".!?".contains(paragraph[before]), paragraph[start] == " " { break }
                start = before
            }
            let sentence = String(paragraph[start...]).trimmed
            if sentence.hasSuffix(":"), index + 1 < paragraphs.count { return paragraphs[index + 1] }
            return sentence.nonBlank
        }
        return nil
    }

    /// Letters and digits only, without the numbers or marks that open a list's lines ("1.", "a)", "•"): a
    /// decision that numbers the proposal's points is the proposal as written.
    static func normalisedForComparison(_ text: String) -> String {
        text.lowercased().split(separator: "\n").map { line in
            let trimmed = line.drop(while: { $0 == " " })
            if let match = listMark.firstMatch(in: String(trimmed)) { return String(trimmed.dropFirst(match.text.count)) }
            return String(trimmed)
        }.joined().filter { $0.isLetter || $0.isNumber }
    }
    private static let listMark = Pattern(#"^(?:\d{1,2}[.)]|[a-zæøå][.)]|[-•*–])\s+"#)
}
