import DocketStore
import Foundation
import NIOCore
import Synchronization

/// Public pages as rendered, kept until the database changes: any commit, by this server or by the
/// CLI in another process, moves SQLite's `data_version` on the watching connection, and every
/// page rendered before is then rendered anew. Pages of one moment are the same for every
/// visitor (the public site has no per-user content), so a page is a function of its address,
/// the day (the front page sorts meetings into coming and recent) and the database.
///
/// The version is asked of one connection of the cache's own on the request's thread: `PRAGMA
/// data_version` reads the WAL's shared-memory header, no page of the file, so it costs
/// microseconds where a hop to a reader thread would cost more than the cached page.
public final class PageCache: Sendable {
    private let watcher: Connection
    private let entries = Mutex<(version: Int64, pages: [String: ByteBuffer])>((-1, [:]))
    /// Pages kept at most; the whole cache is dropped when it is full (addresses are unbounded: queries).
    let capacity: Int

    public init(watching path: String, capacity: Int = 2000) throws {
        watcher = Connection(try Store(path: path, access: .readOnly))
        self.capacity = capacity
    }

    /// The page at `key` as rendered at the database's current version, rendering it with `build` when
    /// it is not kept (or was rendered before a change).
    func page(_ key: String, _ build: () async throws -> String) async throws -> ByteBuffer {
        let version = try watcher.withLock { try $0.dataVersion }
        let kept: ByteBuffer? = entries.withLock { state in
            if state.version != version {
                state = (version, [:])
                return nil
            }
            return state.pages[key]
        }
        if let kept { return kept }
        let buffer = ByteBuffer(string: try await build())
        entries.withLock { state in
            guard state.version == version else { return }
            if state.pages.count >= capacity { state.pages = [:] }
            state.pages[key] = buffer
        }
        return buffer
    }
}
