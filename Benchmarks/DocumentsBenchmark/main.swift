// Renders the summons of a 30-item meeting in each format N times and prints the time per render,
// beside a ceiling measured in the same run: the same bytes produced without templates.
//
//     swift run -c release DocumentsBenchmark [--iterations N] [--write DIR] [--no-pdf]
//
// The ceiling of a format is what any renderer of the same document must at least do: escape every
// piece of user text for the format (DocumentFormat.escape) and put the finished output's bytes
// together by plain string concatenation (its lines, appended one by one), plus, for DOCX, zipping
// the same parts. Template interpretation, context building and formatting are what the render
// costs beyond it.

import DocketDocuments
import DocketModel
import Foundation

var iterations = 50
var writeFolder: URL?
var includePDF = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--iterations", "-n":
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { fatalError("--iterations takes a positive number") }
        iterations = value
    case "--no-pdf":
        includePDF = false
    case "--write":
        guard let value = arguments.popFirst() else { fatalError("--write takes a folder") }
        writeFolder = URL(fileURLWithPath: value)
    default:
        print("usage: DocumentsBenchmark [--iterations N] [--write DIR] [--no-pdf]")
        exit(64)
    }
}

/// A meeting of 30 items: the four standing items and 26 items for consideration, each with a case
/// text of about 1 kB in three paragraphs and a proposal.
func meeting(items count: Int) -> MeetingPapers {
    var items: [PaperItem] = []
    let standing: [(String, ItemKind, String?)] = [
        ("Godkjenning av dagsorden", .decision, "Dagsorden"), ("Godkjenning av referat", .decision, "Referat"),
        ("Orienteringer", .information, "Notat"), ("Eventuelt", .information, nil),
    ]
    for (index, item) in standing.enumerated() {
        items.append(PaperItem(
            number: ItemNumber(sequence: index + 1, year: 2026), title: item.0, section: .standing, kind: item.1,
            documentBasis: item.2, caseText: "Sekretariatet orienterer i møtet.", proposal: "Saken tas til orientering.",
            isAnyOtherBusiness: index == 3))
    }
    for index in items.count..<count {
        let paragraph = String(repeating: "Bakgrunnen for saken er beskrevet her, med tall (12 %) og «sitater» fra kommunene. ", count: 4)
        items.append(PaperItem(
            number: ItemNumber(sequence: index + 1, year: 2026), title: "Sak \(index + 1): felles tjenester & løsninger",
            section: .forConsideration, kind: index % 3 == 0 ? .discussion : .decision, documentBasis: "Notat",
            // Markdown, as secretaries write it: a **bold** word, a list and a small møteplan table.
            caseText: "\(paragraph)\n\n\(paragraph) **Merk** fristen.\n\n- første punkt\n- andre punkt\n\n"
                + "| Dato | Sted |\n|---|---|\n| 13.02.2026 | Sandnes |\n| 21.06.2026 | Sjernarøy |\n\n"
                + "Sekretariatet anbefaler at forslaget vedtas.",
            proposal: "Styringsgruppen slutter seg til forslaget i sak \(index + 1)/26."))
    }
    return MeetingPapers(
        body: BodyHeading(name: "Fjordnetts styringsgruppe", shortName: "styringsgruppen"),
        meeting: MeetingDetails(date: CalendarDate("2026-03-11")!, start: TimeOfDay("09:30"), end: TimeOfDay("15:00"),
                                place: "Fjordbyen rådhus"),
        summons: SummonsDetails(addressees: ["styringsgruppens medlemmer og observatører"], issuePlace: "Fjordbyen",
                                issueDate: CalendarDate("2026-03-02")!,
                                signer: Signer(name: "Ingrid Haugland", title: "Leder i styringsgruppen\nFjordnett")),
        items: items,
        attachments: [Attachment(title: "Referat fra forrige møte"), Attachment(title: "Budsjettforslag")])
}

/// Every piece of user text in the papers.
func userText(_ papers: MeetingPapers) -> [String] {
    var texts = [papers.body.name, papers.body.shortName, papers.meeting.place, papers.summons.issuePlace,
                 papers.summons.signer.name, papers.summons.signer.title] + papers.summons.addressees
    for item in papers.items {
        texts += [item.title, item.documentBasis, item.caseText, item.proposal].compactMap { $0 }
    }
    return texts + papers.attachments.map(\.title)
}

/// Runs `body` `count` times in each of five batches after a warm-up and returns the mean seconds
/// per run of the fastest batch: the machine is shared, and the best batch is the one least disturbed.
func measure(_ count: Int, batches: Int = 5, warmUps: Int = 5, _ body: () throws -> Int) rethrows -> Double {
    var sink = 0
    for _ in 0..<warmUps { sink &+= try body() }
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<batches {
        let start = clock.now
        for _ in 0..<count { sink &+= try body() }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds / Double(count))
    }
    if sink == 42 { print("") }  // keeps the work from being optimised away
    return best
}

func milliseconds(_ seconds: Double) -> String { String(format: "%9.3f", seconds * 1000) }

let papers = meeting(items: 30)
let renderer = DocumentRenderer()
let texts = userText(papers)

print("Summons of a \(papers.items.count)-item meeting: mean time per render of the fastest of 5 batches of \(iterations)")
print("format      bytes   render ms   ceiling ms   render/ceiling")
for format in [DocumentFormat.markdown, .html, .text, .docx] {
    let output: Data
    let render: Double
    let ceiling: Double
    if format == .docx {
        let parts = try renderer.wordParts(.summons, of: papers)
        output = try renderer.render(.summons, of: papers, as: .docx)
        render = try measure(iterations) { try renderer.render(.summons, of: papers, as: .docx).count }
        let lines = parts.document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        ceiling = try measure(iterations) {
            var escaped = 0
            for text in texts { escaped &+= format.escape(text).utf8.count }
            var document = ""
            for line in lines { document += line; document += "\n" }
            var copy = parts
            copy.document = document
            return try copy.makePackage().count &+ escaped
        }
    } else {
        let text = try renderer.renderText(.summons, of: papers, as: format)
        output = Data(text.utf8)
        render = try measure(iterations) { try renderer.renderText(.summons, of: papers, as: format).utf8.count }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        ceiling = measure(iterations) {
            var escaped = 0
            for text in texts { escaped &+= format.escape(text).utf8.count }
            var document = ""
            for line in lines { document += line; document += "\n" }
            return document.utf8.count &+ escaped
        }
    }
    print("\(format.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))\(String(format: "%11d", output.count))  \(milliseconds(render))    \(milliseconds(ceiling))   \(String(format: "%8.1f", render / ceiling))x")
    if let folder = writeFolder {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try output.write(to: folder.appendingPathComponent("summons.\(format.fileExtension)"))
    }
}

let pdfEngine = PDFEngine()
if !includePDF {
    print("pdf   left out (--no-pdf)")
} else if pdfEngine.isAvailable {
    let html = try renderer.renderText(.summons, of: papers, as: .html)
    let pdfRuns = 3
    var pdf = Data()
    let seconds = try measure(pdfRuns, batches: 1, warmUps: 1) {
        pdf = try pdfEngine.makePDF(fromHTML: html)
        return pdf.count
    }
    print("pdf   \(String(format: "%11d", pdf.count))  \(milliseconds(seconds))    (WeasyPrint alone, mean of \(pdfRuns) runs; the HTML render comes on top)")
    if let folder = writeFolder { try pdf.write(to: folder.appendingPathComponent("summons.pdf")) }
} else {
    print("pdf   skipped: weasyprint is not installed (apt-get install weasyprint)")
}
