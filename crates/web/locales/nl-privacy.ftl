# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = Naar Privacy
privacy-title = Privacy
privacy-intro = Hier ziet u hoe met de gegevens van gezinnen wordt omgegaan: noodtoegang, opvallende inzage, verzoeken om vernietiging en de controle van het logboek. U ziet logboeken en registraties, nooit de inhoud van een dossier.
privacy-back = Terug naar Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export

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
