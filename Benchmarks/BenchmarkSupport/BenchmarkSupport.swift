import Foundation

// What the benchmarks share: a seeded generator, the corpus' vocabulary, and the clocks.

/// SplitMix64: small, fast and the same on every machine for the same seed.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    public mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// Words with the frequencies they have in the real documents (as SearchBenchmark draws them).
public struct Vocabulary {
    public var words: [String] = []
    public var cumulative: [Int] = []
    public var documents = 0

    public init(corpus: String) {
        var counts: [String: Int] = [:]
        let files = FileManager.default.enumerator(atPath: corpus)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") } ?? []
        documents = files.count
        for file in files {
            guard let text = try? String(contentsOfFile: corpus + "/" + file, encoding: .utf8) else { continue }
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count > 1 {
                counts[word.lowercased(), default: 0] += 1
            }
        }
        if counts.isEmpty {
            print("note: no corpus at \(corpus); using a small built-in vocabulary")
            for (rank, word) in ["og", "i", "til", "vedtak", "saken", "møte", "budsjett", "kommune", "styringsgruppen", "orientering",
                                 "plan", "prinsipper", "høring", "sikkerhet", "referat", "tiltak"].enumerated() {
                counts[word] = 1000 / (rank + 1)
            }
        }
        var total = 0
        for (word, count) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            total += count
            words.append(word)
            cumulative.append(total)
        }
    }

    public func word(_ random: inout SplitMix64) -> String {
        let target = Int(random.next() % UInt64(cumulative.last!))
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return words[low]
    }

    /// Words as a sentence: capitalised, with a full stop unless it is a title.
    public func sentence(_ count: ClosedRange<Int>, _ random: inout SplitMix64, title: Bool = false) -> String {
        let n = Int.random(in: count, using: &random)
        var text = (0..<n).map { _ in word(&random) }.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return title ? text : text + "."
    }

    public func paragraph(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 2...5, using: &random)).map { _ in sentence(6...22, &random) }.joined(separator: " ")
    }
}

/// Peak resident memory of this process so far (getrusage; Linux reports KiB), in MiB.
public func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Wall time of `body`, in seconds.
public func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The value below which a share `p` of the values lie.
public func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// A benchmark's `--name value` pairs: one parser for every benchmark, so their command lines read
/// alike; anything else prints `usage` and exits 64 (EX_USAGE).
public func benchmarkOptions(usage: String) -> [String: String] {
    var options: [String: String] = [:]
    var arguments = CommandLine.arguments.dropFirst()
    while let name = arguments.popFirst() {
        guard name.hasPrefix("--"), let value = arguments.popFirst() else {
            print("usage: \(usage)")
            exit(64)
        }
        options[String(name.dropFirst(2))] = value
    }
    return options
}

/// The corpus a benchmark reads: `--corpus PATH`, else `../shared/corpus` beside the project.
public func benchmarkCorpusPath(_ options: [String: String]) -> String {
    options["corpus"] ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../../shared/corpus").standardized.path
}
