import DocketDocuments
import DocketModel
@testable import DocketServer
import DocketStore
import Foundation
import Mustache
import Testing

/// The search page's hits and the form's option lists are written by SearchHitsHTML and
/// OptionsHTML instead of the template's sections (for speed): the HTML must be what the sections
/// wrote, hostile text escaped the same way, and an exempt item still nowhere.
@Suite(.serialized) struct SearchHitsHTMLTests {
    /// The search template's sections as they were, rendered by swift-mustache with the pages' escaping.
    static let hitsSection = """
        {{#hits}}<li><a href="{{href}}">{{reference}} {{title}}</a> <span class="meta">{{date}}{{#outcome}} · {{outcome}}{{/outcome}}</span>{{#snippet}}<p>{{{snippet}}}</p>{{/snippet}}</li>
        {{/hits}}
        """
    static let optionsSection = #"{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/options}}"#

    static func mustache(_ section: String, _ values: [String: Any]) throws -> String {
        _ = try PageRenderer()  // registers the pages' escaping
        let template = try MustacheTemplate(string: "{{%CONTENT_TYPE:\(FastHTMLEscaping.name)}}" + section)
        return template.render(PageRenderer.prepared(values))
    }

    static let hostile = SampleData.hostile

    static func archive() throws -> String {
        let run = try SampleData.newStore()
        try run("body", "add", "styret", "--name", "Styret <b>&</b> \"rådet\"", "--kind", "steering-group")
        try run("body", "add", "radet", "--name", "Rådet 'o' & co", "--kind", "committee")
        try run("meeting", "create", "styret", "--date", "2025-03-05", "--no-standing-items")
        try run("item", "add", "styret@2025-03-05", "--title", "Takvann \(hostile)", "--kind", "decision",
                "--text", "Takvann i gymsalen <i>igjen</i> & \"mer\" 'enn' før.", "--proposal", "Takvann utbedres.")
        try run("item", "add", "styret@2025-03-05", "--title", "Takvann i kjelleren", "--kind", "information")
        try run("item", "add", "styret@2025-03-05", "--title", "Takvann HemmeligordTittel", "--kind", "discussion",
                "--text", "Takvann HemmeligordSakstekst", "--exempt", "--exemption-basis", "offl. § 13", "--public-title", "Takvann unntatt")
        try run("decision", "record", "styret 1/25", "--outcome", "amended", "--text", "Takvann utbedres <snart>.", "--unanimous")
        return run.database
    }

    @Test func hitsAndOptionsAreWhatTheTemplatesSectionsWrote() throws {
        let store = try Store(path: try Self.archive(), access: .readOnly)
        for language in [Language.norwegian, .english] {
            let page = PageContext(language: language, path: "/sok")
            let form = try SearchPage.Form(address: "/sok?q=takvann&utvalg=styret")
            let values = try SearchPage.values(form: form, store: store, page: page)
            let hits = try #require(values["hits"] as? SearchHitsHTML)
            #expect(hits.hits.count == 2, "the two public items; the exempt one is left out")
            let asDictionaries: [[String: Any]] = hits.hits.map {
                ["href": $0.href, "reference": $0.reference, "title": $0.title, "date": $0.date, "outcome": $0.outcome,
                 "snippet": $0.snippetHTML]
            }
            let written = hits.renderText
            #expect(written == (try Self.mustache(Self.hitsSection, ["hits": asDictionaries])))
            #expect(written.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;sitat&quot;"))
            #expect(written.contains(" · "), "the amended item's outcome")
            #expect(written.contains("<mark>"))
            #expect(!written.contains("<script>") && !written.contains("<i>"))
            for name in ["bodies", "kinds", "outcomes"] {
                let options = try #require(values[name] as? OptionsHTML)
                let asDictionaries: [[String: Any]] = options.options.map { ["value": $0.value, "name": $0.name, "selected": $0.selected] }
                #expect(options.renderText == (try Self.mustache(Self.optionsSection, ["options": asDictionaries])), "\(name)")
                #expect(options.options.filter(\.selected).count == (name == "bodies" ? 1 : 0))
            }
            #expect((values["bodies"] as? OptionsHTML)?.renderText.contains("Styret &lt;b&gt;&amp;&lt;/b&gt; &quot;rådet&quot;") == true)

            // The whole page: the list in its place, nothing of the exempt item but what the public may see.
            let html = try PageRenderer().html("search", title: "T", page: page, values: values)
            #expect(html.contains("<ol class=\"hits\" aria-labelledby=\"results\">\n" + written + "</ol>\n"))
            #expect(html.contains("<select id=\"utvalg\" name=\"utvalg\"><option value=\"\">"))
            #expect(!html.contains("Hemmeligord"))
            #expect(!html.contains("<script>"))
        }
        // No hits: no list, and empty texts leave their parts out as the sections did.
        let none = SearchHitsHTML(hits: [.init(href: "/sak/x/1-25", reference: "x 1/25", title: "", date: "1. mai 2025", outcome: "",
                                               snippetHTML: "")])
        #expect(none.renderText == (try Self.mustache(Self.hitsSection, ["hits": [["href": "/sak/x/1-25", "reference": "x 1/25", "title": "",
                                                                                   "date": "1. mai 2025", "outcome": "", "snippet": ""]]])))
        #expect(SearchHitsHTML(hits: []).renderText.isEmpty)
    }

    /// The form's bodies are read once per change of the database: a body added (by this connection
    /// or another) shows in the next search's form.
    @Test func theBodiesOfTheFormFollowChanges() throws {
        let db = try Self.archive()
        let reader = try Store(path: db, access: .readOnly)
        let writer = try Store(path: db, access: .readWrite)
        #expect(try reader.bodiesUntilChanged().map(\.slug) == ["radet", "styret"])
        try SampleData.docket(db, ["body", "add", "arbeidsutvalget", "--name", "Arbeidsutvalget", "--kind", "committee"])
        #expect(try reader.bodiesUntilChanged().map(\.slug) == ["arbeidsutvalget", "radet", "styret"])
        #expect(try writer.bodiesUntilChanged().count == 3)
        try writer.addBody(slug: "kontroll", BodyDraft(name: "Kontrollutvalget", kind: .committee))
        #expect(try writer.bodiesUntilChanged().map(\.slug) == ["arbeidsutvalget", "kontroll", "radet", "styret"], "its own write")
        #expect(try reader.bodiesUntilChanged().count == 4, "another connection's write")
    }
}
