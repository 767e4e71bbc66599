/// Reads the record of votes: "Enstemmig vedtatt", "Vedtatt med 23 mot 12 stemmer",
/// "Vedtatt mot 2 stemmer", "Forslaget falt mot 4 stemmer (…)", and the per-member lists
/// "For forslaget stemte 9: Anne (AP), …" / "Imot forslaget stemte 10: …" closed by
/// "Dermed ble innstillingen vedtatt."
enum VoteReader {
    private static let voteStart = Pattern(
        #"\b\d+\s+stemte\s+(?:for|imot|mot)\b|^\s*(?:(?:for|imot|mot)\s+[\p{L}-]+(?:\s+[\p{L}\d-]+)?\s+stemte\s+\d+|dermed\s+ble\b|votering\b|avstemning\b)|\benstemmig\b|\bsamrøystes\b|\b(?:vedteke|vedteken|falt)\s+(?:med\s+\d+\s+mot\s+\d+|mot\s+\d+)\s+røyst|\b(?:vedtatt|falt|forkastet|vedtas|godkjent)\s+(?:med\s+\d+\s+mot\s+\d+|mot\s+\d+)\s+stemme"#)
    private static let sideList = Pattern(#"^\s*(for|imot|mot)\s+[\p{L}-]+(?:\s+[\p{L}\d-]+)?\s+stemte\s+(\d+)\s*:?\s*(.*)$"#)
    private static let withCounts = Pattern(#"\b(vedtatt|falt|forkastet|vedtas|godkjent)\s+med\s+(\d+)\s+mot\s+(\d+)\s+stemme"#)
    private static let againstOnly = Pattern(#"\b(vedtatt|falt|forkastet|vedtas|godkjent)\s+mot\s+(\d+)\s+stemme"#)
    /// "5 stemte for og 2 mot", "6 stemte for … 0 stemte imot".
    private static let sideCounts = Pattern(#"(\d+)\s+stemte\s+for\b.*?(\d+)\s+(?:stemte\s+)?(?:imot|mot)\b"#)
    private static let abstained = Pattern(#"(\d+)\s+(?:avsto|avstod|stemte blankt|blanke)"#)
    private static let thereby = Pattern(#"^\s*dermed\s+ble\b.*?\b(ikke\s+vedtatt|vedtatt|falt|forkastet|avvist)"#)
    private static let voterPattern = Pattern(#"([^,():]+?)\s*\(([^()]+)\)"#)

    /// True when a line opens a vote statement.
    static func isVoteStart(_ text: String) -> Bool {
        mayStartVote(text.lowercased()) && voteStart.matches(text)
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
            if next.trimmed.isEmpty || isVoteStart(next) { return false }
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
            votes.append(standalone(text, line: line))
        }
        close()
        return votes
    }

    /// One self-contained statement: "Enstemmig vedtatt", "Vedtatt med 23 mot 12 stemmer", "Vedtatt mot 2 stemmer".
    static func standalone(_ text: String, line: Int) -> ReadVote {
        var vote = ReadVote(text: text, line: line)
        let lower = text.lowercased()
        let fell = lower.includes("falt") || lower.includes("forkastet") || lower.includes("ikke vedtatt") || lower.includes("avvist")
        if lower.includes("enstemmig") {
            vote.unanimous = true
            vote.adopted = !fell
        }
        if let match = withCounts.firstMatch(in: text) {
            vote.votesFor = Int(match[2] ?? "")
            vote.votesAgainst = Int(match[3] ?? "")
            vote.adopted = !fell
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
        if let parties = partyList(in: text) {
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
