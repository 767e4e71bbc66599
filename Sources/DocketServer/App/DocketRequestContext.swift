import DocketStore
import Hummingbird
import NIOCore

/// The context of every request to Docket's server: Hummingbird's core storage, and room for what
/// later layers add (the secretary's area adds the signed-in user here).
public struct DocketRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user's session in the secretary's area (set by its SessionMiddleware), else nil.
    public var session: AppSession?
    /// The visitor's address, for throttling failed sign-ins.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
