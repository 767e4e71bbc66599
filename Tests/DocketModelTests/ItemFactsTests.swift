import DocketModel
import Testing

/// The one rule for what the public sees of an item.
@Suite struct ItemFactsTests {
    let number = ItemNumber(series: nil, sequence: 5, year: 2019)

    func everyFact(isExempt: Bool, publicTitle: String? = "Personalsak") -> ItemFacts {
        ItemFacts(number: number, title: "Tilsetting av Kari Nordmann", isExempt: isExempt, publicTitle: publicTitle,
                  exemptionBasis: "offl. § 13", kind: .decision, documentBasis: "Notat", caseText: "Søknaden", proposal: "Kari tilsettes",
                  archiveCaseNumber: "2019/123", exemptUntil: CalendarDate("2049-01-01"), handling: .decided, arrival: "postponed",
                  decision: "Kari tilsettes", outcome: .amended, vote: .counted(for: 5, against: 2, abstaining: 0), remarks: "Habilitet")
    }

    @Test func anExemptItemKeepsItsNumberPublicTitleAndLegalBasisOnly() {
        let published = everyFact(isExempt: true).publicForm()
        #expect(published.isWithheld)
        let onlyWhatIsPublic = ItemFacts(number: number, title: "Personalsak", isExempt: true, publicTitle: "Personalsak",
                                         exemptionBasis: "offl. § 13")
        #expect(published == onlyWhatIsPublic.publicForm())
        #expect(published.kind == nil && published.documentBasis == nil && published.caseText == nil && published.proposal == nil)
        #expect(published.archiveCaseNumber == nil && published.exemptUntil == nil && published.handling == nil && published.arrival == nil)
        #expect(published.decision == nil && published.outcome == nil && published.vote == nil && published.remarks == nil)
    }

    @Test func anExemptItemWithoutAPublicTitleShowsThePlaceholder() {
        #expect(everyFact(isExempt: true, publicTitle: nil).publicForm().title == "Unntatt offentlighet")
        #expect(everyFact(isExempt: true, publicTitle: nil).publicForm(placeholder: "Exempt from public access").title == "Exempt from public access")
    }

    @Test func anItemThatIsNotExemptIsPublishedWhole() {
        let facts = everyFact(isExempt: false)
        #expect(facts.publicForm() == facts)
        #expect(!facts.publicForm().isWithheld)
        #expect(everyFact(isExempt: true).published(false) == everyFact(isExempt: true))
    }
}

@Suite struct WithholdingTests {
    @Test func onlyAnExemptItemInPublicWithholdsWhatHangsOnIt() {
        #expect(ItemFacts.withholds(isExempt: true, isPublic: true))
        #expect(!ItemFacts.withholds(isExempt: true, isPublic: false))
        #expect(!ItemFacts.withholds(isExempt: false, isPublic: true))
        #expect(!ItemFacts.withholds(isExempt: false, isPublic: false))
    }
}
