import CHTTPClient
import Crypto
import Foundation

/// `docket publish einnsyn`: sends the eInnsyn export to an eInnsyn API, a meeting (Moetemappe with
/// its Moetesaker) per request, and keeps what was accepted in a state file beside the store:
///
/// - resumable: the state is written after every accepted meeting, so a run cut short goes on where
///   it stopped;
/// - idempotent: a meeting whose content hash is in the state is not sent again; one the state does
///   not know is looked up by its externalId (Docket's stable UUID) first, and updated (PATCH)
///   rather than created twice;
/// - the API key is sent in the `API-KEY` header only, and never printed, logged or put in an error.
public struct EInnsynPublisher {
    public struct Report: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var remaining = 0
    }

    /// An answer the API refused; the message is the server's, the key is never in it.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public var report: Report
    }

    struct State: Codable {
        var url: String
        var arkiv: String?
        var arkivdel: String?
        /// externalId → eInnsyn id and the SHA-256 of the JSON sent.
        var moetemapper: [String: Sent] = [:]
        struct Sent: Codable { var id: String; var sha256: String }
    }

    let baseURL: URL
    let apiKey: String
    let stateFile: URL
    let archiveTitle: String
    let archiveID: String

    public init(baseURL: URL, apiKey: String, stateFile: URL, archiveTitle: String, archiveID: String) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.stateFile = stateFile
        self.archiveTitle = archiveTitle
        self.archiveID = archiveID
    }

    /// Reads the key from a file (its first line, trimmed); an empty or missing file is an error
    /// that names the file, never its content.
    public static func readKey(from path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read the API key file '\(path)'", report: Report())
        }
        let key = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !key.isEmpty else { throw Failure(description: "the API key file '\(path)' is empty", report: Report()) }
        return key
    }

    public func publish(_ document: EInnsynExporter.Document, progress: (String) -> Void = { _ in }) throws -> Report {
        var state = loadState()
        var report = Report()
        report.remaining = document.moetemapper.count
        func fail(_ message: String) -> Failure { Failure(description: message, report: report) }

        // The archive and its part the meetings go under: found by externalId, else created.
        if state.arkiv == nil {
            state.arkiv = try ensure(path: "arkiv", externalID: archiveID, create: "arkiv",
                                     body: .object([("externalId", .string(archiveID)), ("systemId", .string(archiveID)), ("tittel", .string(archiveTitle))]),
                                     fail: fail)
            try saveState(state)
        }
        if state.arkivdel == nil, let arkiv = state.arkiv {
            let partID = StableID.uuid(for: "einnsyn-arkivdel:\(archiveID)")
            state.arkivdel = try ensure(path: "arkivdel", externalID: partID, create: "arkiv/\(arkiv)/arkivdel",
                                        body: .object([("externalId", .string(partID)), ("systemId", .string(partID)), ("tittel", .string("Møter"))]),
                                        fail: fail)
            try saveState(state)
        }
        guard let arkivdel = state.arkivdel else { throw fail("no arkivdel to publish under") }

        for folder in document.moetemapper {
            let value = JSONValue.sortedObject(folder)
            let body = Data(value.json(indent: nil).utf8)
            let hash = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
            guard case let .string(externalID)? = folder["externalId"] else { throw fail("a meeting without externalId") }
            let title: String = if case let .string(text)? = folder["offentligTittel"] { text } else { externalID }
            if state.moetemapper[externalID]?.sha256 == hash {
                report.unchanged += 1
                report.remaining -= 1
                continue
            }
            let known = try state.moetemapper[externalID]?.id ?? lookUp("moetemappe", externalID, fail: fail)
            let answer: [String: Any]
            if let known {
                answer = try send("PATCH", "moetemappe/\(known)", body: body, expect: [200], fail: fail)
                report.updated += 1
                progress("oppdatert: \(title)")
            } else {
                answer = try send("POST", "arkivdel/\(arkivdel)/moetemappe", body: body, expect: [200, 201], fail: fail)
                report.created += 1
                progress("sendt: \(title)")
            }
            guard let id = answer["id"] as? String ?? known else { throw fail("the API accepted \(title) but gave no id") }
            state.moetemapper[externalID] = State.Sent(id: id, sha256: hash)
            report.remaining -= 1
            try saveState(state)
        }
        return report
    }

    func ensure(path: String, externalID: String, create: String, body: JSONValue, fail: (String) -> Failure) throws -> String {
        if let id = try lookUp(path, externalID, fail: fail) { return id }
        let answer = try send("POST", create, body: Data(body.json(indent: nil).utf8), expect: [200, 201], fail: fail)
        guard let id = answer["id"] as? String else { throw fail("POST /\(create) gave no id") }
        return id
    }

    /// The eInnsyn id of an object with this externalId, or nil when the API has none.
    func lookUp(_ path: String, _ externalID: String, fail: (String) -> Failure) throws -> String? {
        let (status, data) = try request("GET", "\(path)/\(externalID)", body: nil, fail: fail)
        if status == 404 { return nil }
        guard status == 200 else { throw fail("GET /\(path)/\(externalID): HTTP \(status) \(EInnsynPublisher.message(data))") }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
    }

    func send(_ method: String, _ path: String, body: Data, expect: Set<Int>, fail: (String) -> Failure) throws -> [String: Any] {
        let (status, data) = try request(method, path, body: body, fail: fail)
        guard expect.contains(status) else {
            throw fail("\(method) /\(path): HTTP \(status) \(EInnsynPublisher.message(data))")
        }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// The server's own message, short; never anything of the request.
    static func message(_ data: Data) -> String {
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let text = object?["message"] as? String ?? String(decoding: data.prefix(300), as: UTF8.self)
        return String(text.prefix(500))
    }

    /// One request through libcurl (CHTTPClient), loaded only now: URLSession would link libcurl
    /// into every start of `docket` (see CHTTPClient.h).
    func request(_ method: String, _ path: String, body: Data?, fail: (String) -> Failure) throws -> (Int, Data) {
        let url = baseURL.appending(path: path).absoluteString
        var headers = ["API-KEY: \(apiKey)", "Accept: application/json"]
        if body != nil { headers.append("Content-Type: application/json") }
        var status = 0
        var response: UnsafeMutablePointer<UInt8>?
        var length = 0
        var error: UnsafeMutablePointer<CChar>?
        let code = withCStrings(headers) { headerPointers in
            func perform(_ bytes: UnsafeRawPointer?, _ count: Int) -> Int32 {
                dh_request(method, url, headerPointers, Int32(headers.count), bytes, count, 60, &status, &response, &length, &error)
            }
            guard let body else { return perform(nil, 0) }
            // An empty body is still a body (a pointer to no bytes), not none.
            return body.isEmpty ? "".withCString { perform($0, 0) } : body.withUnsafeBytes { perform($0.baseAddress, $0.count) }
        }
        defer { dh_free(response) }
        guard code == 0 else {
            let message = error.map { String(cString: $0) } ?? "the request failed"
            dh_free(error)
            throw fail("\(method) /\(path): \(message)")
        }
        return (status, response.map { Data(bytes: $0, count: length) } ?? Data())
    }

    func loadState() -> State {
        guard let data = FileManager.default.contents(atPath: stateFile.path),
              let state = try? JSONDecoder().decode(State.self, from: data), state.url == baseURL.absoluteString
        else { return State(url: baseURL.absoluteString) }
        return state
    }

    func saveState(_ state: State) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(state).write(to: stateFile, options: .atomic)
    }
}

/// Calls `body` with the strings as an array of C strings, valid for the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
    let copies = strings.map { UnsafePointer(strdup($0)) }
    defer { copies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
    return copies.withUnsafeBufferPointer { body($0.baseAddress) }
}
