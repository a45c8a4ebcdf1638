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
privacy-log-problem-pseudonymised-without-tombstone = de inhoud van de regel is gewist alsof het dossier vernietigd is, maar er is geen dossier vernietigd. De inhoud is weggehaald.
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

privacy-section-inzage = Inzage en kopieën
privacy-section-inzage-text = Welke kopieën van gegevens het team maakte op een schriftelijk verzoek: dossier, wie erom vroeg, wanneer. Nooit de inhoud.
inzage-privacy-intro = Een gezinslid kan schriftelijk vragen om een kopie van de eigen gegevens. Het team maakt die dan vanuit het dossier. Hier staat elke kopie die zo is gemaakt, de nieuwste bovenaan. Wat gezinsleden zelf downloaden in Mijn Buurtteam, staat in het logboek van hun dossier.
inzage-privacy-none = Er zijn nog geen kopieën gemaakt op een schriftelijk verzoek.
inzage-privacy-caption = Kopieën op schriftelijk verzoek
inzage-col-when = Gemaakt op
inzage-col-case = Dossier
inzage-col-relation = Gezinslid (rol)
inzage-col-received = Verzoek ontvangen op
inzage-col-by = Gemaakt door
inzage-col-format = Bestand

## Mijn Buurtteam: Mijn gegevens downloaden
inzage-portal-link = Mijn gegevens downloaden
inzage-portal-title = Mijn gegevens downloaden
inzage-portal-back = Terug naar mijn plan
inzage-portal-intro = Je mag altijd zien welke gegevens het buurtteam over jou heeft. Hier download je een kopie. Je krijgt precies wat je ook in Mijn Buurtteam ziet.
inzage-portal-in = Wat staat erin?
inzage-portal-in-network = Het doel waarbij je helpt, met de acties en reacties, en je eigen gegevens.
inzage-portal-in-you = Je eigen gegevens: naam, geboortedatum, telefoonnummer en e-mailadres.
inzage-portal-in-plan = Het gezinsplan zoals jij het ziet: de doelen, acties, reacties, gesprekken over hoe het gaat en afspraken.
inzage-portal-in-log = Wie in je dossier keek en wanneer.
inzage-portal-not-in = Werkaantekeningen van het team staan er niet in. Doelen die jij niet mag zien, en gegevens van gezinsleden die jij niet mag zien, ook niet.
inzage-portal-download = Downloaden
inzage-portal-formats = Kies een bestand. Een PDF is makkelijk om te lezen of te printen. Een JSON-bestand is voor een computer, bijvoorbeeld om je gegevens mee te nemen.
inzage-portal-pdf = Download als PDF
inzage-portal-json = Download als JSON
inzage-portal-logged = Het buurtteam ziet dat je een kopie hebt gedownload. Dat staat ook in ‘Wie keek in mijn dossier’.

## Staff: a copy for a written request
file-inzage = Kopie voor een gezinslid (inzage)
inzage-case-title = Kopie van gegevens voor een gezinslid
inzage-case-back = Terug naar het dossier
inzage-case-intro = Vraagt een gezinslid schriftelijk om een kopie van de eigen gegevens? Kies wie het vroeg en wanneer het verzoek binnenkwam. U krijgt dan precies wat dit gezinslid in Mijn Buurtteam ziet, ook als diegene geen account heeft. Werkaantekeningen staan er nooit in. Voor een kind onder de 12 vraagt een ouder met gezag.
inzage-case-submit = Kopie maken en downloaden
inzage-case-logged = Elke kopie komt in het logboek van het dossier, met de datum van het verzoek. Het gezinslid ziet in Mijn Buurtteam dat er een kopie is gemaakt. De functionaris gegevensbescherming ziet welke kopieën er zijn gemaakt, niet wat erin staat.
label-inzage-person-id = Wie vroeg om de kopie?
label-inzage-received-on = Verzoek ontvangen op
hint-inzage-received-on = De datum waarop de brief of e-mail binnenkwam.
label-inzage-format = Bestand
inzage-format-pdf = PDF (om te lezen of te printen)
inzage-format-json = JSON (voor een computer)
field-error-inzage-too-young = Dit kind is jonger dan 12. Een ouder met gezag vraagt om de gegevens.

## The PDF (always Dutch)
inzage-pdf-title = Gegevens van { $name }
inzage-pdf-made = { $organisation } · gemaakt op { $date }
inzage-pdf-intro = Dit zijn de gegevens die het buurtteam over jou heeft, zoals je ze ook in Mijn Buurtteam ziet. Klopt er iets niet? Vraag het je gezinswerker. Je mag vragen om iets te verbeteren.
inzage-pdf-request = Gemaakt op jouw schriftelijke verzoek van { $date }, door { $who }.
inzage-pdf-you = Jouw gegevens
inzage-pdf-name = Naam: { $value }
inzage-pdf-birth-date = Geboortedatum: { $value }
inzage-pdf-role = In het gezin: { $value }
inzage-pdf-client-yes = Je krijgt zelf hulp van het buurtteam.
inzage-pdf-client-no = Je krijgt zelf geen hulp van het buurtteam; je hoort bij het gezin.
inzage-pdf-phone = Telefoon: { $value }
inzage-pdf-other-phone = Ander telefoonnummer: { $value }
inzage-pdf-email = E-mail: { $value }
inzage-pdf-relation = Je helpt als: { $value }
inzage-pdf-case = Het dossier
inzage-pdf-case-number = Dossiernummer: { $value }
inzage-pdf-case-status = Hoe ver: { $value }
inzage-pdf-referred-on = Aangemeld op: { $value }
inzage-pdf-started-on = Hulp begonnen op: { $value }
inzage-pdf-closed-on = Afgesloten op: { $value }
inzage-pdf-contact = Je gezinswerker en het team
inzage-pdf-household = Je gezin
inzage-pdf-is-client = krijgt hulp
inzage-pdf-goals = Doelen in het gezinsplan
inzage-pdf-none = Nog niets.
inzage-pdf-goal-of = Doel van { $name }
inzage-pdf-goal-of-household = Doel van het hele gezin
inzage-pdf-confidential = Alleen voor jou. Waarom: { $reason }
inzage-pdf-action = Actie: { $what } (wie: { $who })
inzage-pdf-comment = Reactie van { $who }: { $text }
inzage-pdf-proposal = Jouw voorstel ‘{ $title }’: { $status }
inzage-pdf-network = Helpt mee: { $name } ({ $relation })
inzage-pdf-evaluations = Gesprekken over hoe het gaat
inzage-pdf-went-well = Wat ging goed: { $text }
inzage-pdf-changes = Wat we anders doen: { $text }
inzage-pdf-appointments = Afspraken
inzage-pdf-agreements = Jouw akkoord op het plan
inzage-pdf-agreement = Akkoord op versie { $version }, op { $date }
inzage-pdf-access-log = Wie keek in je dossier
inzage-pdf-access-log-intro = Het nieuwste staat bovenaan. Wat je zelf deed, staat er niet bij, behalve de kopieën die je downloadde.
inzage-pdf-times = { " " }({ $count } keer)
inzage-pdf-not-in = Wat hier niet in staat
inzage-pdf-not-in-text = Werkaantekeningen van het team staan niet in dit overzicht. Ook niet: doelen die alleen voor een ander gezinslid zijn, en gegevens van gezinsleden die jij niet mag zien. Wil je meer weten? Vraag het je gezinswerker.
inzage-pdf-footer = { $organisation } · Gegevens van { $date } · Pagina { $page } van { $pages }

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
