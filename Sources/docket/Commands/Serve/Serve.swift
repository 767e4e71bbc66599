import ArgumentParser
import DocketServer
import Foundation

/// `docket serve`: the public site, the OParl API (and the secretary's area) on one port, on the
/// database every other command uses.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the public meeting pages and the OParl API over HTTP.",
        discussion: """
            Serves the database (--db PATH, else $DOCKET_DB, else ./docket.sqlite) while the CLI \
            goes on using it. Public pages: / (bodies and meetings), /sok (search), \
            /tilgjengelighet (accessibility statement); the OParl 1.1 API at /oparl/v1; \
            the secretary's area at /sekretariat (sign in at /logg-inn; users: docket user add). \
            Exempt items show only their number, public title and legal basis.
            Stop with Ctrl-C (SIGINT) or SIGTERM.

            Example:  docket serve --port 8080 --host 0.0.0.0
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("The TCP port to listen on (0: any free port, printed at start).", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for every network.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .customLong("public-url"),
            help: ArgumentHelp("The address the public reaches the site at, for feed and OParl links (default: from each request's Host).", valueName: "url"))
    var publicURL: String?

    @Flag(name: .customLong("no-page-cache"),
          help: "Render every public page for every request, instead of keeping pages until the database changes (to measure the rendering).")
    var noPageCache = false

    @Flag(name: .customLong("secure-cookies"),
          help: "Mark the secretary's session cookie Secure (behind TLS; also done for X-Forwarded-Proto: https).")
    var secureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535, not \(port)") }
    }

    func run() throws {
        // Checks the file as every command does (missing, a folder, not Docket's) before serving it.
        _ = try storeOptions.open()
        let store = try ServerStore(path: storeOptions.path, busyTimeout: try storeOptions.busyTimeout)
        let configuration = ServerConfiguration(host: host, port: port, publicURL: publicURL, cachesPages: !noPageCache,
                                                secureCookies: secureCookies)
        let database = storeOptions.path
        let app = try buildApplication(store: store, configuration: configuration) { port in
            // Written at once (not buffered): a script waits for this line to know the port.
            FileHandle.standardOutput.write(Data("Serving \(database) at http://\(configuration.host):\(port)/ (Ctrl-C stops)\n".utf8))
        }
        // A test runner's child may inherit blocked SIGTERM/SIGINT; the server must hear them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let finished = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do { try await app.runService() } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw error }
    }
}

/// Where the server's task leaves an error for `run` to throw.
private final class ServeFailure: @unchecked Sendable {
    var error: (any Error)?
}
