# buurtteam: message catalogue (Nederlands). Keys are English; every key exists in nl.ftl and en.ftl (a test checks).


## Frame
app-name = Buurtteam
skip-to-content = Direct naar de inhoud
nav-label = Hoofdmenu
nav-worklist = Werklijst
nav-new-referral = Nieuwe aanmelding
nav-search = Zoeken
nav-account = Mijn account
nav-logout = Uitloggen
switch-language = English
footer-privacy = Dit systeem bevat vertrouwelijke gegevens van gezinnen. Elke keer dat u een dossier opent, wordt dat vastgelegd.
choose = Maak een keuze
choose-optional = Geen (niet verplicht)
form-error-summary = Er ging iets mis. Controleer deze velden:

## Errors
error-back-to-worklist = Terug naar de werklijst
error-back-to-portal = Terug naar Mijn Buurtteam
error-back-to-dashboards = Naar Sturing
error-back-to-account = Naar Mijn account
error-not-found-title = Niet gevonden
error-not-found-detail = Deze pagina bestaat niet, of u mag hem niet zien.
error-forbidden-title = Geen toegang
error-forbidden-detail = Uw rol mag dit niet doen.
error-conflict-title = Dit kan nu niet
error-conflict-detail = Iemand anders heeft dit dossier net gewijzigd, of deze stap past niet bij de huidige fase. Open het dossier opnieuw.
error-csrf-title = Formulier verlopen
error-csrf-detail = Dit formulier is verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog eens. Er is niets opgeslagen.
error-form-title = Formulier niet te lezen
error-form-detail = Dit formulier kon niet worden gelezen. Ga terug, laad de pagina opnieuw en probeer het nog eens. Er is niets opgeslagen.
error-unavailable-title = Even niet beschikbaar
error-unavailable-detail = De database kan dit verzoek nu niet verwerken; er is niets opgeslagen. Probeer het over een minuut opnieuw.
error-internal-title = Er ging iets mis
error-internal-detail = Er ging aan onze kant iets mis. Het is vastgelegd; probeer het opnieuw.
step-refused-changed = Iemand anders heeft dit dossier net veranderd. Laad de pagina opnieuw en probeer het dan nog eens.
step-refused-state = Deze stap kan niet meer: het dossier staat nu op "{ $status }". Laad de pagina opnieuw om te zien wat er veranderd is.
field-error-before-referral = Deze datum ligt vóór de aanmelding ({ $date }). Kies { $date } of later.
field-error-before-last-handover = Deze datum ligt vóór de laatste overdracht van deze zaak ({ $date }). Kies { $date } of later.
field-error-before-intake = Deze datum ligt vóór de kennismaking ({ $date }). Kies { $date } of later.
field-error-before-support-started = Deze datum ligt vóór de start van de ondersteuning ({ $date }). Kies { $date } of later.
field-error-source-other-required = Vul in wie of wat aanmeldde, want u koos "Anders".
field-error-source-other-not-other = Dit veld hoort alleen bij "Anders". Kies "Anders" of maak dit veld leeg.
field-error-not-your-staff = Deze gezinswerker hoort niet bij uw teams.

## Field errors (beside the field)
field-error-invalid = Deze waarde klopt niet.
field-error-required = Vul dit in.
field-error-too-long = Maximaal { $max } tekens.
field-error-invalid-date = Dit is geen bestaande datum.
field-error-future-date = Deze datum ligt in de toekomst. Kies vandaag of eerder.
field-error-unknown-choice = Kies een van de mogelijkheden.
field-error-required-life-domain = Kies minstens één leefgebied.
field-error-requested-date-required = Vul de datum in die is gevraagd voor de kennismaking.
field-error-requested-by-required = Kies wie om een latere kennismaking vroeg.
field-error-requested-before-referral = Deze datum ligt vóór de aanmelding.
field-error-requested-not-later = Een latere kennismaking ligt ná de gewone termijn ({ $date }). Kies een datum na { $date }, of vraag geen latere kennismaking aan.
field-error-client-required = Kies minstens één gezinslid met een eigen hulpvraag.
field-error-unknown-team = Dit team bestaat niet.
field-error-unknown-household = Dit huishouden bestaat niet of is niet van uw team.
field-error-not-household-member = Deze persoon hoort niet bij dit huishouden.
field-error-not-your-team = Dit is niet een van uw teams.
field-error-worker-not-in-team = Kies een gezinswerker of teammanager van het team van dit dossier.
field-error-detail-not-for-reason = Deze toelichting hoort niet bij de gekozen reden.
field-error-minutes-required = Vul de duur in minuten in.
field-error-minutes-range = Vul een duur tussen 1 en 1440 minuten in.
field-error-member-required = Vul minstens één gezinslid in.
field-error-too-many-members = Maximaal { $max } gezinsleden.
field-error-invalid-name = Deze naam bevat tekens die niet kunnen.
field-error-date-too-early = Deze datum ligt te ver terug. Kies { $min } of later.
field-error-date-too-late = Deze datum ligt te ver vooruit. Kies { $max } of eerder.
field-error-line-break = Schrijf dit op één regel, zonder regeleinden of tabs.
field-error-control-character = Deze tekst bevat een onzichtbaar stuurteken (zoals NUL of escape). Typ de tekst opnieuw of plak hem zonder opmaak.
field-error-invalid-bsn = Dit is geen geldig BSN (9 cijfers, 11-proef).
field-error-invalid-postcode = Vul een postcode in als 3511 AB.
field-error-unknown-district = Deze wijk bestaat niet.
field-error-not-your-district = Je kunt alleen wijken van je eigen teams toevoegen of weghalen. Niet van jouw teams: { $districts }.
field-error-district-follows-postcode = Deze postcode ligt in wijk { $name }. Laat de wijk leeg of kies { $name }.
field-error-district-required-no-area = Kies de wijk: deze postcode ligt in geen bekend postcodegebied.
field-error-team-ended = Dit team is beëindigd op { $date } en neemt geen nieuwe aanmeldingen aan.
field-error-unknown-district-name = Er is geen wijk met de naam { $name }.
field-error-invalid-email = Vul een e-mailadres in als naam@voorbeeld.nl.
field-error-password-too-short = Kies een wachtwoord van minstens { $min } tekens.
field-error-password-too-long = Dit wachtwoord is te lang. Kies een korter wachtwoord.
field-error-password-common = Dit wachtwoord is veelgebruikt of uitgelekt (ook met cijfers erachter). Kies een ander, bijvoorbeeld een zin van een paar woorden.
field-error-password-pattern = Dit wachtwoord is één teken herhaald of een voor de hand liggende reeks (zoals abcdef, qwerty of 123456). Kies iets dat moeilijker te raden is.
field-error-password-personal = Dit wachtwoord bestaat uit de naam of het e-mailadres van het account, of uit de naam van deze dienst. Kies iets anders.
field-error-password-current = Dit is het huidige wachtwoord (eventueel met andere cijfers). Kies een nieuw wachtwoord.
field-error-password-mismatch = Dit is niet hetzelfde als het nieuwe wachtwoord.
field-error-wrong-password = Dit is niet uw huidige wachtwoord.
field-error-wrong-code = Deze code klopt niet. Wacht op de volgende code en probeer het opnieuw.
field-error-name-too-short = Typ minstens 2 letters.
field-error-postcode-with-house-number = Vul bij een huisnummer ook de postcode in.
field-error-invalid-house-number = Vul een huisnummer in van 1 tot 99999, zoals 12, 12a of 12-bis.
field-error-invalid-house-letter = Vul één letter in, zoals de a van 12a.
field-error-invalid-house-number-addition = Vul hoogstens 4 letters of cijfers in, zoals bis van 12-bis.
field-error-bsn-in-url = Een BSN hoort niet in een URL; zoek op BSN via de zoekpagina.
field-error-search-empty = Vul minstens één zoekveld in.
field-error-whole-calendar-period = Kies een hele maand, een heel kwartaal, halfjaar of jaar: van de eerste tot en met de laatste dag.
field-error-period-not-ended = Deze periode is nog niet voorbij. Kies een periode die al voorbij is.

## Field labels (also named in the error summary)
label-email = E-mailadres
label-password = Wachtwoord
label-code = Code
label-name = Naam
label-birth-date = Geboortedatum
label-postcode = Postcode
label-house-number = Huisnummer
label-house-letter = Huisletter
label-house-number-addition = Toevoeging
label-bsn = BSN
label-phone = Telefoonnummer
hint-phone = Bijvoorbeeld 06-12345678 of 030 123 45 67. Niet verplicht.
label-other-phone = Ander telefoonnummer
label-member-email = E-mailadres
field-error-invalid-phone = Dit is geen telefoonnummer. Schrijf het als 06-12345678, 030 123 45 67 of met landnummer, zoals +32 2 123 45 67.
label-street = Straat
label-city = Plaats
label-district-id = Wijk
label-given-name = Voornaam
label-family-name = Achternaam
label-role = Rol
label-teams = Teams
label-client-ids = Wie heeft een eigen hulpvraag? (cliënten)
label-team-id = Team
label-referred-on = Datum van aanmelding
label-source = Aanmelder
label-source-other = Anders, namelijk
hint-source-other = Alleen bij "Anders": wie of wat meldde aan.
label-referrer-organisation = Organisatie van de aanmelder
hint-referrer-organisation = Bijvoorbeeld de naam van de school of huisartsenpraktijk. Niet nodig als het gezin zich zelf meldde.
label-referrer-name = Naam van de aanmelder
hint-referrer-name = Met functie, bijvoorbeeld "mevrouw Jansen, intern begeleider".
label-contact-summary = Korte samenvatting
hint-contact-summary = Wat er besproken is, in een paar zinnen. Alleen voor het team; het gezin ziet dit niet in Mijn Buurtteam.
label-request = Hulpvraag
label-life-domains = Leefgebieden
label-later-intake-requested-by = Wie vroeg om een latere kennismaking?
label-requested-intake-on = Gevraagde datum voor de kennismaking
label-held-on = Datum van de kennismaking
label-worker-id = Gezinswerker die de kennismaking hield en verder gaat
label-started-on = Datum start ondersteuning
label-contact-on = Datum
label-form = Vorm
label-minutes = Duur in minuten
label-participants = Wie waren erbij?
label-other-participants = Anderen die erbij waren
label-closed-on = Datum van afsluiten
label-reason = Reden van afsluiten
label-reason-detail = Toelichting op de reden
label-summary = Samenvatting
label-current-password = Huidig wachtwoord
label-new-password = Nieuw wachtwoord
label-repeat-password = Herhaal het nieuwe wachtwoord
label-members = Gezinsleden
label-address = Adres
hint-search-name = Voornaam, achternaam of allebei; een deel mag ook.
hint-postcode = Bijvoorbeeld 3511 AB
hint-district-from-postcode = De wijk volgt uit de postcode. Kies alleen een wijk als de postcode in geen bekend postcodegebied ligt.
hint-house-number = Bijvoorbeeld 12, 12a of 12-bis
hint-house-number-only = Alleen het nummer, bijvoorbeeld 12
hint-house-letter = Eén letter, bijvoorbeeld a (van 12a)
hint-house-number-addition = Bijvoorbeeld bis (van 12-bis)
hint-bsn = 9 cijfers
hint-request = In de woorden van het gezin of de aanmelder.
hint-later-intake = Alleen invullen als de aanmelder of het gezin zelf vroeg om een kennismaking later dan binnen 5 werkdagen.
hint-other-participants = Bijvoorbeeld: mentor van school
hint-summary = Niet verplicht. Wat is er bereikt, en hoe gaat het verder?
hint-new-password = Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.
hint-disable-second-factor = Vul uw wachtwoord in om de tweede stap uit te zetten.
hint-totp-code = De 6 cijfers die de app nu laat zien.

## Log-in
login-title = Inloggen
login-submit = Inloggen
login-help = Wachtwoord vergeten of account geblokkeerd? Neem contact op met de functioneel beheerder van uw organisatie.
login-activation-code = Activeringscode ontvangen?
staff-activate-title = Account activeren
staff-activate-intro = Hebt u van de functioneel beheerder een activeringscode gekregen, voor een nieuw account of na een vergeten wachtwoord? Kies hier uw wachtwoord. De code werkt één keer.
staff-activate-code = Activeringscode
staff-activate-code-hint = 12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKLM
staff-activate-email = E-mailadres
staff-activate-email-hint = Het e-mailadres van uw account.
staff-activate-password = Kies een wachtwoord
staff-activate-password-hint = Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.
staff-activate-repeat = Typ het wachtwoord nog een keer
staff-activate-submit = Wachtwoord instellen en inloggen
staff-activate-have-password = Weet u uw wachtwoord? Log dan in.
staff-activate-expired = Het formulier was verlopen. Probeer het nog een keer.
staff-activate-held-off = Te veel pogingen met deze code of vanaf deze verbinding. Probeer het over { $minutes } minuten opnieuw, of vraag de functioneel beheerder om een nieuwe code.
login-failed = Het e-mailadres of het wachtwoord klopt niet.
login-expired-form = Het inlogformulier was verlopen. Probeer het opnieuw.
login-locked =
    { $minutes ->
        [one] Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over { $minutes } minuut opnieuw, of neem contact op met de functioneel beheerder.
       *[other] Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over { $minutes } minuten opnieuw, of neem contact op met de functioneel beheerder.
    }
login-throttled =
    { $minutes ->
        [one] Te veel mislukte pogingen vanaf dit adres. Probeer het over { $minutes } minuut opnieuw.
       *[other] Te veel mislukte pogingen vanaf dit adres. Probeer het over { $minutes } minuten opnieuw.
    }
login-logged-out = U bent uitgelogd.
second-factor-title = Tweede stap: code
second-factor-intro = Open de authenticator-app op uw telefoon en vul de code in die u daar ziet. Geen telefoon bij de hand? Gebruik een van uw herstelcodes.
second-factor-hint = 6 cijfers uit de app, of een herstelcode
second-factor-submit = Bevestigen

## Worklist and waiting list
worklist-title = Werklijst
worklist-empty = Geen dossiers in deze lijst.
filter-worker = Gezinswerker
filter-more = Meer filters: team, gezinswerker, onderdeel
filter-all-workers = Alle gezinswerkers
filter-section = Onderdeel
filter-all-sections = Alles
worklist-section-appointments = Afspraken vandaag en deze week
worklist-section-actions = Acties die aflopen
worklist-section-proposals = Voorstellen van het gezin
worklist-section-comments = Reacties van het gezin die op antwoord wachten
worklist-section-evaluations = Evaluaties binnenkort
worklist-section-silent = Stille dossiers: lang geen contact
worklist-show-all = Alle { $count } tonen
worklist-range = { $range } van { $total }
worklist-pages-of = Pagina's van { $section }
worklist-back-to-overview = Terug naar de hele werklijst
done-claimed = U hebt de aanmelding opgepakt: u bent nu de gezinswerker.
done-assigned = Het dossier is toegewezen.
done-held = Iemand anders heeft deze aanmelding net opgepakt; de lijst laat zien wie.
file-corrections = Corrigeren
action-correct = Een datum verbeteren
correct-intro = Verkeerd ingevoerd? Vul alleen de datum in die niet klopt, en waarom. De oude datum blijft in de geschiedenis van het dossier; termijnen en cijfers rekenen met de verbeterde.
label-correct-intake = Kennismakingsgesprek (nu { $date })
label-correct-start = Start ondersteuning (nu { $date })
label-correct-closure = Afsluiting (nu { $date })
label-correct-intake-held-on = Kennismakingsgesprek
label-correct-started-on = Start ondersteuning
label-correct-closed-on = Afsluiting
label-correct-reason = Waarom
hint-correct-reason = Bijvoorbeeld "typfout: 20 in plaats van 7 februari".
action-correct-submit = Correctie opslaan
action-reopen = Dossier heropenen
label-reopen-reason = Waarom
hint-reopen-reason = Het dossier gaat terug naar de laatste stap vóór de afsluiting; de afsluiting blijft in de geschiedenis.
action-reopen-submit = Dossier heropenen
event-corrected = Gecorrigeerd: { $what }
event-corrected-detail = { $after } (was { $before })
event-reopened = Heropend
corrected-intake-held-on = kennismakingsgesprek
corrected-started-on = start ondersteuning
corrected-closed-on = afsluiting
done-corrected = Correctie opgeslagen.
done-reopened = Dossier heropend.
file-reach = Telefoon en e-mail
reach-of = { $name }
reach-submit = Opslaan
done-reach-saved = Telefoon en e-mail opgeslagen.
action-correct-contact = Een contactmoment verbeteren
correct-contact-intro = Kies het contactmoment en vul alleen in wat niet klopt: de datum, de duur of de vorm, en waarom.
label-correct-contact-id = Contactmoment
corrected-contact = contactmoment
done-contact-corrected = Correctie van het contactmoment opgeslagen.
field-error-unknown-contact = Kies een contactmoment van dit dossier.
minutes-short = { $minutes } min.
unchanged = Ongewijzigd
field-error-nothing-to-correct = Vul de datum in die niet klopt.
field-error-not-recorded = Deze stap is nog niet vastgelegd; leg hem vast in plaats van te corrigeren.
field-error-no-change = Dit is de datum die er al staat.
done-intake-held = Kennismakingsgesprek opgeslagen.
done-support-started = Start van de ondersteuning opgeslagen.
done-contact-recorded = Contactmoment opgeslagen.
done-case-closed = Dossier afgesloten.
done-plan-saved = Opgeslagen in het gezinsplan.
done-note-added = Werkaantekening opgeslagen.
done-referred = Aanmelding opgeslagen.
done-household-saved = Huishouden opgeslagen. Vul nu de aanmelding in.
done-password-changed = Uw wachtwoord is gewijzigd. Andere sessies van u zijn beëindigd.
done-second-factor-off = De tweede stap bij het inloggen staat uit.
worklist-nothing = Niets te doen bij: { $parts }.
assign-label = Gezinswerker voor { $clients }
assign-button = Toewijzen
caseload-of = Caseload { $team }
caseload-intro = Wie draagt welke dossiers: per gezinswerker de open dossiers per fase, hoeveel er over hun termijn zijn en de eerstvolgende termijn. Wie de minste dossiers heeft, staat bovenaan.
caseload-caption = Open dossiers per gezinswerker
caseload-referred = Nieuwe aanmeldingen
caseload-intake-held = Kennismaking gehouden
caseload-in-support = In ondersteuning
caseload-open = Open
caseload-overdue = Te laat
caseload-next-due = Eerstvolgende termijn
caseload-unassigned = Nog door niemand opgepakt
caseload-reassign = Dossiers toewijzen
caseload-show-cases =
    { $count ->
        [one] { $count } dossier tonen
       *[other] { $count } dossiers tonen
    }
caseload-none = Geen open dossiers.
page-previous = Vorige pagina
page-next = Volgende pagina
card-referred-on = Aangemeld { $date }
card-worker = Gezinswerker: { $name }
card-worker-none = Nog door niemand opgepakt
card-goal = Doel: { $title }
card-written = { $name }, { $when }
card-action-due = uiterlijk { $date }
card-last-contact = Laatste contact { $date }
card-weeks-silent =
    { $weeks ->
        [one] { $weeks } week geen contact
       *[other] { $weeks } weken geen contact
    }
claim-button = Oppakken
claim-button-label = { $clients } oppakken
claim-hint = Oppakken maakt u de gezinswerker van deze aanmelding, zodat uw collega's zien dat u de familie belt.
countdown-tomorrow = morgen
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
worklist-bad-filter = Dit filter kan niet; u ziet de hele werklijst.
filter-scope = Welke dossiers
filter-scope-mine = Mijn dossiers en nieuwe aanmeldingen
filter-scope-team = Alle dossiers van het team
filter-team = Team
filter-all-teams = Alle teams
filter-status = Fase
filter-all-statuses = Alle fasen
filter-apply = Filter toepassen
col-clients = Cliënt(en)
col-team = Team
col-referred-on = Aangemeld op
col-next = Volgende stap
col-worker = Gezinswerker
col-waiting = Wacht al
col-requested = Later gevraagd voor
worker-none = Nog niemand
next-intake = Kennismaking uiterlijk { $date }
next-intake-requested = Kennismaking rond { $date } (later gevraagd door: { $by })
next-start = Start ondersteuning uiterlijk { $date }
last-activity = Laatst gewijzigd { $date }
countdown-today = vandaag
countdown-left =
    { $days ->
        [one] nog { $days } werkdag
       *[other] nog { $days } werkdagen
    }
countdown-late =
    { $days ->
        [one] { $days } werkdag te laat
       *[other] { $days } werkdagen te laat
    }
countdown-days-left =
    { $days ->
        [one] nog { $days } dag
       *[other] nog { $days } dagen
    }
countdown-days-late =
    { $days ->
        [one] { $days } dag te laat
       *[other] { $days } dagen te laat
    }
overdue = Te laat
overdue-count =
    { $count ->
        [one] { $count } te laat
       *[other] { $count } te laat
    }
waiting-list-of = Wachtlijst { $team }
waiting-list-intro = Aangemeld, nog geen kennismaking. Wie het langst wacht, staat bovenaan.
waiting-list-caption = Wachtlijst, langst wachtend eerst
waiting-list-other-teams = Wachtlijsten van uw andere teams
waiting-list-count =
    { $count ->
        [one] { $count } gezin wacht op een kennismaking
       *[other] { $count } gezinnen wachten op een kennismaking
    }
days-waiting =
    { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }

## Search
search-title = Zoeken
search-intro = Zoek een huishouden op naam, geboortedatum, postcode en huisnummer, of BSN. U vindt alleen gezinnen van uw eigen teams.
search-submit = Zoeken
search-results =
    { $count ->
        [one] { $count } huishouden gevonden
       *[other] { $count } huishoudens gevonden
    }
search-none = Niets gevonden. Controleer de spelling, of zoek op minder gegevens.
search-no-cases = Nog geen dossier.
search-new-referral = Nieuwe aanmelding voor dit huishouden
case-number = Dossier { $id }

## Referral and household
referral-title = Nieuwe aanmelding
referral-find-intro = Zoek eerst of het huishouden al bekend is bij uw team. Zo ontstaat er geen tweede dossier.
referral-find-heading = Stap 1: zoek het huishouden
referral-choose-household = Kies dit huishouden
referral-new-household-heading = Niet gevonden?
referral-new-household-intro = Registreer dan het huishouden met zijn gezinsleden.
referral-new-household = Nieuw huishouden registreren
referral-for-household = Aanmelding voor het huishouden op { $address }.
referral-other-household = Ander huishouden kiezen
referral-later-intake = Latere kennismaking (niet verplicht)
requested-by-none = Niemand: binnen 5 werkdagen
referral-submit = Aanmelding opslaan
household-title = Nieuw huishouden
household-intro = Vul het adres en de gezinsleden in. Lege regels worden overgeslagen.
household-address = Adres
household-member = Gezinslid { $number }
household-add-member = Nog een gezinslid
household-submit = Huishouden opslaan
household-save-anyway = Toch een nieuw huishouden opslaan
household-duplicates-heading = Mogelijk bestaat dit huishouden al
household-duplicates-intro = Bij uw teams staat al een huishouden met een gezinslid met dezelfde naam en geboortedatum, of hetzelfde BSN. Kies het als het hetzelfde huishouden is; sla anders toch een nieuw huishouden op.

## Family file
file-title = Dossier
file-facts = Gegevens
file-household = Huishouden
file-actions = Volgende stap
file-plan = Gezinsplan
file-plan-none = Er is nog geen gezinsplan.
file-timeline = Tijdlijn
fact-status = Fase
fact-team = Team
fact-worker = Gezinswerker
fact-referred-on = Aangemeld op
fact-source = Aanmelder
fact-request = Hulpvraag
fact-life-domains = Leefgebieden
fact-intake-due = Kennismaking uiterlijk
fact-later-intake = Latere kennismaking
later-intake-text = gevraagd door { $by }, voor { $date }
fact-intake-held = Kennismaking gehouden
fact-start-due = Start uiterlijk
fact-started = Ondersteuning gestart
fact-closed = Afgesloten
on-time = op tijd
not-on-time = niet op tijd
client = cliënt
age-years =
    { $years ->
        [one] { $years } jaar
       *[other] { $years } jaar
    }
event-referred = Aangemeld
event-intake = Kennismakingsgesprek
event-started = Ondersteuning gestart
event-contact = Contact: { $form }
event-contact-detail = { $minutes } min. { $with }
event-closed = Afgesloten
action-intake = Kennismakingsgesprek vastleggen
action-intake-submit = Kennismaking opslaan
action-start = Start van de ondersteuning vastleggen
action-start-submit = Start opslaan
action-contact = Contactmoment toevoegen
action-contact-submit = Contact opslaan
action-close = Dossier afsluiten
action-close-submit = Dossier afsluiten

## Account
account-title = Mijn account
account-password = Wachtwoord wijzigen
account-password-submit = Wachtwoord wijzigen
account-second-factor = Tweede stap bij inloggen
account-second-factor-on = Aan: u logt in met uw wachtwoord en een code uit de authenticator-app.
account-second-factor-off = Uit: u logt in met alleen uw wachtwoord. Een tweede stap maakt uw account veel veiliger.
account-second-factor-enable = Tweede stap instellen
account-second-factor-disable = Tweede stap uitzetten
account-second-factor-required = Uw organisatie verplicht de tweede stap voor uw rol; u kunt hem niet uitzetten.
setup-title = Tweede stap instellen
setup-required = Uw organisatie verplicht een tweede stap bij inloggen voor uw rol. Stel hem nu in; daarna kunt u verder werken.
setup-step-app = Installeer een authenticator-app op uw telefoon, bijvoorbeeld de app die uw organisatie adviseert.
setup-step-scan = Scan de QR-code met de app, of typ de geheime sleutel over.
setup-step-code = Vul de code in die de app laat zien.
setup-qr-label = QR-code om te scannen met de authenticator-app
setup-secret = Geheime sleutel:
setup-submit = Tweede stap aanzetten
setup-done = De tweede stap staat aan.
setup-recovery-codes = Uw herstelcodes
setup-recovery-intro = Bewaar deze codes op een veilige plek. Elke code werkt één keer, als u uw telefoon niet bij de hand hebt. U ziet ze maar één keer.
setup-continue = Verder naar de werklijst

## Months
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Case statuses
status-referred = Aangemeld
status-intake-held = Kennismaking gehouden
status-in-support = In ondersteuning
status-closed = Afgesloten
worklist-section-referred = Nieuwe aanmeldingen: kennismaking plannen
worklist-section-intake-held = Kennismaking gehouden: ondersteuning starten
worklist-section-in-support = In ondersteuning, laatst actief eerst
worklist-section-closed = Afgesloten

## Codes: role
role-family-worker = Gezinswerker
role-team-manager = Teammanager
role-analyst = Analist
role-admin = Functioneel beheerder
role-privacy-officer = Functionaris gegevensbescherming
role-hr = HR-adviseur

## Codes: household-role
household-role-parent = Ouder
household-role-child = Kind
household-role-other = Ander gezinslid

## Codes: source
source-self = Zelfmelder
source-gp = Huisarts
source-school = School / kernpartner
source-youth-health = Jeugdgezondheidszorg
source-safe-at-home = Veilig Thuis
source-municipality = Gemeente
source-outreach = Outreachend / vroegsignalering
source-other = Anders

## Codes: requested-by
requested-by-referrer = Aanmelder
requested-by-family = Gezin

## Codes: life-domain
life-domain-finances = Financiën
life-domain-work-education = Werk en opleiding
life-domain-time-use = Tijdsbesteding
life-domain-housing = Huisvesting
life-domain-domestic-relations = Huiselijke relaties
life-domain-mental-health = Geestelijke gezondheid
life-domain-physical-health = Lichamelijke gezondheid
life-domain-substance-use = Middelengebruik
life-domain-basic-adl = Basale ADL
life-domain-instrumental-adl = Instrumentele ADL
life-domain-social-network = Sociaal netwerk
life-domain-social-participation = Maatschappelijke participatie
life-domain-justice = Justitie
life-domain-parenting = Opvoeding
life-domain-development-school = Ontwikkeling en school
life-domain-safety = Veiligheid

## Codes: contact-form
contact-form-home-visit = Huisbezoek
contact-form-office = Op kantoor
contact-form-school = Op school
contact-form-gp-practice = Bij de huisartsenpraktijk
contact-form-phone = Telefonisch
contact-form-video = Beeldbellen
contact-form-chat = Chat
contact-form-group = Groep

## Codes: closure-reason
closure-reason-result-achieved = Passend resultaat
closure-reason-external-circumstances = Externe omstandigheden
closure-reason-other = Overige redenen

## Codes: closure-detail
closure-detail-goals-achieved = Doelen bereikt
closure-detail-no-help-needed = Geen hulp (meer) nodig
closure-detail-referred-onward = Verder geholpen door andere hulp
closure-detail-social-base = Verder in de sociale basis
closure-detail-moved = Verhuisd
closure-detail-deceased = Overleden
closure-detail-other-external = Andere externe omstandigheid
closure-detail-unreachable = Geen contact meer mogelijk
closure-detail-declined = Gezin wil geen hulp (meer)
closure-detail-trust-broken = Vertrouwen in hulp verloren
closure-detail-other-reason = Andere reden

## Home for roles without client records
home-no-cases-title = Welkom
home-no-cases-detail = Uw rol werkt niet met dossiers van gezinnen, dus er is geen werklijst. Via Mijn account kunt u uw wachtwoord en de tweede stap bij inloggen beheren.

## Dashboards
nav-dashboards = Sturing
nav-complaints = Klachten
nav-outreach = Campagnes
nav-knowledge = Kennisbank
dash-title = Sturing
dash-bad-selection = Een deel van de keuze klopte niet (een onbekende periode, een datum in de toekomst of een onbekend gebied). Hieronder staat de standaardkeuze.
dash-scope = Gebied
dash-period = Soort periode
dash-start = Een dag in de periode
dash-start-hint = De maand, het kwartaal, het halfjaar of het jaar waarin deze dag valt.
dash-show = Toon cijfers
dash-report-link = Halfjaarrapportage { $half }e halfjaar { $year } (af te drukken of op te slaan als pdf)
dash-period-month = Maand
dash-period-quarter = Kwartaal
dash-period-half = Halfjaar
dash-period-year = Jaar
dash-scope-city = Hele stad
dash-scope-district = Wijk { $name }
dash-scope-team = Team { $name }
dash-period-range = { $from } t/m { $to }
dash-period-now = Deze periode: { $period }.
dash-period-before = Vergeleken met de vorige periode: { $period }.
dash-running = De periode loopt nog: de cijfers lopen tot en met vandaag.
dash-suppressed-note = Aantallen onder de 5 staan er als "<5". Cijfers van 5 of meer waaruit zo'n aantal terug te rekenen zou zijn, staan er als "afgeschermd". Zo wijst geen cijfer naar een gezin.
dash-period-refused-title = Deze periode is nog niet voorbij
dash-period-refused-detail = U ziet cijfers waarin kleine aantallen zijn afgeschermd. Die zijn er alleen over hele maanden, kwartalen, halfjaren en jaren die al voorbij zijn: cijfers die elke dag bijgroeien, zouden door ze te vergelijken laten zien wat er op één dag gebeurde. Kies een eerdere periode.
dash-protected = afgeschermd
dash-tiles-heading = Kerncijfers
dash-tile-previous = Vorige periode: { $value }
dash-map-heading = Kaart: bereik per 1.000 inwoners per wijk
dash-legend = Legenda van de kaart
dash-legend-range = { $from } tot { $to } per 1.000 inwoners
dash-legend-none = niet getoond (minder dan 5 huishoudens of geen inwonertal)
dash-map-unknown = onbekend
dash-show-table = Tabel: { $title }
dash-download = Downloaden:
dash-download-csv = { $title } als CSV
dash-download-xlsx = { $title } als Excel (XLSX)
dash-report-title = Halfjaarrapportage { $half }e halfjaar { $year }: { $scope }
dash-report-back = Terug naar de sturingscijfers
dash-report-intro = De cijfers van dit halfjaar naast die van het halfjaar ervoor. De definities staan in de beschrijving van de kerncijfers (docs/kpi.md).
dash-this-period = Deze periode
dash-previous-period = Vorige periode
dash-report-print = Afdrukken of opslaan als pdf
dash-download-all = Download alles (Excel)
dash-download-all-hint = Alle tabellen van dit overzicht in één werkmap, met het gebied en de periode erbij.
dash-chart-empty-period = Geen grafiek: er zijn geen gegevens over deze periode.
dash-chart-empty-suppressed = Geen grafiek: alle aantallen in deze periode zijn kleiner dan 5 en daarom afgeschermd.
dash-chart-empty-population = Geen grafiek: er zijn geen inwonersaantallen ingelezen met een peildatum vóór het eind van deze periode, dus het bereik per 1.000 inwoners is niet te berekenen. Een beheerder leest ze in met "buurtteam import populations".
dash-xlsx-about = Over deze export
dash-xlsx-scope = Gebied
dash-xlsx-period = Periode
dash-xlsx-previous = Vergeleken met
dash-xlsx-running = loopt nog, cijfers tot en met vandaag
dash-xlsx-made-on = Gemaakt op
dash-xlsx-suppression = Kleine aantallen
dash-xlsx-sheets = Tabbladen
dash-no-data = Geen gegevens
dash-target = Norm { $pct }%
dash-diff-none = Niet te vergelijken
dash-diff-same = Gelijk aan de vorige periode
dash-diff-more = { $diff } meer dan de vorige periode
dash-diff-less = { $diff } minder dan de vorige periode
dash-diff-pp-up = { $diff } procentpunt hoger dan de vorige periode
dash-diff-pp-down = { $diff } procentpunt lager dan de vorige periode
dash-diff-days-up = { $diff } dagen langer dan de vorige periode
dash-diff-days-down = { $diff } dagen korter dan de vorige periode
dash-kpi-referrals = Aanmeldingen
dash-kpi-intakes-held = Kennismakingsgesprekken
dash-kpi-intake-on-time = Kennismaking binnen 5 werkdagen
dash-kpi-intake-on-time-excl = Kennismaking binnen 5 werkdagen, zonder verzoek om later
dash-kpi-intake-median = Dagen tot kennismaking (mediaan)
dash-kpi-starts = Gestarte ondersteuning
dash-kpi-start-2-weeks = Start binnen 2 weken na kennismaking
dash-kpi-waiting = Wachtlijst aan het eind
dash-kpi-waiting-median = Wachttijd in dagen (mediaan)
dash-kpi-active = Lopende begeleidingen aan het eind
dash-kpi-long-running = Begeleidingen langer dan 12 maanden
dash-kpi-closures = Afgesloten begeleidingen
dash-kpi-duration-median = Duur van afgesloten begeleidingen in dagen (mediaan)
dash-kpi-caseload-mean = Begeleidingen per gezinswerker (gemiddeld)
dash-kpi-contacts = Contactmomenten
dash-kpi-households-reached = Bereikte huishoudens
dash-table-kpis = Kerncijfers
dash-table-intake = Kennismaking binnen 5 werkdagen
dash-table-referrals-by-source = Aanmeldingen per aanmelder
dash-table-referrals-by-life-domain = Aanmeldingen per leefgebied
dash-table-referrals-by-team = Aanmeldingen per team
dash-table-referrals-by-district = Aanmeldingen per wijk
dash-table-waiting-by-days = Wachtlijst naar wachttijd
dash-table-case-duration = Afgesloten begeleidingen naar duur
dash-table-contact-forms = Contactmomenten naar vorm
dash-table-closures-by-reason = Afsluitingen naar reden
dash-table-reach = Bereik per wijk
dash-table-absence = Verzuim en capaciteit (streefwaarde verzuim { $pct }%)
dash-col-month = Maand
dash-col-absence-pct = Verzuim (%)
dash-col-absence-target = Ten opzichte van de streefwaarde
dash-col-absence-frequency = Meldingsfrequentie (per persoon per jaar)
dash-col-long-absence = Langdurig verzuim (meldingen > 6 weken)
dash-col-caseload-per-fte = Caseload per fte
dash-absence-above = Boven de streefwaarde van { $pct }%
dash-absence-not-above = Niet boven de streefwaarde
dash-absence-whole-period = Hele periode
dash-table-gp = Samenwerking met huisartsenpraktijken (streefwaarde { $pct }%)
dash-col-gp-practices = Praktijken
dash-col-gp-started = Gestart
dash-col-gp-alternative = Andere afspraak
dash-col-gp-in-talks = In gesprek
dash-col-gp-none = Geen
dash-col-gp-share-now = Werkt samen, deze periode (%)
dash-col-gp-share-before = Werkt samen, vorige periode (%)
dash-col-gp-target = Ten opzichte van de streefwaarde
dash-gp-below = Onder de streefwaarde van { $pct }%
dash-gp-not-below = Op of boven de streefwaarde van { $pct }%
dash-gp-all = Alle wijken samen
dash-gp-target-line = Streefwaarde { $pct }%
dash-gp-none-recorded = Er zijn (nog) geen huisartsenpraktijken vastgelegd voor dit gebied.
dash-table-ve = VE-locaties met een gekoppelde gezinswerker
dash-col-ve-locations = VE-locaties
dash-col-ve-linked = Met gekoppelde gezinswerker
dash-col-ve-share = Aandeel (%)
dash-col-figure = Cijfer
dash-col-now = Deze periode
dash-col-before = Vorige periode
dash-col-difference = Verschil
dash-col-count-now = Aantal deze periode
dash-col-pct-now = Aandeel deze periode (%)
dash-col-count-before = Aantal vorige periode
dash-col-pct-before = Aandeel vorige periode (%)
dash-col-source = Aanmelder
dash-col-life-domain = Leefgebied
dash-col-team = Team
dash-col-district = Wijk
dash-col-waiting = Wachttijd
dash-col-duration = Duur
dash-col-contact-form = Vorm
dash-col-reason = Reden
dash-col-households-now = Huishoudens deze periode
dash-col-residents = Inwoners
dash-col-per-1000-now = Per 1.000 inwoners deze periode
dash-col-households-before = Huishoudens vorige periode
dash-col-per-1000-before = Per 1.000 inwoners vorige periode
dash-range-0-7-days = 0-7 dagen
dash-range-8-14-days = 8-14 dagen
dash-range-15-28-days = 15-28 dagen
dash-range-over-28-days = meer dan 28 dagen
dash-range-up-to-3-months = tot 3 maanden
dash-range-3-to-6-months = 3-6 maanden
dash-range-6-to-12-months = 6-12 maanden
dash-range-over-12-months = meer dan 12 maanden

## The same messages as families read them ("je", never the "functioneel beheerder"):
## `<key>--je` wins over `<key>` on Mijn Buurtteam and on the log-in and account pages a
## family member uses (`Tr::for_family`).
footer-privacy--je = Je gegevens zijn vertrouwelijk. Elke keer dat iemand het dossier bekijkt, wordt dat vastgelegd.
error-not-found-detail--je = Deze pagina bestaat niet, of je mag hem niet zien.
error-forbidden-detail--je = Dit kun je hier niet doen.
field-error-wrong-password--je = Dit is niet je huidige wachtwoord.
hint-disable-second-factor--je = Vul je wachtwoord in om de tweede stap uit te zetten.
hint-new-password--je = Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.
login-help--je = Wachtwoord vergeten of kun je niet inloggen? Vraag je gezinswerker om hulp.
login-locked--je =
    { $minutes ->
        [one] Dit account is even geblokkeerd, omdat het inloggen te vaak mislukte. Probeer het over { $minutes } minuut opnieuw, of vraag je gezinswerker om hulp.
       *[other] Dit account is even geblokkeerd, omdat het inloggen te vaak mislukte. Probeer het over { $minutes } minuten opnieuw, of vraag je gezinswerker om hulp.
    }
login-logged-out--je = Je bent uitgelogd.
second-factor-intro--je = Open de app op je telefoon en vul de code in die je daar ziet. Geen telefoon bij de hand? Gebruik een van je herstelcodes.
done-password-changed--je = Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.
account-second-factor-on--je = Aan: je logt in met je wachtwoord en een code uit de app op je telefoon.
account-second-factor-off--je = Uit: je logt in met alleen je wachtwoord. Met een tweede stap is je account veel beter beveiligd. Dat hoeft niet.
account-second-factor-required--je = De tweede stap is verplicht; je kunt hem niet uitzetten.
setup-required--je = Stel eerst een tweede stap in bij het inloggen. Daarna kun je verder.
setup-step-app--je = Zet een app voor inlogcodes op je telefoon (een "authenticator-app").
setup-step-scan--je = Scan de QR-code met de app, of typ de geheime sleutel over.
setup-step-code--je = Vul de code in die de app laat zien.
setup-recovery-codes--je = Je herstelcodes
setup-recovery-intro--je = Bewaar deze codes op een veilige plek. Elke code werkt één keer, als je je telefoon niet bij de hand hebt. Je ziet ze maar één keer.
setup-continue--je = Verder naar Mijn Buurtteam

## Single sign-on (pages::sso, decision 0017)
sso-button = Inloggen met { $provider }
sso-or-password = Of log in met uw e-mailadres en wachtwoord
sso-or-password--je = Of log in met je e-mailadres en wachtwoord
login-password-off = Inloggen met een wachtwoord staat uit voor medewerkers van deze organisatie. Gebruik de knop hierboven om in te loggen via de organisatie.
sso-again = Terug naar inloggen
sso-use-code = Een account maken met de code van je gezinswerker
sso-unknown-account-title = U heeft nog geen account
sso-unknown-account-detail = U bent ingelogd bij { $provider }, maar er is in Buurtteam nog geen account voor u. Vraag uw functioneel beheerder om een account voor u aan te maken.
sso-deactivated-title = Uw account is uitgeschakeld
sso-deactivated-detail = U bent ingelogd bij { $provider }, maar uw account in Buurtteam is uitgeschakeld. Vraag uw functioneel beheerder om het weer aan te zetten.
sso-deactivated-detail--je = Je bent ingelogd met { $provider }, maar je account voor Mijn Buurtteam is uitgeschakeld. Vraag je gezinswerker wat je kunt doen.
sso-not-invited-title = We kunnen je niet vinden
sso-not-invited-detail = Je bent ingelogd met { $provider }, maar er staat voor jou geen uitnodiging voor Mijn Buurtteam klaar. Gebruik de code die je van je gezinswerker hebt gekregen om je account te maken, of vraag je gezinswerker om een uitnodiging.
sso-state-title = Het inloggen is verlopen
sso-state-detail = Het inloggen duurde te lang, of is in een ander venster begonnen. Probeer het opnieuw.
sso-refused-title = Inloggen is niet gelukt
sso-refused-detail = { $provider } heeft het inloggen niet bevestigd. Probeer het opnieuw. Lukt het weer niet, neem dan contact op met de functioneel beheerder.
sso-refused-detail--je = { $provider } heeft het inloggen niet bevestigd. Probeer het opnieuw. Lukt het weer niet, vraag dan je gezinswerker om hulp.
sso-unavailable-title = { $provider } is nu niet bereikbaar
sso-unavailable-detail = Probeer het over een paar minuten opnieuw.
sso-logout-title = U bent uitgelogd
sso-logout-detail = U bent uitgelogd bij Buurtteam. U wordt nu ook uitgelogd bij { $provider }.
sso-logout-continue = Verder naar { $provider }
