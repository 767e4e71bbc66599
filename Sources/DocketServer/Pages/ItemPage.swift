import DocketDocuments
import DocketModel
import DocketStore

/// The page of one item with its whole story: its texts and decision, the case's path across
/// meetings and bodies, the references it makes and those made to it, and its attachments. Built
/// from `Store.story(of:isPublic: true)`: an exempt item's story holds its number, public title and
/// legal basis only.
enum ItemPage {
    static func values(item reference: ItemReference, store: Store, page: PageContext) throws -> (title: String, values: [String: Any]) {
        let story = try store.story(of: reference, isPublic: true)
        let phrases = page.language.phrases
        let facts = story.item.facts(decision: story.decision).publicForm(placeholder: phrases.exemptPlaceholder)
        let item = story.item
        let formatDate: (CalendarDate) -> String = { phrases.format($0) }
        var values: [String: Any] = [
            "number": facts.number.description, "title": facts.title, "isExempt": facts.isExempt,
            "exemptNotice": facts.isExempt ? phrases.exemptNotice(facts.exemptionBasis) : "",
            "meetingHref": page.link(Paths.meeting(item.body, item.meetingDate)), "meetingDate": phrases.format(item.meetingDate),
            "bodyName": story.meeting.bodyName, "bodyHref": page.link(Paths.body(item.body)),
            "kind": facts.kind.map { phrases.kind($0) } ?? "", "caseText": facts.caseText ?? "", "proposal": facts.proposal ?? "",
            "documentBasis": facts.documentBasis ?? "", "archiveCaseNumber": facts.archiveCaseNumber ?? "",
        ]
        if let outcome = facts.outcome {
            var lines: [String] = []
            if let sentence = phrases.outcomeSentence(outcome, nil, formatDate) { lines.append(sentence) }
            if let vote = facts.vote { lines.append(phrases.decisionVote(vote, outcome)) }
            values["decision"] = ["text": facts.decision ?? facts.proposal ?? "", "lines": lines, "remarks": facts.remarks ?? ""]
        }
        let steps = story.casePath.map { step -> [String: Any] in
            ["href": page.link(Paths.item(step.item)), "item": step.item, "bodyName": step.bodyName, "date": phrases.format(step.meetingDate),
             "title": step.title, "current": step.item == item.reference.description,
             "outcome": step.outcome.map { $0.rawValue } ?? ""]
        }
        values["steps"] = steps
        values["hasSteps"] = steps.count > 1
        let references = story.references.map { reference -> [String: Any] in
            ["text": reference.text, "href": reference.target.map { page.link(Paths.item($0)) } ?? "",
             "title": reference.targetTitle ?? "", "resolved": reference.target != nil]
        }
        values["references"] = references
        values["hasReferences"] = !references.isEmpty
        let referredBy = story.referredToBy.map { referring -> [String: Any] in
            ["href": page.link(Paths.item(referring.item)), "item": referring.item, "title": referring.title,
             "date": phrases.format(referring.meetingDate)]
        }
        values["referredBy"] = referredBy
        values["hasReferredBy"] = !referredBy.isEmpty
        let attachments = story.attachments.map { attachment -> [String: Any] in
            ["href": Paths.attachment(attachment.id), "title": attachment.title, "type": attachment.mediaType]
        }
        values["attachments"] = attachments
        values["hasAttachments"] = !attachments.isEmpty
        return ("\(page.text["item"]) \(facts.number) \(facts.title)", values)
    }
}
