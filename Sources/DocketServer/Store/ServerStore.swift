import DocketStore
import Foundation
import Synchronization

/// The database as the server reaches it: a few connections for reading, one for writing.
///
/// `Store` is one SQLite connection and is not `Sendable`; requests run concurrently. Each
/// connection sits behind its own lock, readers are taken in turn (WAL lets them read while the
/// writer writes), and every write goes through the one writer, as the CLI's would.
public final class ServerStore: Sendable {
    private let readers: [Connection]
    private let writer: Connection
    private let next = Atomic<Int>(0)
    /// The database file, or nil for an in-memory store (tests).
    public let path: String?

    /// Opens `path` (which must exist, as for every command but `init`) with `readers` reading
    /// connections and one writing connection, which brings an older Docket file up to date first.
    public init(path: String, readers count: Int = 4, busyTimeout: Duration = Store.defaultBusyTimeout) throws {
        let writing = try Store(path: path, access: .readWrite, busyTimeout: busyTimeout)
        var readers: [Connection] = []
        for _ in 0..<max(1, count) {
            readers.append(Connection(try Store(path: path, access: .readWrite, busyTimeout: busyTimeout)))
        }
        self.writer = Connection(writing)
        self.readers = readers
        self.path = path
    }

    /// One connection that both reads and writes: for a store built in memory by a test.
    public init(store: Store) {
        // An in-memory database is one connection's own: the writer and the only reader are the same lock.
        self.writer = Connection(store)
        self.readers = []
        self.path = nil
    }

    /// Runs `body` with a reading connection, inside one read transaction (one moment's store).
    public func read<T: Sendable>(_ body: (Store) throws -> T) throws -> T {
        guard !readers.isEmpty else { return try write(body) }
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count
        return try readers[index].withLock { store in
            try store.read { try body(store) }
        }
    }

    /// Runs `body` with the writing connection. Store methods are transactions of their own;
    /// wrap several in `store.write { }` to make them one.
    public func write<T: Sendable>(_ body: (Store) throws -> T) throws -> T {
        try writer.withLock { store in try body(store) }
    }
}

/// One connection behind its lock: only the thread holding the lock touches the store, which is
/// what makes the unchecked Sendable true.
private final class Connection: @unchecked Sendable {
    private let lock = NSLock()
    private let store: Store
    init(_ store: Store) { self.store = store }

    func withLock<T>(_ body: (Store) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(store)
    }
}
