# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = Naar Privacy
privacy-title = Privacy
privacy-intro = Hier ziet u hoe met de gegevens van gezinnen wordt omgegaan: noodtoegang, opvallende inzage, verzoeken om vernietiging en de controle van het logboek. U ziet logboeken en registraties, nooit de inhoud van een dossier.
privacy-back = Terug naar Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export
privacy-section-log = Logboek controleren
privacy-section-log-text = Controleer of niemand het logboek buiten het programma om heeft veranderd. Bekijk de laatste controles en download de eindpunten om elders te bewaren.
privacy-log-title = Logboek controleren
privacy-log-intro = Elke regel in het logboek heeft een vingerafdruk (hash) die ook de regel ervoor afdekt. Wie een regel verandert, weghaalt of toevoegt buiten het programma om, breekt die keten. Het programma controleert de keten elke dag. Hieronder ziet u de laatste controles.
privacy-log-verify-text = Wilt u niet wachten op de dagelijkse controle? Controleer het logboek nu. Bij een groot logboek duurt dat even.
privacy-log-verify = Nu controleren
privacy-log-heads-title = Eindpunten bewaren
privacy-log-heads-text = Het eindpunt van een keten is de vingerafdruk van de laatste regel. Download de eindpunten en bewaar het bestand buiten deze server (bijvoorbeeld bij de technisch beheerder). Haalt iemand later de laatste regels weg, dan blijkt dat bij een controle met dit bestand.
privacy-log-heads-download = Eindpunten downloaden (JSON)
privacy-log-verifications = Laatste controles
privacy-log-none = Er is nog geen controle gedaan.
privacy-log-col-when = Wanneer
privacy-log-col-by = Door
privacy-log-col-rows = Regels
privacy-log-col-chains = Ketens
privacy-log-col-outcome = Uitkomst
privacy-log-by-schedule = Dagelijkse controle
privacy-log-whole = In orde: geen enkele regel is veranderd.
privacy-log-row = regel { $id } (keten { $chain }, plaats { $seq })
privacy-log-row-gone = het eind van keten { $chain }
privacy-log-problem-unchained = deze regel hoort bij geen enkele keten. Hij is buiten het programma om toegevoegd.
privacy-log-problem-gap = de regels ervoor ontbreken vanaf plaats { $expected }. Er is een regel weggehaald.
privacy-log-problem-altered = de inhoud past niet bij de vingerafdruk. De regel is veranderd of toegevoegd.
privacy-log-problem-detail-altered = de toelichting past niet bij de vingerafdruk. De toelichting is veranderd.
privacy-log-problem-head-mismatch = de keten houdt op bij plaats { $last }, maar het eindpunt staat op plaats { $head }. Regels aan het eind zijn weggehaald of het eindpunt is veranderd.
privacy-log-problem-out-of-order = het nummer van de regel past niet bij zijn plaats in de keten. De inhoud van regels is verwisseld.
privacy-log-problem-exported-head-missing = het bewaarde eindpunt op plaats { $exported } bestaat niet meer; de keten houdt nu op bij plaats { $last }. Regels aan het eind zijn weggehaald.
privacy-log-problem-exported-head-altered = de regel op de plaats van het bewaarde eindpunt ({ $exported }) is anders. De keten is herschreven.
privacy-log-alert-broken-title = Het logboek is buiten het programma om veranderd
privacy-log-alert-broken-text = Bij de controle van { $when } klopte { $row } niet: { $problem }
privacy-log-alert-broken-todo = Wat moet u doen? Verander niets aan de database en maak er een kopie van. Meld dit direct als beveiligingsincident bij de functionaris gegevensbescherming en de technisch beheerder. Zij vergelijken het logboek met een back-up en met de bewaarde eindpunten (zie de handleiding voor beheer).
privacy-log-alert-stale-title = Het logboek is al meer dan 48 uur niet gecontroleerd
privacy-log-alert-stale-text = De laatste controle was { $when }.
privacy-log-alert-stale-never = Het logboek is nog nooit gecontroleerd.
privacy-log-alert-stale-todo = Wat moet u doen? Vraag de technisch beheerder of de server draait en zijn dagelijkse taken uitvoert. De functionaris gegevensbescherming kan het logboek ook zelf controleren op de pagina Logboek controleren.
done-audit-log-verified = Het logboek is gecontroleerd: alles is in orde.
done-audit-log-verified-broken = Het logboek is gecontroleerd: er klopt iets niet. Zie de melding hieronder.

# Part A (register): the processing register and the Logboek Dataverwerkingen export.
admin-section-processing = Verwerkingsregister
admin-section-processing-text = Welke gegevens het buurtteam verwerkt, waarom, op welke grond en hoe lang. U past de teksten aan; elke wijziging wordt een nieuwe versie.
privacy-section-processing = Verwerkingsregister
privacy-section-processing-text = Alle verwerkingsactiviteiten met doel, grondslag, soorten gegevens en bewaartermijn. Elke regel in het logboek hoort bij één activiteit.
processing-title = Verwerkingsregister
processing-intro = Dit zijn de verwerkingsactiviteiten van het buurtteam (AVG artikel 30). Elke handeling in het logboek hoort bij één van deze activiteiten.
processing-intro-edit = Kies een activiteit om de teksten aan te passen. De code blijft altijd gelijk.
processing-col-name = Activiteit
processing-col-purpose = Doel
processing-col-legal-basis = Grondslag
processing-col-retention = Bewaartermijn
processing-col-status = Status
processing-version = versie { $version }
processing-active = In gebruik
processing-inactive = Niet in gebruik
processing-back = Terug naar het verwerkingsregister
processing-edit-intro = Code { $code }, nu versie { $version }. Als u opslaat, wordt dit een nieuwe versie. Regels die al in het logboek staan, blijven bij hun oude versie horen.
processing-label-name-nl = Naam (Nederlands)
processing-label-name-en = Naam (Engels)
processing-label-purpose = Doel
processing-hint-purpose = Waarom verwerkt het buurtteam deze gegevens?
processing-label-legal-basis = Grondslag
processing-hint-legal-basis = Op welke wet of welk artikel steunt dit? Bijvoorbeeld: AVG art. 6 lid 1 sub e.
processing-label-data-subjects = Over wie
processing-hint-data-subjects = Van welke mensen worden gegevens verwerkt?
processing-label-data-categories = Welke gegevens
processing-hint-data-categories = Welke soorten gegevens zijn het?
processing-label-retention = Bewaartermijn
processing-hint-retention = Hoe lang worden de gegevens bewaard?
processing-label-active = Status
processing-submit = Opslaan
label-processing-name-nl = Naam (Nederlands)
label-processing-name-en = Naam (Engels)
label-processing-purpose = Doel
label-processing-legal-basis = Grondslag
label-processing-data-subjects = Over wie
label-processing-data-categories = Welke gegevens
label-processing-retention = Bewaartermijn
label-processing-active = Status
done-processing-changed = De verwerkingsactiviteit is opgeslagen als nieuwe versie.

# end of block A

## Emergency access and unusual access

# end of block B

## Retention, legal holds and destruction (also on request)

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

settings-group-secrets = Geheimen en sleutel
settings-secret-key = Sleutel voor geheimen
settings-secret-key-help = Versleutelt wat de server moet kunnen teruglezen, zoals de geheimen van de tweede factor. Hier staat alleen het kenmerk van de sleutel, nooit de sleutel zelf.
settings-secret-key-id = Sleutel { $id }
settings-secret-key-none = Geen: een tweede factor instellen en inloggen via single sign-on lukken niet
settings-secret-key-old = Oude sleutels
settings-secret-key-old-help = Alleen nodig tijdens het wisselen van sleutel: de server leest er nog mee, maar versleutelt er niet meer mee.

# end of block E
