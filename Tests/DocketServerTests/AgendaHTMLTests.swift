import DocketDocuments
import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Mustache
import Testing

/// The meeting page's agenda is written by AgendaHTML instead of the template's `{{#items}}`
/// section (for speed): the HTML must be what the section wrote, in every language, hostile text
/// escaped the same way, and an exempt item only its number, public title and legal basis.
@Suite(.serialized) struct AgendaHTMLTests {
    /// The meeting template's section as it was.
    static let itemsSection = #"""
        {{#items}}
        <section class="item" id="{{anchor}}" aria-labelledby="{{anchor}}-h">
        <h3 id="{{anchor}}-h"><a href="{{href}}">{{t.item}} {{number}}</a> {{title}}</h3>
        {{#isExempt}}<p class="exempt">{{exemptNotice}}</p>{{/isExempt}}
        {{^isExempt}}
        {{#kind}}<p class="meta">{{kind}}</p>{{/kind}}
        {{#documentBasis}}<h4>{{t.basis}}</h4><div class="text">{{documentBasis}}</div>{{/documentBasis}}
        {{#caseText}}<h4>{{t.caseText}}</h4><div class="text">{{caseText}}</div>{{/caseText}}
        {{#proposal}}<h4>{{t.proposal}}</h4><div class="text">{{proposal}}</div>{{/proposal}}
        {{#conflicts}}<p>{{.}}</p>{{/conflicts}}
        {{#alternatives}}<h4>{{heading}}</h4><div class="text">{{text}}</div>{{#vote}}<p>{{vote}}</p>{{/vote}}{{/alternatives}}
        {{#decision}}
        <h4>{{t.decision}}</h4>
        {{#remarks}}<div class="text">{{remarks}}</div>{{/remarks}}
        <div class="text decision">{{text}}</div>
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{/decision}}
        {{#namedVote}}<p>{{namedVote}}</p>{{/namedVote}}
        {{/isExempt}}
        </section>
        {{/items}}
        """#

    static let hostile = SampleData.hostile

    static func archive() throws -> String {
        let run = try SampleData.newStore()
        try run("body", "add", "styret", "--name", "Styret & <rådet>", "--kind", "steering-group")
        for (name, role) in [("Ingrid «Fjeld»", "chair"), ("Ola O'Neill", "member"), ("Kari <b>Dahl</b>", "member")] {
            try run("member", "add", name, "--body", "styret", "--role", role)
        }
        try run("meeting", "create", "styret", "--date", "2025-03-05", "--no-standing-items")
        try run("item", "add", "styret@2025-03-05", "--title", "Takvann \(hostile)", "--kind", "decision",
                "--basis", "Brev 'a' & <b>b</b>", "--text", "Linje 1 <i>\"x\"</i>\r\nLinje 2 & mer", "--proposal", "Vedtas <nå>.")
        try run("item", "add", "styret@2025-03-05", "--title", "Personalsak HemmeligordTittel", "--kind", "discussion",
                "--basis", "HemmeligordGrunnlag", "--text", "HemmeligordSakstekst", "--proposal", "HemmeligordForslag",
                "--exempt", "--exemption-basis", "offl. § 13 <første ledd>", "--public-title", "Sak om personale & \"ansatte\"")
        try run("item", "add", "styret@2025-03-05", "--title", "Orientering", "--kind", "information")
        try run("item", "add", "styret@2025-03-05", "--title", "Uten noe", "--kind", "decision")
        try run("conflict", "record", "styret 1/25", "--member", "Ola O'Neill", "--reason", "Eier \"tomta\" & <huset>")
        try run("proposal", "add", "styret 1/25", "--by", "Kari <b>Dahl</b>", "--text", "Utsettes 'til' <høsten>.")
        try run("decision", "record", "styret 1/25", "--on-proposal", "1", "--for", "1", "--against", "2")
        try run("decision", "record", "styret 1/25", "--text", "Vedtatt <med> & \"endring\"", "--outcome", "amended",
                "--for", "Ingrid «Fjeld»", "--against", "Kari <b>Dahl</b>", "--remarks", "Merknad <i>&</i> 'x'")
        try run("decision", "record", "styret 3/25", "--unanimous")
        return run.database
    }

    @Test func theAgendaIsWhatTheTemplatesSectionWrote() throws {
        let store = try Store(path: try Self.archive(), access: .readOnly)
        let renderer = try PageRenderer()  // registers the pages' escaping too
        // Between two lines, as in the page (a section tag alone on its line leaves no line behind).
        let template = try MustacheTemplate(string: "{{%CONTENT_TYPE:\(FastHTMLEscaping.name)}}<agenda>\n" + Self.itemsSection + "</agenda>")
        for language in Language.allCases {
            let page = PageContext(language: language, path: "/mote/styret/2025-03-05")
            let built = try MeetingPage.values(meeting: MeetingReference(bodySlug: "styret", date: CalendarDate("2025-03-05")!),
                                               store: store, page: page)
            let agenda = try #require(built.values["items"] as? AgendaHTML)
            #expect(agenda.items.count == 4)
            let asDictionaries: [[String: Any]] = agenda.items.map { item in
                var values: [String: Any] = [
                    "anchor": item.anchor, "href": item.href, "number": item.number, "title": item.title, "isExempt": item.isExempt,
                    "exemptNotice": item.exemptNotice, "kind": item.kind, "documentBasis": item.documentBasis,
                    "caseText": item.caseText, "proposal": item.proposal, "conflicts": item.conflicts,
                    "alternatives": item.alternatives.map { ["heading": $0.heading, "text": $0.text, "vote": $0.vote] as [String: Any] },
                    "namedVote": item.namedVote,
                ]
                if let decision = item.decision {
                    values["decision"] = ["text": decision.text, "lines": decision.lines, "remarks": decision.remarks] as [String: Any]
                }
                return values
            }
            // As the page's values were: the phrases looked up under `t`, the rest as the page had them.
            var values = PageRenderer.prepared(built.values.merging(["items": asDictionaries]) { $1 })
            values["t"] = page.text.templatePhrases
            let written = agenda.renderText
            #expect("<agenda>\n" + written + "</agenda>" == template.render(values), "\(language)")
            #expect(written.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;sitat&quot;"))
            #expect(written.contains("Merknad &lt;i&gt;&amp;&lt;/i&gt; &#39;x&#39;"))
            #expect(written.contains("Utsettes &#39;til&#39; &lt;høsten&gt;."))
            #expect(written.contains("class=\"exempt\""))
            #expect(!written.contains("Hemmeligord") && !written.contains("Personalsak"))
            #expect(!written.contains("<script>") && !written.contains("<i>") && !written.contains("<b>"))
            let html = renderer.html("meeting", title: built.title, page: page, values: built.values)
            #expect(html.contains(written) && html.hasSuffix("</html>\n"))
            #expect(!html.contains("Hemmeligord"))
        }
        #expect(AgendaHTML(items: [], phrases: AgendaHTML.Phrases(SiteText.of(.norwegian))).renderText.isEmpty)
    }
}
