import Foundation
import Testing

/// What tripped a secretary running a meeting from nothing to its minutes (issue 14, points 7 and 8).
@Suite(.serialized) struct SecretaryTests {
    let dir: TemporaryDirectory
    let docket: DocketProcess

    init() throws {
        dir = try TemporaryDirectory()
        docket = DocketProcess(database: dir.path("docket.sqlite"))
    }

    /// A steering group with a chair, two members and an adviser, and its meeting of 13 February 2019.
    func prepared() throws {
        try expectSuccess(docket.run("init"))
        try expectSuccess(docket.run("org", "add", "Fjordvik kommune", "--member"))
        try expectSuccess(docket.run("body", "add", "styringsgruppen", "--name", "Styringsgruppen", "--kind", "steering-group"))
        try expectSuccess(docket.run("member", "add", "Åse Berg", "--body", "styringsgruppen", "--role", "medlem", "--org", "Fjordvik kommune"))
        try expectSuccess(docket.run("member", "add", "Ingrid Fjeld", "--body", "styringsgruppen", "--role", "leder", "--org", "Fjordvik kommune"))
        try expectSuccess(docket.run("member", "add", "Bjørn Dal", "--body", "styringsgruppen", "--role", "member", "--org", "Fjordvik kommune"))
        try expectSuccess(docket.run("member", "add", "Anne Rådgiver", "--body", "styringsgruppen", "--role", "rådgiver"))
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-02-13", "--start", "13:00", "--end", "15:00",
                                     "--place", "Fjordvik rådhus", "--addressees", "Til styringsgruppens medlemmer"))
    }

    @Test func addresseesWrittenWithTilPrintOneTil() throws {
        try prepared()
        let summons = try docket.run("summons", "styringsgruppen@2019-02-13")
        expectSuccess(summons)
        #expect(summons.stdout.contains("Til styringsgruppens medlemmer"))
        #expect(!summons.stdout.contains("Til Til"))
        let english = try docket.run("summons", "styringsgruppen@2019-02-13", "--language", "en")
        #expect(english.stdout.contains("To styringsgruppens medlemmer") && !english.stdout.contains("To Til"), "\(english.stdout)")
    }

    @Test func theSameMemberTwiceIsRefusedAndTheSeatStillEnds() throws {
        try prepared()
        let before = try databaseBytes(docket.database)
        let twice = try docket.run("member", "add", "Bjørn Dal", "--body", "styringsgruppen", "--role", "member")
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("Bjørn Dal already has a seat in 'styringsgruppen' as member"), "\(twice.stderr)")
        #expect(!twice.stderr.contains("CHECK"))
        #expect(try databaseBytes(docket.database) == before)
        let ended = try docket.run("member", "end", "Bjørn Dal", "--body", "styringsgruppen", "--on", "2019-06-30")
        expectSuccess(ended)
        #expect(ended.stdout.contains("ends 2019-06-30"))
        // A new seat after the old one ended is a new seat, not a duplicate.
        try expectSuccess(docket.run("member", "add", "Bjørn Dal", "--body", "styringsgruppen", "--role", "deputy", "--from", "2019-07-01"))
        let early = try docket.run("member", "end", "Bjørn Dal", "--body", "styringsgruppen", "--on", "2019-06-01", "--role", "deputy")
        #expect(early.status != 0 && early.stderr.contains("begins 2019-07-01"), "\(early.stderr)")
    }

    @Test func attendeesPrintChairFirstThenMembersInSeatOrder() throws {
        try prepared()
        try expectSuccess(docket.run("attendance", "record", "styringsgruppen@2019-02-13", "--present", "Anne Rådgiver",
                                     "--present", "Bjørn Dal", "--present", "Åse Berg", "--present", "Ingrid Fjeld"))
        let minutes = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "txt")
        expectSuccess(minutes)
        let text = minutes.stdout
        let chair = try #require(text.range(of: "Ingrid Fjeld"))
        let first = try #require(text.range(of: "Åse Berg"))
        let second = try #require(text.range(of: "Bjørn Dal"))
        #expect(chair.lowerBound < first.lowerBound && first.lowerBound < second.lowerBound, "\(text)")
    }

    @Test func anInformationItemSaysItWasNotedOnce() throws {
        try prepared()
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Status fra faggruppene", "--kind", "orientering",
                                     "--proposal", "Styringsgruppen tar saken til orientering."))
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 3/19"))
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 5/19", "--outcome", "tatt-til-orientering"))
        let minutes = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "txt")
        expectSuccess(minutes)
        #expect(minutes.stdout.contains("Styringsgruppen tar saken til orientering."))
        #expect(!minutes.stdout.contains("Tatt til orientering."), "\(minutes.stdout)")
    }

    @Test func theApprovalItemSaysWhoseMinutesAndApprovingAheadWarns() throws {
        try prepared()
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-03-20"))
        let list = try docket.run("item", "list", "styringsgruppen@2019-03-20")
        #expect(list.stdout.contains("Godkjenning av referat fra møtet 13.02.2019"), "\(list.stdout)")
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 1/19"))
        let approved = try docket.run("minutes", "approve", "styringsgruppen@2019-02-13")
        expectSuccess(approved)
        #expect(approved.stderr.contains("warning: styringsgruppen@2019-03-20, which approves these minutes, is still planned"), "\(approved.stderr)")
    }

    @Test func norwegianWordsForKindOutcomeAndRole() throws {
        try prepared()
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett", "--kind", "vedtak", "--proposal", "Vedtas."))
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Strategi", "--kind", "diskusjon"))
        try expectSuccess(docket.run("decision", "record", "styringsgruppen 5/19", "--outcome", "utsatt"))
        try expectSuccess(docket.run("member", "add", "Siri Vara", "--body", "styringsgruppen", "--role", "varamedlem"))
        let json = try docket.run("item", "list", "styringsgruppen@2019-02-13", "--json")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.first { $0["number"] as? String == "5/19" }?["kind"] as? String == "decision")
        #expect(items.first { $0["number"] as? String == "6/19" }?["kind"] as? String == "discussion")
        let members = try docket.run("member", "list", "--body", "styringsgruppen")
        expectSuccess(members)
        #expect(members.stdout.contains("Siri Vara") && members.stdout.contains("deputy"))
        let wrong = try docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "X", "--kind", "avstemning")
        #expect(wrong.status != 0)
    }

    @Test func memberListAndMeetingListTakeTheBodyTheSameWay() throws {
        try prepared()
        for arguments in [["member", "list", "--body", "styringsgruppen"], ["member", "list", "styringsgruppen"],
                          ["meeting", "list", "--body", "styringsgruppen"], ["meeting", "list", "styringsgruppen"]] {
            let result = try docket.run(arguments)
            expectSuccess(result)
            #expect(result.stdout.contains(arguments[0] == "member" ? "Ingrid Fjeld" : "styringsgruppen@2019-02-13"), "\(arguments)")
        }
        let none = try docket.run("member", "list")
        #expect(none.status != 0 && none.stderr.contains("--body"))
    }

    @Test func papersInNynorskAndTheEnglishSignerTitleTranslated() throws {
        try prepared()
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett", "--kind", "decision",
                                     "--proposal", "Styringsgruppa vedtek budsjettet."))
        let nynorsk = try docket.run("summons", "styringsgruppen@2019-02-13", "--language", "nn")
        expectSuccess(nynorsk)
        #expect(nynorsk.stdout.contains("Innkalling til møte i Styringsgruppen"))
        #expect(nynorsk.stdout.contains("Saksliste"))
        #expect(nynorsk.stdout.contains("Leiar i styringsgruppa"))
        #expect(nynorsk.stdout.contains("Med venleg helsing"))
        let papers = try docket.run("casepapers", "styringsgruppen@2019-02-13", "--language", "nn")
        #expect(papers.stdout.contains("Framlegg til vedtak"), "\(papers.stdout)")
        let html = try docket.run("summons", "styringsgruppen@2019-02-13", "--language", "nn", "--format", "html")
        #expect(html.stdout.contains("lang=\"nn-NO\""))
        let english = try docket.run("summons", "styringsgruppen@2019-02-13", "--language", "en")
        expectSuccess(english)
        #expect(english.stdout.contains("Chair of the steering group"))
        #expect(!english.stdout.contains("Leder i"))
    }

    @Test func aReferredItemArrivesSayingWhereFrom() throws {
        try prepared()
        try expectSuccess(docket.run("body", "add", "fg-helse", "--name", "Faggruppe helse", "--kind", "faggruppe"))
        try expectSuccess(docket.run("meeting", "create", "fg-helse", "--date", "2019-01-22"))
        try expectSuccess(docket.run("item", "add", "fg-helse@2019-01-22", "--title", "Felles journalsystem", "--kind", "beslutning",
                                     "--proposal", "Faggruppen anbefaler felles anskaffelse."))
        try expectSuccess(docket.run("item", "refer", "fg-helse 5/19", "--to", "styringsgruppen@2019-02-13"))
        for (language, sentence) in [("nb", "Oversendt fra Faggruppe helse, sak 5/19."), ("nn", "Send over frå Faggruppe helse, sak 5/19."),
                                     ("en", "Referred from Faggruppe helse, item 5/19.")] {
            let papers = try docket.run("casepapers", "styringsgruppen@2019-02-13", "--language", language)
            expectSuccess(papers)
            #expect(papers.stdout.contains(sentence), "\(language): \(papers.stdout)")
        }
    }

    @Test func aGuestIsRecordedAndPrintedAmongTheOthersPresent() throws {
        try prepared()
        try expectSuccess(docket.run("attendance", "record", "styringsgruppen@2019-02-13", "--present", "Ingrid Fjeld",
                                     "--present", "Anne Rådgiver", "--guest", "Berit Revisor", "--role", "revisor <KPMG>"))
        let minutes = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "txt")
        expectSuccess(minutes)
        #expect(minutes.stdout.contains("Berit Revisor (revisor <KPMG>)"), "\(minutes.stdout)")
        let othersLine = minutes.stdout.components(separatedBy: "\n").drop { !$0.contains("Andre til stede") }.prefix(4).joined(separator: "\n")
        #expect(othersLine.contains("Berit Revisor"), "\(minutes.stdout)")
        let html = try docket.run("minutes", "styringsgruppen@2019-02-13", "--format", "html")
        #expect(html.stdout.contains("revisor &lt;KPMG&gt;") && !html.stdout.contains("<KPMG>"))
        // The guest survives the lossless export and import.
        let exported = dir.path("export.json")
        try expectSuccess(docket.run("export", "-o", exported))
        #expect(try String(contentsOfFile: exported, encoding: .utf8).contains("\"guestRole\""))
        let fresh = DocketProcess(database: dir.path("fresh.sqlite"))
        try expectSuccess(fresh.run("init"))
        try expectSuccess(fresh.run("import", exported))
        #expect(try fresh.run("minutes", "styringsgruppen@2019-02-13", "--format", "txt").stdout.contains("Berit Revisor (revisor <KPMG>)"))
        // A guest needs a role; a member is no guest; the database is unchanged when refused.
        let before = try databaseBytes(docket.database)
        let noRole = try docket.run("attendance", "record", "styringsgruppen@2019-02-13", "--guest", "Ola Gjest")
        #expect(noRole.status != 0 && noRole.stderr.contains("--role"))
        let member = try docket.run("attendance", "record", "styringsgruppen@2019-02-13", "--guest", "Bjørn Dal", "--role", "gjest")
        #expect(member.status != 0 && member.stderr.contains("holds a seat"), "\(member.stderr)")
        #expect(try databaseBytes(docket.database) == before)
    }

    /// Old summons of bodies Docket does not know yet: each becomes a body of the right kind, with
    /// a slug cut at a word boundary.
    @Test func importedBodiesGetTheirKindAndAWholeWordSlug() throws {
        try expectSuccess(docket.run("init"))
        for (file, name) in [("kommunestyret.txt", "Kommunestyret i Fjordvik"),
                             ("kontrollutvalget.txt", "Kontrollutvalget i Fjordvik og Lyngstad kommuner")] {
            let path = dir.path(file)
            try """
                Innkalling til møte i \(name)

                Det innkalles med dette til møte den 13. februar 2019 på rådhuset klokken 18.00.

                Saksliste:
                Nr Sak
                1/19 Godkjenning av innkalling og saksliste
                2/19 Budsjett 2019

                Vel møtt!
                """.write(toFile: path, atomically: true, encoding: .utf8)
            try expectSuccess(docket.run("import", path))
        }
        let bodies = try docket.run("body", "list", "--json")
        expectSuccess(bodies)
        let rows = try JSONSerialization.jsonObject(with: Data(bodies.stdout.utf8)) as? [[String: Any]] ?? []
        let kinds = Dictionary(uniqueKeysWithValues: rows.compactMap { row in (row["slug"] as? String).map { ($0, row["kind"] as? String ?? "") } })
        #expect(kinds == ["kommunestyret-i-fjordvik": "council", "kontrollutvalget-i-fjordvik-og": "committee"], "\(bodies.stdout)")
    }

    /// Papers Docket writes in nynorsk read back into the same items, proposals included.
    @Test func nynorskPapersReadBackIntoTheSameItems() throws {
        try prepared()
        try expectSuccess(docket.run("item", "add", "styringsgruppen@2019-02-13", "--title", "Budsjett 2020", "--kind", "avgjerd",
                                     "--basis", "Saksframlegg", "--proposal", "Styringsgruppa vedtek budsjettet."))
        try expectSuccess(docket.run("meeting", "create", "styringsgruppen", "--date", "2019-03-20"))
        for (meeting, format) in [("styringsgruppen@2019-02-13", "txt"), ("styringsgruppen@2019-03-20", "docx")] {
            let file = dir.path("innkalling.\(format)")
            try expectSuccess(docket.run("summons", meeting, "--language", "nn", "--format", format, "-o", file))
            let fresh = DocketProcess(database: dir.path("fresh-\(format).sqlite"))
            try expectSuccess(fresh.run("init"))
            let result = try fresh.run("import", file, "--dry-run", "--json")
            expectSuccess(result)
            let document = (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]
            let items = (document?.first?["read"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
            let stored = try JSONSerialization.jsonObject(with: Data(try docket.run("item", "list", meeting, "--json").stdout.utf8)) as? [[String: Any]] ?? []
            #expect(items.map { "\($0["number"] ?? "") \($0["title"] ?? "") \($0["proposal"] ?? "-")" }
                    == stored.map { "\($0["number"] ?? "") \($0["title"] ?? "") \($0["proposal"] ?? "-")" }, "\(format): \(result.stdout.prefix(3000))")
            #expect(items.allSatisfy { ($0["basis"] as? String).map { !$0.contains("Avgjerd") } ?? true })
        }
    }
}
