import DocketStore
import Hummingbird
import Logging
import NIOCore

/// Everything a route needs: the database and the page renderer. One value, built once.
public struct ServerEnvironment: Sendable {
    public let store: ServerStore
    public let pages: PageRenderer
    public let configuration: ServerConfiguration
    /// Rendered public pages until the database changes; nil when the configuration says not to
    /// cache or the store is in memory.
    public let cache: PageCache?

    public init(store: ServerStore, configuration: ServerConfiguration) throws {
        self.store = store
        self.configuration = configuration
        self.pages = try PageRenderer()
        self.cache = try configuration.cachesPages ? store.path.map { try PageCache(watching: $0) } : nil
    }
}

/// The router with every route group of the site. Each group lives in its own file under Routes/
/// (public pages, OParl, the secretary's area) and adds itself here.
public func buildRouter(_ environment: ServerEnvironment) -> Router<DocketRequestContext> {
    let router = Router(context: DocketRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware(pages: environment.pages))
    // Inside the HTML error pages: OParl's errors are JSON and carry Access-Control-Allow-Origin.
    router.add(middleware: OParlErrorMiddleware())
    StaticRoutes.add(to: router)
    PublicRoutes(environment: environment).add(to: router)
    OParlRoutes(environment: environment).add(to: router)
    SecretariatRoutes(environment: environment).add(to: router)
    return router
}

/// The whole server: `docket serve` runs it, tests run it on a free loopback port.
///
/// - Parameter onRunning: called with the port once the server listens.
public func buildApplication(
    store: ServerStore,
    configuration: ServerConfiguration = ServerConfiguration(),
    logger: Logger? = nil,
    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let environment = try ServerEnvironment(store: store, configuration: configuration)
    // Requests are not logged one by one (Hummingbird logs them at info); warnings and errors are.
    let logger = logger ?? {
        var logger = Logger(label: "docket.serve")
        logger.logLevel = .warning
        return logger
    }()
    return Application(
        router: buildRouter(environment),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Docket"),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
