import DocketModel

extension PaperItem {
    /// What the papers print of the item, for the one rule of ``ItemFacts/publicForm(placeholder:)``.
    var facts: ItemFacts {
        ItemFacts(number: number, title: title, isExempt: isExempt, publicTitle: publicTitle, exemptionBasis: exemptionBasis,
                  kind: kind, documentBasis: documentBasis, caseText: caseText, proposal: proposal, decision: decision?.text,
                  outcome: decision?.outcome, vote: decision?.vote, remarks: decision?.remarks)
    }
}

extension MeetingPapers {
    /// The copy that may be published: every item in its public form (``ItemFacts/publicForm(placeholder:)``).
    /// An exempt item keeps its place on the agenda (section, any other business) and its number,
    /// public title (or the language's placeholder) and legal basis; nothing else of it is left
    /// (no kind, case text, proposal, decision, vote or remarks). Attachments that are exempt, or
    /// that belong to an exempt item, are dropped.
    ///
    /// Redaction happens here, on the data, so that no template (a body's own included) can print
    /// what it never receives.
    public func redactedForPublic() -> MeetingPapers {
        var copy = self
        copy.isPublicVersion = true
        var withheld = Set<ItemNumber>()
        copy.items = items.map { item in
            let published = item.facts.publicForm(placeholder: language.phrases.exemptPlaceholder)
            guard published.isWithheld else { return item }
            withheld.insert(item.number)
            return PaperItem(
                number: published.number, title: published.title, publicTitle: published.publicTitle, section: item.section,
                kind: published.kind, documentBasis: published.documentBasis, caseText: published.caseText,
                proposal: published.proposal, isExempt: published.isExempt, exemptionBasis: published.exemptionBasis,
                isAnyOtherBusiness: item.isAnyOtherBusiness, decision: nil)
        }
        copy.attachments = attachments.filter { attachment in
            !attachment.isExempt && !(attachment.itemNumber.map(withheld.contains) ?? false)
        }
        return copy
    }
}
