import DocketModel
import Testing
@testable import DocketStore

@Suite struct StoryTests {
    /// The corpus summons' item 8/19 refers to 22/18, 30/18, 40/18, 41/18 and 50/18, and mentions
    /// another body's "sak 01 – 2019". Only 22/18 and 30/18 exist here.
    func storeWithReferences() throws -> Store {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2018-06-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        for sequence in 1...30 {
            try store.addItem(to: "styringsgruppen@2018-06-13", ItemDraft(title: sequence == 22 ? "Finansieringsmodell" : "Sak \(sequence)"))
        }
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Nye faggrupper", caseText: """
            Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 «ny strategi» vedtatt at de ønsker å være et fagnettverk.
            """))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "Budsjettprinsipper", kind: .discussion, caseText: """
            Finansieringsmodell er behandlet i [sak 22/18](#). Budsjett for 2019 ble behandlet i [sak 30/18](#).
            I 2019 har tre kommuner observatørstatus, slik det fremkommer i [sak 41/18](#). FOU samarbeid (ref. [sak 40/18](#)).
            Sekretariatet viser til sak 50/18.
            """))
        return store
    }

    @Test func referencesResolveInTheSameBodyOrAreListedAsUnresolved() throws {
        let store = try storeWithReferences()
        let references = try store.references(from: "styringsgruppen 2/19")
        #expect(references.map(\.number.description) == ["22/18", "30/18", "41/18", "40/18", "50/18"])
        #expect(references.map(\.target) == ["styringsgruppen 22/18", "styringsgruppen 30/18", nil, nil, nil])
        #expect(references.first?.targetTitle == "Finansieringsmodell")
        #expect(try store.referringItems(to: "styringsgruppen 22/18").map(\.item) == ["styringsgruppen 2/19"])
    }

    @Test func anotherBodysItemIsNeverResolvedToThisBodysNumber() throws {
        let store = try storeWithReferences()
        let references = try store.references(from: "styringsgruppen 1/19")
        #expect(references.count == 1)
        #expect(references[0].number.description == "1/19")
        #expect(references[0].namesAnotherBody)
        #expect(references[0].target == nil)
        #expect(try store.referringItems(to: "styringsgruppen 1/19").isEmpty)
    }

    @Test func referencesFollowEditsAndDecisions() throws {
        let store = try storeWithReferences()
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Jf. sak 22/18.", outcome: .adopted, tally: .unanimous))
        #expect(try store.referringItems(to: "styringsgruppen 22/18").map(\.item) == ["styringsgruppen 1/19", "styringsgruppen 2/19"])
        try store.editItem("styringsgruppen 2/19", ItemDraft(caseText: "Ingen henvisninger lenger."))
        #expect(try store.references(from: "styringsgruppen 2/19").isEmpty)
    }

    @Test func theStoryOfAReferredItemFollowsItsCase() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "fg-helse", date: date("2019-01-22"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-03-20"), withStandingItems: false)
        try store.addItem(to: "fg-helse@2019-01-22", ItemDraft(title: "Felles journalsystem", kind: .decision, proposal: "Anbefales."))
        try store.referItem("fg-helse 1/19", to: "styringsgruppen@2019-02-13")
        try store.postponeItem("styringsgruppen 1/19", to: "styringsgruppen@2019-03-20")
        try store.recordDecision("styringsgruppen 2/19", DecisionDraft(text: "Vedtas med endringer.", outcome: .amended, tally: .unanimous))
        let story = try store.story(of: "styringsgruppen 1/19")
        #expect(story.casePath.map(\.item) == ["fg-helse 1/19", "styringsgruppen 1/19", "styringsgruppen 2/19"])
        #expect(story.casePath.map(\.arrival) == ["new", "referred", "postponed"])
        #expect(story.casePath.map(\.outcome) == [.referred, .postponed, .amended])
    }

    @Test func thePublicStoryOfAnExemptItemHoldsNothingOfItsText() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        var secret = ItemDraft(title: "Lønnsforhandling Olsen", kind: .decision, basis: "Notat", caseText: "Hemmelig tekst om sak 22/18",
                               proposal: "Hemmelig forslag")
        secret.isExempt = true
        secret.exemptionBasis = "offl. § 25"
        secret.publicTitle = "Personalsak"
        try store.addItem(to: "styringsgruppen@2019-02-13", secret)
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Hemmelig vedtak", outcome: .adopted, tally: .unanimous))
        let story = try store.story(of: "styringsgruppen 1/19", isPublic: true)
        let encoded = String(decoding: try JSONEncoder().encode(story), as: UTF8.self)
        #expect(!encoded.contains("Hemmelig"))
        #expect(!encoded.contains("Olsen"))
        #expect(encoded.contains("Personalsak"))
        #expect(encoded.contains("offl. § 25") || encoded.contains("offl. \\u00a7 25"))
        #expect(try store.story(of: "styringsgruppen 1/19").item.caseText == "Hemmelig tekst om sak 22/18")
    }

    @Test func theDecisionRegisterListsDecisionsInNumberOrder() throws {
        let store = try makeStore()
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-02-13"), withStandingItems: false)
        try store.createMeeting(bodySlug: "styringsgruppen", date: date("2019-03-20"), withStandingItems: false)
        try store.addItem(to: "styringsgruppen@2019-03-20", ItemDraft(title: "B"))
        try store.addItem(to: "styringsgruppen@2019-02-13", ItemDraft(title: "A"))
        var secret = ItemDraft(title: "Hemmelig", kind: .decision)
        secret.isExempt = true
        secret.exemptionBasis = "offl. § 13"
        try store.addItem(to: "styringsgruppen@2019-02-13", secret)
        try store.recordDecision("styringsgruppen 2/19", DecisionDraft(text: "Vedtak A", outcome: .adopted, tally: .unanimous))
        try store.recordDecision("styringsgruppen 1/19", DecisionDraft(text: "Vedtak B", outcome: .rejected, tally: .counted(for: 2, against: 5, abstaining: 0)))
        try store.recordDecision("styringsgruppen 3/19", DecisionDraft(text: "Hemmelig vedtak", outcome: .adopted, tally: nil))
        let register = try store.decisionRegister(bodySlug: "styringsgruppen", year: 2019)
        #expect(register.map(\.number.description) == ["1/19", "2/19", "3/19"])
        #expect(register.map(\.vote) == ["Falt med 2 mot 5 stemmer", "Enstemmig vedtatt", nil])
        let publicRegister = try store.decisionRegister(bodySlug: "styringsgruppen", year: 2019, isPublic: true)
        #expect(publicRegister[2].title == "Unntatt offentlighet")
        #expect(publicRegister[2].decision == nil)
        #expect(try store.decisionRegister(bodySlug: "styringsgruppen", year: 2020).isEmpty)
    }
}

import Foundation
