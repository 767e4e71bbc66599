import DocketModel
import DocketStore
import Hummingbird

/// Decisions, votes and conflicts of interest (`docket decision record`, `docket conflict`).
extension SecretariatRoutes {
    func addDecisionRoutes(to group: Group) {
        // A decision and its vote: unanimous, or counted with numbers or names.
        form(group, "sak/:body/:number/vedtak", key: "vedtak", action: "vedtak registrert", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            let vote = try VoteForm(form)
            return Write(detail: "\(reference)") { store in
                let target = try store.item(reference)
                let outcome = form["outcome"].flatMap(Outcome.init(rawValue:)) ?? .default(for: target.kind)
                _ = try store.recordDecision(reference, DecisionDraft(text: form["text"] ?? target.proposal, outcome: outcome, tally: vote.tally,
                                                                      remarks: form["remarks"], ballots: vote.ballots))
            }
        }

        form(group, "sak/:body/:number/inhabil", key: "inhabil", action: "inhabilitet registrert", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            let member = form["member"] ?? ""
            guard !member.isEmpty else { throw FormProblem(form: "inhabil", message: "Velg medlemmet.", values: form.values, field: "member") }
            return Write(detail: "\(member) i \(reference)") { store in
                _ = try store.declareConflictOfInterest(reference, member: member, reason: form["reason"])
            }
        }
    }
}
