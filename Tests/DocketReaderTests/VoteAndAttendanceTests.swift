@testable import DocketReader
import DocketModel
import Foundation
import Testing

@Suite struct VoteReaderTests {
    @Test func unanimous() {
        let vote = VoteReader.standalone("Enstemmig vedtatt.", line: 1)
        #expect(vote.unanimous && vote.adopted == true)
        #expect(vote.tally == .unanimous)
        #expect(VoteReader.standalone("Forslag til vedtak enstemmig vedtatt.", line: 1).unanimous)
    }

    @Test func countedVotes() {
        let vote = VoteReader.standalone("Vedtatt med 23 mot 12 stemmer.", line: 4)
        #expect(vote.tally == .counted(for: 23, against: 12, abstaining: 0))
        let against = VoteReader.standalone("Vedtatt mot 2 stemmer (FRP).", line: 1)
        #expect(against.votesAgainst == 2 && against.adopted == true)
        let fell = VoteReader.standalone("Forslaget falt mot 4 stemmer (Line Hammer (AP), Lisbeth Melhus (UAVH)).", line: 1)
        #expect(fell.adopted == false && fell.votesFor == 4)
        #expect(fell.votersFor.map(\.name) == ["Line Hammer", "Lisbeth Melhus"])
        let parties = VoteReader.standalone("Vedtatt mot 12 stemmer (H, FrP og V).", line: 1)
        #expect(parties.partiesAgainst == ["H", "FrP", "V"])
        #expect(parties.votersAgainst.isEmpty)
        #expect(VoteReader.standalone("Vedtatt med 23 mot 12 stemmer (AP 10, H 2).", line: 1).partiesAgainst == ["AP", "H"])
    }

    @Test func countsWrittenAsSentences() {
        let vote = VoteReader.standalone("Forslaget fikk 5 stemmer: 5 stemte for og 2 mot, og ble vedtatt.", line: 1)
        #expect(vote.votesFor == 5 && vote.votesAgainst == 2 && vote.adopted == true)
        #expect(VoteReader.isVoteStart("5 stemte for og 2 mot."))
    }

    @Test func perMemberListsMakeOneVote() {
        let votes = VoteReader.votes(from: [
            ("For forslaget stemte 3: Anne Høgsnes (AP), Daniel Folladal (AP), Elin Agdestein (H).", 10),
            ("Imot forslaget stemte 2: Lars Sandlund (SP), Sigrun Modell (SP).", 12),
            ("Dermed ble innstillingen vedtatt.", 13),
        ])
        #expect(votes.count == 1)
        let vote = votes[0]
        #expect(vote.line == 10)
        #expect(vote.votesFor == 3 && vote.votesAgainst == 2 && vote.adopted == true)
        #expect(vote.votersFor.map(\.party) == ["AP", "AP", "H"])
        #expect(vote.votersAgainst.first == ReadVoter(name: "Lars Sandlund", party: "SP"))
    }

    @Test func aListRunsOverLinesUntilItsFullStop() {
        #expect(VoteReader.isVoteStart("For forslaget stemte 9: Anne Marthe Høgsnes (AP), Daniel Folladal (AP), Monika Skoglund"))
        #expect(VoteReader.statementContinues("For forslaget stemte 9: Anne (AP), Monika", next: "Luktvasslimo (AP)."))
        #expect(!VoteReader.statementContinues("For forslaget stemte 2: Anne (AP), Monika (AP).", next: "Dermed ble innstillingen vedtatt."))
        #expect(!VoteReader.isVoteStart("Innstillingen legges fram for kommunestyret."))
    }
}

/// A member list pasted many times over (a fuzzed input, or a careless copy): still one statement
/// and one vote with every voter, read in linear time (the figures are measured by hand).
@Suite struct LongVoteListTests {
    @Test func aMemberListOverAThousandLinesIsOneVote() throws {
        var lines = ["For forslaget stemte 2003: Anne Høgsnes (AP), Daniel Folladal (AP),"]
        lines += Array(repeating: "Kari Nordmann (SP), Ola Nordmann (SP),", count: 1_000)
        lines += ["Elin Agdestein (H).", "Imot forslaget stemte 1: Lars Sandlund (SP).", "Dermed ble innstillingen vedtatt."]
        let fields = ItemBlockReader.read(lines.joined(separator: "\n").sourceLines())
        #expect(fields.votes.count == 1)
        let vote = try #require(fields.votes.first)
        #expect(vote.votesFor == 2003)
        #expect(vote.votersFor.count == 2003)
        #expect(vote.votersFor.last == ReadVoter(name: "Elin Agdestein", party: "H"))
        #expect(vote.votersAgainst.map(\.name) == ["Lars Sandlund"])
        #expect(vote.adopted == true)
    }

    @Test func anOpenParenthesisKeepsAStatementGoingUntilItCloses() {
        var statement = VoteReader.Statement("Forslaget falt mot 4 stemmer (Line Hammer (AP),")
        #expect(statement.continues(with: "Lisbeth Melhus (UAVH),"))
        statement.append("Lisbeth Melhus (UAVH),")
        #expect(statement.continues(with: "Per Olsen (H))."))
        statement.append("Per Olsen (H)).")
        #expect(!statement.continues(with: "Saken ble deretter avsluttet."))
        #expect(statement.text == "Forslaget falt mot 4 stemmer (Line Hammer (AP), Lisbeth Melhus (UAVH), Per Olsen (H)).")
    }
}

@Suite struct AttendanceReaderTests {
    static func lines(_ text: String) -> [SourceLine] { text.sourceLines() }

    @Test func elementsMemberTable() {
        let result = AttendanceReader.read(Self.lines("""
        Følgende medlemmer møtte:
        Navn                            Funksjon  Repr.   Varamedlem for
        Gunnar Thorsen                  Leder     AP
        Kristian Hovd Sjøli             VaramedlemAP      Kjell Magnar Haugan
        Christine Agdestein             Nestleder H
        Morten Resve                      Medlem

        Følgende fra administrasjonen møtte:
        Navn                                        Stilling
        Susanne Bratli                              utvalgssekretær
        Geir Olav Jensen                            Kommunedirektør
        """))
        #expect(result.attendance.map(\.name) == ["Gunnar Thorsen", "Kristian Hovd Sjøli", "Christine Agdestein", "Morten Resve"])
        let deputy = result.attendance[1]
        #expect(deputy.status == .substitute && deputy.role == .deputy && deputy.party == "AP" && deputy.substituteFor == "Kjell Magnar Haugan")
        #expect(result.attendance[2].role == .deputyChair && result.attendance[2].party == "H")
        #expect(result.attendance[0].status == .present && result.attendance[0].role == .chair)
        #expect(result.others.map(\.roleText) == ["utvalgssekretær", "Kommunedirektør"])
        #expect(result.others.allSatisfy { $0.status == nil })
    }

    @Test func listsAfterLabelsAndSentences() {
        let result = AttendanceReader.read(Self.lines("""
        Følgende medlemmer hadde forfall:
        Kari Nordmann (H), Ola Hansen (AP)

        Følgende varamedlemmer møtte:
        Per Olsen (H) for Kari Nordmann
        Liv Berg, varamedlem for Ola Hansen

        Deltakelse:
        Espen Hatlinghus (INP) hadde meldt forfall. Ingolf Brønstad var innkalt, men møtte ikke.
        Lillian Hatling (SP) møtte som vararepresentant for Lill Marit Sandseter som har permisjon.
        """))
        let apologies = result.attendance.filter { $0.status == .apologies }
        #expect(apologies.map(\.name) == ["Kari Nordmann", "Ola Hansen", "Espen Hatlinghus"])
        #expect(apologies.first?.party == "H")
        let substitutes = result.attendance.filter { $0.status == .substitute }
        #expect(substitutes.map(\.name) == ["Per Olsen", "Liv Berg", "Lillian Hatling"])
        #expect(substitutes.map(\.substituteFor) == ["Kari Nordmann", "Ola Hansen", "Lill Marit Sandseter"])
    }

    @Test func conflictsOfInterest() {
        let conflicts = ConflictReader.conflicts(in: Self.lines("""
        Gunnar Thorsen ble kjent inhabil i sak PS 1/26. Kristian Hovd Sjøli (AP) deltok i behandling av saken
        Enok Moe (R) ble kjent inhabil med bakgrunn i kommunelovens § 11-10 1.ledd og
        forvaltningslovens § 6 første ledd bokstav e, og fratrådte møtet under behandling av
        saken.
        """), currentItem: ItemNumber(series: .political, sequence: 7, year: 2026))
        #expect(conflicts.map(\.person) == ["Gunnar Thorsen", "Enok Moe"])
        #expect(conflicts.map(\.item?.description) == ["PS 1/26", "PS 7/26"])
        #expect(conflicts[0].text == "Gunnar Thorsen ble kjent inhabil i sak PS 1/26.")
        #expect(conflicts[1].party == "R" && conflicts[1].line == 2)
    }
}

@Suite struct CooperationAttendanceTests {
    @Test func namesWithOrganisationsAndRoles() {
        let result = AttendanceReader.read("""
        Til stede:
        Kari Nordmann, Sandnes kommune (leder)
        Ola Hansen, Stavanger kommune
        Per Olsen (tillitsvalgt)

        Forfall: Liv Berg, Klepp kommune, og Eva Dahl, Rogaland fylkeskommune
        """.sourceLines())
        #expect(result.attendance.map(\.name) == ["Kari Nordmann", "Ola Hansen", "Per Olsen", "Liv Berg", "Eva Dahl"])
        #expect(result.attendance.map(\.organisation) == ["Sandnes kommune", "Stavanger kommune", nil, "Klepp kommune", "Rogaland fylkeskommune"])
        #expect(result.attendance[0].role == .chair)
        #expect(result.attendance[2].role == .unionRepresentative)
        #expect(result.attendance.map(\.status) == [.present, .present, .present, .apologies, .apologies])
    }
}

@Suite struct AttendanceAcrossPagesTests {
    @Test func aMemberTableGoesOnAfterAPageBreak() {
        let result = AttendanceReader.read("""
        Følgende medlemmer møtte:
        Navn                            Funksjon  Repr.   Varamedlem for
        Gunnar Thorsen                  Leder     AP

        \u{0C}Navn                            Funksjon  Repr.   Varamedlem for
        Kristian Hovd Sjøli             VaramedlemAP      Kjell Magnar Haugan

        Godkjenning av innkalling:
        Innkallinga godkjent.
        """.sourceLines())
        #expect(result.attendance.map(\.name) == ["Gunnar Thorsen", "Kristian Hovd Sjøli"])
    }
}
