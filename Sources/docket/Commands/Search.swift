import ArgumentParser
import DocketModel
import DocketStore

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find items by Norwegian full text: titles, case texts, proposals, decisions and the debate.",
        discussion: """
            Words are matched the way a Norwegian reader would: 'vedtak' finds vedtaket and vedtakene, 'møte' finds \
            styringsgruppemøte, 'prinsipp' finds budsjettprinsipper. Also: "exact phrases", prefix* words, \
            AND, OR, NOT in capitals, and title: (or case_text:, proposal:, decision:, debate:) before a word. \
            Without words, lists the items the filters let through, newest first.

            Examples:
              docket search ressurspool --body styringsgruppen
              docket search '"felles anskaffelse" OR velferdsteknologi' --year 2025 --json
              docket search --outcome postponed --body formannskap
              docket search --person "Kari Nordmann" budsjett
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "What to look for (none: list what the filters let through, newest first).") var query: [String] = []
    @Option(help: "Only this body's items.") var body: String?
    @Flag(help: "With --body: also the bodies that report to it.") var includeSubbodies = false
    @Option(help: "Only items numbered in this year.") var year: Int?
    @Option(help: "Only meetings on or after this date.") var from: CalendarDate?
    @Option(help: "Only meetings on or before this date.") var to: CalendarDate?
    @Option(help: "decision, information or discussion.") var kind: ItemKind?
    @Option(help: "adopted, amended, rejected, postponed, withdrawn, referred or noted.") var outcome: Outcome?
    @Flag(help: "Only items whose decision differs from the proposal.") var changed = false
    @Flag(help: "Public search: items exempt from public access are left out entirely.") var `public` = false
    @Option(help: "Only items where this person made a proposal, voted against, was disqualified or was present.") var person: String?
    @Option(help: "At most this many hits.") var limit = 20

    /// The values read, as the one search both ways of reading a command line run (see ``SearchRequest``).
    var request: SearchRequest {
        var request = SearchRequest()
        request.words = query
        request.db = store.db
        request.wait = store.wait
        request.json = output.json
        request.filter.body = body
        request.filter.includeSubbodies = includeSubbodies
        request.filter.year = year
        request.filter.from = from
        request.filter.to = to
        request.filter.kind = kind
        request.filter.outcome = outcome
        request.filter.changedOnly = changed
        request.filter.isPublic = `public`
        request.filter.person = person
        request.filter.limit = limit
        return request
    }

    func run() throws {
        try request.run()
    }
}

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the full-text index (after an upgrade that changes the Norwegian tokenizer).",
        discussion: """
            The index is kept in step with every change as it is made; rebuilding is needed only when \
            a new version of Docket reads Norwegian differently. A rebuild ends with a merge of the \
            index into one piece. --merge-only does just that merge: a search then reads one piece \
            instead of many (broad queries on a 100 000-item copy ran up to twice as fast). Imports \
            of 1000 items or more merge by themselves.
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Only merge the index into one piece; do not read the items again.")
    var mergeOnly = false

    func run() throws {
        let store = try store.open()
        if mergeOnly {
            let segments = try store.searchIndexSegmentCount()
            try store.mergeSearchIndex()
            print("Merged the search index (\(segments) segment\(segments == 1 ? "" : "s") into \(try store.searchIndexSegmentCount()))")
        } else {
            try store.reindex()
            print("Rebuilt the search index")
        }
    }
}
