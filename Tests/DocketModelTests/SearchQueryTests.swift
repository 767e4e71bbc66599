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

    @Test func nothingToSearchForIsNil() {
        #expect(SearchQuery("") == nil)
        #expect(SearchQuery("  AND OR ") == nil)
        #expect(SearchQuery("\"\" *") == nil)
    }
}
