import DocketDocuments
import DocketModel

/// The corpus meeting: Digi Rogalands styringsgruppe, 13 February 2019, built from the facts of the
/// real summons (shared/corpus/seeds/004_…). Case texts and proposals are copied as the document has them.
///
/// Where the document contradicts itself, the agenda table wins for titles and the case papers for
/// numbers: the table prints "8/18"…"11/18" for items its case papers number 8/19…11/19, and leaves
/// 6/19's basis and kind empty (its case paper says Orientering).
enum CorpusMeeting {
    static func papers() -> MeetingPapers {
        MeetingPapers(
            body: BodyHeading(name: "Digi Rogalands styringsgruppe", shortName: "styringsgruppen"),
            meeting: MeetingDetails(
                date: CalendarDate(year: 2019, month: 2, day: 13)!,
                start: TimeOfDay(hour: 13, minute: 0), end: TimeOfDay(hour: 15, minute: 0),
                place: "Quality Hotel Residence / Rådhuset i Sandnes"),
            summons: SummonsDetails(
                addressees: ["styringsgruppens medlemmer og observatører"],
                issuePlace: "Stavanger", issueDate: CalendarDate(year: 2019, month: 2, day: 7)!,
                signer: Signer(name: "Per Kristian Vareide", title: "Leder i styringsgruppen\nDigi Rogaland")),
            items: items,
            attachments: [
                Attachment(title: "Referat fra styringsgruppemøte 12.12.18", itemNumber: ItemNumber("2/19")),
                Attachment(title: "Sak 08/19 – Budsjettprinsipper 2020", itemNumber: ItemNumber("8/19"),
                           heading: "Sak 08/19 – Budsjettprinsipper for 2020", text: budgetPrinciples),
                Attachment(title: "Sak 10/19 – svarutkast KS debatthefte", itemNumber: ItemNumber("10/19"),
                           heading: "Utkast til svar fra Digi Rogaland til KS", text: answerToKS),
            ]
        )
    }

    static let items: [PaperItem] = [
        PaperItem(
            number: ItemNumber("1/19")!, title: "Godkjenning av dagsorden", section: .standing, kind: .decision,
            documentBasis: "Dagsorden",
            caseText: #"""
Dagsorden foreligger i innkallingen. Merknader til dagsorden må meldes til sekretariatet i forkant av møtet.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland godkjenner dagsorden med de merknader som fremkommer i møtet.
"""#),
        PaperItem(
            number: ItemNumber("2/19")!, title: "Godkjenning av referat fra styringsgruppemøte", section: .standing, kind: .decision,
            documentBasis: "Referat",
            caseText: #"""
Referat fra styringsgruppemøte 12.12.18 ble distribuert sammen med innkalling og sakspapirer, og foreligger til styringsgruppens godkjenning. Merknader til referatet kan meldes til sekretariatet i forkant av møtet, eller i møtet.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland godkjenner referatet med de merknader som fremkommer i møtet.
"""#),
        PaperItem(
            number: ItemNumber("3/19")!, title: "Informasjon om arbeidet i ressursgruppen og sekretariatet", section: .standing, kind: .information,
            documentBasis: "Notat",
            caseText: #"""
Sekretariatet og ressursgruppen har siden sist møte jobbet med følgende saker:

- Gjennomført en vellykket markering under det årlige kontaktmøtet mellom kommunene, KS og Fylkesmannen den 13.12.2018 der ordførerne signerte på samarbeidsavtalen
- Tilrettelagt utvidelse av Digi Rogaland fra 8 til 23 medlemskommuner og 3 observatører

- Lansert nettside, www.digirogaland.no
- Rekrutteringsprosess til ressurspool er i avsluttende intervjufase
- Gjennomført fagsystemkartlegging innen helse og omsorgssektoren, samt på FIKS-plattformen
- Ressursgruppen hadde heldagsmøte 31.1.19, første samling etter utvidelsen av Digi Rogaland. Vi har nå ressursgruppemedlemmer fra samtlige kommuner, men mangler fortsatt tilbakemelding fra Kvitsøy og Sokndal kommune.
- Møteplan for ressursgruppen er fastsatt for 2019
 - Neste møte torsdag 7 mars

Sekretariatet svarer på spørsmål i møtet, men oppfordrer til at spørsmål sendes til sekretariatet i forkant av møtet.
"""#,
            proposal: #"""
Styringsgruppen tar informasjonen fra ressursgruppen og sekretariatet til orientering.
"""#),
        PaperItem(
            number: ItemNumber("4/19")!, title: "Status fra Kommit-rådet og Digitaliseringsutvalgets møter", section: .standing, kind: .information,
            documentBasis: "Notat",
            caseText: #"""
KomMIT rådet hadde møte 11 januar 2019, agenda og sakspapirer fra møtet finnes her: <http://opengov.cloudapp.net/Meetings/KS/Meetings/Details/955412>

I skrivende stund foreligger det ikke protokoll fra møtet, denne ettersendes til styringsgruppen når den foreligger.

Følgende oppsummering kan gi et bilde av drøftinger og konklusjoner fra møtet:

Kristin Barvik sitter i KomMIT rådet og Inger Bjørkum Leigvold sitter i Digitaliseringsutvalget, de er invitert til å være til stede i møtet for å kunne svare på spørsmål og gi kommentarer.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland tar saken til orientering.
"""#),
        PaperItem(
            number: ItemNumber("5/19")!, title: "Status fra tiltak", section: .standing, kind: .information,
            documentBasis: "Notat",
            caseText: #"""
Digitaliseringsstrategi: Det er avholdt nytt arbeidsmøte og på bakgrunn av arbeidet er høringsrunde 2 gjennomført. 8 kommuner har gitt innspill i høringsrunde 2, og sekretariatet jobber med systematisering av innspillene. Tiltaket rapporterer om god fremdrift og konstruktive arbeidsmøter så langt. Neste planlagte aktivitet er at versjon 3 av digitaliseringsstrategien presenteres på strategikonferansen i Rogaland.

DigiSos: Flere kommuner melder tilbake at de har implementert Digisos i egen organisasjon. Prosjektleder fra Stavanger kommune, Synnøve Tunge Baylis, og sekretariatet har gjennomført et prosjektmøte hvor målsetningene for 2019 er satt. Tiltaket skal kartlegge nåsituasjonen og tilgjengelig informasjon, og jobbe for at det utvikles en relevant verktøykasse for Digi Rogaland.

DigiHelse: Sekretariatet har gjennomført en fagsystemkartlegging og har nå en oversikt over hvilke kommuner som benytter hvilket fagsystem. Prosjektleder fra Sandnes kommune, Evy Fadnes Bue, og sekretariatet skal jobbe videre for å planlegge målsetninger og koordinering av tiltaket i 2019. Tiltaket skal kartlegge nåsituasjonen og tilgjengelig informasjon, og jobbe for at verktøykasse tilpasses for Digi Rogaland.

MinSide (KS): Det er etablert en arbeidsgruppe med KS, Samordnet regional digitalisering i Hordaland og Digi Rogaland. Digi Rogaland møter med representant Bjarte Våge fra Sandnes kommune og Christina Stangeland fra Stavanger kommune. Prosjektet skal bidra til å utvikle en brukerorientert (personlig) MinSide med relevant innhold. Øke brukertilfredshet ved å gi brukeren (innbygger, organisasjoner og næringsliv) et enhetlig grensesnitt mot offentlige tjenester. Målet er at all relevant data knyttet til den enkelte bruker finnes samlet uavhengig av kommunegrenser.

Åpne data/flomvarsling: Tiltaket jobber med identifisering av mulige pilotkommuner og samarbeidspartnere, skaffe gjennomføringsressurser og kartlegge kostnadsestimater for pilot. Prosjektleder er Linn Jensen fra Stavanger kommune.

Barnehage: Innsiktsarbeidet har avdekket at behovet er reelt og utarbeider tjenestereise og gevinstplan. Tiltaket planlegger oppstart av pilotering av løsning i Klepp kommune.

Prosjektlederne for tiltakene er ikke til stede i møtet. Sekretariatet svarer på spørsmål i møtet, men oppfordrer til at spørsmål sendes til sekretariatet i forkant av møtet.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland tar informasjon om status fra tiltak til orientering.
"""#),
        PaperItem(
            number: ItemNumber("6/19")!, title: "Status fra faggrupper", section: .standing, kind: .information,
            documentBasis: nil,
            caseText: #"""
Faggruppe Informasjonssikkerhet/personvern:

Sekretariatet har innledet dialog med et eksisterende nettverk for personvernombud for å utrede om det kan være et godt utgangspunkt for en faggruppe på informasjonssikkerhet og personvern i Digi Rogaland.

Fagområdet opplever økt oppmerksomhet, blant annet fra regjeringen gjennom [ny nasjonal strategi for digital sikkerhet](#) og Datatilsynets utvidede mandat som følge av ny personvernforordning.

Sekretariatet vil avklare om det er ombudsrollen og/eller sikkerhetsaspektet som er mest sentralt i eksisterende nettverk for personvernombud, og be styringsgruppen vurdere det opp medlemskommunenes behov fra en slik faggruppe.

Leder for faggruppen er ikke til stede i møtet. Sekretariatet svarer på spørsmål i møtet, men oppfordrer til at spørsmål sendes til sekretariatet i forkant av møtet.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland tar saken til orientering
"""#),
        PaperItem(
            number: ItemNumber("7/19")!, title: "Eventuelt", section: .standing, kind: .information,
            documentBasis: "Notat",
            caseText: #"""
Ingen innmeldte saker til eventuelt.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland tar saken til orientering.
"""#, isAnyOtherBusiness: true),
        PaperItem(
            number: ItemNumber("8/19")!, title: "Budsjettprinsipper", section: .forConsideration, kind: .discussion,
            documentBasis: "Notat",
            caseText: #"""
Se eget dokument. Sekretariatet vil presentere saken for styringsgruppen.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland tar diskusjonen til orientering.
"""#),
        PaperItem(
            number: ItemNumber("9/19")!, title: "Møteplan 2019", section: .forConsideration, kind: .decision,
            documentBasis: "Notat",
            caseText: #"""
Sekretariatet foreslår følgende datoer og steder for styringsgruppemøter i 2019

Dato	Tidspunkt	Sted
13.02.2019	12.00 – 14.00	Sandnes – Quality Hotel Residence
21.06.2019	12.00 – 14.00	Sjernarøy – Handelsstedet Ramsvig
04.09.2019	12.00 – 14.00	Strand – Rådhuset i Jørpeland
11.12.2019	12.00 – 14.00	Haugesund – Rådhuset i Haugesund
"""#,
            proposal: #"""
Styringsgruppen vedtar møteplan for styringsgruppen i 2019 med de justeringer som fremkommer i møtet.
"""#),
        PaperItem(
            number: ItemNumber("10/19")!, title: "KS debatthefte spørsmål 1 og 2", section: .forConsideration, kind: .decision,
            documentBasis: "Notat",
            caseText: #"""
KS debattheft for 2019 berører sentrale problemstillinger for Digi Rogaland og nevner blant annet regionale digitaliseringssamarbeid i kapittelet «Hvordan skape økt gjennomføringskraft i digitaliseringsarbeid?». Sekretariatet har vedlagt et utkast til uttalelse fra Digi Rogaland og legger utkastet frem for styringsgruppen til diskusjon og beslutning om innhold og videre prosess for utarbeidelse av endelig uttalelse. Sekretariatet foreslår at Digi Rogaland legger utkastet frem på strategikonferansen og fylkesmøtet i KS Rogaland. Svaret vedtas av styringsgruppen etter bearbeidelse av innspillene i prosessen.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland vedtar foreløpig utkast til svar på KS debattheft spørsmål 1 og 2, og videre prosess frem til endelig uttalelse fra Digi Rogaland.
"""#),
        PaperItem(
            number: ItemNumber("11/19")!, title: "Nye faggrupper", section: .forConsideration, kind: .decision,
            documentBasis: "Notat",
            caseText: #"""
Faggruppe Plan, bygg og geodata:

Styringsgruppen oppfordrer sekretariatet om å kontakte Smart kommune samarbeidsprosjektet (plan, bygg og geodata) med formål om å knytte de til som faggruppe i Digi Rogaland

Sekretariatet har gjennomført et sonderingsmøte med Smart kommune samarbeidet der grunnlag for videre prosess ble avklart. Smart kommune samarbeidet har i deres styringsgruppe sak 01 – 2019 «ny strategi for Smartkommune (...)» kapittel 4.1 «Kobling til Digi Rogaland» vedtatt at de ønsker å være et fagnettverk for Digi Rogaland.

Sekretariatet foreslår at det opprettes en faggruppe for Plan, bygg og geodata og at faggruppen fasiliteres av Smart kommune samarbeidsprosjektet.

Faggruppe Velferdsteknologi:

Sekretariatet viser til sak 50/18 der oppfordret sekretariatet til å kontakte eksisterende samarbeid innen velferdsteknologi for å se på samarbeidsmuligheter med Digi Rogaland.

Sekretariatet har vært i kontakt med Solveig Økland, fra Sola kommune. Solveig er prosjektleder for et interkommunalt prosjekt innen velferdsteknologi. Sekretariatet har avtalt møte mellom partene 19 februar 2019. Sekretariatet har også vært i kontakt med Sturle Monstad fra Haugaland Vekst, han er prosjektleder for velferdsteknologi.

Sekretariatet foreslår at det opprettes en faggruppe i Digi Rogaland for velferdsteknologi og at sekretariatet får mandat til å gå i dialog med nevnte prosjekter for at deres organisering kan fasilitere faggruppen.

Faggruppe Prosessforbedring

Sekretariatet viser til en økende interesse for prosessforbedring, spesielt aktualisert på grunn av økt tilgjengelighet og bruk av robotteknologi (RPA) i tjenesteytende virksomheter og kommunal sektor.

På ressursgruppemøte 19 november 2018 presenterte Stavanger kommune deres arbeid med RPA. I den påfølgende saken om nye faggrupper ble prosessforbedring og RPA trukket frem som en ønsket faggruppe i Digi Rogaland.

Sekretariatet har ikke lyktes i å finne et eksisterende nettverk eller samarbeid som faggruppen kan tilknyttes, men foreslår på bakgrunn av økende interesse og diskusjonen i ressursgruppen at det etableres en faggruppe for prosessforbedring i Digi Rogaland.
"""#,
            proposal: #"""
Styringsgruppen i Digi Rogaland beslutter at faggruppe for Plan, bygg og geodata, faggruppe for Velferdsteknologi og faggruppe for Prosessforbedring etableres.
"""#),
    ]

    static let budgetPrinciples = #"""
Digi Rogaland har nå 23 medlemmer og 3 observatører, og omfatter alle kommunene i Rogaland. Finansiering av samarbeidet er avtalefestet i [samarbeidsavtalen](#) kapittel 5 – finansiering. Finansieringsmodell er behandlet i [sak 22/18](#). Budsjett for 2019 ble behandlet i [sak 30/18](#) og baserte seg på tilskudd fra Fylkesmannen, en fastdel fra hvert medlem og et beløp per innbygger.

Inntekter - grunnfinansiering

Grunnfinansieringen går til drift av sekretariatet og fellesprosjekter/tiltak. I 2018 søkte Digi Rogaland midler fra fylkesmannen for 2019 og foreslår at samarbeidet også søker midler fra Fylkesmannen i 2019 for 2020. Videre foreslår sekretariatet at modellen med en fastdel og et beløp per innbygger videreføres.

Ekstern finansiering kan være aktuelt i for eksempel tiltak, faggrupper, til kompetanseheving, osv. Digi Rogaland bør søke midler fra ekstern finansiering, men sekretariatet foreslår at det ikke budsjetteres med ekstern finansiering før potensialet er identifisert.

I 2019 har tre kommuner observatørstatus uten noen betalingsforpliktelser, slik det fremkommer i [sak 41/18](#). Samarbeidet må ta stilling til om en observatørkommune har noen begrensninger i samarbeidet, om det skal innføres en betalingsmodell for observatører, eller om observatørordningen skal avvikles.

Ressurspool

I [sak 22/18](#) og [sluttrapport fra forprosjektet](#) henvises det til en felles ressurspool som motor for samarbeidet. Ressurspoolen kan levere tjenester eller spesialistkompetanse til kommunene direkte eller indirekte gjennom enkeltprosjekter og tiltak. Ressurspoolen skal i utgangspunktet være selvfinansiert gjennom direkte eller indirekte tjenesteleveranser. Sekretariatet ber styringsgruppen ta stilling til hvordan ressurspoolen skal sikre sin egen finansiering gjennom ulike betalingsprinsipper.

A1: «Konsulentmodellen bidrag»

Ressurspoolens finansiering kan sammenlignes med konsulentbransjen, der faktureringsgrad (antall fakturerte arbeidstimer / antall tilgjengelige arbeidstimer) indikerer effektiviteten. Dersom Digi Rogaland benytter faktureringsgrad for ressurspoolen, kan en prosentsats settes som mål og timeraten settes ut fra det målet. Prosjektene/tiltakene bestiller timer.

Eksempel: Ressursens lønnsrelaterte kostnader 1 000 000 pr/år. Faktureringsgrad 75 % og 1312 timer (mål). Timerate 762 kr.

Indirekte kostnader dekkes gjennom grunnfinansieringen.

A2: «Konsulentmodellen selvkost»

Samme prinsipper som «konsulentmodellen bidrag», men indirekte kostnader per ansatt dekkes av timeraten.

Eksempel: Likt som over, men 150 000 kroner per ansatt til kontorkostnader, kurs, velferdskostnader, m.m. Timerate 876 kr.

Fordelen med konsulentmodellene er at timeratene er konkurransedyktige og modellen motiverer til styrt utnyttelsesgrad. Ulempen er at risiko for ressurspoolen ikke når den målsatte faktureringsgraden og Digi Rogaland går i underskudd.

B: Frikjøp

Hvert prosjekt/tiltak med behov fra ressurspoolen bemannes med en prosentsats av ressursenes arbeidstid, der det settes en minimumsandel prosjektene/tiltakene kan melde inn. Dersom en kommune ønsker ressursen frikjøpt følger samme regler.

Eksempel: Ressursens kostnad 1 000 000. Minstesats frikjøp 20 %, minstekostnad 20 000 kr per måned.

Fordelen med frikjøpsmodellen er at ressursene gis et tydelig avsatt arbeidsomfang der de skal jobbe for det aktuelle prosjektet, og kan gi redusert tidspress enn en timemodell gir. Ulempen er at kostnaden per prosjekt/tiltak er antatt å være høyere og fleksibiliteten kan bli mindre.

C: Fastbeløp

Ressurspoolen finansieres gjennom grunnfinansieringen. Styringsgruppen styrer ressursbruken i ressurspoolen gjennom vedtak.

Fordelen med fastbeløp er at samarbeidet sikrer bemanning i ressurspoolen er finansiert. Ulempen er at grunnfinansieringsbeløpet øker, i tillegg til at ressurspoolen ikke finansieres der uttak av ressursene er størst.

D: Innleie eksternt

Digi Rogaland inngår rammeavtale med konsulentselskaper. Basert på inngåtte rammeavtaler med konsulentselskaper, der timeratene er gitt gjennom rammeavtalene. Fordelen med modellen er at modellen er skalerbar opp og ned, etter behov.

Uansett hvilken modell som velges må risikoen for ubenyttede ressurser søkes dekket gjennom arbeidsoppgaver for sekretariatet, eller andre oppgaver som naturlig tilfaller samarbeidet. Dersom ressursens tilgjengelighet ikke dekkes fullt opp gjennom tjenesteleveranser vil kostnadene tilfalle budsjettposten «drift av ressurspool».

Mottak av nasjonale løsninger

Nasjonale løsninger krever regional og lokal koordinering og oppfølging. Prinsippene fra [sak 22/18](#) legges til grunn for videre samarbeid. Dersom Digi Rogaland skal ta en rolle ut over forventningene i grunnfinansiering vil det søkes løst gjennom ressurspoolen, eller med tilgjengelige ressurser fra konsulentmarkedet for øvrig. Medlemskommunene står naturligvis fritt til å velge ressurser fra egen organisasjon, ressurser kjøpt fra sine leverandører eller ressurser kjøpt fra Digi Rogalands ressurspool.

Mottak av nasjonale løsninger krever prosjektledelse og sekretariatsarbeid på vegne av Digi Rogaland, i et koordinerende perspektiv. Det kreves også oppfølging og erfaringsutveksling med

andre regionsamarbeid og opp mot KS og det nasjonale prosjektet. Prosjektledelse har så langt vært på egeninnsats fra prosjektførende kommune, men utfordringen er ressursenes tilgjengelighet. Sekretariatet ber styringsgruppen ta stilling til om prosjektleder fra prosjektførende kommune skal frikjøpes, om modellen med prosjektleder for kommunens egeninnsats videreføres eller om ressurspoolen skal ta rollen som prosjektleder i samarbeid med prosjektleder fra prosjektførende kommune.

Andre budsjettposter

Kompetanseheving

Samarbeidsavtalen kapittel 2 peker på felles faglige arenaer som en del av formålet med samarbeidet. Kompetanse er også en del av innsatsområdene i strategiutkast versjon 2. Digi Rogaland har i tillegg opprettet eller knyttet til seg flere faggrupper. Sekretariatet opplever et økende behov for kompetanseheving rundt digitalisering og søker styringsgruppen om de også opplever kompetansebehovet. I tillegg til allerede forstått behov, foreslår sekretariatet at det gjennomføres en bred behovskartlegging blant medlemskommunene for å avdekke reelt behov for kompetanseheving knyttet til digitalisering. Dersom behovet bekreftes, ber sekretariatet om mandat til å ta en større rolle i kompetanseutvikling på digitalisering på vegne av medlemskommunene.

Prosessutvikling

Samarbeidsavtalen kapittel 2 peker på standardiserte løsninger og tjenesteprosesser som en del av formålet med samarbeidet. Prosessutvikling er også en del av innsatsområdene i strategiutkast versjon 2. For å oppnå formålet med samarbeidet og dekke innsatsområdet er det avgjørende at Digi Rogaland er representert på nasjonale arenaer i fora og grupper knyttet til problemstillingene. En slik tilstedeværelse kan for eksempel være at vi har mulighet til å bruke ressurspoolen inn mot KS, i noen av de nasjonale prosjektene, eller f.eks. i nasjonal faggruppe for arkitektur eller lignende. Sekretariatet spør styringsgruppen om ambisjonen på prosessutvikling gjennom Digi Rogaland for 2020.

Konsulentbistand

Samarbeidet bør tar høyde for midlertidige svingninger i behov og/eller behov for spesialistkompetanse som ikke finnes i samarbeidskommunene eller i ressurspoolen. Eksempel på slike spesialistområder kan være innen informasjonssikkerhet, der det finnes eksperter innen faget på nasjonalt/internasjonalt nivå. Andre eksempler kan være innen utvikling og programmering i forbindelse med prototyping/demoversjon eller gjennomførbarhetsbevis. Planlagt bruk av konsulentbistand kan også tilføre ressurspoolen kapasitet. Digi Rogaland må også ta stilling til om samarbeidet skal driftes av ressurser ansatt i kommunen, eller om det skal inngås samarbeidsallianser med interkommunale aktører eller lokalt næringsliv for drift av sekretariatet.

Informasjon/møter/reiseutgifter

Samarbeidet har utstrakt møtevirksomhet, både for å delta på regionale arenaer og nasjonale arenaer. I tillegg vil en del reiser inn til samarbeidet i forbindelse med prosjekter, fagsamlinger, i forbindelse med konsulentbistand, m.m. fra aktører som ikke faller inn under kommunenes

egeninnsats. Forprosjektet anbefalte at ressursgruppe skal møtes hver 6. uke, og ressursgruppen ønsker at alle møtes fysisk.

Prosjektgjennomføring / utredning av nye tiltak regionalt

Midler til prosjektgjennomføring er nødvendig for at Digi Rogaland kan være en pådriver, regionalt og nasjonalt. Samarbeidsavtalen kapittel 2 trekker blant annet frem koordinerte anskaffelser og et formål om å bidra regionalt inn mot nasjonal utvikling. Og målsetningen fra strategiutkast versjon 2 om å være en aktør for å bringe frem digitale løsninger. Styringsgruppen må avklare prinsipielt om regionale tiltak skal finansieres gjennom samarbeidet, av de prosjektførende kommunene, eller av kommersielle aktører. Digi Rogaland kan søke ekstern finansiering, FOU samarbeid (ref. [sak 40/18](#)) og andre finansieringsordninger for å bringe frem nye tiltak.

Videre må styringsgruppen eventuelt ta stilling til hvorvidt midlene skal forvaltes etter samme prinsipper som Digifin ordningen, der nasjonale prosjekter tilbakebetaler den påløpte kostnaden pluss en risikopremie etter hvert som flere kommuner tar i bruk løsningen. Eller hvorvidt midlene skal ha en høyere risikoprofil, der forventet avkastning/tilbakebetaling er lav og prosjektgjennomføringsmidlene må tilføres nye midler årlig.

Dersom styringsgruppen indikerer at regionale tiltak skal finansieres og/eller koordineres gjennom Digi Rogaland vil sekretariatet jobbe videre med en porteføljestyrimodell som grunnlaget for styring av risiko, ressurser, osv.
"""#

    static let answerToKS = #"""
Vedrørende «Debattefte 2019 – KS spør» har Digi Rogaland følgende innspill til spørsmålene som stilles i kapittelet «Hvordan skape økt gjennomføringskraft i digitaliseringsarbeid?».

Fra: Digi Rogaland

Til: KS Rogaland

KS spør 1) Hvordan kan KS best være en utviklingspartner for medlemmene på digitaliseringsområdet?

Digi Rogaland svarer: KS bør fortsette den positive utviklingen som samarbeidspartner for kommunene på digitaliseringsområdet. Videre er det behov for en styrket samordning, blant annet gjennom KommIT-rådet og tilhørende strukturer.

KS bør holde seg oppdatert på samfunnstrekk og endringer som påvirker kommunenes arbeid med digitalisering, også inkludert nasjonale politiske føringer, internasjonale utviklingstrekk, teknologisk utvikling og arbeid for forsterking og samordning av kommunenes interesser i nasjonale prosjekter.

KS kan gjennom sin rolle tilrettelegge for deling av kompetanse som kommunene har behov for innen digitaliseringsområdet og stimulere til felles arkitektur, standardisering og nasjonale fellestløsninger.

KS spør 2) Bør KS gis et mer formelt mandat på vegne av sine medlemmer på digitaliseringsområdet? Hvilke områder er aktuelle og hvilke forutsetninger må en slik rolle hvile på?

Digi Rogaland svarer: For å ivareta kommunesektoren og den enkelte kommunes interesser på digitaliseringsområdet bør KS ha et formelt mandat, særlig i forbindelse med beslutninger på tvers av forvaltningsnivå. I felles digitaliseringsprosjekter på tvers av forvaltningsnivå må KS representere kommunenes interesser og bidra til at beslutninger som tas blir gjennomført i kommunene.

Rollene og forventningene til KS og samarbeidsaktørene bør beskrives og settes inn i en helhetlig struktur. Arbeidet med justering av mandat for KommIT-rådet og Digitaliseringsutvalget bør være en del av den helhetlige strukturen, der også de regionale samarbeidene synliggjøres - og utvikles som en del av den fremtidige strukturen.
"""#

}
