import DocketModel

extension MeetingPapers {
    /// The copy that may be published: every item exempt from public access keeps its number,
    /// section and kind, its title becomes its public placeholder, and nothing else of it is left
    /// (no case text, proposal, decision, basis or remarks). Attachments that are exempt, or that
    /// belong to an exempt item, are dropped.
    ///
    /// Redaction happens here, on the data, so that no template (a body's own included) can print
    /// what it never receives.
    public func redactedForPublic() -> MeetingPapers {
        var copy = self
        copy.isPublicVersion = true
        let exemptNumbers = Set(items.filter(\.isExempt).map(\.number))
        copy.items = items.map { item in
            guard item.isExempt else { return item }
            return PaperItem(
                number: item.number,
                title: item.publicTitle ?? language.phrases.exemptPlaceholder,
                publicTitle: item.publicTitle,
                section: item.section,
                kind: item.kind,
                documentBasis: nil,
                caseText: nil,
                proposal: nil,
                isExempt: true,
                exemptionBasis: item.exemptionBasis,
                isAnyOtherBusiness: item.isAnyOtherBusiness,
                decision: nil
            )
        }
        copy.attachments = attachments.filter { attachment in
            !attachment.isExempt && !(attachment.itemNumber.map(exemptNumbers.contains) ?? false)
        }
        return copy
    }
}
