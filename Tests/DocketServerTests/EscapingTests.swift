@testable import DocketServer
import DocketModel
import Testing

/// What the server writes itself, outside Mustache's escaping: marked snippets and the feed's XML.
@Suite struct EscapingTests {
    @Test func snippetsAreEscapedAndOnlyTheStoresMarksBecomeMarkElements() {
        #expect(SearchPage.marked("Om «budsjett» <script>alert('x')</script> & mer") ==
                "Om <mark>budsjett</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mer")
        #expect(SearchPage.marked("uavsluttet «merke") == "uavsluttet <mark>merke</mark>")
    }

    @Test func feedTextIsEscapedForXML() {
        #expect(AtomFeed.escape("A & B <c> \"d\" 'e'\u{1}") == "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;")
    }

    @Test func itemNumbersRoundTripThroughAPathSegment() {
        for text in ["8/19", "PS 12/26"] {
            let number = ItemNumber(text)!
            #expect(Paths.number(segment: Paths.segment(number)) == number)
        }
        #expect(Paths.number(segment: "tull") == nil)
    }

    /// Pages escape every value with FastHTMLEscaping: the five characters Mustache escapes, the
    /// rest (Norwegian letters, emoji) as written; and the templates take it (the page shows the
    /// message escaped, no raw tag).
    @Test func pageValuesAreEscapedForHTML() throws {
        #expect(FastHTMLEscaping.escape("Æøå <b>\"x\"</b> & 'y' 🙂") == "Æøå &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39; 🙂")
        #expect(FastHTMLEscaping.escape("Ingen tegn å erstatte") == "Ingen tegn å erstatte")
        let html = try PageRenderer().html("error", title: "T<i>", page: PageContext(language: .norwegian),
                                           values: ["heading": "H", "message": "<script>alert('x')</script> & mer"])
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; mer"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("T&lt;i&gt;"))
        #expect(!html.contains("CONTENT_TYPE"))
    }
}
