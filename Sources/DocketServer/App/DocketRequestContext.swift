import Hummingbird

/// The context of every request to Docket's server: Hummingbird's core storage, and room for what
/// later layers add (the secretary's area adds the signed-in user here).
public struct DocketRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
