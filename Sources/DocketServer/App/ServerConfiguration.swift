/// Where the server listens and how it presents itself.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 lets the system choose a free port (tests); the chosen one is passed to `onRunning`.
    public var port: Int
    /// The address the public reaches the site at, for links that leave the page (feeds, OParl ids).
    /// Nil: taken from each request's Host header.
    public var publicURL: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
    }
}
