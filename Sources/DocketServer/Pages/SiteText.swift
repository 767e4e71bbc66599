import DocketDocuments
import DocketModel

/// The fixed text of the public site in one language: bokmål, nynorsk, English. Templates reach
/// it as `{{t.key}}`. User text (titles, decisions) is shown as written.
///
/// Every phrase is one row of ``table`` with its text in each language, so a phrase cannot be added
/// in one language and forgotten in another: bokmål and English are required, nynorsk is given
/// where it differs from bokmål.
struct SiteText: Sendable {
    let htmlLang: String
    let languageName: String
    let phrases: [String: String]
    /// ``phrases`` as the templates get them (``TemplateText``), made once per language.
    let templatePhrases: [String: TemplateText]

    /// The site's text in `language`, built once per language from ``table``.
    static func of(_ language: Language) -> SiteText {
        byLanguage[language] ?? SiteText(language)
    }

    private static let byLanguage: [Language: SiteText] =
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, SiteText($0)) })

    private init(_ language: Language) {
        htmlLang = language.rawValue
        languageName = Self.languageNames[language] ?? language.rawValue
        phrases = Self.table.mapValues { $0.text(in: language) }
        templatePhrases = phrases.mapValues { TemplateText($0) }
    }

    subscript(_ key: String) -> String { phrases[key] ?? key }

    /// The date written out: "13. februar 2019" / "13 February 2019".
    func date(_ date: CalendarDate, language: Language) -> String {
        let month = language.phrases.months[date.month - 1]
        return language == .english ? "\(date.day) \(month) \(date.year)" : "\(date.day). \(month) \(date.year)"
    }

    /// Each language's name in itself, for the language switch.
    static let languageNames: [Language: String] = [.norwegian: "Bokmål", .nynorsk: "Nynorsk", .english: "English"]

    /// One phrase in every language the site speaks.
    struct Phrase: Sendable {
        let bokmål: String
        /// nil: as in bokmål.
        let nynorsk: String?
        let english: String

        init(_ bokmål: String, nn nynorsk: String? = nil, en english: String) {
            self.bokmål = bokmål
            self.nynorsk = nynorsk
            self.english = english
        }

        func text(in language: Language) -> String {
            switch language {
            case .norwegian: bokmål
            case .nynorsk: nynorsk ?? bokmål
            case .english: english
            }
        }
    }

    /// Every phrase of the site, keyed by the name templates use (`{{t.name}}`).
    static let table: [String: Phrase] = [
        "siteName": Phrase("Møteinnsyn", en: "Meeting records"),
        "skip": Phrase("Hopp til hovedinnholdet", nn: "Hopp til hovudinnhaldet", en: "Skip to main content"),
        "navHome": Phrase("Utvalg og møter", nn: "Utval og møte", en: "Bodies and meetings"),
        "navSearch": Phrase("Søk", en: "Search"),
        "navAccessibility": Phrase("Tilgjengelighetserklæring", nn: "Tilgjengeerklæring", en: "Accessibility statement"),
        "navMain": Phrase("Hovedmeny", nn: "Hovudmeny", en: "Main menu"),
        "languageNav": Phrase("Språk", en: "Language"),
        "footer": Phrase(
            "Møtedokumenter etter offentleglova. Saker unntatt offentlighet vises bare med nummer, offentlig tittel og hjemmel.",
            nn: "Møtedokument etter offentleglova. Saker unnatekne offentlegheit blir viste berre med nummer, offentleg tittel og heimel.",
            en: "Meeting papers published under the Norwegian Freedom of Information Act. Exempt items show only their number, public title and legal basis."),
        "bodies": Phrase("Utvalg", nn: "Utval", en: "Bodies"),
        "upcoming": Phrase("Kommende møter", nn: "Komande møte", en: "Upcoming meetings"),
        "recent": Phrase("Siste møter", nn: "Siste møte", en: "Recent meetings"),
        "noMeetings": Phrase("Ingen møter.", nn: "Ingen møte.", en: "No meetings."),
        "mandate": Phrase("Mandat", en: "Mandate"),
        "members": Phrase("Medlemmer", nn: "Medlemer", en: "Members"),
        "name": Phrase("Navn", nn: "Namn", en: "Name"),
        "role": Phrase("Rolle", en: "Role"),
        "represents": Phrase("Representerer", en: "Represents"),
        "meetingPlan": Phrase("Møteplan", en: "Meeting plan"),
        "subscribe": Phrase("Abonner på møteplanen (ICS)", en: "Subscribe to the meeting plan (ICS)"),
        "meetings": Phrase("Møter", nn: "Møte", en: "Meetings"),
        "feed": Phrase("Nyhetsstrøm (Atom)", nn: "Nyheitsstraum (Atom)", en: "News feed (Atom)"),
        "meeting": Phrase("Møte", en: "Meeting"),
        "date": Phrase("Dato", en: "Date"),
        "time": Phrase("Tid", en: "Time"),
        "place": Phrase("Sted", en: "Place"),
        "agenda": Phrase("Saksliste", en: "Agenda"),
        "papers": Phrase("Møtedokumenter", nn: "Møtedokument", en: "Meeting papers"),
        "summons": Phrase("Innkalling", en: "Notice of meeting"),
        "minutes": Phrase("Protokoll", en: "Minutes"),
        "calendar": Phrase("Kalender (ICS)", en: "Calendar (ICS)"),
        "attendance": Phrase("Oppmøte", en: "Attendance"),
        "present": Phrase("Til stede", nn: "Til stades", en: "Present"),
        "apologies": Phrase("Forfall", en: "Apologies"),
        "substitutes": Phrase("Vararepresentanter", nn: "Vararepresentantar", en: "Substitutes"),
        "decision": Phrase("Vedtak", en: "Decision"),
        "vote": Phrase("Votering", nn: "Røysting", en: "Vote"),
        "proposal": Phrase("Forslag til vedtak", nn: "Framlegg til vedtak", en: "Proposed decision"),
        "caseText": Phrase("Saksframstilling", nn: "Saksutgreiing", en: "Case summary"),
        "basis": Phrase("Saksgrunnlag", en: "Documents"),
        "exempt": Phrase("Unntatt offentlighet", nn: "Unnateke offentlegheit", en: "Exempt from public access"),
        "legalBasis": Phrase("Hjemmel", nn: "Heimel", en: "Legal basis"),
        "item": Phrase("Sak", en: "Item"),
        "number": Phrase("Nr.", en: "No."),
        "title": Phrase("Tittel", en: "Title"),
        "story": Phrase("Sakens gang", nn: "Gangen i saka", en: "History of the case"),
        "references": Phrase("Viser til", en: "Refers to"),
        "referredBy": Phrase("Omtalt i", nn: "Omtala i", en: "Referred to by"),
        "attachments": Phrase("Vedlegg", en: "Attachments"),
        "search": Phrase("Søk i saker og vedtak", en: "Search items and decisions"),
        "searchButton": Phrase("Søk", en: "Search"),
        "query": Phrase("Søkeord", nn: "Søkjeord", en: "Search terms"),
        "body": Phrase("Utvalg", nn: "Utval", en: "Body"),
        "allBodies": Phrase("Alle utvalg", nn: "Alle utval", en: "All bodies"),
        "year": Phrase("År", en: "Year"),
        "from": Phrase("Fra dato", en: "From date"),
        "to": Phrase("Til dato", en: "To date"),
        "kind": Phrase("Sakstype", en: "Item type"),
        "anyKind": Phrase("Alle typer", en: "All types"),
        "outcome": Phrase("Utfall", en: "Outcome"),
        "anyOutcome": Phrase("Alle utfall", en: "All outcomes"),
        "results": Phrase("Treff", en: "Results"),
        "noResults": Phrase("Ingen treff.", en: "No results."),
        "next": Phrase("Neste side", en: "Next page"),
        "previous": Phrase("Forrige side", nn: "Førre side", en: "Previous page"),
        "page": Phrase("Side", en: "Page"),
        "download": Phrase("Last ned", en: "Download"),
        "html": Phrase("HTML", en: "HTML"),
        "pdf": Phrase("PDF", en: "PDF"),
        "docx": Phrase("Word", en: "Word"),
        "status": Phrase("Status", en: "Status"),
        "cancelled": Phrase("Avlyst", en: "Cancelled"),
        "approved": Phrase("Protokollen er godkjent", nn: "Protokollen er godkjend", en: "The minutes are approved"),
        "notFound": Phrase("Finner ikke siden", nn: "Finn ikkje sida", en: "Page not found"),
        "notFoundText": Phrase(
            "Siden finnes ikke. Gå til forsiden eller søk.",
            nn: "Sida finst ikkje. Gå til framsida eller søk.",
            en: "This page does not exist. Go to the front page or search."),
        "badRequest": Phrase("Ugyldig forespørsel", en: "Bad request"),
        "home": Phrase("Forside", nn: "Framside", en: "Home"),
        "inBody": Phrase("i", en: "in"),
        "decided": Phrase("Behandlet", nn: "Handsama", en: "Decided"),
        "outcomeLabel": Phrase("Utfall", en: "Outcome"),
        "accessibilityTitle": Phrase("Tilgjengelighetserklæring", nn: "Tilgjengeerklæring", en: "Accessibility statement"),
        "meetingOf": Phrase("Møte i", en: "Meeting of"),
        "votingRight": Phrase("Stemmerett", nn: "Røysterett", en: "Voting right"),
        "yes": Phrase("Ja", en: "Yes"),
        "no": Phrase("Nei", en: "No"),
        "conflicts": Phrase("Inhabilitet", nn: "Ugildskap", en: "Conflicts of interest"),
        "alternatives": Phrase("Alternative forslag", nn: "Alternative framlegg", en: "Alternative proposals"),
        "namedVote": Phrase("Navnevotering", nn: "Namnerøysting", en: "Roll-call vote"),
        "votesFor": Phrase("For", en: "For"),
        "against": Phrase("Mot", en: "Against"),
        "blank": Phrase("Blankt", en: "Abstained"),
        "showing": Phrase("Viser", en: "Showing"),
        "of": Phrase("av", en: "of"),
        "parent": Phrase("Overordnet utvalg", nn: "Overordna utval", en: "Parent body"),
        "subbodies": Phrase("Underutvalg", nn: "Underutval", en: "Sub-bodies"),
        "items": Phrase("Saker", en: "Items"),
        "withSubbodies": Phrase("Ta med underutvalg", nn: "Ta med underutval", en: "Include sub-bodies"),
        "changedOnly": Phrase("Bare endrede vedtak", nn: "Berre endra vedtak", en: "Changed decisions only"),
        "others": Phrase("Andre til stede", nn: "Andre til stades", en: "Also present"),
    ]
}
