import DocketDocuments
import DocketModel
import DocketStore
import Foundation
import Hummingbird

/// `/sok`: the CLI's search (`docket search --public`) as a form: words, body (with its
/// sub-bodies), year, dates, kind and outcome, hits with their marked snippets, a page at a time.
/// Always a public search: exempt items are left out of the hits entirely.
enum SearchPage {
    static let pageSize = 20
    /// Paging reads the hits before the page: bounded, as a page 500 deep helps no one.
    static let maxPage = 50

    struct Form: Sendable {
        var query = ""
        var filter = SearchFilter()
        var page = 1
        /// The form's fields as given, to fill the form in again.
        var fields: [String: String] = [:]

        /// The form as the browser sent it: a GET form's fields are `application/x-www-form-urlencoded`,
        /// a space sent as `+` (the URI's own query parameters leave `+` as it is, which made
        /// `budsjett vedtak` typed in the form one phrase, `budsjett+vedtak`).
        init(request: Request) throws {
            try self.init(query: request.uri.query ?? "")
        }

        /// The form of an address such as `/sok?q=budsjett+vedtak&side=2`.
        init(address: String) throws {
            try self.init(query: address.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
        }

        private init(query: String) throws {
            let fields = FormData(urlEncoded: query).fields
            try self.init { name in fields.first { $0.name == name }?.value }
        }

        /// The form of the query's parameters, each by its name.
        init(parameter: (String) -> String?) throws {
            func text(_ name: String) -> String? {
                guard let value = parameter(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return value
            }
            for name in ["q", "utvalg", "ar", "fra", "til", "type", "utfall"] { fields[name] = text(name) ?? "" }
            query = text("q") ?? ""
            filter.isPublic = true
            filter.body = text("utvalg")
            filter.includeSubbodies = text("underutvalg") != nil
            fields["underutvalg"] = filter.includeSubbodies ? "1" : ""
            filter.changedOnly = text("endret") != nil
            fields["endret"] = filter.changedOnly ? "1" : ""
            if let year = text("ar") {
                guard let value = Int(year), (1900...3000).contains(value) else { throw PageError(message: "År: «\(year)» er ikke et årstall.") }
                filter.year = value
            }
            if let from = text("fra") {
                guard let date = CalendarDate(from) else { throw PageError(message: "Fra dato: «\(from)» er ikke en dato (ÅÅÅÅ-MM-DD).") }
                filter.from = date
            }
            if let to = text("til") {
                guard let date = CalendarDate(to) else { throw PageError(message: "Til dato: «\(to)» er ikke en dato (ÅÅÅÅ-MM-DD).") }
                filter.to = date
            }
            if let kind = text("type") {
                guard let value = ItemKind(rawValue: kind) else { throw PageError(message: "Sakstype: «\(kind)» finnes ikke.") }
                filter.kind = value
            }
            if let outcome = text("utfall") {
                guard let value = Outcome(rawValue: outcome) else { throw PageError(message: "Utfall: «\(outcome)» finnes ikke.") }
                filter.outcome = value
            }
            if let pageText = text("side") {
                guard let value = Int(pageText), (1...SearchPage.maxPage).contains(value) else {
                    throw PageError(message: "Side: «\(pageText)» er ikke en side fra 1 til \(SearchPage.maxPage).")
                }
                page = value
            }
            filter.limit = page * SearchPage.pageSize + 1
        }

        var isEmpty: Bool { query.isEmpty && filter.body == nil && filter.year == nil && filter.from == nil && filter.to == nil
            && filter.kind == nil && filter.outcome == nil && !filter.changedOnly }

        /// The query string of this search at another page.
        func query(page: Int, _ context: PageContext) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            var parts = fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { name, value in
                name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
            }
            if page > 1 { parts.append("side=\(page)") }
            if context.language != .norwegian { parts.append("lang=" + context.language.rawValue) }
            return "/sok?" + parts.joined(separator: "&")
        }
    }

    static func values(form: Form, store: Store, page: PageContext) throws -> [String: Any] {
        let phrases = page.language.phrases
        // The lists of the form as HTML (OptionsHTML), the bodies read once per change of the database.
        let bodies = try store.bodiesUntilChanged().map { body in
            OptionsHTML.Option(value: body.slug, name: body.name, selected: body.slug == form.filter.body)
        }
        let kinds = ItemKind.allCases.map { kind in
            OptionsHTML.Option(value: kind.rawValue, name: phrases.kind(kind), selected: kind == form.filter.kind)
        }
        let outcomes = Outcome.allCases.map { outcome in
            OptionsHTML.Option(value: outcome.rawValue, name: outcomeName(outcome, page.language), selected: outcome == form.filter.outcome)
        }
        var values: [String: Any] = ["form": form.fields, "bodies": OptionsHTML(options: bodies), "kinds": OptionsHTML(options: kinds),
                                     "outcomes": OptionsHTML(options: outcomes),
                                     "includeSubbodies": form.filter.includeSubbodies, "changedOnly": form.filter.changedOnly,
                                     "searched": !form.isEmpty]
        guard !form.isEmpty else { return values }
        let all = try store.search(form.query, filter: form.filter)
        let start = (form.page - 1) * pageSize
        let shown = all.dropFirst(start).prefix(pageSize)
        values["hits"] = SearchHitsHTML(hits: shown.map { hit in
            SearchHitsHTML.Hit(href: page.link(Paths.item(hit.body, hit.number)), reference: hit.reference, title: hit.title,
                               date: phrases.format(hit.meetingDate), outcome: hit.outcome.map { outcomeName($0, page.language) } ?? "",
                               snippetHTML: marked(hit.snippet))
        })
        values["hasHits"] = !shown.isEmpty
        values["summary"] = shown.isEmpty ? page.text["noResults"]
            : "\(page.text["showing"]) \(start + 1)–\(start + shown.count)"
        if form.page > 1 { values["previous"] = form.query(page: form.page - 1, page) }
        if all.count > start + pageSize, form.page < maxPage { values["next"] = form.query(page: form.page + 1, page) }
        return values
    }

    /// The snippet with its matched words (between « and », as the store marks them) in `<mark>`,
    /// every other character escaped for HTML first.
    static func marked(_ snippet: String) -> String {
        // A byte at a time (« and » are the two-byte C2 AB and C2 BB): a search page marks twenty
        // snippets, and a Character at a time took a tenth of the page.
        var html: [UInt8] = []
        html.reserveCapacity(snippet.utf8.count + 64)
        var open = false
        var bytes = snippet.utf8.makeIterator()
        var pending: UInt8?
        while let byte = pending ?? bytes.next() {
            pending = nil
            switch byte {
            case 0xC2:
                let next = bytes.next()
                if next == 0xAB {
                    html.append(contentsOf: "<mark>".utf8); open = true
                } else if next == 0xBB && open {
                    html.append(contentsOf: "</mark>".utf8); open = false
                } else {
                    html.append(byte)
                    pending = next
                }
            case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): html.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): html.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "\n"): html.append(UInt8(ascii: " "))
            default: html.append(byte)
            }
        }
        if open { html.append(contentsOf: "</mark>".utf8) }
        return String(decoding: html, as: UTF8.self)
    }

    static func outcomeName(_ outcome: Outcome, _ language: Language) -> String {
        language == .english ? outcome.rawValue : outcome.norwegian
    }
}
