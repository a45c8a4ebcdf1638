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

emergency-banner = Noodtoegang tot { $time } — alleen lezen
emergency-banner-text = U leest dit dossier van een ander team met noodtoegang. U kunt niets wijzigen. Elke keer dat u het opent, wordt vastgelegd; de functionaris gegevensbescherming controleert het.
emergency-link-text = Hebt u bij een crisis een dossier van een ander team nodig?
emergency-link = Noodtoegang vragen
emergency-title = Noodtoegang
emergency-intro = Gebruik dit alleen bij een dringende reden, bijvoorbeeld een crisismelding 's nachts. U krijgt { $hours } uur lang leestoegang tot het dossier. U kunt niets wijzigen.
emergency-warning = Noodtoegang wordt altijd vastgelegd. De functionaris gegevensbescherming beoordeelt elke noodtoegang. Het gezin ziet dat u het dossier hebt geopend.
emergency-submit = Noodtoegang vragen
label-emergency-case-id = Dossiernummer
hint-emergency-case-id = Het nummer van het dossier, bijvoorbeeld 1042.
label-emergency-reason = Reden
hint-emergency-reason = Waarom hebt u dit dossier nu nodig? Minstens 10 en hoogstens 500 tekens.
field-error-too-short = Schrijf minstens { $min } tekens.
field-error-own-team = Dit dossier is van uw eigen team. Open het via de werklijst.
privacy-section-emergency = Noodtoegang
privacy-section-emergency-text = Wie heeft een dossier van een ander team geopend, met welke reden, en hoe vaak. Beoordeel elke noodtoegang.
privacy-section-unusual = Opvallende inzage
privacy-section-unusual-text = Veel dossiers in korte tijd, dossiers van mensen met dezelfde achternaam als de medewerker, dossiers van gezinnen van collega's.
privacy-emergency-title = Noodtoegang
privacy-emergency-intro = Elke noodtoegang, de nog niet beoordeelde bovenaan. U ziet wie, welk dossiernummer, de reden en hoe vaak het dossier is gelezen. U ziet niet wat er in het dossier staat.
privacy-emergency-none = Er is nog geen noodtoegang gevraagd.
privacy-col-who = Medewerker
privacy-col-case = Dossier
privacy-col-team = Team
privacy-col-reason = Reden
privacy-col-period = Van – tot
privacy-col-reads = Keer gelezen
privacy-col-review = Beoordeling
privacy-col-kind = Soort
privacy-col-detail = Wat viel op
privacy-case-number = nr. { $id }
privacy-review-justified = Terecht
privacy-review-not-justified = Niet terecht
privacy-review-by = { $verdict }, door { $name } op { $date }: { $note }
privacy-review-summary = Beoordelen
privacy-review-again = Opnieuw beoordelen
label-privacy-justified = Was dit terecht?
label-privacy-note = Toelichting
hint-privacy-note = Waarom? Bijvoorbeeld wat de medewerker of de teammanager zei.
privacy-review-submit = Beoordeling opslaan
privacy-unusual-title = Opvallende inzage
privacy-unusual-intro = Berekend uit het logboek over de gekozen periode. U ziet namen van medewerkers, dossiernummers en tijden; nooit de inhoud van een dossier. Een opvallende inzage is niet altijd fout: beoordeel elke regel.
privacy-unusual-rules = Opvallend is: meer dan { $cases } verschillende dossiers binnen { $minutes } minuten; een dossier van een gezin met dezelfde achternaam als de medewerker; een dossier van een gezin met dezelfde achternaam als een collega uit hetzelfde team.
privacy-unusual-none = Niets opvallends in deze periode.
privacy-unusual-period = Periode
label-privacy-from = Van
label-privacy-to = Tot en met
privacy-unusual-show = Toon
privacy-kind-many-files = Veel dossiers in korte tijd
privacy-kind-family-name = Zelfde achternaam als de medewerker
privacy-kind-colleague = Zelfde achternaam als een collega
privacy-detail-many-files = { $count } dossiers: { $cases }
privacy-detail-family-name = Achternaam { $name }, dossier { $cases }
privacy-detail-colleague = Achternaam { $name } (collega { $colleague }), dossier { $cases }
done-privacy-reviewed = De beoordeling is opgeslagen.
done-emergency-granted = U hebt noodtoegang. U kunt dit dossier alleen lezen.

# end of block B

## Retention, legal holds and destruction (also on request)

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

# end of block E
