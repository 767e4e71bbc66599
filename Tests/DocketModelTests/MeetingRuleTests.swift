import DocketModel
import Testing

@Suite struct MeetingRuleTests {
    @Test func aStandingItemsFileIsReadLineByLineWithEventueltLast() throws {
        let items = try StandingItem.parseList("""
            # faste saker
            Godkjenning av innkalling og saksliste|vedtak|Innkalling
            Eventuelt

            Godkjenning av protokoll fra forrige møte|Decision|Protokoll
            Orienteringer|orientering|Notat
            Status fra faggrupper|diskusjon
            """)
        #expect(items.map(\.purpose) == [.approveAgenda, .approvePreviousMinutes, .information, .other, .anyOtherBusiness])
        #expect(items.map(\.kind) == [.decision, .decision, .information, .discussion, .information])
        #expect(items[0].basis == "Innkalling" && items[3].basis == nil && items.last?.title == "Eventuelt")
        #expect(items[1].proposal?.hasPrefix("Referatet godkjennes") == true)
        #expect(throws: StandingItem.LineError.self) { try StandingItem.parseList("A|b|c|d") }
        let error = try #require(throws: StandingItem.LineError.self) { try StandingItem.parseList("A|decision\nB|avstemning") }
        #expect(error.line == 2)
    }

    @Test func votesAreCountedInTheRightNumber() {
        #expect(VoteTally.counted(for: 4, against: 1, abstaining: 0).norwegian == "Vedtatt med 4 mot 1 stemme")
        #expect(VoteTally.counted(for: 1, against: 0, abstaining: 0).norwegian == "Vedtatt med 1 stemme")
        #expect(VoteTally.counted(for: 2, against: 3, abstaining: 0).norwegian(proposalBy: "Dag Eng", adopted: false)
                == "Forslaget fra Dag Eng falt med 2 mot 3 stemmer")
        #expect(VoteTally.counted(for: 3, against: 1, abstaining: 0).norwegian(proposalBy: "Dag Eng", adopted: true)
                == "Forslaget fra Dag Eng ble vedtatt med 3 mot 1 stemme")
        #expect(VoteTally.unanimous.norwegian(proposalBy: "Dag Eng", adopted: true) == "Forslaget fra Dag Eng ble enstemmig vedtatt")
        #expect(VoteTally.counted(for: 3, against: 3, abstaining: 0).adopts == nil)
        #expect(VoteTally.counted(for: 2, against: 3, abstaining: 0).adopts == false)
    }
}
