import DocketModel

/// Collects item numbers written in running text, for the store to resolve later.
///
/// The numbers are found by the model's `ReferenceScanner`, the same one the store runs over every
/// text it keeps, so that a reference reads alike whether it came from an old document or was typed.
/// A reference is kept with its raw text ("jf. sak 08/19") and whether the sentence puts it in
/// another body's hands ("Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 …"), so
/// that an importer never resolves another body's item as one of this body's.
struct ReferenceReader {
    /// The scanner for one document: the document's body is its own, every other body another's.
    let scanner: ReferenceScanner

    init(bodyName: String?) {
        scanner = ReferenceScanner(ownNames: bodyName.map { [$0] } ?? [])
    }

    /// "jf.", "jfr." or "se" right before a reference belongs to how it was written.
    private static let cue = Pattern(#"\b(?:jf|jfr|se)\.?\s+$"#)
    /// "…s behandling av sak 3/2026 i møte den …": an item's own handling line, not a reference.
    private static let ownHandling = Pattern(#"behandling\s+av\s+$"#)

    func references(in line: SourceLine, fromItem: ItemNumber?) -> [ReadReference] {
        let text = line.text
        return scanner.references(in: text).compactMap { found in
            let before = String(text.prefix(found.offset))
            if Self.ownHandling.matches(before) { return nil }
            let raw = (Self.cue.firstMatch(in: before).map(\.text) ?? "") + found.text
            return ReadReference(number: found.number, raw: raw, line: line.number, fromItem: fromItem,
                                 isItemOfThisDocument: false, namesAnotherBody: found.namesAnotherBody)
        }
    }

    /// The first item number the text refers to ("ble kjent inhabil i sak PS 1/26"), if any.
    static func firstNumber(in text: String) -> ItemNumber? {
        ReferenceScanner().references(in: text).first?.number
    }
}
