import Mustache

/// The hits of a search page (`/sok`) as HTML, each `<li>` as the template's list wrote it:
///
///     <li><a href="{{href}}">{{reference}} {{title}}</a> <span class="meta">{{date}}{{#outcome}} · {{outcome}}{{/outcome}}</span>{{#snippet}}<p>{{{snippet}}}</p>{{/snippet}}</li>
///
/// Why not the template: twenty hits were ~160 of a page's ~290 name lookups, and swift-mustache
/// pays for each with a split of the name, a walk of its context stack and four or five dynamic
/// casts: the rendering was two thirds of an uncached search. This is its documented extension
/// point (`MustacheCustomRenderable`); the template keeps the page's structure and prints the list
/// with `{{{hits}}}`. Every text is escaped here as the template escaped it (``FastHTMLEscaping``);
/// only the snippet, marked and escaped by ``SearchPage/marked(_:)``, goes in as it is. An empty
/// outcome or snippet leaves its part out, as the sections did (the page's values drop empty texts).
struct SearchHitsHTML: MustacheCustomRenderable, Sendable {
    struct Hit: Sendable {
        var href: String
        var reference: String
        var title: String
        var date: String
        var outcome: String
        /// HTML already: the snippet with its `<mark>`s, every other character escaped.
        var snippetHTML: String
    }

    var hits: [Hit]

    var renderText: String {
        var html = ""
        html.reserveCapacity(hits.count * 400)
        for hit in hits {
            html += "<li><a href=\""
            html += FastHTMLEscaping.escape(hit.href)
            html += "\">"
            html += FastHTMLEscaping.escape(hit.reference)
            html += " "
            html += FastHTMLEscaping.escape(hit.title)
            html += "</a> <span class=\"meta\">"
            html += FastHTMLEscaping.escape(hit.date)
            if !hit.outcome.isEmpty {
                html += " · "
                html += FastHTMLEscaping.escape(hit.outcome)
            }
            html += "</span>"
            if !hit.snippetHTML.isEmpty {
                html += "<p>"
                html += hit.snippetHTML
                html += "</p>"
            }
            html += "</li>\n"
        }
        return html
    }

    var isNull: Bool { hits.isEmpty }
}
