import Foundation

/// Reads documents on several threads and hands them back in order, never more than `window`
/// ahead of the one who takes them: reading (pdftotext, the reader) runs on every core while one
/// writer stores the documents in their sorted order, and memory holds at most `window` documents
/// however large the batch.
public final class OrderedReading<Output: Sendable>: @unchecked Sendable {
    private let count: Int
    private let window: Int
    private let work: @Sendable (Int) -> Output
    private let condition = NSCondition()
    private var started = 0
    private var taken = 0
    private var ready: [Int: Output] = [:]

    /// Starts `jobs` reader threads over the indexes `0..<count`.
    public init(count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> Output) {
        self.count = count
        let jobs = max(1, min(jobs, count))
        self.window = max(window ?? 2 * jobs, jobs)
        self.work = work
        for _ in 0..<jobs {
            Thread.detachNewThread { [self] in readLoop() }
        }
    }

    private func readLoop() {
        while true {
            condition.lock()
            while started < count, started - taken >= window { condition.wait() }
            guard started < count else {
                condition.unlock()
                return
            }
            let index = started
            started += 1
            condition.unlock()
            let output = work(index)
            condition.lock()
            ready[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next output in index order, waiting for it; nil after the last.
    public func next() -> Output? {
        condition.lock()
        defer { condition.unlock() }
        guard taken < count else { return nil }
        while ready[taken] == nil { condition.wait() }
        let output = ready.removeValue(forKey: taken)
        taken += 1
        condition.broadcast()
        return output
    }
}
