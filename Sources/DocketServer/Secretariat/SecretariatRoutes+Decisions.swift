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
            guard !member.isEmpty else { throw FormProblem(form: "inhabil", message: form.say("Velg medlemmet.", nn: "Vel medlemen.", en: "Choose the member."), values: form.values, field: "member") }
            return Write(detail: "\(member) i \(reference)") { store in
                _ = try store.declareConflictOfInterest(reference, member: member, reason: form["reason"])
            }
        }
    }
}

/// Alternative proposals made at the meeting and the vote on each (`docket proposal add`,
/// `docket decision record --on-proposal N`).
extension SecretariatRoutes {
    func addProposalRoutes(to group: Group) {
        form(group, "sak/:body/:number/forslag", key: "forslag", action: "forslag lagt til", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            guard let proposer = form["by"] else {
                throw FormProblem(form: "forslag", message: form.say("Velg hvem som fremmet forslaget.", nn: "Vel kven som fremja framlegget.", en: "Choose who made the proposal."), values: form.values, field: "by")
            }
            guard let text = form["text"] else {
                throw FormProblem(form: "forslag", message: form.say("Skriv forslagets tekst.", nn: "Skriv teksten i framlegget.", en: "Write the proposal's text."), values: form.values, field: "text")
            }
            return Write(detail: "\(reference): \(proposer)", field: "by") { store in
                _ = try store.addProposal(reference, by: proposer, text: text)
            }
        }

        form(group, "sak/:body/:number/forslag/votering", key: "forslag-votering", action: "votering over forslag registrert",
             page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            guard let number = form["proposal"].flatMap(Int.init), number > 0 else {
                throw FormProblem(form: "forslag-votering", message: form.say("Velg forslaget det ble stemt over.", nn: "Vel framlegget det vart røysta over.", en: "Choose the proposal that was voted on."), values: form.values, field: "proposal")
            }
            let vote = try VoteForm(form, key: "forslag-votering")
            let outcome = form["outcome"].flatMap(Outcome.init(rawValue:))
            return Write(detail: "\(reference), forslag \(number)", field: "for") { store in
                _ = try store.recordProposalVote(reference, proposal: number, tally: vote.tally, ballots: vote.ballots, outcome: outcome)
            }
        }
    }
}
