import Testing
import DocketModel

@Suite struct ReferenceScannerTests {
    let scanner = ReferenceScanner(ownNames: ["Digi Rogalands styringsgruppe", "styringsgruppen"])

    @Test func findsReferencesInEverySpelling() {
        let text = "Finansieringsmodell er behandlet i [sak 22/18](#). Jf. sak 08/19 og saken 30/2018. Se PS 12/19 og RS 2/2026."
        let numbers = scanner.references(in: text).map(\.number.description)
        #expect(numbers == ["22/18", "8/19", "30/18", "PS 12/19", "RS 2/26"])
        #expect(scanner.references(in: text).allSatisfy { !$0.namesAnotherBody })
    }

    @Test func labelsAndCuesBeforeTheNumber() {
        let references = scanner.references(in: "Saksnr.: 12/19, sak nr. 3/2020 og saker 4/20; jf. PS 5/21.")
        #expect(references.map(\.number.description) == ["12/19", "3/20", "4/20", "PS 5/21"])
        #expect(references.map(\.text) == ["Saksnr.: 12/19", "sak nr. 3/2020", "saker 4/20", "PS 5/21"])
        // Where each starts, so that a reader can look at what comes before ("jf. ").
        #expect(references.last?.offset == 50)
        #expect(scanner.references(in: "sak 3/0001 og sak 4/3000").isEmpty, "a year outside 1900–2199 is not an item's")
    }

    @Test func aBareNumberIsNotAReference() {
        #expect(scanner.references(in: "Referat fra møte 12/12 og 13/2.").isEmpty)
        #expect(scanner.references(in: "Saken gjelder 2 sakstyper").isEmpty)
    }

    @Test func anotherBodysItemIsMarkedAsSuch() {
        let text = "Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 «ny strategi» vedtatt at de ønsker å være et fagnettverk."
        let references = scanner.references(in: text)
        #expect(references.count == 1)
        #expect(references.first?.number.description == "1/19")
        #expect(references.first?.namesAnotherBody == true)
        #expect(scanner.references(in: "Kommunestyret behandlet sak 12/19.").first?.namesAnotherBody == true)
        #expect(scanner.references(in: "Styringsgruppen behandlet sak 12/19.").first?.namesAnotherBody == false)
    }

    /// A long text full of references (a case text that repeats itself): each reference is weighed
    /// by its own sentence alone, however much text comes before it.
    @Test func eachReferenceInALongTextWeighsOnlyItsOwnSentence() {
        let scanner = ReferenceScanner(ownNames: ["styringsgruppen"])
        let paragraph = "I deres styringsgruppe sak 01 – 2019 ble drøftet. Se sak 3/19 om budsjettet. "
        let references = scanner.references(in: String(repeating: paragraph, count: 2_000))
        #expect(references.count == 4_000)
        #expect(references.enumerated().allSatisfy { index, reference in reference.namesAnotherBody == index.isMultiple(of: 2) })
        #expect(references.map(\.number.description).prefix(2) == ["1/19", "3/19"])

        // A sentence that runs on without a full stop: only its last words count.
        let longSentence = String(repeating: "og videre ", count: 1_000)
        #expect(scanner.references(in: "Kommunestyret, " + longSentence + "jf. sak 12/19").first?.namesAnotherBody == false)
        #expect(scanner.references(in: longSentence + "i kommunestyret sak 12/19").first?.namesAnotherBody == true)
    }

    @Test func theBodysSeriesAppliesToBareNumbers() {
        let council = ReferenceScanner(ownNames: ["kommunestyret"], defaultSeries: .political)
        #expect(council.references(in: "jf. sak 12/19").first?.number.description == "PS 12/19")
    }
}
