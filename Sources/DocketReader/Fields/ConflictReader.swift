import Foundation
import DocketModel

/// Reads declared conflicts of interest: "Gunnar Thorsen ble kjent inhabil i sak PS 1/26",
/// "Enok Moe (R) ble kjent inhabil med bakgrunn i … og fratrådte møtet", "X erklærte seg inhabil".
enum ConflictReader {
    private static let word = Pattern(#"\binhabil\b"#)
    private static let person = Pattern(
        #"((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}\p{Lu}[\p{L}'’-]*)\s*(?:\(([^()]{1,12})\))?\s+(?:ble|er|var|erklærte|erklæres|blir|anses|meldte)\b[^.]*?\binhabil"#,
        caseSensitive: true)

    /// Each conflict in the lines, attributed to the item the sentence names, else to `currentItem`.
    static func conflicts(in lines: [SourceLine], currentItem: ItemNumber?) -> [ReadConflict] {
        var found: [ReadConflict] = []
        for (index, line) in lines.enumerated() where line.text.includes("nhabil") && word.matches(line.text) {
            // The sentence may run on over the next lines.
            var sentence = line.trimmed
            var next = index + 1
            while !sentence.hasSuffix("."), next < lines.count, !lines[next].isBlank, next - index < 4 {
                sentence += " " + lines[next].trimmed
                next += 1
            }
            guard let match = person.firstMatch(in: sentence), let name = match[1] else { continue }
            // Keep the sentence that declares it, not the ones that run on after it.
            if let end = sentence[match.range.upperBound...].range(of: #"\.\s+\p{Lu}"#, options: .regularExpression) {
                sentence = String(sentence[..<end.lowerBound]) + "."
            }
            let item = ReferenceReader.firstNumber(in: sentence) ?? currentItem
            found.append(ReadConflict(person: name.collapsingWhitespace, party: match[2], item: item,
                                      text: sentence, line: line.number))
        }
        return found
    }
}
