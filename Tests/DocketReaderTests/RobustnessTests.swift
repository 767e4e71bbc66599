import DocketReader
import Foundation
import Testing

/// Damaged input must give warnings, never a crash: the reader runs over cut, shuffled and noisy text.
@Suite struct RobustnessTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func cutAndShuffledDocumentsDoNotCrash() throws {
        var sources = [
            "", "\n\n\n", "PS 1/26", "Sak 8/19\n", "Nr\tSak\n1/19", "Saksnr   Innhold\nPS 1/26   ", "Vedtak:\nFor forslaget stemte 3: (",
            "\u{0C}\u{0C}Side 1 av 2\u{0C}", "Følgende medlemmer møtte:\nNavn  Funksjon\n  ", "Møtedato: 31.02.2026\nTidspunkt: 25:00 - 26:00",
        ]
        if let folder = Corpus.folder("minutes") {
            for name in ["1231.txt", "1273.txt", "1343.txt"] {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { sources.append(text) }
            }
        }
        var random = Generator(state: 42)
        let reader = DocumentReader()
        for source in sources {
            let lines = source.components(separatedBy: "\n")
            _ = reader.read(text: source)
            for _ in 0..<6 {
                let start = lines.isEmpty ? 0 : Int.random(in: 0..<lines.count, using: &random)
                let end = Int.random(in: start...lines.count, using: &random)
                var slice = Array(lines[start..<end])
                if Bool.random(using: &random) { slice.shuffle(using: &random) }
                if Bool.random(using: &random), !slice.isEmpty {
                    let index = Int.random(in: 0..<slice.count, using: &random)
                    slice[index] = String(slice[index].shuffled(using: &random))
                }
                let document = reader.read(text: slice.joined(separator: "\n"))
                #expect(document.items.allSatisfy { $0.number.sequence > 0 })
            }
        }
    }
}
