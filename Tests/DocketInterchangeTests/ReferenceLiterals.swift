import DocketModel

// Tests write references as people do, "styringsgruppen 8/19" and "styringsgruppen@2019-02-13";
// the product parses them at the edge (ItemReference(parsing:)), so these conformances live in
// the tests only, where a malformed literal is a test's own mistake.

extension ItemReference: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) { try! self.init(parsing: text) }
}

extension MeetingReference: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral {
    public init(stringLiteral text: String) { try! self.init(parsing: text) }
}
