/// Reads the record of votes: "Enstemmig vedtatt", "Vedtatt med 23 mot 12 stemmer",
/// "Vedtatt mot 2 stemmer", "Forslaget falt mot 4 stemmer (…)", and the per-member lists
/// "For forslaget stemte 9: Anne (AP), …" / "Imot forslaget stemte 10: …" closed by
/// "Dermed ble innstillingen vedtatt.", and names written in sentences ("Representant Kari Holm,
/// AP og representant Per Dahl, AP stemte mot."), in parentheses after a count ("falt med 3 mot 2
/// stemmer (Kari Holm og Per Dahl)") and in nynorsk ("framlegg fekk 1 røyst (Marit Klausen)").
enum VoteReader {
    private static let voteStart = Pattern(
        #"\b\d+\s+stemte\s+(?:for|imot|mot)\b|^\s*(?:(?:for|imot|mot)\s+[\p{L}-]+(?:\s+[\p{L}\d-]+)?\s+stemte\s+\d+|dermed\s+ble\b|votering\b|avstemning\b)|\benstemmig\b|\bsamrøystes\b|\b(?:vedteke|vedteken|falt)\s+(?:med\s+\d+\s+mot\s+\d+|mot\s+\d+)\s+røyst|\b(?:vedtatt|falt|forkastet|vedtas|godkjent)\s+(?:med\s+\d+\s+mot\s+\d+|mot\s+\d+)\s+stemme|\b(?:fikk|fekk)\s+\d+\s+(?:stemme|røyst)"#)
    private static let sideList = Pattern(#"^\s*(for|imot|mot)\s+[\p{L}-]+(?:\s+[\p{L}\d-]+)?\s+stemte\s+(\d+)\s*:?\s*(.*)$"#)
    private static let withCounts = Pattern(#"\b(vedtatt|falt|forkastet|vedtas|godkjent|vedteke|vedteken|fall)\s+med\s+(\d+)\s+mot\s+(\d+)\s+(?:stemme|røyst)"#)
    private static let againstOnly = Pattern(#"\b(vedtatt|falt|forkastet|vedtas|godkjent|vedteke|vedteken|fall)\s+mot\s+(\d+)\s+(?:stemme|røyst)"#)
    /// "Høyres forslag fikk 12 stemmer (H) og falt", "Høgre sitt framlegg fekk 1 røyst (Marit Klausen)".
    private static let got = Pattern(#"\b(?:fikk|fekk)\s+(\d+)\s+(?:stemme|røyst)"#)
    /// "… stemte mot", "… stemte for forslaget", "… røysta for": the verb of a sentence that names voters.
    private static let namedVerb = Pattern(#"\b(?:stemte|røysta|røystet)\s+(for|mot|imot)\b"#)
    /// The titles before a name in a sentence of names ("representant Kari Holm, AP").
    private static let voterTitle = Pattern(#"^(?:representantene|representanten|representant|repr\.|varaordfører|varaordførar|ordfører|ordførar|medlemmene|medlem)\s+"#)
    /// "5 stemte for og 2 mot", "6 stemte for … 0 stemte imot".
    private static let sideCounts = Pattern(#"(\d+)\s+stemte\s+for\b.*?(\d+)\s+(?:stemte\s+)?(?:imot|mot)\b"#)
    private static let abstained = Pattern(#"(\d+)\s+(?:avsto|avstod|stemte blankt|blanke)"#)
    private static let thereby = Pattern(#"^\s*dermed\s+ble\b.*?\b(ikke\s+vedtatt|vedtatt|falt|forkastet|avvist)"#)
    private static let voterPattern = Pattern(#"([^,():]+?)\s*\(([^()]+)\)"#)

    /// True when a line opens a vote statement.
    static func isVoteStart(_ text: String) -> Bool {
        mayStartVote(text.lowercased()) && (voteStart.matches(text) || startsNamedSentence(text))
    }

    /// A line that is a sentence of names by itself: "Representant Erik Ødegård GBR, stemte mot forslaget."
    static func startsNamedSentence(_ text: String) -> Bool {
        guard let verb = namedVerb.firstMatch(in: text) else { return false }
        let prefix = String(text[..<verb.range.lowerBound])
        guard !prefix.contains(where: \.isNumber), sentenceStart(in: prefix[...]) == prefix.startIndex, let first = prefix.trimmed.first, first.isUppercase else { return false }
        return !listedVoters(prefix).isEmpty
    }

    /// A cheap test before the pattern: every vote phrase has one of these words.
    static func mayStartVote(_ lower: String) -> Bool {
        lower.includes("stem") || lower.includes("dermed") || lower.includes("votering") || lower.includes("røyst")
    }

    /// A vote statement spans lines while a member list or a parenthesis is still open.
    static func statementContinues(_ accumulated: String, next: String) -> Bool {
        Statement(accumulated).continues(with: next)
    }

    /// A vote statement read line by line. What decides whether it goes on (parentheses still
    /// open, a member list not yet ended with a full stop) is kept as it grows: counting the
    /// parentheses and matching the whole statement again for every line was quadratic, and a
    /// member list pasted a thousand times took minutes.
    struct Statement {
        private(set) var text: String
        private var openParentheses = 0
        private var isSideList = false

        /// A member list is known by its first words ("For forslaget stemte 9:"): past this many
        /// characters the answer no longer changes, so it is not asked again.
        static let sideListPrefix = 600

        init(_ first: String) {
            text = ""
            append(first)
        }

        mutating func append(_ line: String) {
            text += text.isEmpty ? line : " " + line
            for character in line {
                if character == "(" { openParentheses += 1 } else if character == ")" { openParentheses -= 1 }
            }
            if !isSideList, text.utf8.count - line.utf8.count < Self.sideListPrefix { isSideList = sideList.matches(text) }
        }

        func continues(with next: String) -> Bool {
            if next.trimmed.isEmpty { return false }
            // "… vedtatt med 5 mot 2 stemmer. Ordfører Rune Grenberg" goes on to the "… stemte for …" that ends its list of names.
            if !isSideList, openParentheses == 0, VoteReader.endsInNamedFragment(text) { return true }
            if isVoteStart(next) { return false }
            if openParentheses > 0 { return true }
            return isSideList && text.last(where: { !$0.isWhitespace }) != "."
        }
    }

    /// Groups statements into votes: a "for" list opens a vote, an "against" list and a "Dermed ble …" close it.
    static func votes(from statements: [(text: String, line: Int)]) -> [ReadVote] {
        var votes: [ReadVote] = []
        var open: ReadVote?

        func close() {
            if let vote = open { votes.append(vote) }
            open = nil
        }

        for (text, line) in statements {
            if let side = sideList.firstMatch(in: text) {
                let isFor = (side[1] ?? "").lowercased() == "for"
                let count = Int(side[2] ?? "")
                let voters = self.voters(in: side[3] ?? "")
                if isFor {
                    if open?.votesFor != nil { close() }
                    if open == nil { open = ReadVote(text: text, line: line) } else { open?.text += "\n" + text }
                    open?.votesFor = count
                    open?.votersFor = voters
                } else {
                    if open == nil { open = ReadVote(text: text, line: line) } else { open?.text += "\n" + text }
                    open?.votesAgainst = count
                    open?.votersAgainst = voters
                }
                continue
            }
            if let result = thereby.firstMatch(in: text) {
                let word = (result[1] ?? "").lowercased()
                if open == nil {
                    if let last = votes.last, last.adopted == nil {
                        votes[votes.count - 1].text = last.text + "\n" + text
                        votes[votes.count - 1].adopted = word == "vedtatt"
                        continue
                    }
                    open = ReadVote(text: text, line: line)
                } else {
                    open?.text += "\n" + text
                }
                open?.adopted = word == "vedtatt"
                if open?.votesFor != nil, open?.votesAgainst == nil { open?.votesAgainst = 0 }
                close()
                continue
            }
            close()
            let vote = standalone(text, line: line)
            // A sentence of names alone ("Representant Kari Holm, AP stemte mot.") tells who voted how in the vote before it.
            // Only a counted vote takes them: names after a unanimous one belong to a vote not read.
            if vote.hasOnlyNames, let last = votes.indices.last, !votes[last].unanimous,
               votes[last].votesFor != nil || votes[last].votesAgainst != nil {
                votes[last].text += "\n" + text
                votes[last].votersFor = merged(votes[last].votersFor, vote.votersFor)
                votes[last].votersAgainst = merged(votes[last].votersAgainst, vote.votersAgainst)
                continue
            }
            votes.append(vote)
        }
        close()
        return votes
    }

    private static func merged(_ voters: [ReadVoter], _ more: [ReadVoter]) -> [ReadVoter] {
        var result = voters
        for voter in more where !result.contains(where: { $0.name.lowercased() == voter.name.lowercased() }) { result.append(voter) }
        return result
    }

    /// One self-contained statement: "Enstemmig vedtatt", "Vedtatt med 23 mot 12 stemmer", "Vedtatt mot 2 stemmer".
    static func standalone(_ text: String, line: Int) -> ReadVote {
        var vote = ReadVote(text: text, line: line)
        let lower = text.lowercased()
        let fell = lower.includes("falt") || lower.includes("forkastet") || lower.includes("ikke vedtatt") || lower.includes("avvist")
            || (lower.includes("fall") && nynorskFell.matches(text))
        if lower.includes("enstemmig") {
            vote.unanimous = true
            vote.adopted = !fell
        }
        if let match = withCounts.firstMatch(in: text) {
            vote.votesFor = Int(match[2] ?? "")
            vote.votesAgainst = Int(match[3] ?? "")
            // A motion that fell had fewer votes for it than against: "Forslaget falt med 9 mot 2 stemmer"
            // writes the majority first.
            if fell, let votesFor = vote.votesFor, let against = vote.votesAgainst, votesFor > against {
                (vote.votesFor, vote.votesAgainst) = (against, votesFor)
            }
            vote.adopted = !fell
            // "(Kari Holm og Per Dahl)" after the counts names the minority: those for a fallen motion, against an adopted one.
            let names = votersInParentheses(text)
            if !names.isEmpty {
                if fell { vote.votersFor = names } else { vote.votersAgainst = names }
            }
        } else if !sideCounts.matches(text), let match = got.firstMatch(in: text) {
            // "Forslaget fikk 2 stemmer (Kari Holm og Per Dahl) og falt": those named voted for it.
            vote.votesFor = Int(match[1] ?? "")
            vote.votersFor = votersInParentheses(text)
            if fell { vote.adopted = false }
        } else if let match = againstOnly.firstMatch(in: text) {
            let minority = Int(match[2] ?? "")
            if fell {
                // "Forslaget falt mot 4 stemmer": the four voted for it.
                vote.votesFor = minority
            } else {
                vote.votesAgainst = minority
            }
            vote.adopted = !fell
            let names = voters(in: text)
            if !names.isEmpty {
                if fell { vote.votersFor = names } else { vote.votersAgainst = names }
            }
        }
        for (side, names) in namedSentences(in: text) {
            if side == .for { vote.votersFor = merged(vote.votersFor, names) } else { vote.votersAgainst = merged(vote.votersAgainst, names) }
        }
        if got.matches(text), let parties = partyList(in: text) ?? partyListAfterCount(in: text) {
            vote.partiesFor = parties
        } else if let parties = partyList(in: text) {
            // The minority is the one named: those against an adopted motion, those for a fallen one.
            if fell { vote.partiesFor = parties } else { vote.partiesAgainst = parties }
        }
        if vote.votesFor == nil, let match = sideCounts.firstMatch(in: text) {
            vote.votesFor = Int(match[1] ?? "")
            vote.votesAgainst = Int(match[2] ?? "")
        }
        if vote.adopted == nil, lower.includes("vedtatt") || lower.includes("vedteke") || lower.includes("godkjent") { vote.adopted = !fell }
        if let match = abstained.firstMatch(in: text) { vote.abstaining = Int(match[1] ?? "") }
        return vote
    }

    private static let nynorskFell = Pattern(#"\bfall\b|\bfalle\b"#)
    /// The parenthesis right after a count: "mot 2 stemmer (Kari Holm (SV) og Per Dahl (R))", "fekk 1 røyst (Marit Klausen)".
    private static let countParentheses = Pattern(#"(?:stemmer|stemme|røyster|røyst)\s*\(((?:[^()]|\([^()]*\))*)\)"#)

    /// The people named in the parenthesis after the last count, with or without their parties;
    /// none when it names parties ("(H, FrP og V)").
    static func votersInParentheses(_ text: String) -> [ReadVoter] {
        guard let inside = countParentheses.matches(in: text).last?[1] else { return [] }
        let withParties = voters(in: inside)
        if !withParties.isEmpty { return withParties }
        let chunks = chunks(of: inside)
        let names = listedVoters(inside)
        // All or nothing: a parenthesis that mixes parties and names is not a list of voters.
        return names.count == chunks.count ? names : []
    }

    /// "(FRP, AP, SP, FNB)" right after "fikk 21 stemmer", wherever it stands in the sentence.
    static func partyListAfterCount(in text: String) -> [String]? {
        guard let inside = countParentheses.firstMatch(in: text)?[1] else { return nil }
        let parties = chunks(of: inside).map { $0.split(separator: " ").first.map(String.init) ?? $0 }
        return !parties.isEmpty && parties.allSatisfy(AttendanceReader.isParty) ? parties : nil
    }

    enum Side { case `for`, against }

    /// Every sentence of names in a statement: "… stemmer. Varaordfører Niels F. Rolsdorph H og
    /// representant Anita Madshus H stemte for forslaget." gives (for, [Niels F. Rolsdorph, Anita Madshus]).
    static func namedSentences(in text: String) -> [(Side, [ReadVoter])] {
        guard text.includes("stemte") || text.includes("røyst") else { return [] }
        return namedVerb.matches(in: text).compactMap { match in
            let before = text[..<match.range.lowerBound]
            let prefix = String(before[sentenceStart(in: before)...])
            guard !prefix.contains(where: \.isNumber) else { return nil }
            let names = listedVoters(prefix)
            guard !names.isEmpty else { return nil }
            return ((match[1] ?? "").lowercased() == "for" ? .for : .against, names)
        }
    }

    /// Where the last sentence of `text` begins: after the last ". " before a capital letter that
    /// does not end an initial ("Niels F. Rolsdorph").
    static func sentenceStart(in text: Substring) -> Substring.Index {
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            guard text[index] == "." || text[index] == ":" || text[index] == ";" else { continue }
            let after = text.index(after: index)
            guard after < text.endIndex, text[after].isWhitespace else { continue }
            if text[index] == "." {
                // "F." is an initial: a single capital after a space (or at the start).
                let previous = index > text.startIndex ? text.index(before: index) : nil
                if let previous, text[previous].isUppercase,
                   previous == text.startIndex || text[text.index(before: previous)].isWhitespace { continue }
            }
            return after
        }
        return text.startIndex
    }

    /// True when a statement ends in the beginning of a sentence of names ("… stemmer. Ordfører
    /// Rune Grenberg"), which the following lines finish with "stemte for …".
    static func endsInNamedFragment(_ text: String) -> Bool {
        let tail = text.suffix(400)
        let start = sentenceStart(in: tail)
        guard start > tail.startIndex else { return false }
        let fragment = String(tail[start...]).trimmed
        guard !fragment.isEmpty, !fragment.contains(where: \.isNumber), voterTitle.matches(fragment),
              !namedVerb.matches(fragment) else { return false }
        return true
    }

    /// A list of names split where a comma, "og" or a title ("representant") parts them.
    static func chunks(of text: String) -> [String] {
        var chunks: [String] = []
        var current: [Substring] = []
        func end() {
            if !current.isEmpty { chunks.append(current.joined(separator: " ")) }
            current = []
        }
        for word in text.split(whereSeparator: \.isWhitespace) {
            let lower = word.lowercased()
            if ["og", "and", "samt"].contains(lower) { end(); continue }
            if voterTitle.matches(String(word) + " ") { end(); continue }
            if word.hasSuffix(",") || word.hasSuffix(";") {
                let bare = word.dropLast()
                if !bare.isEmpty { current.append(bare) }
                end()
                continue
            }
            current.append(word)
        }
        end()
        return chunks
    }

    /// People named in running text, each with the party after the name where there is one:
    /// "Ordfører Rune Grenberg AP, representant Kaja Sillerud Haugen, AP og Åse B. Lilleåsen SP".
    static func listedVoters(_ text: String) -> [ReadVoter] {
        var voters: [ReadVoter] = []
        for chunk in chunks(of: text) {
            var words = chunk.split(separator: " ").map(String.init)
            var party: String?
            // "Grane(V)", "Blom (V)", "Haugen AP"; a chunk that is only a party belongs to the name before it.
            if let last = words.last, let open = last.firstIndex(of: "("), last.hasSuffix(")") {
                let inside = String(last[last.index(after: open)..<last.index(before: last.endIndex)])
                let head = String(last[..<open])
                words.removeLast()
                if !head.isEmpty { words.append(head) }
                party = inside
            } else if let last = words.last, AttendanceReader.isParty(last) {
                if words.count == 1 {
                    if let previous = voters.indices.last, voters[previous].party == nil { voters[previous].party = last }
                    continue
                }
                words.removeLast()
                party = last
            }
            let name = words.joined(separator: " ")
            guard isPersonName(words) else { continue }
            voters.append(ReadVoter(name: name, party: party))
        }
        return voters
    }

    /// Two to six words, each capitalised (or an initial), no digits, not a party's name.
    static func isPersonName(_ words: [String]) -> Bool {
        guard (2...6).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase, !word.contains(where: \.isNumber) else { return false }
            let lower = word.lowercased()
            return !lower.contains("parti") && !["høyre", "høgre", "venstre", "rødt", "raudt", "innstillingen", "forslaget"].contains(lower)
                && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
        }
    }

    private static let trailingParentheses = Pattern(#"\(([^()]+)\)\s*\.?\s*$"#)

    /// "(H, FrP og V)" or "(AP 10, H 5)" at the end of a statement → the parties.
    static func partyList(in text: String) -> [String]? {
        guard let inside = trailingParentheses.firstMatch(in: text)?[1] else { return nil }
        let tokens = inside.replacingOccurrences(of: " og ", with: ",").split(separator: ",").map { String($0).trimmed }
        let parties = tokens.map { token in token.split(separator: " ").first.map(String.init) ?? token }
        guard !parties.isEmpty, parties.allSatisfy(AttendanceReader.isParty) else { return nil }
        return parties
    }

    /// "Anne Marthe Høgsnes (AP), Daniel Folladal (AP)" → names with parties.
    static func voters(in text: String) -> [ReadVoter] {
        voterPattern.matches(in: text).compactMap { match in
            var name = (match[1] ?? "").trimmed
            for prefix in ["og ", "and "] where name.lowercased().hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count)).trimmed
            }
            guard name.contains(where: \.isLetter), !name.contains(where: \.isNumber), name.split(separator: " ").count <= 6,
                  !name.lowercased().includes("stemme"), !AttendanceReader.isParty(name) else { return nil }
            return ReadVoter(name: name.collapsingWhitespace, party: (match[2] ?? "").trimmed)
        }
    }
}
