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
}
