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

# end of block E
