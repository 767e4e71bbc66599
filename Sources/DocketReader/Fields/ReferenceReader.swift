import DocketModel

/// Collects item numbers written in running text, for the store to resolve later.
///
/// A reference is kept with its raw text and whether the sentence puts it in another body's
/// hands ("Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 …"), so that an
/// importer never resolves another body's item as one of this body's.
enum ReferenceReader {
    private static let anotherBody = Pattern(
        #"\b(?:deres)\b|\p{Lu}[\p{L}-]*s\s+(?:styringsgruppe|styre|utvalg|kommunestyre|formannskap|råd|bystyre|fylkesting)"#)
    /// "…s behandling av sak 3/2026 i møte den …": an item's own handling line, not a reference.
    private static let ownHandling = Pattern(#"behandling\s+av\s+$"#)

    static func references(in line: SourceLine, fromItem: ItemNumber?, bodyName: String?) -> [ReadReference] {
        let text = line.text
        return ItemNumberScanner.references(in: text).compactMap { found in
            let before = String(text.prefix(found.offset))
            if ownHandling.matches(before) { return nil }
            let context = String(before.suffix(70))
            var foreign = false
            if let match = anotherBody.firstMatch(in: context) {
                foreign = true
                // "Digi Rogalands styringsgruppe" naming this very body is not another body.
                if let bodyName, bodyName.lowercased().includes(match.text.lowercased()) { foreign = false }
            }
            return ReadReference(number: found.number, raw: found.raw, line: line.number, fromItem: fromItem,
                                 isItemOfThisDocument: false, namesAnotherBody: foreign)
        }
    }
}
