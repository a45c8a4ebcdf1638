## Mijn Buurtteam, the family portal (pages/portal.rs). Plain Dutch (B1), "je" form.

## Frame
nav-portal-plan = Mijn plan
nav-portal-log = Wie keek in mijn dossier
portal-footer-privacy = Je gegevens zijn vertrouwelijk. Elke keer dat iemand het dossier bekijkt, wordt dat vastgelegd.
portal-date-time = { $date } om { $time }

## Codes: role (portal accounts)
role-family-member = Gezinslid
role-network-member = Belangrijke ander

## Field labels and errors of the portal forms
label-portal-comment-body = Jouw reactie
label-portal-proposal-title = Hoe wil je het doel noemen?
label-portal-proposal-description = Uitleg (mag leeg blijven)
label-portal-network-name = Naam
label-portal-network-relation = Wie is het voor jullie?
label-portal-network-email = E-mailadres
field-error-invalid-code = Deze code werkt niet. Misschien is hij al gebruikt of te oud. Vraag een nieuwe code aan je gezinswerker, of aan wie je uitnodigde.
field-error-email-taken = Er is al een account met dit e-mailadres. Vul het wachtwoord van dat account in, of kies een ander e-mailadres.

## The plan
portal-title = Mijn Buurtteam
portal-intro-family = Hier zie je het gezinsplan: de doelen waar jullie samen met het buurtteam aan werken, en wie wat doet. Je ziet alleen de doelen die jij mag zien.
portal-intro-network = Een gezin heeft je gevraagd om te helpen. Hier zie je het doel waarbij je helpt. Je kunt reageren en laten weten wat je gedaan hebt. De rest van het plan zie je niet.
portal-none-family = Je hebt nog geen plan in Mijn Buurtteam. Heb je een code gekregen van je gezinswerker? Vul die dan in.
portal-none-network = Je kunt nu geen doel meer zien. Misschien is je uitnodiging ingetrokken, of is de hulp gestopt. Heb je een nieuwe code gekregen? Vul die dan in.
portal-none-new-code = Een code invullen
portal-household = Jullie gezin
portal-goals = Doelen
portal-goals-network = Het doel waarbij je helpt
portal-goals-none = Er staan nog geen doelen in het plan die jij kunt zien.
portal-goal-of-household = Doel van het hele gezin
portal-goal-of-you = Jouw doel
portal-goal-of = Doel van { $name }
portal-goal-status-open = Loopt
portal-goal-status-achieved = Bereikt
portal-goal-status-stopped = Gestopt
portal-goal-confidential = Alleen jij en je gezinswerker zien dit doel.
portal-goal-private = Dit doel is van jou. Je gezin ziet het niet: alleen jij en je gezinswerker.
portal-goal-shared = Je hebt dit doel gedeeld. Je gezin kan het ook zien.
portal-share = Delen met mijn gezin
portal-unshare = Niet meer delen
portal-score = Hoe het nu gaat: { $score } van de 5 (op { $date }). 1 is: grote problemen. 5 is: het lukt helemaal zelf.
portal-actions = Wat gaan we doen?
portal-actions-none = Er zijn nog geen acties bij dit doel.
portal-action-who = Wie: { $who }
portal-who-you = jij
portal-who-worker = je gezinswerker
portal-performer-family-member = een gezinslid
portal-performer-network-member = een belangrijke ander
portal-performer-family-worker = je gezinswerker
portal-performer-partner = een andere organisatie
portal-action-due = Klaar op { $date }
portal-action-done-on = Gedaan op { $date }
portal-action-mark-done = Gedaan
portal-action-mark-done-label = Gedaan: { $action }
portal-action-reopen = Toch nog niet gedaan
portal-action-reopen-label = Toch nog niet gedaan: { $action }
portal-comments = Reacties
portal-comments-none = Nog geen reacties.
portal-comment-by-you = Jij
portal-comment-hint = Stel een vraag of vertel hoe het gaat. Iedereen die dit doel ziet, kan je reactie lezen.
portal-comment-submit = Reactie plaatsen
portal-proposals = Jouw voorstellen
portal-proposal-pending = Je gezinswerker kijkt ernaar
portal-proposal-accepted = Overgenomen
portal-proposal-declined = Niet overgenomen
portal-propose = Wijziging voorstellen
portal-propose-intro = Wil je het doel anders zeggen, of iets veranderen? Schrijf hier je voorstel. Je gezinswerker bekijkt het en beslist of het doel zo verandert. Daarna zie je hier wat er besloten is.
portal-propose-title-hint = In je eigen woorden.
portal-propose-description-hint = Wat wil je nog meer veranderen, en waarom?
portal-propose-submit = Voorstel versturen
portal-network = Belangrijke anderen bij dit doel
portal-network-intro = Een belangrijke ander is iemand die je helpt, bijvoorbeeld opa, een buurvrouw of een vriend. Die persoon ziet alleen dit doel, kan reageren en kan eigen acties afvinken.
portal-network-state-invited = uitgenodigd, heeft de code nog niet gebruikt
portal-network-state-active = doet mee
portal-network-state-revoked = ingetrokken, ziet het doel niet meer
portal-network-revoke = Intrekken
portal-network-revoke-label = Intrekken: { $name }
portal-invite = Iemand uitnodigen
portal-invite-intro = Je krijgt een code. Die geef je zelf aan de persoon die je uitnodigt. Met de code maakt die persoon een account. Je kunt de uitnodiging altijd weer intrekken.
portal-invite-relation-hint = Bijvoorbeeld: opa, buurvrouw, vriendin
portal-invite-submit = Uitnodigen
portal-code-heading = Code voor { $name }
portal-code-how = Geef deze code aan { $name }. { $name } gaat naar { $address } en maakt daar met de code een account. De code werkt { $days } dagen en maar één keer. Je ziet de code hier maar één keer: schrijf hem op of stuur hem meteen door.
portal-appointments = Afspraken
portal-appointments-none = Er zijn nu geen afspraken gepland.
portal-appointment-place = Waar: { $place }
portal-evaluations = Gesprekken over hoe het gaat
portal-evaluation-next = Het volgende gesprek is rond { $date }.
portal-evaluations-none = Er is nog geen gesprek geweest over hoe het gaat.
portal-evaluation-held = Gesprek van { $date }
portal-evaluation-went-well = Wat ging goed:
portal-evaluation-changes = Wat gaat er anders:
portal-agreement = Akkoord met het plan
portal-agree-intro = Heb je het plan gelezen en vind je het goed? Laat het dan hier weten. Je kunt ook eerst reageren of een wijziging voorstellen.
portal-agree-submit = Ik ga akkoord met dit plan (versie { $version })
portal-agreed = Je bent akkoord gegaan met dit plan (versie { $version }).
portal-agreed-earlier = Je ging akkoord met versie { $earlier }. Daarna is het plan veranderd. Nu is het versie { $version }.
portal-agree-refused = Akkoord geven kan nu niet: er staan nog geen doelen in het plan.
portal-notice-commented = Je reactie is geplaatst.
portal-notice-proposed = Je voorstel is verstuurd. Je gezinswerker kijkt ernaar.
portal-notice-action-done = Goed gedaan! De actie staat op gedaan.
portal-notice-action-open = De actie staat weer open.
portal-notice-shared = Je gezin kan dit doel nu zien.
portal-notice-unshared = Je gezin kan dit doel niet meer zien.
portal-notice-revoked = De uitnodiging is ingetrokken. Die persoon ziet het doel niet meer.
portal-notice-agreed = Dank je wel. We hebben vastgelegd dat je akkoord gaat met het plan.

## Activating an account with a code
portal-activate-title = Account maken voor Mijn Buurtteam
portal-activate-intro = Heb je een code gekregen van je gezinswerker, of van iemand uit een gezin? Maak dan hier je account. Je hebt de code maar één keer nodig.
portal-activate-code = Code
portal-activate-code-hint = 12 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKLM
portal-activate-email = E-mailadres
portal-activate-email-hint = Hiermee log je later in.
portal-activate-password = Kies een wachtwoord
portal-activate-password-hint = Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.
portal-activate-repeat = Typ het wachtwoord nog een keer
portal-activate-submit = Account maken
portal-activate-second-factor = Wil je je account extra beveiligen? Zet dan na het inloggen bij ‘Mijn account’ een tweede stap aan, met een app op je telefoon. Dat hoeft niet.
portal-activate-have-account = Heb je al een account? Log dan in.
portal-activate-expired = Het formulier was verlopen. Probeer het nog een keer.
portal-activate-held-off = Te veel pogingen met deze code of vanaf deze verbinding. Probeer het over { $minutes } minuten opnieuw, of vraag je gezinswerker om een nieuwe code.
portal-login-activated = Je account is klaar. Log in met je e-mailadres en wachtwoord.

## Who looked at my file (the access log in plain words)
portal-log-title = Wie keek in mijn dossier
portal-log-intro = Hier zie je wie jouw dossier of het plan van je gezin heeft bekeken of veranderd, en wanneer. Het nieuwste staat bovenaan. Wat je zelf deed, staat er niet bij.
portal-log-none = Nog niemand heeft je dossier bekeken.
portal-log-questions = Klopt er iets niet, of heb je een vraag? Vraag het je gezinswerker of de teammanager van het buurtteam.
portal-log-forbidden-title = Alleen voor gezinsleden
portal-log-forbidden-detail = Op deze pagina zie je wie in het dossier van je gezin keek. Die pagina is alleen voor gezinsleden.
portal-log-someone = Iemand
portal-log-other = { $who } heeft het dossier bekeken of bijgewerkt.
portal-log-other-goal = { $who } heeft iets gedaan met het doel ‘{ $goal }’.
