# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = Naar Privacy
privacy-title = Privacy
privacy-intro = Hier ziet u hoe met de gegevens van gezinnen wordt omgegaan: noodtoegang, opvallende inzage, verzoeken om vernietiging en de controle van het logboek. U ziet logboeken en registraties, nooit de inhoud van een dossier.
privacy-back = Terug naar Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export

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
