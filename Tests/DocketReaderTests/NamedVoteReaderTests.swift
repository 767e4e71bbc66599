@testable import DocketReader
import DocketModel
import Foundation
import Testing

/// Named votes as two bodies' minutes write them: Grue's sentences of names ("Representant Kaja
/// Sillerud Haugen, AP … stemte mot.") and Askvoll's nynorsk ("fekk 1 røyst (Marit Klausen)").
/// The excerpts are checked against the corpus, so a test cannot drift from what the field writes.
@Suite struct NamedVoteReaderTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "../shared/corpus/other-bodies/docs").standardized

    func lines(of file: String, _ range: ClosedRange<Int>) throws -> [String] {
        let text = try String(contentsOf: Self.corpus.appending(path: file), encoding: .utf8)
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(all[(range.lowerBound - 1)...(range.upperBound - 1)]).map(\.trimmed)
    }

    /// Lines read as ItemBlockReader reads them: a statement from a vote's start while it goes on.
    func statements(_ lines: [String]) -> [(text: String, line: Int)] {
        var result: [(String, Int)] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if VoteReader.isVoteStart(line) {
                var statement = VoteReader.Statement(line)
                while index + 1 < lines.count, statement.continues(with: lines[index + 1]) {
                    index += 1
                    statement.append(lines[index])
                }
                result.append((statement.text, index + 1))
            }
            index += 1
        }
        return result
    }

    @Test func grueSentencesOfNamesGoWithTheirVote() throws {
        let excerpt = try lines(of: "03_grue_ks_2021-12-15.txt", 913...918)
        #expect(excerpt[0].hasPrefix("Varaordfører Rolsdorphs forslag, del B falt med 2 mot 5 stemmer."))
        let votes = VoteReader.votes(from: statements(excerpt))
        #expect(votes.count == 2)
        let fallen = try #require(votes.first)
        #expect(fallen.adopted == false && fallen.votesFor == 2 && fallen.votesAgainst == 5)
        #expect(fallen.votersFor == [ReadVoter(name: "Niels F. Rolsdorph", party: "H"), ReadVoter(name: "Anita Madshus", party: "H")])
        let adopted = try #require(votes.last)
        #expect(adopted.adopted == true && adopted.tally == .counted(for: 5, against: 2, abstaining: 0))
        #expect(adopted.votersFor.map(\.name) == ["Rune Grenberg", "Miie Nielsen", "Kaja Sillerud Haugen", "Åse B. Lilleåsen", "John Rønningen"])
        #expect(adopted.votersFor.map(\.party) == ["AP", "AP", "AP", "SP", "SP"])
        // The last line is a sentence of its own; it names the two against the adopted motion.
        #expect(adopted.votersAgainst.map(\.name) == ["Niels F. Rolsdorph", "Anita Madshus"])
    }

    @Test func aNameWithItsPartyAfterACommaIsOneVoter() throws {
        let line = try lines(of: "03_grue_ks_2021-12-15.txt", 577...577)[0]
        #expect(VoteReader.isVoteStart(line))
        let vote = VoteReader.standalone(line, line: 577)
        #expect(vote.hasOnlyNames)
        #expect(vote.votersAgainst == [ReadVoter(name: "Kaja Sillerud Haugen", party: "AP"), ReadVoter(name: "Mie Nielsen", party: "AP")])
        // Names after a unanimous vote belong to a vote not read: they are not put on it.
        let votes = VoteReader.votes(from: [("Enstemmig vedtatt.", 1), (line, 2)])
        #expect(votes.count == 2 && votes[0].votersAgainst.isEmpty)
    }

    @Test func askvollNynorskNamesInParentheses() throws {
        let line = try lines(of: "01_askvoll_ks_2021-12-15.txt", 212...212)[0]
        #expect(line == "Røysting: Høgre sitt framlegg fekk 1 røyst (Marit Klausen)")
        #expect(VoteReader.isVoteStart(line))
        let vote = VoteReader.standalone(line, line: 212)
        #expect(vote.votesFor == 1 && vote.votersFor == [ReadVoter(name: "Marit Klausen", party: nil)])
        #expect(vote.adopted == nil)
    }

    @Test func countsWithTheMinorityNamed() {
        let fell = VoteReader.standalone("Forslaget falt med 3 mot 2 stemmer (Kari Holm og Per Dahl).", line: 1)
        // A fallen motion's majority is against it, whichever count is written first.
        #expect(fell.adopted == false && fell.votesFor == 2 && fell.votesAgainst == 3)
        #expect(fell.votersFor.map(\.name) == ["Kari Holm", "Per Dahl"])
        let nynorsk = VoteReader.standalone("Framlegget vart vedteke med 5 mot 2 røyster (Kari Holm (Sp), Per Dahl (H)).", line: 1)
        #expect(nynorsk.adopted == true && nynorsk.votesFor == 5 && nynorsk.votesAgainst == 2)
        #expect(nynorsk.votersAgainst == [ReadVoter(name: "Kari Holm", party: "Sp"), ReadVoter(name: "Per Dahl", party: "H")])
        // Parties are not people.
        let parties = VoteReader.standalone("Sommertilbud falt med 9 mot 2 stemmer (FRSV,Krf)", line: 1)
        #expect(parties.votersFor.isEmpty && parties.votersAgainst.isEmpty)
        let got = VoteReader.standalone("Høyres forslag fikk 12 stemmer (H) og falt", line: 1)
        #expect(got.votesFor == 12 && got.adopted == false && got.partiesFor == ["H"] && got.votersFor.isEmpty)
    }
}
