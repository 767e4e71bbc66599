import Testing
import DocketModel

@Suite struct DomainRuleTests {
    @Test func onlyMembersAndChairsVote() {
        #expect(Role.chair.votes && Role.deputyChair.votes && Role.member.votes && Role.deputy.votes)
        #expect(!Role.unionRepresentative.votes)
        #expect(!Role.adviser.votes && !Role.observer.votes && !Role.secretary.votes)
    }

    @Test func decisionItemsNeedAProposal() {
        #expect(ItemKind.decision.requiresProposal)
        #expect(!ItemKind.information.requiresProposal)
        #expect(!ItemKind.discussion.requiresProposal)
    }

    @Test func itemKindsReadTheirNorwegianLabels() {
        #expect(ItemKind(label: "Beslutning") == .decision)
        #expect(ItemKind(label: " orientering ") == .information)
        #expect(ItemKind(label: "Diskusjon") == .discussion)
        #expect(ItemKind(label: "Tema") == nil)
        #expect(ItemKind.allCases.allSatisfy { ItemKind(label: $0.norwegian) == $0 })
    }

    @Test func meetingStatusesMoveForwardOnly() {
        #expect(MeetingStatus.planned.canAdvance(to: .summoned))
        #expect(MeetingStatus.held.canAdvance(to: .minutesApproved))
        #expect(!MeetingStatus.minutesApproved.canAdvance(to: .held))
        #expect(!MeetingStatus.held.canAdvance(to: .cancelled))
        #expect(!MeetingStatus.cancelled.canAdvance(to: .planned))
    }

    @Test func votesReadAsTheMinutesWriteThem() {
        #expect(VoteTally.unanimous.norwegian == "Enstemmig vedtatt")
        #expect(VoteTally.counted(for: 23, against: 12, abstaining: 0).norwegian == "Vedtatt med 23 mot 12 stemmer")
        #expect(VoteTally.counted(for: 3, against: 5, abstaining: 1).norwegian == "Falt med 3 mot 5 stemmer, 1 avsto")
    }

    @Test func postponedAndReferredAreNotFinal() {
        #expect(!Outcome.postponed.isFinal && !Outcome.referred.isFinal)
        #expect(Outcome.adopted.isFinal && Outcome.noted.isFinal)
    }

    @Test func slugsAreLowercaseWords() {
        #expect(Slug("styringsgruppen") != nil)
        #expect(Slug("fg-helse") != nil)
        #expect(Slug("fg-økonomi2") != nil)
        for bad in ["", "Styringsgruppen", "fg helse", "-fg", "fg-", "fg--helse", "9fg", String(repeating: "a", count: 41)] {
            #expect(Slug(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct CalendarTests {
    @Test func datesThatDoNotExistAreRefused() {
        #expect(CalendarDate("2019-02-13") != nil)
        #expect(CalendarDate("2020-02-29") != nil)
        #expect(CalendarDate("0987-12-31")?.description == "0987-12-31")
        for bad in ["2019-02-29", "2019-02-30", "2019-13-01", "2019-04-31", "19-02-13", "2019-2-13", "2019/02/13", "1900-02-29",
                    "2019-02-1x", "+019-02-13", " 2019-02-13", "2019-02-13 ", "٢٠١٩-02-13", "２０１９-02-13", "0000-01-01", "2019-00-10", ""] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    @Test func datesRoundTripAndOrder() {
        let dates = ["2019-02-13", "2018-12-12", "2019-01-31"].compactMap(CalendarDate.init)
        #expect(dates.sorted().map(\.description) == ["2018-12-12", "2019-01-31", "2019-02-13"])
    }

    @Test func weekdayIsISO() {
        #expect(CalendarDate("2019-02-13")?.weekday == 3) // a Wednesday
        #expect(CalendarDate("2026-01-27")?.weekday == 2) // a Tuesday
        #expect(CalendarDate("2024-12-29")?.weekday == 7)
    }

    @Test func timesReadBothSeparators() {
        #expect(TimeOfDay("13.00")?.description == "13:00")
        #expect(TimeOfDay("9:30")?.norwegian == "09.30")
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("12:60") == nil)
    }
}

@Suite struct MandateCheckTests {
    let members = ["Fjordvik kommune", "Lyngstad kommune", "Sekretariatet"]

    func seat(_ person: String, _ role: Role, _ organisation: String?, _ kind: OrganisationKind? = .municipality, votes: Bool? = nil) -> MandateCheck.Seat {
        MandateCheck.Seat(person: person, role: role, organisation: organisation, organisationKind: kind, votes: votes ?? role.votes)
    }

    @Test func aCompleteExpertGroupMeetsItsMandate() {
        let seats = [
            seat("A", .chair, "Fjordvik kommune"),
            seat("B", .member, "Lyngstad kommune"),
            seat("C", .adviser, "Sekretariatet", .office),
            seat("D", .unionRepresentative, "Fagforbundet", .other),
        ]
        #expect(MandateCheck(kind: .expertGroup, memberOrganisations: members).violations(of: seats).isEmpty)
    }

    @Test func findsEachBrokenRule() {
        let seats = [
            seat("A", .chair, "Sekretariatet", .office),
            seat("B", .member, "Fjordvik kommune"),
            seat("D", .unionRepresentative, "Fagforbundet", .other, votes: true),
            seat("E", .unionRepresentative, "Delta", .other),
        ]
        let violations = MandateCheck(kind: .expertGroup, memberOrganisations: members).violations(of: seats)
        #expect(violations.contains(.organisationNotRepresented("Lyngstad kommune")))
        #expect(violations.contains(.chairNotFromMunicipality(person: "A", organisation: "Sekretariatet")))
        #expect(violations.contains(.severalUnionRepresentatives(["D", "E"])))
        #expect(violations.contains(.nonVotingRoleVotes(person: "D", role: .unionRepresentative)))
        #expect(violations.count == 4)
    }

    @Test func aSecretaryDoesNotRepresentTheOrganisation() {
        let seats = [seat("A", .chair, "Fjordvik kommune"), seat("B", .member, "Lyngstad kommune"),
                     seat("S", .secretary, "Sekretariatet", .office), seat("U", .unionRepresentative, "X", .other)]
        let violations = MandateCheck(kind: .expertGroup, memberOrganisations: members).violations(of: seats)
        #expect(violations == [.organisationNotRepresented("Sekretariatet")])
    }

    @Test func steeringGroupsNeedNoEveryOrganisationNorUnion() {
        let seats = [seat("A", .chair, "Fjordvik kommune")]
        #expect(MandateCheck(kind: .steeringGroup, memberOrganisations: members).violations(of: seats).isEmpty)
        #expect(MandateCheck(kind: .steeringGroup, memberOrganisations: members).violations(of: []) == [.noChair])
    }
}
