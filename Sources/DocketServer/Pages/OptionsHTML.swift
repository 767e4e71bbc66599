import Mustache

/// The `<option>`s of a `<select>` on the search form, as the template's list wrote each:
///
///     <option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>
///
/// Why not the template: the form's three lists (every body, the kinds, the outcomes) were ~80 of a
/// search page's name lookups, each a split of the name, a walk of the context stack and several
/// dynamic casts (see ``SearchHitsHTML``). The template keeps the `<select>` and its first option
/// and prints these with `{{{bodies}}}`; value and name are escaped as the template escaped them.
struct OptionsHTML: MustacheCustomRenderable, Sendable {
    struct Option: Sendable {
        var value: String
        var name: String
        var selected: Bool
    }

    var options: [Option]

    var renderText: String {
        var html = ""
        html.reserveCapacity(options.count * 64)
        for option in options {
            html += "<option value=\""
            html += FastHTMLEscaping.escape(option.value)
            html += option.selected ? "\" selected>" : "\">"
            html += FastHTMLEscaping.escape(option.name)
            html += "</option>"
        }
        return html
    }

    var isNull: Bool { options.isEmpty }
}
