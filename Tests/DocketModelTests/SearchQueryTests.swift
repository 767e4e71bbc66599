import Testing
import DocketModel

@Suite struct SearchQueryTests {
    @Test(arguments: [
        ("vedtak", "\"vedtak\""),
        ("saksbeh*", "\"saksbeh\"*"),
        ("\"godkjenner referatet\"", "\"godkjenner referatet\""),
        ("møte OR mote", "\"møte\" OR \"mote\""),
        ("budsjett NOT prinsipper", "\"budsjett\" NOT \"prinsipper\""),
        ("plan- og byggesak", "\"plan\" \"og\" \"byggesak\""),
        ("NOT vedtak", "\"vedtak\""),
        ("vedtak OR", "\"vedtak\""),
        ("title:budsjett", "title : \"budsjett\""),
        ("title: vedtektene", "title : \"vedtektene\""),
        ("tittel:budsjett", "\"tittel:budsjett\""),
        ("\"uavsluttet frase", "\"uavsluttet frase\""),
        ("C++ (kurs)", "\"C\" \"kurs\""),
    ])
    func userTextBecomesASafeExpression(text: String, expression: String) {
        #expect(SearchQuery(text)?.expression == expression)
    }

    /// The shape docket_topk ranks by: '+' required, '?' one of several, '-' excluded; nil where FTS5's
    /// precedence (side by side, then NOT, AND, OR) makes a tree that is not of that kind.
    @Test(arguments: [
        ("vedtak", "+"),
        ("kommunene samarbeid", "++"),
        ("budsjett AND \"til orientering\"", "++"),
        ("budsjett OR økonomiplan OR vedtak", "???"),
        ("høring NOT plan", "+-"),
        ("høring NOT plan NOT bygg", "+--"),
        ("a b NOT c", "++-"),
        ("a NOT b AND c", "+-+"),
        ("title: budsjett saksbeh*", "++"),
    ])
    func shapesForTopK(text: String, shape: String) {
        #expect(SearchQuery(text)?.shape == shape)
    }

    @Test func shapesTopKCannotRankAreNil() {
        #expect(SearchQuery("a OR b c")?.shape == nil)
        #expect(SearchQuery("a NOT b c")?.shape == nil)
        #expect(SearchQuery("a b OR c NOT d")?.shape == nil)
    }

    @Test func nothingToSearchForIsNil() {
        #expect(SearchQuery("") == nil)
        #expect(SearchQuery("  AND OR ") == nil)
        #expect(SearchQuery("\"\" *") == nil)
    }
}
