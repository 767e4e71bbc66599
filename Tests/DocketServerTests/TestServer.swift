import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real server (`docket serve`) on a free loopback port, and a client that fetches
/// its pages as a browser would (no redirects followed, so a test sees them).
final class TestServer: @unchecked Sendable {
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
    private let process: Process

    /// Starts `docket serve --port 0` on the database file, as a user would, and waits for the line
    /// that names its port. A process of its own, not a server in the test process: the test
    /// process's concurrency threads are shared with every other test running at the same time,
    /// and a server there would wait for them.
    static func start(database path: String, arguments: [String] = []) async throws -> TestServer {
        let process = Process()
        process.executableURL = SampleData.binary
        process.arguments = ["serve", "--port", "0", "--host", "127.0.0.1"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["DOCKET_DB": path]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let reader = out.fileHandleForReading
        let line = await Task.detached { () -> String in
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data, as: UTF8.self)
        }.value
        guard let match = line.firstMatch(of: /127\.0\.0\.1:(\d+)\//), let port = Int(match.1) else {
            process.terminate()
            throw ServerDidNotStart(output: line)
        }
        return TestServer(port: port, process: process)
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "docket serve did not say where it listens; it printed: \(output)" }
    }

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    deinit { stop() }

    /// Stops the server (SIGKILL: nothing of it needs to be saved) and waits for it to end.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

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
