import Mustache

/// The agenda of a meeting page (`/mote/…`) as HTML, each item's `<section>` as the meeting
/// template's `{{#items}}` section wrote it (the lines of its empty parts left as empty lines, as
/// there), with the language's phrases (``SiteText``) in.
///
/// Why not the template: an item was some twenty name lookups in four nested sections, each a
/// split of the name, a walk of the context stack and several dynamic casts; with the papers'
/// texts to escape anyway, that was three quarters of an uncached meeting page. This is
/// swift-mustache's documented extension point (`MustacheCustomRenderable`); the template keeps
/// the page's structure and prints the agenda with `{{{items}}}`. Every text is escaped as the
/// template escaped it (``FastHTMLEscaping``). Exempt items carry only what
/// `MeetingPapers.redactedForPublic()` left them (number, public title, legal basis), and show
/// only the notice.
struct AgendaHTML: MustacheCustomRenderable, Sendable {
    struct Item: Sendable {
        var anchor: String
        var href: String
        var number: String
        var title: String
        var isExempt: Bool
        var exemptNotice: String
        var kind: String
        var documentBasis: String
        var caseText: String
        var proposal: String
        var conflicts: [String]
        var alternatives: [(heading: String, text: String, vote: String)]
        var decision: (text: String, lines: [String], remarks: String)?
        var namedVote: String
    }

    /// The phrases of the template's section, escaped once.
    struct Phrases: Sendable {
        var item, basis, caseText, proposal, decision: String

        init(_ text: SiteText) {
            func escaped(_ key: String) -> String { FastHTMLEscaping.escape(text[key]) }
            (item, basis, caseText, proposal, decision) = (escaped("item"), escaped("basis"), escaped("caseText"),
                                                          escaped("proposal"), escaped("decision"))
        }
    }

    var items: [Item]
    var phrases: Phrases

    var renderText: String {
        var html = ""
        html.reserveCapacity(items.reduce(0) { $0 + $1.caseText.utf8.count + $1.proposal.utf8.count + 600 })
        func text(_ value: String) { html += FastHTMLEscaping.escape(value) }
        /// `<p>value</p>`, with a class when given.
        func paragraph(_ value: String, class name: String? = nil) {
            html += name.map { "<p class=\"\($0)\">" } ?? "<p>"
            text(value)
            html += "</p>"
        }
        /// `<h4>heading</h4><div class="text">value</div>` when the value is not empty.
        func part(_ heading: String, _ value: String) {
            guard !value.isEmpty else { return }
            html += "<h4>" + heading + "</h4><div class=\"text\">"
            text(value)
            html += "</div>"
        }
        for item in items {
            let anchor = FastHTMLEscaping.escape(item.anchor)
            html += "<section class=\"item\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-h\">\n"
            html += "<h3 id=\"" + anchor + "-h\"><a href=\""
            text(item.href)
            html += "\">" + phrases.item + " "
            text(item.number)
            html += "</a> "
            text(item.title)
            html += "</h3>\n"
            if item.isExempt {
                paragraph(item.exemptNotice, class: "exempt")
            }
            html += "\n"
            if !item.isExempt {
                if !item.kind.isEmpty {
                    paragraph(item.kind, class: "meta")
                }
                html += "\n"
                part(phrases.basis, item.documentBasis)
                html += "\n"
                part(phrases.caseText, item.caseText)
                html += "\n"
                part(phrases.proposal, item.proposal)
                html += "\n"
                for conflict in item.conflicts {
                    paragraph(conflict)
                }
                html += "\n"
                for alternative in item.alternatives {
                    html += "<h4>"
                    text(alternative.heading)
                    html += "</h4><div class=\"text\">"
                    text(alternative.text)
                    html += "</div>"
                    if !alternative.vote.isEmpty {
                        paragraph(alternative.vote)
                    }
                }
                html += "\n"
                if let decision = item.decision {
                    html += "<h4>" + phrases.decision + "</h4>\n"
                    if !decision.remarks.isEmpty {
                        html += "<div class=\"text\">"
                        text(decision.remarks)
                        html += "</div>"
                    }
                    html += "\n<div class=\"text decision\">"
                    text(decision.text)
                    html += "</div>\n"
                    for line in decision.lines {
                        paragraph(line)
                    }
                    html += "\n"
                }
                if !item.namedVote.isEmpty {
                    paragraph(item.namedVote)
                }
                html += "\n"
            }
            html += "</section>\n"
        }
        return html
    }

    var isNull: Bool { items.isEmpty }
}
