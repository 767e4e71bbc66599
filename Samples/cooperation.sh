#!/usr/bin/env bash
# A small, complete, fictional cooperation: "Digi Fjordane", five municipalities working together.
# A steering group with two expert groups under it, members from several municipalities in every
# role, and a meeting with standing items and items for consideration. One expert group breaks a
# mandate rule (a municipality has no representative there), so that `docket body check` has
# something to say.
#
# Usage: Samples/cooperation.sh [DOCKET_BINARY] — the database is $DOCKET_DB (default ./sample.sqlite).
set -euo pipefail
docket=${1:-docket}
export DOCKET_DB=${DOCKET_DB:-sample.sqlite}
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$DOCKET_DB" "$DOCKET_DB-wal" "$DOCKET_DB-shm"

run() { "$docket" "$@" >/dev/null; }

run init

# The organisations: five member municipalities, the cooperation's office, the county as observer.
for kommune in "Fjordvik kommune" "Lyngstad kommune" "Nordøy kommune" "Åsen kommune" "Breivik kommune"; do
    run org add "$kommune" --kind municipality --member
done
run org add "Digi Fjordane sekretariat" --kind office --member
run org add "Vestland fylkeskommune" --kind county
run org add "Fagforbundet" --kind other

# The bodies: a steering group and two expert groups that report to it.
run body add styringsgruppen --name "Digi Fjordanes styringsgruppe" --kind steering-group \
    --alias "Styringsgruppen i Digi Fjordane" --mandate-file "$here/mandates/styringsgruppen.txt"
run body add fg-helse --name "Faggruppe helse og velferd" --kind expert-group --parent styringsgruppen \
    --mandate-file "$here/mandates/faggruppe.txt"
run body add fg-plan --name "Faggruppe plan, bygg og geodata" --kind expert-group --parent styringsgruppen \
    --mandate-file "$here/mandates/faggruppe.txt"

# The steering group: the mayors, an observer, an adviser and the secretariat.
run member add "Ingrid Fjeld" --body styringsgruppen --role chair --org "Fjordvik kommune" --title "ordfører"
run member add "Torstein Lyng" --body styringsgruppen --role deputy-chair --org "Lyngstad kommune" --title "ordfører"
run member add "Mari Nordøy" --body styringsgruppen --role member --org "Nordøy kommune"
run member add "Håkon Ås" --body styringsgruppen --role member --org "Åsen kommune"
run member add "Sigrid Brei" --body styringsgruppen --role member --org "Breivik kommune"
run member add "Eli Aksnes" --body styringsgruppen --role deputy --org "Breivik kommune"
run member add "Nils Vestre" --body styringsgruppen --role observer --org "Vestland fylkeskommune"
run member add "Åse Rådal" --body styringsgruppen --role adviser --org "Digi Fjordane sekretariat"
run member add "Jon Skriver" --body styringsgruppen --role secretary --org "Digi Fjordane sekretariat"

# The health group meets its mandate: every member organisation, one union representative.
run member add "Berit Helse" --body fg-helse --role chair --org "Lyngstad kommune"
run member add "Kåre Omsorg" --body fg-helse --role member --org "Fjordvik kommune"
run member add "Liv Pleie" --body fg-helse --role member --org "Nordøy kommune"
run member add "Odd Lege" --body fg-helse --role member --org "Åsen kommune"
run member add "Randi Velferd" --body fg-helse --role member --org "Breivik kommune"
run member add "Åse Rådal" --body fg-helse --role adviser --org "Digi Fjordane sekretariat"
run member add "Gunn Tillit" --body fg-helse --role union-representative --org "Fagforbundet"

# The planning group breaks it: Breivik has no representative there.
run member add "Per Kart" --body fg-plan --role chair --org "Åsen kommune"
run member add "Tone Bygg" --body fg-plan --role member --org "Fjordvik kommune"
run member add "Rolf Geo" --body fg-plan --role member --org "Lyngstad kommune"
run member add "Anne Plan" --body fg-plan --role member --org "Nordøy kommune"
run member add "Jon Skriver" --body fg-plan --role secretary --org "Digi Fjordane sekretariat"
run member add "Stein Tillit" --body fg-plan --role union-representative --org "Fagforbundet"

# Last year's December meeting, held, with its minutes to be approved at the next one.
run meeting create styringsgruppen --date 2024-12-11 --start 10:00 --end 12:00 --place "Fjordvik rådhus"
run item add styringsgruppen@2024-12-11 --title "Møteplan 2025" --kind decision --basis Notat \
    --text "Sekretariatet foreslår fire møter i 2025." --proposal "Styringsgruppen vedtar møteplan for 2025."
run attendance record styringsgruppen@2024-12-11 --present "Ingrid Fjeld" --present "Torstein Lyng" --present "Mari Nordøy" \
    --present "Håkon Ås" --apologies "Sigrid Brei" --substitute "Eli Aksnes:Sigrid Brei"
run decision record "styringsgruppen 5/24" --unanimous

# The meeting of 12 February 2025: standing items, then the business.
run meeting create styringsgruppen --date 2025-02-12 --start 13:00 --end 15:00 --place "Lyngstad kulturhus" \
    --summons-place Fjordvik --summons-date 2025-02-05 --addressees "styringsgruppens medlemmer og observatører" \
    --signer "Ingrid Fjeld" --minute-taker "Jon Skriver"
run item add styringsgruppen@2025-02-12 --title "Budsjettprinsipper 2026" --kind discussion --basis Notat \
    --text-file "$here/items/budsjettprinsipper.txt" --proposal "Styringsgruppen tar diskusjonen til orientering."
run item add styringsgruppen@2025-02-12 --title "Felles løsning for velferdsteknologi" --kind decision --basis Saksframlegg \
    --text-file "$here/items/velferdsteknologi.txt" \
    --proposal "Styringsgruppen ber faggruppe helse og velferd utrede en felles anskaffelse av velferdsteknologi."
run item add styringsgruppen@2025-02-12 --title "Forhandlinger om lisensavtale" --kind decision --basis Notat \
    --text "Forhandlingsposisjon og pris for ny lisensavtale." --proposal "Styringsgruppen gir sekretariatet fullmakt til å forhandle." \
    --exempt --exemption-basis "offl. § 23 første ledd" --public-title "Forhandlinger om avtale"
run item add styringsgruppen@2025-02-12 --title "Meldinger fra KS" --kind information --basis Brev --series RS \
    --text "KS orienterer om nytt debatthefte."

# The health group's meeting, where one matter could not be agreed and goes up to the steering group.
run meeting create fg-helse --date 2025-01-22 --start 09:00 --end 11:00 --place "Teams" --kind ordinary
run item add fg-helse@2025-01-22 --title "Felles journalsystem" --kind decision --basis Notat \
    --text "Gruppen drøfter om kommunene skal gå sammen om et felles journalsystem." \
    --proposal "Faggruppen anbefaler felles anskaffelse."
run meeting create fg-helse --date 2025-03-19 --start 09:00 --end 11:00 --place "Teams"
run meeting create styringsgruppen --date 2025-04-09 --start 13:00 --end 15:00 --place "Nordøy rådhus"
run item refer "fg-helse 5/25" --to styringsgruppen@2025-04-09 \
    --remarks "Faggruppen kom ikke til enighet; saken løftes til styringsgruppen."

# The December minutes are approved at the February meeting (its standing item 2/25 names them).
run minutes approve styringsgruppen@2024-12-11 --signer "Ingrid Fjeld" --signer "Torstein Lyng"

echo "Built the sample cooperation in $DOCKET_DB"
