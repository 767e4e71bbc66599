@testable import DocketServer
import DocketDocuments
import DocketModel
import Foundation
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

/// The site's phrases (`{{t.key}}`) are put into each template once per language at start; the
/// pages must be what looking each phrase up per request gave.
@Suite struct PhraseSubstitutionTests {
    @Test func everyTemplateRendersAsWithPhrasesLookedUp() throws {
        let substituted = try PageRenderer()
        let lookedUp = try PageRenderer(substitutingPhrases: false)
        let folder = SampleData.packageRoot.appending(path: "Sources/DocketServer/Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.mustache") }
        #expect(names.count >= 15)
        let tag = try NSRegularExpression(pattern: #"\{\{([#^]?)\s*([A-Za-z0-9_]+)"#)
        var compared = 0
        for file in names {
            let template = String(file.dropLast(".html.mustache".count))
            guard template != "layout" else { continue }
            let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
            // Every section shown (a text is truthy, and `{{.}}` in it renders it) and every value a
            // text that needs escaping, so each phrase inside a section is rendered too.
            var values: [String: Any] = [:]
            for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 2), in: text)!])
                guard name != "t", name != "s" else { continue }
                values[name] = "v<&\"'>"
            }
            for language in Language.allCases {
                let page = PageContext(language: language, path: "/sok")
                let html = substituted.html(template, title: "T", page: page, values: values)
                #expect(html == lookedUp.html(template, title: "T", page: page, values: values), "\(template) in \(language)")
                compared += 1
            }
        }
        #expect(compared >= 45)
        // The phrase is there, escaped as a looked-up value is.
        let nn = substituted.html("search", title: "T", page: PageContext(language: .nynorsk), values: [:])
        #expect(nn.contains(FastHTMLEscaping.escape(SiteText.of(.nynorsk)["search"])))
        #expect(PageRenderer.withPhrases("<a title=\"{{t.x}}\">{{{t.x}}}{{& t.x}}{{#t.x}}{{t.missing}}{{/t.x}}</a>", SiteText.of(.english))
                == "<a title=\"\">{{#t.x}}{{/t.x}}</a>")
    }
}
