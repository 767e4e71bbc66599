import DocketDocuments
import DocketModel
import DocketStore
import Foundation

/// The store's refusals (``StoreError``) in the secretary's language. The store gives a refusal's
/// facts as values (``Refusal``) and words it for the command line, in English with the flags to
/// give (`--title "…"`); a form in bokmål or nynorsk says the same facts in its own language,
/// without the flags. The `switch` below covers every refusal, so a new one cannot reach a form
/// unworded.
enum StoreRefusalText {
    static func message(_ error: StoreError, _ language: Language) -> String {
        guard language != .english else { return error.description }
        let nynorsk = language == .nynorsk
        func say(_ nb: String, _ nn: String) -> String { nynorsk ? nn : nb }
        switch error {
        case let .notFound(kind, name, suggestions):
            var text = say("Finner ingen \(noun(kind, nynorsk)) «\(name)»", "Finn ingen \(noun(kind, nynorsk)) «\(name)»")
            if !suggestions.isEmpty {
                text += say("; mente du ", "; meinte du ") + suggestions.map { "«\($0)»" }.joined(separator: " eller ")
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
        case let .refused(refusal):
            return text(refusal, language)
        case let .invalid(message):
            return say("Lagringen ble avvist: ", "Lagringa vart avvist: ") + message
        }
    }

    /// One refusal in bokmål or nynorsk, its names, numbers and dates kept.
    static func text(_ refusal: Refusal, _ language: Language) -> String {
        let nynorsk = language == .nynorsk
        func say(_ nb: String, _ nn: String) -> String { nynorsk ? nn : nb }
        func status(_ value: MeetingStatus) -> String { Self.status(value, nynorsk) }
        func outcome(_ value: Outcome) -> String { Self.outcome(value, nynorsk) }
        func present(_ value: Presence) -> String { Self.present(value, nynorsk) }
        switch refusal {
        // Bodies
        case let .invalidSlug(given, suggestion):
            return say("«\(given)» kan ikke være kortnavn: bruk små bokstaver a–å, sifre og enkle bindestreker, og begynn med en bokstav (for eksempel «\(suggestion)»).",
                       "«\(given)» kan ikkje vere kortnamn: bruk små bokstavar a–å, siffer og enkle bindestrekar, og byrj med ein bokstav (til dømes «\(suggestion)»).")
        case .bodyNeedsName:
            return say("Et utvalg trenger et navn.", "Eit utval treng eit namn.")
        case let .bodyExists(slug):
            return say("Det finnes allerede et utvalg med kortnavnet «\(slug)».", "Det finst alt eit utval med kortnamnet «\(slug)».")
        case let .reportsToOwnSubBody(parent, body):
            return say("«\(parent)» rapporterer til «\(body)»; et utvalg kan ikke rapportere til sitt eget underutvalg.",
                       "«\(parent)» rapporterer til «\(body)»; eit utval kan ikkje rapportere til sitt eige underutval.")
        case let .aliasExists(alias, owner):
            return say("Det andre navnet «\(alias)» finnes allerede (det viser til «\(owner)»).",
                       "Det andre namnet «\(alias)» finst alt (det viser til «\(owner)»).")
        case .noStandingItems:
            return say("Listen over faste saker er tom; skriv minst én linje Tittel|type|grunnlag.",
                       "Lista over faste saker er tom; skriv minst éi linje Tittel|type|grunnlag.")
        // Attachments
        case .attachmentNeedsOwner:
            return say("Et vedlegg hører til en sak eller et møte: velg ett av dem.", "Eit vedlegg høyrer til ei sak eller eit møte: vel eitt av dei.")
        case .attachmentNeedsTitle:
            return say("Et vedlegg trenger en tittel.", "Eit vedlegg treng ein tittel.")
        // Decisions and corrections
        case let .decisionAtCancelledMeeting(meeting):
            return say("Møtet \(meeting) ble avlyst; der ble ingenting vedtatt.", "Møtet \(meeting) vart avlyst; der vart ingenting vedteke.")
        case let .decisionInApprovedMinutes(meeting):
            return say("Protokollen fra \(meeting) er godkjent; en endring må føres som en rettelse.",
                       "Protokollen frå \(meeting) er godkjend; ei endring må førast som ei retting.")
        case .emptyCorrection:
            return say("Den rettede vedtaksteksten er tom; skriv hele den rettede teksten.", "Den retta vedtaksteksten er tom; skriv heile den retta teksten.")
        case .correctionNeedsReason:
            return say("En rettelse trenger en begrunnelse: si hvorfor den godkjente protokollen rettes.",
                       "Ei retting treng ei grunngjeving: sei kvifor den godkjende protokollen vert retta.")
        case let .noDecisionToCorrect(item):
            return say("\(item) har ikke noe vedtak å rette.", "\(item) har ikkje noko vedtak å rette.")
        // Minutes
        case let .approvalOfUnheldMeeting(meeting, value):
            return say("Møtet \(meeting) er \(status(value)); bare protokollen fra et holdt møte kan godkjennes.",
                       "Møtet \(meeting) er \(status(value)); berre protokollen frå eit halde møte kan godkjennast.")
        case .meetingApprovesOwnMinutes:
            return say("Et møte kan ikke godkjenne sin egen protokoll.", "Eit møte kan ikkje godkjenne sin eigen protokoll.")
        case let .approvalBeforeMeeting(approvedOn, meetingDate):
            return say("Protokollen kan ikke godkjennes (\(approvedOn)) før møtet ble holdt (\(meetingDate)).",
                       "Protokollen kan ikkje godkjennast (\(approvedOn)) før møtet vart halde (\(meetingDate)).")
        // Attendance
        case let .attendanceAtCancelledMeeting(meeting):
            return say("Møtet \(meeting) ble avlyst; ingen møtte.", "Møtet \(meeting) vart avlyst; ingen møtte.")
        case let .attendanceInApprovedMinutes(meeting):
            return say("Protokollen fra \(meeting) er godkjent; oppmøtet kan ikke lenger endres.",
                       "Protokollen frå \(meeting) er godkjend; oppmøtet kan ikkje lenger endrast.")
        case let .attendeeNamedTwice(person):
            return say("\(person) er nevnt to ganger; en person møter på én måte.", "\(person) er nemnd to gonger; ein person møter på éin måte.")
        case let .guestNeedsRole(person):
            return say("Skriv hva \(person) møtte som (for eksempel «revisor»).", "Skriv kva \(person) møtte som (til dømes «revisor»).")
        case let .memberAsGuest(person, body):
            return say("\(person) har sete i «\(body)»; før et medlem som til stede, ikke som gjest.",
                       "\(person) har sete i «\(body)»; før eit medlem som til stades, ikkje som gjest.")
        // Users
        case .userNeedsName:
            return say("En bruker trenger et navn.", "Ein brukar treng eit namn.")
        case .userNeedsPassword:
            return say("En bruker trenger et passord.", "Ein brukar treng eit passord.")
        case let .userExists(name):
            return say("Brukeren «\(name)» finnes allerede (store og små bokstaver regnes likt).",
                       "Brukaren «\(name)» finst alt (store og små bokstavar vert rekna likt).")
        case let .lastAdmin(name):
            return say("«\(name)» er den siste administratoren; legg til en annen administrator før du fjerner denne.",
                       "«\(name)» er den siste administratoren; legg til ein annan administrator før du fjernar denne.")
        // Members
        case let .seatEndsBeforeItBegins(from, to):
            return say("Setet ville slutte (\(to)) før det begynner (\(from)).", "Setet ville ta slutt (\(to)) før det byrjar (\(from)).")
        case let .secondSeat(person, body, role, from, to):
            let role = language.phrases.role(role) + (from.map { say(" fra ", " frå ") + "\($0)" } ?? "") + (to.map { " til \($0)" } ?? "")
            return say("\(person) har allerede sete i «\(body)» som \(role); en person har ett sete i et utvalg om gangen. Avslutt det setet først. Ingenting ble lagret.",
                       "\(person) har alt sete i «\(body)» som \(role); ein person har eitt sete i eit utval om gongen. Avslutt det setet først. Ingenting vart lagra.")
        case let .noCurrentSeat(person, role, body):
            let role = role.map { " som " + language.phrases.role($0) } ?? ""
            return say("\(person) har ikke noe sete\(role) i «\(body)» nå.", "\(person) har ikkje noko sete\(role) i «\(body)» no.")
        case let .seatBeginsLater(person, body, begins, end):
            return say("Setet til \(person) i «\(body)» begynner \(begins); det kan ikke slutte før det (\(end)). Velg en senere dato.",
                       "Setet til \(person) i «\(body)» byrjar \(begins); det kan ikkje ta slutt før det (\(end)). Vel ein seinare dato.")
        case .personNeedsName:
            return say("En person trenger et navn.", "Ein person treng eit namn.")
        // Items and the agenda
        case .itemNeedsTitle:
            return say("En sak trenger en tittel.", "Ei sak treng ein tittel.")
        case .exemptItemNeedsBasis:
            return say("En unntatt sak trenger hjemmel for unntaket (for eksempel «offl. § 13»).",
                       "Ei unnateken sak treng heimel for unntaket (til dømes «offl. § 13»).")
        case let .agendaClosed(meeting, value):
            return say("Møtet \(meeting) er \(status(value)); sakslisten kan ikke lenger endres.",
                       "Møtet \(meeting) er \(status(value)); sakslista kan ikkje lenger endrast.")
        case .sectionChangedByMoving:
            return say("En sak bytter del av sakslisten ved å flyttes.", "Ei sak byter del av sakslista ved å flyttast.")
        case let .positionOffAgenda(position, count):
            return say("Plass \(position) er utenfor sakslisten; velg 1 til \(count).", "Plass \(position) er utanfor sakslista; vel 1 til \(count).")
        case let .standingItemAfterConsideration(position):
            return say("Plass \(position) ville sette en fast sak etter sakene til behandling.",
                       "Plass \(position) ville setje ei fast sak etter sakene til handsaming.")
        case let .itemHasLaterHandling(item):
            return say("\(item) er utsatt eller sendt videre; slett den senere saken først.",
                       "\(item) er utsett eller sendt vidare; slett den seinare saka først.")
        case let .postponeToOtherBody(_, _, body):
            return say("En sak utsettes innenfor sitt eget utvalg; for å sende den til «\(body)», send den videre.",
                       "Ei sak vert utsett innanfor sitt eige utval; for å sende ho til «\(body)», send ho vidare.")
        case let .postponeNotLater(meeting, itemDate):
            return say("\(meeting) er ikke etter sakens møte (\(itemDate)); utsett til et senere møte.",
                       "\(meeting) er ikkje etter møtet til saka (\(itemDate)); utset til eit seinare møte.")
        case let .referWithinBody(_, meeting):
            return say("\(meeting) er et møte i samme utvalg; utsett saken i stedet.", "\(meeting) er eit møte i same utval; utset saka i staden.")
        case let .referToEarlier(meeting, itemDate):
            return say("\(meeting) er før sakens møte (\(itemDate)); send den til et senere møte.",
                       "\(meeting) er før møtet til saka (\(itemDate)); send ho til eit seinare møte.")
        case let .numberTaken(number, foundAt, importedAt):
            return say("Saken \(number) finnes allerede (i \(foundAt), ikke \(importedAt)).", "Saka \(number) finst alt (i \(foundAt), ikkje \(importedAt)).")
        // Conflicts of interest, proposals, votes
        case let .conflictInApprovedMinutes(meeting):
            return say("Protokollen fra \(meeting) er godkjent; inhabilitet kan ikke lenger føres.",
                       "Protokollen frå \(meeting) er godkjend; ugildskap kan ikkje lenger førast.")
        case let .conflictAtCancelledMeeting(meeting):
            return say("Møtet \(meeting) ble avlyst; ingen var der til å bli inhabil.", "Møtet \(meeting) vart avlyst; ingen var der til å bli ugild.")
        case let .inhabilHasVoted(person, item):
            return say("\(person) har en stemme ført på \(item); et inhabilt medlem stemmer ikke. Før voteringen på nytt uten \(person) først.",
                       "\(person) har ei røyst ført på \(item); eit ugild medlem røystar ikkje. Før røystinga på nytt utan \(person) først.")
        case .emptyProposal:
            return "Forslagsteksten er tom."
        case let .proposalClosed(meeting, value):
            return say("Møtet \(meeting) er \(status(value)); ingen forslag kan legges til.",
                       "Møtet \(meeting) er \(status(value)); ingen forslag kan leggjast til.")
        case let .noSuchProposal(item, number, count) where count == 0:
            return say("\(item) har ikke noe forslag \(number); legg til et forslag først.", "\(item) har ikkje noko forslag \(number); legg til eit forslag først.")
        case let .noSuchProposal(item, number, count):
            return say("\(item) har ikke noe forslag \(number); den har \(count), nummerert 1 til \(count).",
                       "\(item) har ikkje noko forslag \(number); ho har \(count), nummererte 1 til \(count).")
        case let .votesClosed(meeting, value):
            return say("Møtet \(meeting) er \(status(value)); voteringene kan ikke lenger endres.",
                       "Møtet \(meeting) er \(status(value)); røystingane kan ikkje lenger endrast.")
        case let .proposalOutcome(value):
            return say("Et forslag blir vedtatt eller forkastet, ikke \(outcome(value)).", "Eit forslag vert vedteke eller forkasta, ikkje \(outcome(value)).")
        case .tiedVote:
            return say("Stemmetallene er like; si hvilken vei møtelederens dobbeltstemme avgjorde (vedtatt eller forkastet).",
                       "Røystetala er like; sei kva veg dobbeltrøysta til møteleiaren avgjorde (vedteke eller forkasta).")
        case .voteMissing:
            return say("Før voteringen over forslaget: stemmer for og mot (navn eller antall), eller enstemmig.",
                       "Før røystinga over forslaget: røyster for og mot (namn eller tal), eller samrøystes.")
        case let .voterNamedTwice(person):
            return say("\(person) er nevnt to ganger i voteringen; et medlem stemmer én gang.", "\(person) er nemnd to gonger i røystinga; eit medlem røystar éin gong.")
        case let .inhabilVoter(person, item, presence):
            return say("\(person) er inhabil i \(item) og kan ikke stemme; \(present(presence)).",
                       "\(person) er ugild i \(item) og kan ikkje røyste; \(present(presence)).")
        case let .voterNotPresent(person, presence, eligible):
            let names = eligible.isEmpty ? "" : ": " + eligible.joined(separator: ", ")
            return say("\(person) er ikke et stemmeberettiget medlem til stede i møtet; \(present(presence))\(names).",
                       "\(person) er ikkje eit røysteført medlem til stades i møtet; \(present(presence))\(names).")
        case let .tooManyVotes(total, presence):
            return say("Voteringen teller \(total) stemmer, men \(present(presence)); før oppmøtet først om det er feil.",
                       "Røystinga tel \(total) røyster, men \(present(presence)); før oppmøtet først om det er feil.")
        case let .unanimousOutcome(value):
            return say("Et enstemmig vedtak er vedtatt; utfallet kan ikke være «\(outcome(value))».",
                       "Eit samrøystes vedtak er vedteke; utfallet kan ikkje vere «\(outcome(value))».")
        case let .countContradictsOutcome(votesFor, against, value):
            let adopts = votesFor > against
            return say("\(votesFor) for og \(against) mot \(adopts ? "vedtar" : "forkaster"); utfallet kan ikke være «\(outcome(value))».",
                       "\(votesFor) for og \(against) mot \(adopts ? "vedtek" : "forkastar"); utfallet kan ikkje vere «\(outcome(value))».")
        // Meetings
        case let .meetingEndsBeforeItStarts(start, end), let .editedMeetingEndsBeforeItStarts(start, end):
            return say("Møtet slutter (\(end)) før det begynner (\(start)).", "Møtet sluttar (\(end)) før det byrjar (\(start)).")
        case let .meetingExists(body, date):
            return say("Det finnes allerede et møte i «\(body)» \(date).", "Det finst alt eit møte i «\(body)» \(date).")
        case let .meetingClosed(meeting, value):
            return say("Møtet \(meeting) er \(status(value)); det kan ikke lenger endres.", "Møtet \(meeting) er \(status(value)); det kan ikkje lenger endrast.")
        case let .statusChange(meeting, from, to):
            return say("Møtet \(meeting) er \(status(from)) og kan ikke bli \(status(to)).", "Møtet \(meeting) er \(status(from)) og kan ikkje bli \(status(to)).")
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

    /// A reference the form's text could not be read as, in the page's language, with what a right
    /// one looks like (the command line's English otherwise).
    static func message(_ error: ReferenceError, _ language: Language) -> String {
        guard language != .english else { return error.description }
        let nynorsk = language == .nynorsk
        switch error {
        case let .notAnItem(text):
            return nynorsk
                ? "«\(text)» er ikkje ei sak: skriv utvalet si kortform og saksnummeret, til dømes «styringsgruppen 8/19»."
                : "«\(text)» er ikke en sak: skriv utvalgets kortform og saksnummeret, for eksempel «styringsgruppen 8/19»."
        case let .notAnItemNumber(text):
            return nynorsk
                ? "«\(text)» er ikkje eit saksnummer: skriv det som «8/19» eller «PS 8/19»."
                : "«\(text)» er ikke et saksnummer: skriv det som «8/19» eller «PS 8/19»."
        case let .notAMeeting(text):
            return nynorsk
                ? "«\(text)» er ikkje eit møte: skriv utvalet si kortform og datoen, til dømes «styringsgruppen@2019-02-13»."
                : "«\(text)» er ikke et møte: skriv utvalgets kortform og datoen, for eksempel «styringsgruppen@2019-02-13»."
        }
    }

    /// A meeting's status in a refusal, in Norwegian, as it follows "Møtet … er" ("med godkjent
    /// protokoll"); the pages' status names (``SecretariatViews``) are labels ("protokoll godkjent").
    static func status(_ value: MeetingStatus, _ nynorsk: Bool) -> String {
        switch value {
        case .planned: "planlagt"
        case .summoned: nynorsk ? "kalla inn" : "innkalt"
        case .held: nynorsk ? "halde" : "holdt"
        case .minutesApproved: nynorsk ? "med godkjend protokoll" : "med godkjent protokoll"
        case .cancelled: "avlyst"
        }
    }

    /// An outcome in a refusal, by the names the secretariat's pages give outcomes.
    static func outcome(_ value: Outcome, _ nynorsk: Bool) -> String {
        SecretariatViews.name(value, in: nynorsk ? .nynorsk : .norwegian)
    }

    /// "6 stemmeberettigede medlemmer var til stede (7, uten 1 inhabile)".
    static func present(_ value: Presence, _ nynorsk: Bool) -> String {
        let one = value.eligible == 1
        var text = nynorsk
            ? "\(value.eligible) \(one ? "røysteført medlem" : "røysteføre medlemer") var til stades"
            : "\(value.eligible) \(one ? "stemmeberettiget medlem" : "stemmeberettigede medlemmer") var til stede"
        if value.inhabil > 0 {
            text += nynorsk ? " (\(value.present), utan \(value.inhabil) ugilde)" : " (\(value.present), uten \(value.inhabil) inhabile)"
        }
        return text
    }
}
