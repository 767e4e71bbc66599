import DocketModel
import Testing

/// The outcome a decision gets when neither the secretary nor the minutes name one.
@Suite struct OutcomeDefaultTests {
    @Test func informationIsNotedEverythingElseAdopted() {
        #expect(Outcome.default(for: .information) == .noted)
        #expect(Outcome.default(for: .decision) == .adopted)
        #expect(Outcome.default(for: .discussion) == .adopted)
        #expect(Outcome.default(for: nil) == .adopted)
    }
}
