import DocketDocuments
import DocketModel

/// The fixed text of the public site in one language: bokmål, nynorsk, English. Templates reach
/// it as `{{t.key}}`. User text (titles, decisions) is shown as written.
struct SiteText: Sendable {
    let htmlLang: String
    let languageName: String
    let phrases: [String: String]

    static func of(_ language: Language) -> SiteText {
        switch language {
        case .norwegian: bokmål
        case .nynorsk: nynorsk
        case .english: english
        }
    }

    subscript(_ key: String) -> String { phrases[key] ?? key }

    /// The date written out: "13. februar 2019" / "13 February 2019".
    func date(_ date: CalendarDate, language: Language) -> String {
        let month = language.phrases.months[date.month - 1]
        return language == .english ? "\(date.day) \(month) \(date.year)" : "\(date.day). \(month) \(date.year)"
    }

    static let bokmål = SiteText(htmlLang: "nb", languageName: "Bokmål", phrases: [
        "siteName": "Møteinnsyn", "skip": "Hopp til hovedinnholdet", "navHome": "Utvalg og møter", "navSearch": "Søk",
        "navAccessibility": "Tilgjengelighetserklæring", "navMain": "Hovedmeny", "languageNav": "Språk",
        "footer": "Møtedokumenter etter offentleglova. Saker unntatt offentlighet vises bare med nummer, offentlig tittel og hjemmel.",
        "bodies": "Utvalg", "upcoming": "Kommende møter", "recent": "Siste møter", "noMeetings": "Ingen møter.",
        "mandate": "Mandat", "members": "Medlemmer", "name": "Navn", "role": "Rolle", "represents": "Representerer",
        "meetingPlan": "Møteplan", "subscribe": "Abonner på møteplanen (ICS)", "meetings": "Møter", "feed": "Nyhetsstrøm (Atom)",
        "meeting": "Møte", "date": "Dato", "time": "Tid", "place": "Sted", "agenda": "Saksliste", "papers": "Møtedokumenter",
        "summons": "Innkalling", "minutes": "Protokoll", "calendar": "Kalender (ICS)", "attendance": "Oppmøte",
        "present": "Til stede", "apologies": "Forfall", "substitutes": "Vararepresentanter", "decision": "Vedtak",
        "vote": "Votering", "proposal": "Forslag til vedtak", "caseText": "Saksframstilling", "basis": "Saksgrunnlag",
        "exempt": "Unntatt offentlighet", "legalBasis": "Hjemmel", "item": "Sak", "number": "Nr.", "title": "Tittel",
        "story": "Sakens gang", "references": "Viser til", "referredBy": "Omtalt i", "attachments": "Vedlegg",
        "search": "Søk i saker og vedtak", "searchButton": "Søk", "query": "Søkeord", "body": "Utvalg", "allBodies": "Alle utvalg",
        "year": "År", "from": "Fra dato", "to": "Til dato", "kind": "Sakstype", "anyKind": "Alle typer", "outcome": "Utfall",
        "anyOutcome": "Alle utfall", "results": "Treff", "noResults": "Ingen treff.", "next": "Neste side", "previous": "Forrige side",
        "page": "Side", "download": "Last ned", "html": "HTML", "pdf": "PDF", "docx": "Word", "status": "Status",
        "cancelled": "Avlyst", "approved": "Protokollen er godkjent", "notFound": "Finner ikke siden",
        "notFoundText": "Siden finnes ikke. Gå til forsiden eller søk.", "badRequest": "Ugyldig forespørsel",
        "home": "Forside", "inBody": "i", "decided": "Behandlet", "outcomeLabel": "Utfall",
        "accessibilityTitle": "Tilgjengelighetserklæring", "meetingOf": "Møte i", "votingRight": "Stemmerett",
        "yes": "Ja", "no": "Nei", "conflicts": "Inhabilitet", "alternatives": "Alternative forslag", "namedVote": "Navnevotering",
        "votesFor": "For", "against": "Mot", "blank": "Blankt", "showing": "Viser", "of": "av", "parent": "Overordnet utvalg",
        "subbodies": "Underutvalg", "items": "Saker", "withSubbodies": "Ta med underutvalg", "changedOnly": "Bare endrede vedtak", "others": "Andre til stede",
    ])

    static let nynorsk = SiteText(htmlLang: "nn", languageName: "Nynorsk", phrases: bokmål.phrases.merging([
        "siteName": "Møteinnsyn", "skip": "Hopp til hovudinnhaldet", "navHome": "Utval og møte", "navSearch": "Søk",
        "navAccessibility": "Tilgjengeerklæring", "navMain": "Hovudmeny", "languageNav": "Språk",
        "footer": "Møtedokument etter offentleglova. Saker unnatekne offentlegheit blir viste berre med nummer, offentleg tittel og heimel.",
        "bodies": "Utval", "upcoming": "Komande møte", "recent": "Siste møte", "noMeetings": "Ingen møte.",
        "members": "Medlemer", "namn": "Namn", "name": "Namn", "represents": "Representerer", "meetingPlan": "Møteplan",
        "subscribe": "Abonner på møteplanen (ICS)", "meetings": "Møte", "feed": "Nyheitsstraum (Atom)",
        "agenda": "Saksliste", "papers": "Møtedokument", "summons": "Innkalling", "minutes": "Protokoll",
        "attendance": "Oppmøte", "present": "Til stades", "apologies": "Forfall", "substitutes": "Vararepresentantar",
        "proposal": "Framlegg til vedtak", "caseText": "Saksutgreiing", "exempt": "Unnateke offentlegheit", "legalBasis": "Heimel",
        "story": "Gangen i saka", "referredBy": "Omtala i", "search": "Søk i saker og vedtak", "query": "Søkjeord",
        "body": "Utval", "allBodies": "Alle utval", "results": "Treff", "noResults": "Ingen treff.", "next": "Neste side",
        "previous": "Førre side", "download": "Last ned", "cancelled": "Avlyst", "approved": "Protokollen er godkjend",
        "notFound": "Finn ikkje sida", "notFoundText": "Sida finst ikkje. Gå til framsida eller søk.", "home": "Framside",
        "decided": "Handsama", "accessibilityTitle": "Tilgjengeerklæring", "meetingOf": "Møte i", "votingRight": "Røysterett",
        "conflicts": "Ugildskap", "alternatives": "Alternative framlegg", "namedVote": "Namnerøysting", "parent": "Overordna utval",
        "subbodies": "Underutval", "withSubbodies": "Ta med underutval", "changedOnly": "Berre endra vedtak", "vote": "Røysting", "others": "Andre til stades",
    ]) { $1 })

    static let english = SiteText(htmlLang: "en", languageName: "English", phrases: [
        "siteName": "Meeting records", "skip": "Skip to main content", "navHome": "Bodies and meetings", "navSearch": "Search",
        "navAccessibility": "Accessibility statement", "navMain": "Main menu", "languageNav": "Language",
        "footer": "Meeting papers published under the Norwegian Freedom of Information Act. Exempt items show only their number, public title and legal basis.",
        "bodies": "Bodies", "upcoming": "Upcoming meetings", "recent": "Recent meetings", "noMeetings": "No meetings.",
        "mandate": "Mandate", "members": "Members", "name": "Name", "role": "Role", "represents": "Represents",
        "meetingPlan": "Meeting plan", "subscribe": "Subscribe to the meeting plan (ICS)", "meetings": "Meetings", "feed": "News feed (Atom)",
        "meeting": "Meeting", "date": "Date", "time": "Time", "place": "Place", "agenda": "Agenda", "papers": "Meeting papers",
        "summons": "Notice of meeting", "minutes": "Minutes", "calendar": "Calendar (ICS)", "attendance": "Attendance",
        "present": "Present", "apologies": "Apologies", "substitutes": "Substitutes", "decision": "Decision",
        "vote": "Vote", "proposal": "Proposed decision", "caseText": "Case summary", "basis": "Documents",
        "exempt": "Exempt from public access", "legalBasis": "Legal basis", "item": "Item", "number": "No.", "title": "Title",
        "story": "History of the case", "references": "Refers to", "referredBy": "Referred to by", "attachments": "Attachments",
        "search": "Search items and decisions", "searchButton": "Search", "query": "Search terms", "body": "Body", "allBodies": "All bodies",
        "year": "Year", "from": "From date", "to": "To date", "kind": "Item type", "anyKind": "All types", "outcome": "Outcome",
        "anyOutcome": "All outcomes", "results": "Results", "noResults": "No results.", "next": "Next page", "previous": "Previous page",
        "page": "Page", "download": "Download", "html": "HTML", "pdf": "PDF", "docx": "Word", "status": "Status",
        "cancelled": "Cancelled", "approved": "The minutes are approved", "notFound": "Page not found",
        "notFoundText": "This page does not exist. Go to the front page or search.", "badRequest": "Bad request",
        "home": "Home", "inBody": "in", "decided": "Decided", "outcomeLabel": "Outcome",
        "accessibilityTitle": "Accessibility statement", "meetingOf": "Meeting of", "votingRight": "Voting right",
        "yes": "Yes", "no": "No", "conflicts": "Conflicts of interest", "alternatives": "Alternative proposals", "namedVote": "Roll-call vote",
        "votesFor": "For", "against": "Against", "blank": "Abstained", "showing": "Showing", "of": "of", "parent": "Parent body",
        "subbodies": "Sub-bodies", "items": "Items", "withSubbodies": "Include sub-bodies", "changedOnly": "Changed decisions only", "others": "Also present",
    ])
}
