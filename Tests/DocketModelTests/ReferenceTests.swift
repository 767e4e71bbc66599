import Testing
import DocketModel

@Suite struct ReferenceTests {
    @Test func anItemReferenceIsTheSlugAndAnyNumberSpelling() throws {
        #expect(try ItemReference(parsing: "styringsgruppen 8/19") == ItemReference(bodySlug: "styringsgruppen", number: ItemNumber("8/19")!))
        #expect(try ItemReference(parsing: "  kommunestyret PS 12/26 ").number == ItemNumber("PS 12/26")!)
        #expect(try ItemReference(parsing: "fg-plan sak 08/2019").number == ItemNumber("8/19")!)
        #expect(try ItemReference(parsing: "kommunestyret PS 12/26").description == "kommunestyret PS 12/26")
    }

    @Test func aBrokenItemReferenceSaysWhatARightOneLooksLike() {
        #expect(throws: ReferenceError.notAnItem("styringsgruppen")) { try ItemReference(parsing: "styringsgruppen") }
        #expect(throws: ReferenceError.notAnItemNumber("åtte/19")) { try ItemReference(parsing: "styringsgruppen åtte/19") }
        #expect(ReferenceError.notAnItem("x").description.contains("e.g. 'styringsgruppen 8/19'"))
    }

    @Test func aMeetingReferenceIsTheSlugAndTheDate() throws {
        let reference = try MeetingReference(parsing: "styringsgruppen@2019-02-13")
        #expect(reference.bodySlug == "styringsgruppen" && reference.date == CalendarDate("2019-02-13")!)
        #expect(reference.description == "styringsgruppen@2019-02-13")
        #expect(throws: ReferenceError.notAMeeting("styringsgruppen@13.02.2019")) { try MeetingReference(parsing: "styringsgruppen@13.02.2019") }
        #expect(throws: ReferenceError.notAMeeting("@2019-02-13")) { try MeetingReference(parsing: "@2019-02-13") }
    }

    @Test func aBareNumberIsInTheBodysOwnSeriesAndAWrittenSeriesStays() {
        #expect(ItemNumber("4/26")!.inSeries(Series("PS")) == ItemNumber("PS 4/26")!)
        #expect(ItemNumber("RS 4/26")!.inSeries(Series("PS")) == ItemNumber("RS 4/26")!)
        #expect(ItemNumber("4/26")!.inSeries(nil) == ItemNumber("4/26")!)
    }
}
