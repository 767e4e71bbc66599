import DocketDocuments
import DocketModel
import DocketStore

/// The page of one body: its mandate, its members and whom they represent, its meetings, the
/// meeting plan to subscribe to and its feed.
enum BodyPage {
    static func values(slug: String, store: Store, page: PageContext) throws -> (title: String, values: [String: Any]) {
        let body = try store.body(slug: slug)
        let phrases = page.language.phrases
        let today = CalendarDate.today
        let members = try store.memberships(bodySlug: slug, currentOn: today).map { membership -> [String: Any] in
            ["name": membership.person, "role": phrases.role(membership.role), "represents": membership.organisation ?? "",
             "votes": membership.votes ? page.text["yes"] : page.text["no"]]
        }
        let meetings = try store.meetings(bodySlug: slug).reversed().map { meeting -> [String: Any] in
            ["href": page.link(Paths.meeting(slug, meeting.date)), "dateText": phrases.format(meeting.date),
             "cancelled": meeting.status == .cancelled]
        }
        let bodies = try store.bodies()
        let parent = body.parentSlug.flatMap { parentSlug in bodies.first { $0.slug == parentSlug } }
        let children = bodies.filter { $0.parentSlug == slug }.map { ["name": $0.name, "href": page.link(Paths.body($0.slug))] }
        return (body.name, [
            "name": body.name, "slug": slug, "mandate": body.mandate ?? "", "hasMandate": !(body.mandate ?? "").isEmpty,
            "members": members, "hasMembers": !members.isEmpty, "meetings": meetings, "hasMeetings": !meetings.isEmpty,
            "icsURL": Paths.body(slug) + "/moteplan.ics", "feedURL": Paths.body(slug) + "/feed.atom",
            "parent": parent.map { ["name": $0.name, "href": page.link(Paths.body($0.slug))] } as Any,
            "children": children, "hasChildren": !children.isEmpty,
        ])
    }
}
