import DocketStore
import Foundation
import Synchronization

/// The database as the server reaches it: a few threads that read, each with its own read-only
/// connection, and one connection for writing.
///
/// Why threads of their own: SQLite blocks the thread that steps a statement, and a request's
/// handler runs on the server's few threads (NIO's event loops, Swift's cooperative pool, as many
/// as there are cores). A page read there stalls every other connection the thread serves, the
/// static file's too. ``reading(inTransaction:_:)`` runs the read, and the page's rendering with
/// it, on a reader thread and resumes the request when it is done.
///
/// Each reader thread owns its connection for the server's life: opened (and the file checked,
/// and migrated by the writer) once at start, never per request, with the statements it prepared
/// kept in the connection's cache. WAL lets the readers read while the writer writes.
public final class ServerStore: Sendable {
    private let readers: ReaderThreads
    private let writer: Connection
    /// The database file, or nil for an in-memory store (tests).
    public let path: String?

    /// Opens `path` (which must exist, as for every command but `init`) with `readers` reading
    /// threads and one writing connection, which brings an older Docket file up to date first.
    public init(path: String, readers count: Int = 4, busyTimeout: Duration = Store.defaultBusyTimeout) throws {
        // The writer first: it migrates an older file, which a read-only connection would refuse.
        let store = try Store(path: path, access: .readWrite, busyTimeout: busyTimeout)
        // The server reads the index for every search: one segment (if the CLI's writes split it)
        // makes each page of hits cheaper. Not worth refusing to start for: a file another writer
        // holds past the busy timeout is served as it is.
        _ = try? store.mergeSearchIndexIfSplit()
        self.writer = Connection(store)
        self.readers = try ReaderThreads(count: max(1, count)) {
            Connection(try Store(path: path, access: .readOnly, busyTimeout: busyTimeout))
        }
        self.path = path
    }

    /// One connection that both reads and writes: for a store built in memory by a test. Reads
    /// still run on a reader thread, with the one connection.
    public init(store: Store) {
        let connection = Connection(store)
        self.writer = connection
        // An in-memory database is one connection's own: the writer and the only reader are the same.
        self.readers = try! ReaderThreads(count: 1) { connection }
        self.path = nil
    }

    deinit {
        readers.stop()
    }

    /// Whether the calling thread is one of a ServerStore's reader threads (for tests and checks).
    public static var isReaderThread: Bool {
        Thread.current.threadDictionary[ReaderThreads.marker] != nil
    }

    /// Runs `body` on a reader thread with its connection, inside one read transaction (one
    /// moment's store) unless `inTransaction` is false, and returns its result to the caller's task.
    ///
    /// `inTransaction: false` is for a search: the derived search index (Xapian) is caught up and
    /// asked only outside a transaction (Store+SearchIndex.swift); inside one, FTS5 answers, slower.
    public func reading<T: Sendable>(inTransaction: Bool = true, _ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            readers.submit { connection in
                continuation.resume(with: Result {
                    try connection.withLock { store in inTransaction ? try store.read { try body(store) } : try body(store) }
                })
            }
        }
    }

    /// Runs `body` with the writing connection, off the caller's thread as ``reading(inTransaction:_:)``.
    public func writing<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            readers.submit { [writer] _ in
                continuation.resume(with: Result { try writer.withLock { store in try body(store) } })
            }
        }
    }

    /// Runs `body` with the writing connection on the caller's thread. Store methods are
    /// transactions of their own; wrap several in `store.write { }` to make them one.
    public func write<T: Sendable>(_ body: (Store) throws -> T) throws -> T {
        try writer.withLock { store in try body(store) }
    }
}

/// One connection behind its lock: only the thread holding the lock touches the store, which is
/// what makes the unchecked Sendable true.
final class Connection: @unchecked Sendable {
    private let lock = NSLock()
    private let store: Store
    init(_ store: Store) { self.store = store }

    func withLock<T>(_ body: (Store) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(store)
    }
}

/// A fixed set of threads, each with its own connection, taking jobs in the order they came.
private final class ReaderThreads: @unchecked Sendable {
    /// The key a reader thread carries in its thread dictionary.
    static let marker = "docket.serverStore.reader"
    typealias Job = @Sendable (Connection) -> Void
    /// Guards `jobs` and `stopping`; threads wait on it for work.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var next = 0
    private var stopping = false

    init(count: Int, open: () throws -> Connection) throws {
        let connections = try (0..<count).map { _ in try open() }
        for (index, connection) in connections.enumerated() {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.marker] = index + 1
                run(connection)
            }
            thread.name = "docket-reader-\(index + 1)"
            thread.start()
        }
    }

    func submit(_ job: @escaping Job) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the jobs queued and end.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func run(_ connection: Connection) {
        while true {
            condition.lock()
            while next == jobs.count && !stopping { condition.wait() }
            if next == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            // The queue is emptied whenever every job in it was taken, so it does not grow.
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job(connection)
        }
    }
}
