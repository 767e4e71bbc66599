import DocketDocuments
import DocketModel
import DocketStore

/// A body's Atom feed (RFC 4287): one entry per meeting (with its summons), one per set of minutes,
/// one per decision, newest first. Items go through their public form: a decision on an exempt item
/// is not an entry at all (its outcome is not public either).
///
/// Docket keeps dates, not times, for what happens: an entry's `updated` is noon (Oslo time,
/// written in UTC) of the day it concerns: the meeting's summons date, its date, or its minutes'
/// approval date.
struct AtomFeed {
    let store: Store
    let bodySlug: String
    /// "http://host:port": ids and links are absolute, as Atom requires.
    let base: String
    let language: Language
    /// Entries at most; the feed is for what is new.
    var limit = 50

    struct Entry {
        var id: String
        var title: String
        var link: String
        var updated: String
        var summary: String
        var sortKey: String
    }

    static func timestamp(_ date: CalendarDate) -> String {
        // Noon in Oslo is 11:00 or 10:00 UTC; 11:00Z is within the day either way.
        "\(date)T11:00:00Z"
    }

    func xml() throws -> String {
        let body = try store.body(slug: bodySlug)
        let phrases = language.phrases
        let text = SiteText.of(language)
        var entries: [Entry] = []
        for meeting in try store.meetings(bodySlug: bodySlug) {
            let meetingPath = Paths.meeting(bodySlug, meeting.date)
            let summonsDate = meeting.summonsDate ?? meeting.date
            let items = try store.items(meetingID: meeting.id)
            let agenda = items.map { item -> String in
                let published = item.facts().publicForm(placeholder: phrases.exemptPlaceholder)
                return "\(published.number) \(published.title)"
            }.joined(separator: "; ")
            entries.append(Entry(id: "\(base)\(meetingPath)", title: "\(text["meetingOf"]) \(body.name) \(phrases.format(meeting.date))",
                                 link: "\(base)\(meetingPath)", updated: Self.timestamp(summonsDate),
                                 summary: "\(text["summons"]): \(agenda)", sortKey: "\(summonsDate) 1 \(meeting.date)"))
            if let approval = try store.minutesApproval(meetingID: meeting.id) {
                entries.append(Entry(id: "\(base)\(meetingPath)/protokoll", title: "\(text["minutes"]): \(body.name) \(phrases.format(meeting.date))",
                                     link: "\(base)\(meetingPath)/protokoll.html", updated: Self.timestamp(approval.approvedOn),
                                     summary: text["approved"], sortKey: "\(approval.approvedOn) 3 \(meeting.date)"))
            }
            for item in items {
                guard let decision = try store.decision(itemID: item.id) else { continue }
                let published = item.facts(decision: decision).publicForm(placeholder: phrases.exemptPlaceholder)
                guard !published.isWithheld, let outcome = published.outcome else { continue }
                let path = Paths.item(bodySlug, item.number)
                let summary = [published.decision ?? published.proposal, published.vote.map { phrases.decisionVote($0, outcome) }]
                    .compactMap { $0 }.joined(separator: " ")
                entries.append(Entry(id: "\(base)\(path)/vedtak", title: "\(text["decision"]) \(published.number) \(published.title)",
                                     link: "\(base)\(path)", updated: Self.timestamp(meeting.date), summary: summary,
                                     sortKey: "\(meeting.date) 2 \(item.position)"))
            }
        }
        entries.sort { $0.sortKey > $1.sortKey }
        let shown = entries.prefix(limit)
        let feedPath = "\(base)\(Paths.body(bodySlug))/feed.atom"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(text.htmlLang)\">\n"
        xml += "<id>\(Self.escape(feedPath))</id>\n<title>\(Self.escape(body.name))</title>\n"
        xml += "<updated>\(shown.map(\.updated).max() ?? Self.timestamp(CalendarDate.today))</updated>\n"
        xml += "<link rel=\"self\" href=\"\(Self.escape(feedPath))\"/>\n<link rel=\"alternate\" href=\"\(Self.escape(base + Paths.body(bodySlug)))\"/>\n"
        xml += "<author><name>\(Self.escape(body.name))</name></author>\n"
        for entry in shown {
            xml += "<entry>\n<id>\(Self.escape(entry.id))</id>\n<title>\(Self.escape(entry.title))</title>\n"
            xml += "<link href=\"\(Self.escape(entry.link))\"/>\n<updated>\(entry.updated)</updated>\n"
            xml += "<summary>\(Self.escape(entry.summary))</summary>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                let value = scalar.value
                if value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF) {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
