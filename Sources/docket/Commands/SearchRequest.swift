import ArgumentParser
import DocketModel
import DocketStore

/// What one `docket search` was asked: the words, the filters, the database and the output form.
///
/// `Search` (ArgumentParser) makes one of these and runs it. So does `Docket.main` without
/// ArgumentParser, through ``init(fastParsing:)``, for the command lines an archivist types most:
/// building ArgumentParser's model of even the one command (its arguments by reflection, and the
/// runtime's protocol-conformance scans of this large binary that reflection sets off) was a fifth
/// of a whole `docket search` on the 200,000-item archive (issue 17).
struct SearchRequest: Equatable {
    var words: [String] = []
    var db: String?
    var wait: Int?
    var json = false
    /// The filters, as the store takes them.
    var filter = SearchFilter()

    init() {}

    /// The arguments after `search`, read the way ArgumentParser reads them for `Search`; nil for
    /// anything this reader does not take on exactly as ArgumentParser would (help, a value it would
    /// refuse, a repeated option, `--`, any option it does not know): ArgumentParser then reads the
    /// command line itself, so help and every message stay its own. A test holds the two readers
    /// to the same values (SearchRequestTests).
    init?(fastParsing arguments: [String]) {
        var remaining = arguments.makeIterator()
        var seen: Set<String> = []
        while let argument = remaining.next() {
            guard argument.hasPrefix("-") else {
                // ArgumentParser reads "help" in any place as a request for help.
                guard argument != "help" else { return nil }
                words.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
                guard inline?.isEmpty == false else { return nil }
            }
            guard seen.insert(name).inserted else { return nil }
            /// An option's value: after "=", else the next argument unless it looks like an option.
            func value() -> String? {
                if let inline { return inline }
                guard let next = remaining.next(), !next.hasPrefix("-") else { return nil }
                return next
            }
            /// A flag takes no value.
            func flag() -> Bool { inline == nil }
            switch name {
            case "--json": guard flag() else { return nil }; json = true
            case "--include-subbodies": guard flag() else { return nil }; filter.includeSubbodies = true
            case "--changed": guard flag() else { return nil }; filter.changedOnly = true
            case "--public": guard flag() else { return nil }; filter.isPublic = true
            case "--db": guard let text = value() else { return nil }; db = text
            case "--body": guard let text = value() else { return nil }; filter.body = text
            case "--person": guard let text = value() else { return nil }; filter.person = text
            case "--wait": guard let text = value(), let number = Int(argument: text) else { return nil }; wait = number
            case "--year": guard let text = value(), let number = Int(argument: text) else { return nil }; filter.year = number
            case "--limit": guard let text = value(), let number = Int(argument: text) else { return nil }; filter.limit = number
            case "--from": guard let text = value(), let date = CalendarDate(argument: text) else { return nil }; filter.from = date
            case "--to": guard let text = value(), let date = CalendarDate(argument: text) else { return nil }; filter.to = date
            case "--kind": guard let text = value(), let value = ItemKind(argument: text) else { return nil }; filter.kind = value
            case "--outcome": guard let text = value(), let value = Outcome(argument: text) else { return nil }; filter.outcome = value
            default: return nil
            }
        }
    }

    func run() throws {
        if words.joined().allSatisfy(\.isWhitespace) && filter.isUnfiltered {
            throw ValidationError("Give words to look for, or a filter such as --body, --outcome or --person.")
        }
        let store = try StoreOptions.open(db: db, wait: wait, access: .readOnly)
        let hits = try store.search(words.joined(separator: " "), filter: filter)
        if json { return try printJSON(hits) }
        // Written as text straight to the checked standard output: `print(Any...)` asks the runtime
        // what each value conforms to, a scan of the whole binary's conformances the first time.
        let output = OutputFile.standardOutput
        if hits.isEmpty { return output.write("No items match.\n") }
        for hit in hits {
            output.write(hit.reference + "  " + hit.meetingDate.description + "  " + hit.title
                         + (hit.outcome.map { "  [" + $0.norwegian + "]" } ?? "") + "\n")
            if !hit.snippet.isEmpty { output.write("    " + Self.oneLine(hit.snippet) + "\n") }
        }
    }

    /// The text with each line feed a space, as `replacingOccurrences(of: "\n", with: " ")` makes
    /// it, without Foundation's NSString bridging (and the runtime's conformance scans it set off).
    static func oneLine(_ text: String) -> String {
        // In UTF-8 the byte 0x0A is a line feed and nothing else.
        String(decoding: text.utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
