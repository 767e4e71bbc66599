import DocketModel

extension AgendaItem {
    /// The facts of this item an output may print, with its decision when it has one.
    public func facts(decision: Decision? = nil) -> ItemFacts {
        ItemFacts(number: number, title: title, isExempt: isExempt, publicTitle: publicTitle, exemptionBasis: exemptionBasis,
                  kind: kind, documentBasis: basis, caseText: caseText, proposal: proposal, archiveCaseNumber: archiveCaseNumber,
                  exemptUntil: exemptUntil, handling: handlingStatus, arrival: arrival, decision: decision?.text,
                  outcome: decision?.outcome, vote: decision?.tally, remarks: decision?.remarks)
    }

    /// The item as the public sees it (``ItemFacts/publicForm(placeholder:)``): an exempt item keeps
    /// its place (ids, meeting, number, position, section) and its number, public title and legal
    /// basis; every other field is empty, the items it continues or approves included.
    public func publicForm() -> AgendaItem {
        let published = facts().publicForm()
        guard published.isWithheld else { return self }
        var copy = self
        copy.number = published.number
        copy.title = published.title
        copy.isExempt = published.isExempt
        copy.publicTitle = published.publicTitle
        copy.exemptionBasis = published.exemptionBasis
        copy.kind = published.kind
        copy.basis = published.documentBasis
        copy.caseText = published.caseText
        copy.proposal = published.proposal
        copy.archiveCaseNumber = published.archiveCaseNumber
        copy.exemptUntil = published.exemptUntil
        copy.handlingStatus = published.handling
        copy.arrival = published.arrival
        copy.previousItemID = nil
        copy.approvesMeetingID = nil
        return copy
    }
}
