import DocketDocuments
import DocketStore
import Foundation

/// The store's refusals (``StoreError``) in the secretary's language. The store phrases them for the
/// command line, in English, with the flags to give (`--title "…"`); a form in bokmål or nynorsk
/// shows them in its own language and without the flags. Each refusal the store can give a form is
/// matched by its shape, its names and numbers kept; a refusal without a rule here (a new one in the
/// store) is shown in English after a sentence in the page's language, never dropped.
enum StoreRefusalText {
    static func message(_ error: StoreError, _ language: Language) -> String {
        guard language != .english else { return error.description }
        let nynorsk = language == .nynorsk
        func say(_ nb: String, _ nn: String) -> String { nynorsk ? nn : nb }
        switch error {
        case let .notFound(kind, name, suggestions):
            var text = say("Finner ingen \(noun(kind, nynorsk)) «\(name)»", "Finn ingen \(noun(kind, nynorsk)) «\(name)»")
            if !suggestions.isEmpty {
                text += say("; mente du ", "; meinte du ") + suggestions.map { "«\($0)»" }.joined(separator: say(" eller ", " eller "))
                text += "?"
            } else {
                text += "."
            }
            return text
        case let .ambiguous(kind, name, candidates):
            return say("«\(name)» passer på flere (\(noun(kind, nynorsk))): \(candidates.joined(separator: ", ")). Vær mer presis.",
                       "«\(name)» passar på fleire (\(noun(kind, nynorsk))): \(candidates.joined(separator: ", ")). Ver meir presis.")
        case let .newerDatabase(found, supported):
            return say("Databasen har skjemaversjon \(found), men denne docket kjenner versjoner til og med \(supported). Bruk en nyere docket.",
                       "Databasen har skjemaversjon \(found), men denne docket kjenner versjonar til og med \(supported). Bruk ein nyare docket.")
        case .alreadyExists, .invalid, .final:
            let english = error.description
            for rule in rules {
                if let captures = rule.match(english) { return rule.text(captures, nynorsk) }
            }
            return say("Lagringen ble avvist: ", "Lagringa vart avvist: ") + english
        }
    }

    /// The store's name of a kind of thing, as a Norwegian noun.
    static func noun(_ kind: String, _ nynorsk: Bool) -> String {
        switch kind {
        case "attachment": "vedlegg"
        case "body": nynorsk ? "utval" : "utvalg"
        case "item": "sak"
        case "meeting": "møte"
        case "membership": "medlemskap"
        case "organisation": "organisasjon"
        case "person": "person"
        case "user": nynorsk ? "brukar" : "bruker"
        default: kind
        }
    }

    /// A meeting's status as the store writes it in a refusal (`minutes approved`), in Norwegian.
    static func status(_ english: String, _ nynorsk: Bool) -> String {
        switch english {
        case "planned": "planlagt"
        case "summoned": nynorsk ? "kalla inn" : "innkalt"
        case "held": nynorsk ? "halde" : "holdt"
        case "minutes approved": nynorsk ? "med godkjend protokoll" : "med godkjent protokoll"
        case "cancelled": "avlyst"
        default: english
        }
    }

    /// An outcome as the store writes it (`adopted`), in Norwegian.
    static func outcome(_ english: String, _ nynorsk: Bool) -> String {
        switch english {
        case "adopted": nynorsk ? "vedteke" : "vedtatt"
        case "rejected": nynorsk ? "forkasta" : "forkastet"
        case "amended": nynorsk ? "vedteke med endringar" : "vedtatt med endringer"
        case "noted": nynorsk ? "teke til orientering" : "tatt til orientering"
        case "postponed": "utsatt"
        case "referred": nynorsk ? "sendt vidare" : "sendt videre"
        default: english
        }
    }

    /// "6 voting members were present (7, less 1 inhabil)" in Norwegian.
    static func present(_ english: String, _ nynorsk: Bool) -> String {
        guard let match = english.firstMatch(of: /^([0-9]+) voting members? (?:was|were) present(?: \(([0-9]+), less ([0-9]+) inhabil\))?$/) else {
            return english
        }
        var text = nynorsk ? "\(match.1) røysteføre medlemer var til stades" : "\(match.1) stemmeberettigede medlemmer var til stede"
        if let all = match.2, let less = match.3 {
            text += nynorsk ? " (\(all), utan \(less) ugilde)" : " (\(all), uten \(less) inhabile)"
        }
        return text
    }

    /// One shape of refusal: a pattern over the store's English text and its Norwegian wording.
    struct Rule: Sendable {
        let pattern: String
        let text: @Sendable (_ captures: [String], _ nynorsk: Bool) -> String

        func match(_ message: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators]),
                  let found = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { return nil }
            return (0..<found.numberOfRanges).map { index in
                Range(found.range(at: index), in: message).map { String(message[$0]) } ?? ""
            }
        }
    }

    static func rule(_ pattern: String, _ nb: @escaping @Sendable ([String]) -> String,
                     nn: @escaping @Sendable ([String]) -> String) -> Rule {
        Rule(pattern: pattern) { captures, nynorsk in nynorsk ? nn(captures) : nb(captures) }
    }

    /// The refusals a form can meet, in the order the store's files give them.
    static let rules: [Rule] = [
        // Bodies
        rule(#"'(.*)' is not a valid slug: .*; try '(.*)'"#,
             { "«\($0[1])» kan ikke være kortnavn: bruk små bokstaver a–å, sifre og enkle bindestreker, og begynn med en bokstav (for eksempel «\($0[2])»)." },
             nn: { "«\($0[1])» kan ikkje vere kortnamn: bruk små bokstavar a–å, siffer og enkle bindestrekar, og byrj med ein bokstav (til dømes «\($0[2])»)." }),
        rule(#"a body needs a name.*"#, { _ in "Et utvalg trenger et navn." }, nn: { _ in "Eit utval treng eit namn." }),
        rule(#"a body with the slug '(.*)' already exists"#,
             { "Det finnes allerede et utvalg med kortnavnet «\($0[1])»." }, nn: { "Det finst alt eit utval med kortnamnet «\($0[1])»." }),
        rule(#"'(.*)' reports to '(.*)'; a body cannot report to its own sub-body"#,
             { "«\($0[1])» rapporterer til «\($0[2])»; et utvalg kan ikke rapportere til sitt eget underutvalg." },
             nn: { "«\($0[1])» rapporterer til «\($0[2])»; eit utval kan ikkje rapportere til sitt eige underutval." }),
        rule(#"the alias '(.*)' \(it names '(.*)'\) already exists"#,
             { "Det andre navnet «\($0[1])» finnes allerede (det viser til «\($0[2])»)." },
             nn: { "Det andre namnet «\($0[1])» finst alt (det viser til «\($0[2])»)." }),
        rule(#"the list of standing items is empty.*"#,
             { _ in "Listen over faste saker er tom; skriv minst én linje Tittel|type|grunnlag." },
             nn: { _ in "Lista over faste saker er tom; skriv minst éi linje Tittel|type|grunnlag." }),
        // Attachments
        rule(#"an attachment belongs to an item or to a meeting: give one of them"#,
             { _ in "Et vedlegg hører til en sak eller et møte: velg ett av dem." }, nn: { _ in "Eit vedlegg høyrer til ei sak eller eit møte: vel eitt av dei." }),
        rule(#"an attachment needs a title.*"#, { _ in "Et vedlegg trenger en tittel." }, nn: { _ in "Eit vedlegg treng ein tittel." }),
        // Decisions and corrections
        rule(#"the meeting (\S+) was cancelled; nothing was decided there"#,
             { "Møtet \($0[1]) ble avlyst; der ble ingenting vedtatt." }, nn: { "Møtet \($0[1]) vart avlyst; der vart ingenting vedteke." }),
        rule(#"the minutes of (\S+) are approved; a change is a correction.*"#,
             { "Protokollen fra \($0[1]) er godkjent; en endring må føres som en rettelse." },
             nn: { "Protokollen frå \($0[1]) er godkjend; ei endring må førast som ei retting." }),
        rule(#"the corrected decision text is empty.*"#,
             { _ in "Den rettede vedtaksteksten er tom; skriv hele den rettede teksten." },
             nn: { _ in "Den retta vedtaksteksten er tom; skriv heile den retta teksten." }),
        rule(#"a correction needs a reason.*"#,
             { _ in "En rettelse trenger en begrunnelse: si hvorfor den godkjente protokollen rettes." },
             nn: { _ in "Ei retting treng ei grunngjeving: sei kvifor den godkjende protokollen vert retta." }),
        rule(#"(.+) has no decision to correct"#, { "\($0[1]) har ikke noe vedtak å rette." }, nn: { "\($0[1]) har ikkje noko vedtak å rette." }),
        // Minutes
        rule(#"the meeting (\S+) is (.+); only the minutes of a held meeting can be approved"#,
             { "Møtet \($0[1]) er \(status($0[2], false)); bare protokollen fra et holdt møte kan godkjennes." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)); berre protokollen frå eit halde møte kan godkjennast." }),
        rule(#"a meeting cannot approve its own minutes"#,
             { _ in "Et møte kan ikke godkjenne sin egen protokoll." }, nn: { _ in "Eit møte kan ikkje godkjenne sin eigen protokoll." }),
        rule(#"the minutes cannot be approved \((.*)\) before the meeting was held \((.*)\)"#,
             { "Protokollen kan ikke godkjennes (\($0[1])) før møtet ble holdt (\($0[2]))." },
             nn: { "Protokollen kan ikkje godkjennast (\($0[1])) før møtet vart halde (\($0[2]))." }),
        // Attendance
        rule(#"the meeting (\S+) was cancelled; nobody attended"#,
             { "Møtet \($0[1]) ble avlyst; ingen møtte." }, nn: { "Møtet \($0[1]) vart avlyst; ingen møtte." }),
        rule(#"the minutes of (\S+) are approved; attendance can no longer change"#,
             { "Protokollen fra \($0[1]) er godkjent; oppmøtet kan ikke lenger endres." },
             nn: { "Protokollen frå \($0[1]) er godkjend; oppmøtet kan ikkje lenger endrast." }),
        rule(#"(.+) is named twice; a person attends one way"#,
             { "\($0[1]) er nevnt to ganger; en person møter på én måte." }, nn: { "\($0[1]) er nemnd to gonger; ein person møter på éin måte." }),
        rule(#"say what (.+) came as: .*"#,
             { "Skriv hva \($0[1]) møtte som (for eksempel «revisor»)." }, nn: { "Skriv kva \($0[1]) møtte som (til dømes «revisor»)." }),
        rule(#"(.+) holds a seat in '(.*)'; record a member with --present, not as a guest"#,
             { "\($0[1]) har sete i «\($0[2])»; før et medlem som til stede, ikke som gjest." },
             nn: { "\($0[1]) har sete i «\($0[2])»; før eit medlem som til stades, ikkje som gjest." }),
        // Users
        rule(#"a user needs a name"#, { _ in "En bruker trenger et navn." }, nn: { _ in "Ein brukar treng eit namn." }),
        rule(#"a user needs a password"#, { _ in "En bruker trenger et passord." }, nn: { _ in "Ein brukar treng eit passord." }),
        rule(#"user '(.*)' \(names are the same regardless of case\) already exists"#,
             { "Brukeren «\($0[1])» finnes allerede (store og små bokstaver regnes likt)." },
             nn: { "Brukaren «\($0[1])» finst alt (store og små bokstavar vert rekna likt)." }),
        rule(#"'(.*)' is the last admin; add another admin before removing this one"#,
             { "«\($0[1])» er den siste administratoren; legg til en annen administrator før du fjerner denne." },
             nn: { "«\($0[1])» er den siste administratoren; legg til ein annan administrator før du fjernar denne." }),
        // Members
        rule(#"the seat would end \((.*)\) before it begins \((.*)\)"#,
             { "Setet ville slutte (\($0[1])) før det begynner (\($0[2]))." }, nn: { "Setet ville ta slutt (\($0[1])) før det byrjar (\($0[2]))." }),
        rule(#"(.+) already has a seat in '(.*)' as (\S+?)(?: .*)?; a person holds one seat in a body at a time\..*"#,
             { "\($0[1]) har allerede sete i «\($0[2])» som \($0[3]); en person har ett sete i et utvalg om gangen. Avslutt det setet først. Ingenting ble lagret." },
             nn: { "\($0[1]) har alt sete i «\($0[2])» som \($0[3]); ein person har eitt sete i eit utval om gongen. Avslutt det setet først. Ingenting vart lagra." }),
        rule(#"(.+) has no current seat(?: as (\S+))? in '(.*)'"#,
             { "\($0[1]) har ikke noe sete\($0[2].isEmpty ? "" : " som \($0[2])") i «\($0[3])» nå." },
             nn: { "\($0[1]) har ikkje noko sete\($0[2].isEmpty ? "" : " som \($0[2])") i «\($0[3])» no." }),
        rule(#"(.+)'s seat in '(.*)' begins (\S+); it cannot end before that \((.*)\)\..*"#,
             { "Setet til \($0[1]) i «\($0[2])» begynner \($0[3]); det kan ikke slutte før det (\($0[4])). Velg en senere dato." },
             nn: { "Setet til \($0[1]) i «\($0[2])» byrjar \($0[3]); det kan ikkje ta slutt før det (\($0[4])). Vel ein seinare dato." }),
        rule(#"a person needs a name"#, { _ in "En person trenger et navn." }, nn: { _ in "Ein person treng eit namn." }),
        // Items and the agenda
        rule(#"an item needs a title.*"#, { _ in "En sak trenger en tittel." }, nn: { _ in "Ei sak treng ein tittel." }),
        rule(#"an exempt item needs its legal basis.*"#,
             { _ in "En unntatt sak trenger hjemmel for unntaket (for eksempel «offl. § 13»)." },
             nn: { _ in "Ei unnateken sak treng heimel for unntaket (til dømes «offl. § 13»)." }),
        rule(#"the meeting (\S+) is (.+); its agenda can no longer change"#,
             { "Møtet \($0[1]) er \(status($0[2], false)); sakslisten kan ikke lenger endres." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)); sakslista kan ikkje lenger endrast." }),
        rule(#"an item's section is changed by moving it.*"#,
             { _ in "En sak bytter del av sakslisten ved å flyttes." }, nn: { _ in "Ei sak byter del av sakslista ved å flyttast." }),
        rule(#"position (\S+) is off the agenda; give 1 to (\S+)"#,
             { "Plass \($0[1]) er utenfor sakslisten; velg 1 til \($0[2])." }, nn: { "Plass \($0[1]) er utanfor sakslista; vel 1 til \($0[2])." }),
        rule(#"position (\S+) would put a standing item after the items for consideration"#,
             { "Plass \($0[1]) ville sette en fast sak etter sakene til behandling." },
             nn: { "Plass \($0[1]) ville setje ei fast sak etter sakene til handsaming." }),
        rule(#"(.+) was postponed or referred; delete the later item first"#,
             { "\($0[1]) er utsatt eller sendt videre; slett den senere saken først." },
             nn: { "\($0[1]) er utsett eller sendt vidare; slett den seinare saka først." }),
        rule(#"an item is postponed within its body; to send it to '(.*)', use: .*"#,
             { "En sak utsettes innenfor sitt eget utvalg; for å sende den til «\($0[1])», send den videre." },
             nn: { "Ei sak vert utsett innanfor sitt eige utval; for å sende ho til «\($0[1])», send ho vidare." }),
        rule(#"(\S+) is not after the item's meeting \((.*)\); postpone to a later meeting"#,
             { "\($0[1]) er ikke etter sakens møte (\($0[2])); utsett til et senere møte." },
             nn: { "\($0[1]) er ikkje etter møtet til saka (\($0[2])); utset til eit seinare møte." }),
        rule(#"(\S+) is a meeting of the same body; use: .*"#,
             { "\($0[1]) er et møte i samme utvalg; utsett saken i stedet." }, nn: { "\($0[1]) er eit møte i same utval; utset saka i staden." }),
        rule(#"(\S+) is before the item's meeting \((.*)\); refer to a later meeting"#,
             { "\($0[1]) er før sakens møte (\($0[2])); send den til et senere møte." },
             nn: { "\($0[1]) er før møtet til saka (\($0[2])); send ho til eit seinare møte." }),
        rule(#"the item (.+) \(at (.*), not (.*)\) already exists"#,
             { "Saken \($0[1]) finnes allerede (i \($0[2]), ikke \($0[3]))." }, nn: { "Saka \($0[1]) finst alt (i \($0[2]), ikkje \($0[3]))." }),
        // Conflicts of interest, proposals, votes
        rule(#"the minutes of (\S+) are approved; a conflict of interest can no longer be recorded"#,
             { "Protokollen fra \($0[1]) er godkjent; inhabilitet kan ikke lenger føres." },
             nn: { "Protokollen frå \($0[1]) er godkjend; ugildskap kan ikkje lenger førast." }),
        rule(#"the meeting (\S+) was cancelled; nobody was there to be disqualified"#,
             { "Møtet \($0[1]) ble avlyst; ingen var der til å bli inhabil." }, nn: { "Møtet \($0[1]) vart avlyst; ingen var der til å bli ugild." }),
        rule(#"(.+) has a vote recorded on (.+); an inhabil member does not vote\..*"#,
             { "\($0[1]) har en stemme ført på \($0[2]); et inhabilt medlem stemmer ikke. Før voteringen på nytt uten \($0[1]) først." },
             nn: { "\($0[1]) har ei røyst ført på \($0[2]); eit ugild medlem røystar ikkje. Før røystinga på nytt utan \($0[1]) først." }),
        rule(#"the proposal's text is empty.*"#, { _ in "Forslagsteksten er tom." }, nn: { _ in "Forslagsteksten er tom." }),
        rule(#"the meeting (\S+) is (.+); no proposal can be added"#,
             { "Møtet \($0[1]) er \(status($0[2], false)); ingen forslag kan legges til." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)); ingen forslag kan leggjast til." }),
        rule(#"(.+) has no proposal (\S+); add one with docket proposal add"#,
             { "\($0[1]) har ikke noe forslag \($0[2]); legg til et forslag først." }, nn: { "\($0[1]) har ikkje noko forslag \($0[2]); legg til eit forslag først." }),
        rule(#"(.+) has no proposal (\S+); it has (\S+), numbered 1 to \S+"#,
             { "\($0[1]) har ikke noe forslag \($0[2]); den har \($0[3]), nummerert 1 til \($0[3])." },
             nn: { "\($0[1]) har ikkje noko forslag \($0[2]); ho har \($0[3]), nummererte 1 til \($0[3])." }),
        rule(#"the meeting (\S+) is (.+); its votes can no longer change"#,
             { "Møtet \($0[1]) er \(status($0[2], false)); voteringene kan ikke lenger endres." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)); røystingane kan ikkje lenger endrast." }),
        rule(#"a proposal is adopted or rejected, not (\S+)"#,
             { "Et forslag blir vedtatt eller forkastet, ikke \(outcome($0[1], false))." }, nn: { "Eit forslag vert vedteke eller forkasta, ikkje \(outcome($0[1], true))." }),
        rule(#"the vote is tied; .*"#,
             { _ in "Stemmetallene er like; si hvilken vei møtelederens dobbeltstemme avgjorde (vedtatt eller forkastet)." },
             nn: { _ in "Røystetala er like; sei kva veg dobbeltrøysta til møteleiaren avgjorde (vedteke eller forkasta)." }),
        rule(#"give the vote on the proposal: .*"#,
             { _ in "Før voteringen over forslaget: stemmer for og mot (navn eller antall), eller enstemmig." },
             nn: { _ in "Før røystinga over forslaget: røyster for og mot (namn eller tal), eller samrøystes." }),
        rule(#"(.+) is named twice in the vote; a member votes once"#,
             { "\($0[1]) er nevnt to ganger i voteringen; et medlem stemmer én gang." }, nn: { "\($0[1]) er nemnd to gonger i røystinga; eit medlem røystar éin gong." }),
        rule(#"(.+) declared a conflict of interest \(inhabil\) on (.+) and cannot vote; (.+)"#,
             { "\($0[1]) er inhabil i \($0[2]) og kan ikke stemme; \(present($0[3], false))." },
             nn: { "\($0[1]) er ugild i \($0[2]) og kan ikkje røyste; \(present($0[3], true))." }),
        rule(#"(.+) is not a voting member present at the meeting; ([^:]+)(?:: (.*))?"#,
             { "\($0[1]) er ikke et stemmeberettiget medlem til stede i møtet; \(present($0[2], false))\($0[3].isEmpty ? "" : ": " + $0[3])." },
             nn: { "\($0[1]) er ikkje eit røysteført medlem til stades i møtet; \(present($0[2], true))\($0[3].isEmpty ? "" : ": " + $0[3])." }),
        rule(#"the vote counts (\S+) votes, but (.+); record the attendance first if it is wrong"#,
             { "Voteringen teller \($0[1]) stemmer, men \(present($0[2], false)); før oppmøtet først om det er feil." },
             nn: { "Røystinga tel \($0[1]) røyster, men \(present($0[2], true)); før oppmøtet først om det er feil." }),
        rule(#"a unanimous vote adopts; the outcome cannot be (\S+)"#,
             { "Et enstemmig vedtak er vedtatt; utfallet kan ikke være «\(outcome($0[1], false))»." },
             nn: { "Eit samrøystes vedtak er vedteke; utfallet kan ikkje vere «\(outcome($0[1], true))»." }),
        rule(#"(\S+) for and (\S+) against (adopts|rejects); the outcome cannot be (\S+)"#,
             { "\($0[1]) for og \($0[2]) mot \($0[3] == "adopts" ? "vedtar" : "forkaster"); utfallet kan ikke være «\(outcome($0[4], false))»." },
             nn: { "\($0[1]) for og \($0[2]) mot \($0[3] == "adopts" ? "vedtek" : "forkastar"); utfallet kan ikkje vere «\(outcome($0[4], true))»." }),
        // Meetings
        rule(#"the meeting (?:would end|ends) \((.*)\) before it starts \((.*)\)"#,
             { "Møtet slutter (\($0[1])) før det begynner (\($0[2]))." }, nn: { "Møtet sluttar (\($0[1])) før det byrjar (\($0[2]))." }),
        rule(#"a meeting of '(.*)' on (\S+) already exists"#,
             { "Det finnes allerede et møte i «\($0[1])» \($0[2])." }, nn: { "Det finst alt eit møte i «\($0[1])» \($0[2])." }),
        rule(#"the meeting (\S+) is (.+); it can no longer change"#,
             { "Møtet \($0[1]) er \(status($0[2], false)); det kan ikke lenger endres." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)); det kan ikkje lenger endrast." }),
        rule(#"the meeting (\S+) is (.+) and cannot become (.+)"#,
             { "Møtet \($0[1]) er \(status($0[2], false)) og kan ikke bli \(status($0[3], false))." },
             nn: { "Møtet \($0[1]) er \(status($0[2], true)) og kan ikkje bli \(status($0[3], true))." }),
    ]
}
