import DocketDocuments
import Foundation
import Testing

/// The summons of the corpus meeting carries every element of the real document
/// (shared/corpus/seeds/004_…), in the document's order, in every format.
@Suite struct CorpusOrderTests {
    let renderer = DocumentRenderer()

    /// The letter, element by element as the corpus prints it, with our deliberate differences:
    /// dates take the bokmål dot ("7. februar 2019"), the agenda numbers 8/19…11/19 (the document's
    /// table says 8/18…11/18, its case papers 8/19…11/19) and the signer's title loses the stray asterisks.
    static let letter: [String] = [
        "Til styringsgruppens medlemmer og observatører",
        "Stavanger, 7. februar 2019",
        "Innkalling til møte i Digi Rogalands styringsgruppe",
        "Det innkalles med dette til møte i styringsgruppen den 13. februar 2019 på Quality Hotel Residence / Rådhuset i Sandnes fra klokken 13.00 til 15.00.",
        "Dagsorden:",
        "Nr", "Sak", "Saksunderlag", "Type sak",
        "Faste saker",
        "1/19", "Godkjenning av dagsorden", "Dagsorden", "Beslutning",
        "2/19", "Godkjenning av referat fra styringsgruppemøte", "Referat", "Beslutning",
        "3/19", "Informasjon om arbeidet i ressursgruppen og sekretariatet", "Notat", "Orientering",
        "4/19", "Status fra Kommit-rådet og Digitaliseringsutvalgets møter", "Notat", "Orientering",
        "5/19", "Status fra tiltak", "Notat", "Orientering",
        "6/19", "Status fra faggrupper",
        "7/19", "Eventuelt", "Notat", "Orientering",
        "Saker til behandling",
        "8/19", "Budsjettprinsipper", "Notat", "Diskusjon",
        "9/19", "Møteplan 2019", "Notat", "Beslutning",
        "10/19", "KS debatthefte spørsmål 1 og 2", "Notat", "Beslutning",
        "11/19", "Nye faggrupper", "Notat", "Beslutning",
        "Vel møtt!",
        "Med vennlig hilsen",
        "Per Kristian Vareide",
        "Leder i styringsgruppen",
        "Digi Rogaland",
        "Vedlegg",
        "Referat fra styringsgruppemøte 12.12.18",
        "Sak 08/19 – Budsjettprinsipper 2020",
        "Sak 10/19 – svarutkast KS debatthefte",
    ]

    @Test(arguments: [DocumentFormat.text, .markdown, .html, .docx])
    func letterElementsInOrder(format: DocumentFormat) throws {
        let text = try readable(format)
        try expectInOrder(Self.letter, in: text, format: format)
    }

    /// Every line of the corpus document, read from shared/ beside the repository, found in order:
    /// the letter, then each case paper (number, title, kind, case text, "Forslag til vedtak:", proposal;
    /// eventuelt last, as the document has it), then the attachments' text.
    @Test(arguments: [DocumentFormat.text, .markdown, .html, .docx])
    func everyCorpusLineInOrder(format: DocumentFormat) throws {
        guard let corpus = Self.corpusText() else {
            Issue.record("the corpus document shared/corpus/seeds/004_*.txt is not beside the repository (tests read ../shared)")
            return
        }
        try expectInOrder(Self.elements(ofCorpus: corpus), in: try readable(format), format: format)
    }

    /// The corpus's lines as elements: cells split at tabs, empty cells dropped, and the few
    /// deliberate differences of the letter applied (see ``letter``).
    static func elements(ofCorpus corpus: String) -> [String] {
        let replacements: [String: String] = [
            "Stavanger, 7 februar 2019": "Stavanger, 7. februar 2019",
            "*Leder i styringsgruppen": "Leder i styringsgruppen",
            "Digi Rogaland*": "Digi Rogaland",
            "8/18": "8/19", "9/18": "9/19", "10/18": "10/19", "11/18": "11/19",
            // The case papers' titles differ from the agenda's for two items; the agenda's are kept.
            "Status frå KomMIT rådet og Digitaliseringsutvalgets møter": "Status fra Kommit-rådet og Digitaliseringsutvalgets møter",
            "Debattheft KS spørsmål 1 og 2": "KS debatthefte spørsmål 1 og 2",
        ]
        var elements: [String] = []
        for rawLine in corpus.components(separatedBy: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line == "NR\tSAK\tTEMA" { continue }
            // The letter's list of attachments, and the bulleted lists of the case texts (Markdown),
            // are lists in every format, marked each its own way.
            if line.hasPrefix("- ") { line.removeFirst(2) }
            // An address in angle brackets is a Markdown autolink: every format prints the address alone.
            line = line.replacingOccurrences(of: #"<(https?://[^>]+)>"#, with: "$1", options: .regularExpression)
            // A Markdown link shows its text ("[ny nasjonal strategi …](#)").
            line = line.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            line = line.replacingOccurrences(of: "den 13 februar 2019", with: "den 13. februar 2019")
            for cell in line.components(separatedBy: "\t") {
                let cell = cell.trimmingCharacters(in: .whitespaces)
                guard !cell.isEmpty else { continue }
                elements.append(replacements[cell] ?? cell)
            }
        }
        return elements
    }

    static func corpusText() -> String? {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            folder.deleteLastPathComponent()
            let seeds = folder.appendingPathComponent("shared/corpus/seeds")
            if let name = try? FileManager.default.contentsOfDirectory(atPath: seeds.path).first(where: { $0.hasPrefix("004_") }) {
                return try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            }
        }
        return nil
    }

    /// The summons as a reader sees its text.
    private func readable(_ format: DocumentFormat) throws -> String {
        let papers = CorpusMeeting.papers()
        switch format {
        case .markdown: return Extract.markdownText(try renderer.renderText(.summons, of: papers, as: .markdown))
        case .html: return Extract.htmlText(try renderer.renderText(.summons, of: papers, as: .html))
        case .docx:
            let entries = try Extract.unzip(try renderer.render(.summons, of: papers, as: .docx))
            return try Extract.wordText(try #require(entries["word/document.xml"]))
        default: return try renderer.renderText(.summons, of: papers, as: format)
        }
    }

    private func expectInOrder(_ elements: [String], in text: String, format: DocumentFormat) throws {
        var cursor = text.startIndex
        for (index, element) in elements.enumerated() {
            guard let found = text.range(of: element, range: cursor..<text.endIndex) else {
                let context = text[cursor...].prefix(200)
                Issue.record("\(format.rawValue): element \(index) '\(element)' not found after '\(context)'")
                return
            }
            cursor = found.upperBound
        }
    }
}
