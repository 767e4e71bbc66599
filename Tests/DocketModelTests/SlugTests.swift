import DocketModel
import Testing

/// A slug holds what the schema's CHECK on body.slug allows (a–z, æ, ø, å, digits, single
/// hyphens); any name folds into one. Issue 12, finding 11: "komité" passed the model's check and
/// ended in a raw CHECK error.
@Suite struct SlugTests {
    @Test(arguments: ["komité", "über", "ωmega", "fg-café", "straße"])
    func lettersTheSchemaRefusesAreRefusedHereFirst(text: String) {
        #expect(Slug(text) == nil, "\(text)")
    }

    @Test(arguments: ["styringsgruppen", "fg-økonomi2", "æøå", "råd-2019"])
    func lettersTheSchemaAllowsAreKept(text: String) {
        #expect(Slug(text)?.rawValue == text)
        #expect(Slug(folding: text).rawValue == text)
    }

    @Test(arguments: [
        ("Komité for oppvekst", "komite-for-oppvekst"),
        ("Über-Gruppe", "uber-gruppe"),
        ("Fagråd för Hälsa", "fagråd-før-hælsa"),
        ("Straße  &  Čakovec", "strasse-cakovec"),
        ("Komite\u{301}", "komite"),
        ("  -- Styringsgruppen (ny) --  ", "styringsgruppen-ny"),
        ("2019-utvalget", "organ-2019-utvalget"),
        ("Ωμέγα", "organ"),
        ("İstanbul-komiteen", "istanbul-komiteen"),
    ])
    func anyNameFoldsIntoAValidSlug(name: String, slug: String) {
        let folded = Slug(folding: name)
        #expect(folded.rawValue == slug)
        #expect(Slug(folded.rawValue) == folded, "\(folded) breaks the rule")
    }

    /// Issue 14: imported slugs were cut mid-word.
    @Test func aLongNameIsCutAtAWordBoundary() {
        let folded = Slug(folding: "Kontrollutvalget i Fjordvik og Lyngstad kommuner", maxLength: 36)
        #expect(folded.rawValue == "kontrollutvalget-i-fjordvik-og")
        #expect(Slug(folding: "Interkommunaltsamarbeidsutvalgetforhelseogomsorg", maxLength: 36).rawValue.count == 36)
    }

    @Test func aLongNameIsCutAtTheLimitWithoutATrailingHyphen() {
        let folded = Slug(folding: String(repeating: "ab ", count: 30), maxLength: 36)
        #expect(folded.rawValue.count <= 36)
        #expect(!folded.rawValue.hasSuffix("-"))
        #expect(Slug(folded.rawValue) != nil)
    }
}
