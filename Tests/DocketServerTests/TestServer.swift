import DocketServer
import DocketStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Testing

/// The real server, started in this process on a free loopback port, and a client that fetches
/// its pages as a browser would (no redirects followed, so a test sees them).
final class TestServer: Sendable {
    struct Page: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    let port: Int
    private let task: Task<Void, any Error>
    let store: ServerStore

    /// Starts the server on `store`; stop it with ``stop()`` (or let the test end: the task is cancelled in deinit).
    static func start(_ store: ServerStore) async throws -> TestServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        // Cancelling the server at a test's end logs errors about closed channels; only crashes matter here.
        var logger = Logger(label: "docket.serve.test")
        logger.logLevel = .critical
        let app = try buildApplication(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0), logger: logger) { port in
            continuation.yield(port)
        }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return TestServer(port: port, task: task, store: store)
    }

    /// A server on a database file (opened as `docket serve` opens it).
    static func start(database path: String) async throws -> TestServer {
        try await start(ServerStore(path: path, readers: 2))
    }

    private init(port: Int, task: Task<Void, any Error>, store: ServerStore) {
        self.port = port
        self.task = task
        self.store = store
    }

    deinit { task.cancel() }

    func stop() { task.cancel() }

    var base: String { "http://127.0.0.1:\(port)" }

    /// GET `path` (with its query), no redirect followed.
    func get(_ path: String, headers: [String: String] = [:]) async throws -> Page {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await send(request)
    }

    /// POST a form (`application/x-www-form-urlencoded`), no redirect followed.
    func post(_ path: String, form: [(String, String)], headers: [String: String] = [:]) async throws -> Page {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&").utf8)
        return try await send(request)
    }

    func send(_ request: URLRequest) async throws -> Page {
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return Page(status: http.statusCode, headers: headers, body: data)
    }
}

/// Stops URLSession from following redirects, so tests see the 303 and its Location.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
