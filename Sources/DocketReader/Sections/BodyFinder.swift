import DocketModel

/// Finds the body a document belongs to where no title or label names it: from a word that is a
/// body's name in every layout ("Kommunestyret", "KONTROLLUTVALET", "Regionrådet", "Styringsgruppen",
/// "styret i …"), read from the head of the document (title lines, header grids, addressees).
///
/// The nouns are the kinds of bodies Norwegian public bodies have (bokmål and nynorsk, definite or
/// not, compounds ending in them): no one body's or system's name.
enum BodyFinder {
    /// How a body's name ends: "kommunestyre(t)", "fylkesutval(et)", "regionråd(et)", "styringsgruppe(n)".
    private static let endings = [
        "styret", "styre", "utvalget", "utvalg", "utvalet", "utval", "rådet", "formannskapet", "formannskap",
        "tinget", "representantskapet", "representantskap", "gruppen", "gruppa", "gruppe", "nemnda", "nemnd",
        "komiteen", "komitéen", "komité", "team", "teamet", "årsmøtet", "generalforsamlingen", "fylkesting",
    ]

    /// The first body's name in the first `limit` lines, with its line, or nil.
    static func body(in lines: some Collection<SourceLine>, limit: Int = 60) -> (name: String, line: Int)? {
        for line in lines.prefix(limit) where !line.isBlank {
            if let name = body(inText: line.text) { return (name, line.number) }
        }
        return nil
    }

    /// The first date in the text (the head's first, as a title or header grid holds it), with its line;
    /// else a day and month without a year ("Fredag 7. november") with the year the same line gives
    /// ("Møte: 6/2014", "2014").
    static func firstDate(in lines: [SourceLine]) -> (date: CalendarDate, line: Int)? {
        for line in lines where !line.isBlank && line.text.contains(where: \.isNumber) {
            if let date = DateTimeReader.firstDate(in: line.text) { return (date, line.number) }
        }
        for line in lines.prefix(60) where line.text.contains(where: \.isNumber) {
            guard let dayMonth = dayAndMonth.firstMatch(in: line.text), let day = dayMonth[1].flatMap({ Int($0) }),
                  let month = dayMonth[2].flatMap({ DateTimeReader.months[$0.lowercased()] }),
                  let yearText = yearAlone.firstMatch(in: line.text)?[1], let year = Int(yearText),
                  let date = CalendarDate(year: year, month: month, day: day) else { continue }
            return (date, line.number)
        }
        return nil
    }

    private static let dayAndMonth = Pattern(
        #"(?<![\d.])(\d{1,2})\.\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b"#)
    private static let yearAlone = Pattern(#"(?<![\d.])((?:19|20)\d{2})(?![\d.])"#)

    /// The body's name a line of text holds: its noun, with what names it further ("styret i Vekst i Grenland IKS").
    static func body(inText text: String) -> String? {
        // A list of members headed by the body's name ("Medlemmer av Skate", "Medlemmar av styret"):
        // the one place a body known by a short proper name is named as the body.
        if let match = membersOf.firstMatch(in: text), let name = match[1] {
            return body(inText: name) ?? name
        }
        let words = text.split(whereSeparator: { $0.isWhitespace || "\"«»()".contains($0) }).map { stripped(String($0)) }
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            guard lower.count >= 4, lower.allSatisfy({ $0.isLetter || $0 == "-" }) else { continue }
            let followedByName = index + 2 < words.count && ["i", "for"].contains(words[index + 1].lowercased())
                && words[index + 2].first?.isUppercase == true
            let plain = plainNouns.contains(lower)
            guard isCompoundBodyNoun(lower) || (plain && (followedByName || words.count <= 3)) else { continue }
            var name = [display(word)]
            if followedByName {
                // "styret i Vekst i Grenland IKS", "Kontrollutvalget i Sør-Trøndelag Fylkeskommune".
                name.append(words[index + 1])
                var next = index + 2
                while next < words.count, name.count < 8 {
                    let part = words[next]
                    let joins = ["i", "og"].contains(part) && next + 1 < words.count && words[next + 1].first?.isUppercase == true
                    guard part.first?.isUppercase == true || joins else { break }
                    name.append(part)
                    next += 1
                }
            }
            return name.joined(separator: " ")
        }
        return nil
    }

    private static let membersOf = Pattern(
        #"^\s*(?:faste\s+)?(?:medlemmer|medlemmar|representanter|representantar)\s+(?:av|i)\s+((?:(?-i:\p{Lu})|styret|rådet|utvalget|utvalet)[\p{L}\-]*(?:\s+(?-i:\p{Lu})[\p{L}\-]*){0,3})\s*:?\s*$"#)

    /// Nouns that name a body alone only in a short line or with what follows ("styret i …").
    private static let plainNouns: Set<String> = ["styret", "styre", "utvalget", "utvalet", "rådet", "gruppen", "gruppa", "teamet", "nemnda", "komiteen"]

    static func isCompoundBodyNoun(_ lower: String) -> Bool {
        // "…området" (an area: "informasjonssikkerhetsområdet") ends like "…rådet" but names no council.
        if lower.includes("tilråd") || lower.hasPrefix("rådmann") || lower.hasPrefix("rådgiv") || lower.hasSuffix("området") { return false }
        if lower.count >= 6, lower.hasSuffix("råd") || lower.hasSuffix("rådet") { return true }
        return endings.contains { lower.hasSuffix($0) && lower.count >= $0.count + 3 }
            || ["formannskapet", "formannskap", "sametinget", "fylkestinget", "representantskapet"].contains(lower)
    }

    private static func stripped(_ word: String) -> String {
        var value = Substring(word)
        while let last = value.last, ":,.;*".contains(last) { value.removeLast() }
        while let first = value.first, ":,.;*".contains(first) { value.removeFirst() }
        return String(value)
    }

    /// "KOMMUNESTYRET" → "Kommunestyret", "styret" (in prose) → "Styret"; a compound in mixed case stays as written.
    static func display(_ word: String) -> String {
        guard let first = word.first else { return word }
        let rest = word == word.uppercased() ? word.dropFirst().lowercased() : String(word.dropFirst())
        return first.uppercased() + rest
    }
}
