/// Where the server listens and how it presents itself.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (tests); the chosen one is passed to `onRunning`.
    public var port: Int
    /// The address the public reaches the site at, for links that leave the page (feeds, OParl ids).
    /// Nil: taken from each request's Host header.
    public var publicURL: String?
    /// Keep rendered public pages until the database changes (``PageCache``).
    public var cachesPages: Bool

    /// Whether the secretary's session cookie is marked Secure even when no proxy says
    /// `X-Forwarded-Proto: https` (`docket serve --secure-cookies`, behind TLS).
    public var secureCookies: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil,
        cachesPages: Bool = true, secureCookies: Bool = false
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.cachesPages = cachesPages
        self.secureCookies = secureCookies
    }
}
