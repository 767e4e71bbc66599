extension Series {
    /// The item kind a municipal series implies: PS items are decided, RS and OS items are taken
    /// as information. Nil for series that say nothing about it (DS, FO and unknown codes).
    public var impliedKind: ItemKind? {
        switch code {
        case "PS": .decision
        case "RS", "OS": .information
        default: nil
        }
    }
}
