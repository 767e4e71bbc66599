import DocketReader
import Foundation
@preconcurrency import ZIPFoundation

/// ReaderFuzz: mutates text, HTML, DOCX and PDF documents and runs the reader on each, in process.
///
/// Built with AddressSanitizer by `scripts/reader-fuzz.sh`, which also renders the seeds Docket
/// writes and restarts the run after a crash. Not a test: it takes minutes and its inputs are random
/// (seeded, so a run can be repeated exactly).
///
///     ReaderFuzz --seeds DIR [--seeds DIR …] --count N [--seed S] [--from I] [--work DIR]
///
/// Input `i` is a pure function of the seed, the seed files and `i`, so `--from` resumes a run
/// after the input that crashed it. Before each input its bytes are written to `WORK/current.*` and
/// its index to `WORK/progress`; a crash leaves both behind for the script to keep.
struct Options {
    var seedFolders: [URL] = []
    var count = 2_000
    var seed: UInt64 = 12
    var from = 0
    var work = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build-asan/fuzz")
    /// An input taking longer than this is a hang: the run aborts with its index.
    var hangSeconds = 30.0

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--seeds": seedFolders.append(URL(fileURLWithPath: value))
            case "--count": count = Int(value) ?? count
            case "--seed": seed = UInt64(value) ?? seed
            case "--from": from = Int(value) ?? from
            case "--work": work = URL(fileURLWithPath: value)
            case "--hang-seconds": hangSeconds = Double(value) ?? hangSeconds
            default:
                FileHandle.standardError.write(Data("ReaderFuzz: unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Kind: String, CaseIterable {
    case text, html, docx, pdf

    var format: DocumentFormat {
        switch self {
        case .text: .text
        case .html: .html
        case .docx: .docx
        case .pdf: .pdf
        }
    }
}

struct Seeds {
    var byKind: [Kind: [(name: String, bytes: [UInt8])]] = [:]
    /// The XML of each DOCX seed, for mutations of the XML that are zipped again.
    var documentXML: [[UInt8]] = []

    init(folders: [URL]) throws {
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            while let url = enumerator.nextObject() as? URL {
                let kind: Kind?
                switch url.pathExtension.lowercased() {
                case "txt", "md": kind = .text
                case "html", "htm": kind = .html
                case "docx": kind = .docx
                case "pdf": kind = .pdf
                default: kind = nil
                }
                guard let kind, let data = try? Data(contentsOf: url), !data.isEmpty else { continue }
                byKind[kind, default: []].append((url.lastPathComponent, [UInt8](data)))
                if kind == .docx, let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil),
                   let entry = archive["word/document.xml"] {
                    var xml = Data()
                    _ = try? archive.extract(entry) { xml.append($0) }
                    documentXML.append([UInt8](xml))
                }
            }
        }
        for kind in Kind.allCases {
            byKind[kind]?.sort { $0.name < $1.name }
        }
    }
}

/// Mutations: bytes flipped, inserted, deleted, repeated, spliced, and tokens that matter to the reader.
struct Mutator {
    var random: SplitMix

    static let textTokens: [String] = [
        "Sak 1/26 ", "PS 4/26 ", "RS 99999/2026 ", "Sak 0/00", "\u{0C}", "\t", "\n\n", "Vedtak:\n", "Behandling\n",
        "Saksliste\n", "Møtedato: 31.02.2026\n", "Tidspunkt: 25:61 - 99:99\n", "For forslaget stemte 3: (", "Saksnr\tInnhold\n",
        "Følgende medlemmer møtte:\n", "Side 1 av 0", "-\n", "«", "»", "\u{FEFF}", "\u{200B}", "\r\n", "\r",
        String(repeating: "9", count: 40), "0/0", "1/", "/26", "Sak 8/19 – ", String(repeating: " ", count: 300),
    ]
    static let htmlTokens: [String] = [
        "<", ">", "</td>", "<td>", "<tr>", "<table>", "<!--", "-->", "<script>", "</script>", "&#x110000;", "&#;", "&#xD800;",
        "&amp", "&nbsp;", "<br>", "<li>", "<p>", "<style>", "<h1>", "&#99999999999;",
    ]
    static let xmlTokens: [String] = [
        "<?", "?>", "<? ?>", "<?pi?>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<![CDATA[", "]]>", "<!--", "-->", "&a;", "&#0;",
        "&#x110000;", "&#xD800;", "<w:p>", "</w:p>", "<w:tbl>", "</w:tbl>", "<w:tr>", "<w:tc>", "</w:tc>", "<w:t>", "</w:t>",
        "<w:br/>", "<w:tab/>", "<w:numPr/>", "=\"", "'", "\u{0}", "<w:t xml:space=\"preserve\">", "<a b=\"<\">",
    ]
    static let badBytes: [[UInt8]] = [[0xFF], [0xFE, 0xFF], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                      [0xE2, 0x82], [0x00], [0xC0, 0xAF], [0xEF, 0xBB, 0xBF], [0x80]]

    mutating func int(_ range: Range<Int>) -> Int { range.isEmpty ? range.lowerBound : Int.random(in: range, using: &random) }

    /// A few random edits of `bytes`, using `tokens` and bytes from `others`.
    mutating func mutate(_ bytes: [UInt8], tokens given: [String], others: [[UInt8]]) -> [UInt8] {
        let tokens = given.isEmpty ? Self.badBytes.map { String(decoding: $0, as: UTF8.self) } + ["\u{0}"] : given
        var output = bytes
        let edits = 1 + int(0..<8)
        for _ in 0..<edits {
            let at = int(0..<(output.count + 1))
            switch int(0..<10) {
            case 0 where !output.isEmpty:
                output[min(at, output.count - 1)] ^= UInt8(1 << int(0..<8))
            case 1:
                output.insert(UInt8(int(0..<256)), at: at)
            case 2 where !output.isEmpty:
                let end = min(output.count, at + int(1..<64))
                output.removeSubrange(min(at, end)..<end)
            case 3:
                output.insert(contentsOf: Array(tokens[int(0..<tokens.count)].utf8), at: at)
            case 4:
                output.insert(contentsOf: Self.badBytes[int(0..<Self.badBytes.count)], at: at)
            case 5 where !output.isEmpty:
                // Repeat a chunk, sometimes many times (repeated headings, deep nesting).
                let start = min(at, output.count - 1)
                let chunk = Array(output[start..<min(output.count, start + int(1..<200))])
                let times = int(0..<4) == 0 ? int(10..<400) : int(1..<4)
                for _ in 0..<times { output.insert(contentsOf: chunk, at: start) }
            case 6 where !others.isEmpty:
                // Splice a piece of another seed in.
                let other = others[int(0..<others.count)]
                guard !other.isEmpty else { continue }
                let start = int(0..<other.count)
                output.insert(contentsOf: other[start..<min(other.count, start + int(1..<2000))], at: at)
            case 7 where output.count > 10:
                // Cut the end off.
                output.removeSubrange(int((output.count / 2)..<output.count)..<output.count)
            case 8 where output.count > 1:
                // Swap two lines.
                let lines = output.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                var shuffled = Array(lines)
                shuffled.swapAt(int(0..<lines.count), int(0..<lines.count))
                output = Array(shuffled.joined(separator: [0x0A]))
            default:
                output.insert(contentsOf: Array(tokens[int(0..<tokens.count)].utf8), at: at)
            }
        }
        return output
    }

    /// Damages a ZIP's directory: offsets, sizes, counts and name lengths set to extreme values.
    mutating func mutateZipStructure(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        let signatures: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x01, 0x02], [0x50, 0x4B, 0x05, 0x06]]
        var places: [(Int, Int)] = [] // (record start, signature index)
        for index in 0..<max(0, output.count - 4) {
            for (kind, signature) in signatures.enumerated() where output[index..<(index + 4)].elementsEqual(signature) {
                places.append((index, kind))
            }
        }
        guard !places.isEmpty else { return mutate(output, tokens: [], others: []) }
        let values: [UInt32] = [0, 1, 0xFFFF, 0xFFFF_FFFF, 0x7FFF_FFFF, UInt32(output.count), UInt32(output.count + 1), 46, 30,
                                UInt32(truncatingIfNeeded: int(0..<Int(UInt32.max)))]
        for _ in 0..<(1 + int(0..<3)) {
            let (start, kind) = places[int(0..<places.count)]
            // Field offsets of each record kind that hold sizes, offsets, counts or lengths.
            let fields: [(Int, Int)] = switch kind {
            case 0: [(8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)]
            case 1: [(8, 2), (10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (32, 2), (42, 4)]
            default: [(8, 2), (10, 2), (12, 4), (16, 4), (20, 2)]
            }
            let (offset, width) = fields[int(0..<fields.count)]
            let value = values[int(0..<values.count)]
            for byte in 0..<width where start + offset + byte < output.count {
                output[start + offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(byte)))
            }
        }
        return output
    }
}

func zip(documentXML xml: [UInt8], method: CompressionMethod) -> [UInt8]? {
    guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return nil }
    let content = Data(xml)
    do {
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(content.count),
                             compressionMethod: method) { position, size in
            content.subdata(in: Int(position)..<Int(position) + size)
        }
    } catch {
        return nil
    }
    return archive.data.map { [UInt8]($0) }
}

/// Aborts the run when one input takes too long, naming it.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private var label = ""

    init(limit: Double) {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                lock.lock()
                let running = started.map { Date().timeIntervalSince($0) } ?? 0
                let name = label
                lock.unlock()
                if running > limit {
                    FileHandle.standardError.write(Data("HANG: \(name) ran for more than \(Int(limit)) s\n".utf8))
                    exit(3)
                }
            }
        }
    }

    func begin(_ label: String) { lock.lock(); started = Date(); self.label = label; lock.unlock() }
    func end() { lock.lock(); started = nil; lock.unlock() }
}

let options = Options(CommandLine.arguments)
let seeds = try Seeds(folders: options.seedFolders)
for kind in Kind.allCases where seeds.byKind[kind, default: []].isEmpty {
    FileHandle.standardError.write(Data("ReaderFuzz: no \(kind.rawValue) seeds in \(options.seedFolders.map(\.path))\n".utf8))
    exit(2)
}
try FileManager.default.createDirectory(at: options.work, withIntermediateDirectories: true)
let progress = options.work.appendingPathComponent("progress")
let reader = DocumentReader()
let watchdog = Watchdog(limit: options.hangSeconds)
var tally: [String: (inputs: Int, read: Int, refused: Int, seconds: Double)] = [:]
let allText = seeds.byKind[.text, default: []].map(\.bytes)
let started = Date()
// One line per input (index, kind, outcome, seconds), appended, so a run resumed after a crash
// still adds up: the script counts crashes and hangs from the inputs that have no line.
let resultsURL = options.work.appendingPathComponent("results.tsv")
if !FileManager.default.fileExists(atPath: resultsURL.path) { _ = FileManager.default.createFile(atPath: resultsURL.path, contents: nil) }
let results = try FileHandle(forWritingTo: resultsURL)
results.seekToEndOfFile()

for index in options.from..<options.count {
    // Each input is a function of (seed, index) alone, so a run resumes exactly where it stopped.
    try Data("\(index)\n#\(index) (while mutating)\n".utf8).write(to: progress)
    var mutator = Mutator(random: SplitMix(state: options.seed &* 0x1_0000_0001 &+ UInt64(index)))
    let kind = Kind.allCases[index % Kind.allCases.count]
    let pool = seeds.byKind[kind, default: []]
    let base = pool[mutator.int(0..<pool.count)]
    var bytes: [UInt8]
    var how = "bytes"
    switch kind {
    case .text:
        bytes = mutator.mutate(base.bytes, tokens: Mutator.textTokens, others: allText)
    case .html:
        bytes = mutator.mutate(base.bytes, tokens: Mutator.htmlTokens + Mutator.textTokens, others: allText)
    case .docx:
        switch mutator.int(0..<3) {
        case 0 where !seeds.documentXML.isEmpty:
            how = "xml"
            let xml = seeds.documentXML[mutator.int(0..<seeds.documentXML.count)]
            let mutated = mutator.mutate(xml, tokens: Mutator.xmlTokens + Mutator.textTokens, others: seeds.documentXML)
            bytes = zip(documentXML: mutated, method: mutator.int(0..<2) == 0 ? .deflate : .none) ?? base.bytes
        case 1:
            how = "zip"
            bytes = mutator.mutateZipStructure(base.bytes)
        default:
            bytes = mutator.mutate(base.bytes, tokens: [], others: [])
        }
    case .pdf:
        bytes = mutator.mutate(base.bytes, tokens: ["(", ")", "<<", ">>", "stream", "endstream", "obj", "/Length 99999999", "\\"],
                               others: seeds.byKind[.pdf, default: []].map(\.bytes))
    }
    let label = "#\(index) \(kind.rawValue) from \(base.name) (\(how), \(bytes.count) bytes)"
    try Data("\(index)\n\(label)\n".utf8).write(to: progress)
    try Data(bytes).write(to: options.work.appendingPathComponent("current.\(kind.rawValue)"))

    watchdog.begin(label)
    let clock = Date()
    var outcome = "read"
    do {
        let document = try reader.read(data: Data(bytes), format: kind.format)
        _ = try JSONEncoder().encode(document)
    } catch {
        outcome = "refused"
    }
    watchdog.end()
    let seconds = Date().timeIntervalSince(clock)
    var figures = tally[kind.rawValue] ?? (0, 0, 0, 0)
    figures.inputs += 1
    if outcome == "read" { figures.read += 1 } else { figures.refused += 1 }
    figures.seconds += seconds
    tally[kind.rawValue] = figures
    results.write(Data("\(index)\t\(kind.rawValue)\t\(outcome)\t\(String(format: "%.4f", seconds))\n".utf8))
    if seconds > 5 { print("slow: \(label): \(String(format: "%.1f", seconds)) s") }
}

try? FileManager.default.removeItem(at: progress)
print("ReaderFuzz seed \(options.seed), inputs \(options.from)..<\(options.count), \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
for kind in Kind.allCases {
    let figures = tally[kind.rawValue] ?? (0, 0, 0, 0)
    print("  \(kind.rawValue): \(figures.inputs) inputs, \(figures.read) read, \(figures.refused) refused, \(String(format: "%.1f", figures.seconds)) s")
}
