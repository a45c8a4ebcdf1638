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

privacy-section-destruction = Bewaren en vernietigen
privacy-section-destruction-text = Verzoeken om vernietiging met hun termijn, het besluit daarover, bewaarplichten (legal holds) en de dossiers die zijn vernietigd.
settings-retention-years = Bewaartermijn dossiers
settings-retention-years-help = Zo lang na de laatste wijziging wordt een afgesloten dossier bewaard. Daarna vernietigt het systeem het, behalve als er een bewaarplicht op ligt.
settings-years = { $n } jaar
access-action-case-destroyed = Dossier vernietigd
access-action-case-partially-destroyed = Deel van dossier vernietigd
access-action-destruction-requested = Verzoek om vernietiging geregistreerd
access-action-destruction-decided = Besluit over verzoek om vernietiging
access-action-legal-hold-placed = Bewaarplicht ingesteld
access-action-legal-hold-lifted = Bewaarplicht opgeheven
destruction-outcome-granted = Toewijzen
destruction-outcome-partially-granted = Deels toewijzen
destruction-outcome-refused = Afwijzen
refusal-ground-others-interest = Het belang van een ander weegt zwaarder
refusal-ground-legal-duty = De wet verplicht ons het dossier te bewaren
destruction-scope-full = Het hele dossier
destruction-scope-partial = Een deel: werkaantekeningen, verslagen van contacten, afspraken en reacties
destruction-reason-retention-expired = Bewaartermijn voorbij
destruction-reason-request = Op verzoek
requester-relation-parent = Ouder met gezag
requester-relation-young-person = Jongere
destruction-requester = { $relation }, { $age } jaar
field-error-too-young = Deze persoon is jonger dan 12 jaar. Een ouder met gezag doet het verzoek.
field-error-not-entitled = Deze persoon mag dit verzoek niet doen. Dat mag een ouder met gezag, of een kind of cliënt vanaf 12 jaar.
field-error-not-in-household = Deze persoon hoort niet bij dit gezin.
destruction-case-links = Bewaren en vernietigen
destruction-register-link = Verzoek om vernietiging registreren
destruction-register-title = Verzoek om vernietiging registreren
destruction-back-to-file = Terug naar het dossier
destruction-register-intro = Heeft een ouder met gezag of een jongere vanaf 12 jaar schriftelijk gevraagd om het dossier te vernietigen? Registreer het verzoek hier. De functionaris gegevensbescherming beslist binnen 3 maanden.
label-destruction-requested-by-person-id = Wie vraagt het?
label-destruction-received-on = Ontvangen op
hint-destruction-received-on = De dag dat de brief of e-mail binnenkwam.
label-destruction-scope = Wat moet weg?
destruction-register-submit = Verzoek registreren
done-destruction-requested = Het verzoek om vernietiging is geregistreerd.
destruction-title = Bewaren en vernietigen
destruction-intro = Een afgesloten dossier wordt { $years } jaar na de laatste wijziging vernietigd. Een bewaarplicht houdt het langer. Hier beslist u over verzoeken om vernietiging. U ziet alleen het dossiernummer, wie het vraagt en de data, niet de inhoud.
destruction-open = Open verzoeken
destruction-none-open = Er zijn geen open verzoeken.
destruction-overdue = Te laat: besluit was nodig op { $date }
destruction-decide-by = Besluit nodig op { $date }
destruction-requester-label = Gevraagd door
destruction-received-label = Ontvangen op
destruction-scope-label = Gevraagd
label-destruction-outcome = Besluit
label-destruction-refusal-ground = Reden van afwijzen
label-destruction-copy-offered-on = Kopie aangeboden op
hint-destruction-copy-offered-on = Nodig bij toewijzen: bied het gezin eerst een kopie van het dossier aan.
label-destruction-note = Toelichting
hint-destruction-note = Wat heeft u afgewogen? Schrijf geen namen of inhoud van het dossier op.
destruction-decide-submit = Besluit opslaan
destruction-conflict-hold = Er ligt een bewaarplicht op dit dossier. Hef die eerst op, of wijs het verzoek af omdat de wet verplicht het te bewaren.
destruction-conflict-open = Het dossier is nog niet afgesloten. Het hele dossier kan pas weg als het is afgesloten.
destruction-conflict-decided = Over dit verzoek is al besloten.
done-destruction-decided = Het besluit is opgeslagen.
hold-title = Bewaarplichten
hold-intro = Een bewaarplicht (legal hold) houdt een dossier langer dan de bewaartermijn, bijvoorbeeld bij een rechtszaak of klacht.
hold-none = Er zijn geen bewaarplichten.
hold-until = Tot en met: { $until }
hold-until-lifted = tot u hem opheft
hold-lift = Bewaarplicht opheffen voor { $file }
hold-place-title = Bewaarplicht instellen
label-hold-case-id = Dossiernummer
label-hold-reason = Reden
hint-hold-reason = Bijvoorbeeld: rechtszaak loopt, klacht in behandeling.
label-hold-until = Tot en met
hint-hold-until = Laat leeg als u niet weet tot wanneer. Dan geldt hij tot u hem opheft.
hold-place-submit = Bewaarplicht instellen
hold-unknown-case = Er is geen dossier met dit nummer.
done-hold-placed = De bewaarplicht is ingesteld.
done-hold-lifted = De bewaarplicht is opgeheven.
destruction-decided = Besloten verzoeken
destruction-none-decided = Nog geen besloten verzoeken.
tombstones-title = Vernietigde dossiers
tombstones-intro = Van een vernietigd dossier blijven alleen het nummer, de data en de reden over.
tombstones-none = Er zijn nog geen dossiers vernietigd.
destruction-done-granted = Toegewezen
destruction-done-partially-granted = Deels toegewezen
destruction-done-refused = Afgewezen

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

# end of block E
