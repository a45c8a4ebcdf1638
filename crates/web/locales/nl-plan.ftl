## The family plan in the staff pages (pages/plan.rs).

## Plan pages: frame and navigation
plan-title = Gezinsplan
plan-nav-label = Dit dossier
plan-nav-file = Dossier
plan-nav-plan = Gezinsplan
plan-nav-history = Geschiedenis van het plan
plan-nav-notes = Werkaantekeningen
plan-nav-access-log = Toegangslog
plan-at = { $date } om { $time }
plan-version = Versie { $version }
plan-current = huidige versie
plan-yes = ja
plan-no = nee
next-evaluation = Evaluatie uiterlijk { $date }
file-plan-open = Gezinsplan openen
file-plan-notes = Werkaantekeningen (alleen voor medewerkers)
file-plan-access-log = Toegangslog van dit dossier

## Goals
plan-goals = Doelen
plan-goals-none = Er zijn nog geen doelen. Voeg hieronder het eerste doel toe, in de woorden van het gezin.
plan-owner-household = Het hele gezin
plan-owner-not-client = { $name } (geen cliënt)
plan-not-client-note = Geen cliënt van deze begeleiding: alleen het team ziet dit doel, ook in Mijn Buurtteam ziet niemand het. Maak deze persoon cliënt om het doel met het gezin te delen volgens de leeftijdsregels.
plan-make-client = Ook cliënt maken
plan-confidential = Vertrouwelijk
plan-shared = Gedeeld met het gezin
plan-self-sufficiency = Zelfredzaamheid
plan-score-none-yet = Nog niet gemeten.
plan-latest-score = { $score } (gemeten op { $date })
plan-score-text = { $score } – { $meaning }
plan-score-1 = acute problemen
plan-score-2 = niet zelfredzaam
plan-score-3 = beperkt zelfredzaam
plan-score-4 = voldoende zelfredzaam
plan-score-5 = volledig zelfredzaam
plan-score-none = Niet gemeten
plan-scores-caption = Zelfredzaamheid bij het doel { $goal }, oudste meting eerst
plan-measured-on = Gemeten op
plan-score = Score
plan-goal-add = Doel toevoegen
plan-goal-add-submit = Doel toevoegen
plan-goal-change = Doel wijzigen of vertrouwelijk maken
plan-goal-change-submit = Wijziging opslaan
plan-field-title = Doel
plan-field-description = Toelichting
plan-field-life-domain = Leefgebied
plan-field-client-id = Van wie
plan-field-status = Status
plan-field-confidential = Vertrouwelijk
plan-field-confidential-reason = Reden van vertrouwelijkheid
plan-field-shared = Gedeeld met het gezin
plan-field-performer = Wie doet het
label-goal-title = Doel in de woorden van het gezin
label-goal-description = Toelichting (niet verplicht)
label-goal-life-domain = Leefgebied
label-goal-client-id = Van wie is het doel?
label-goal-status = Status
label-goal-confidential = Vertrouwelijk: niet zichtbaar voor andere gezinsleden en belangrijke anderen
label-goal-confidential-reason = Reden van vertrouwelijkheid
label-goal-shared = De cliënt (16 jaar of ouder) deelt dit doel met het gezin
hint-goal-title = Zoals het gezin het zelf zegt, bijvoorbeeld: "Bram gaat weer met plezier naar school."
hint-goal-reason = Alleen invullen bij een vertrouwelijk doel. Alleen medewerkers en de cliënt zelf zien de reden.

## Actions
plan-actions = Acties
plan-actions-none = Nog geen acties.
plan-action-due = uiterlijk { $date }
plan-action-done-on = klaar op { $date }
plan-action-done = Klaar
plan-action-reopen = Toch nog niet klaar
plan-action-add = Actie toevoegen
plan-action-add-submit = Actie toevoegen
label-action-description = Wat gaat er gebeuren?
label-action-performer = Wie doet het?
label-action-due-on = Uiterlijk op (niet verplicht)
label-action-person-id = Welk gezinslid (bij Gezinslid)
label-action-network-invitation-id = Welke belangrijke ander (bij Belangrijke ander)
label-action-performer-name = Of: een organisatie die niet op de sociale kaart staat

## Scores
plan-score-add = Zelfredzaamheid meten
plan-score-add-submit = Score opslaan
label-score-score = Zelfredzaamheid (1 tot 5)
label-score-measured-on = Gemeten op

## Proposals from the family
plan-proposals = Voorstellen van het gezin
plan-proposal-by = Voorgesteld door { $author }, { $when }
plan-proposal-accept = Overnemen
plan-proposal-decline = Niet overnemen
plan-proposal-decided = Over dit voorstel is al besloten. Hieronder staat het plan zoals het nu is.

## Network members
plan-network = Belangrijke anderen
plan-network-none = Nog niemand uitgenodigd bij dit doel.
plan-network-state-invited = uitgenodigd, code nog niet gebruikt
plan-network-state-active = doet mee
plan-network-state-revoked = ingetrokken
plan-network-revoke = Intrekken
plan-network-invite = Belangrijke ander uitnodigen
plan-network-invite-intro = Een belangrijke ander ziet in Mijn Buurtteam alleen dit doel, zolang de uitnodiging niet is ingetrokken.
plan-network-invite-submit = Uitnodiging maken
plan-network-invited = De uitnodiging voor { $name } is gemaakt. Geef { $name } deze code:
label-network-name = Naam
label-network-relation = Wie is het voor het gezin?
label-network-email = E-mailadres
hint-network-relation = Bijvoorbeeld: buurvrouw, opa, voetbaltrainer
plan-code-hint = U ziet deze code maar één keer. Hij is 14 dagen geldig en werkt één keer. Geef hem persoonlijk of per telefoon door, niet in dezelfde mail als de link.

## Comments
plan-comments = Reacties
plan-comments-none = Nog geen reacties.
plan-comment-add = Reactie schrijven
plan-comment-add-submit = Reactie plaatsen
label-comment-body = Reactie
hint-comment-body = Het gezin en de belangrijke anderen bij dit doel lezen mee.

## Evaluations
plan-evaluations = Evaluaties
plan-evaluations-none = Nog geen evaluaties.
plan-evaluation-none-planned = Er is geen volgende evaluatie gepland.
plan-evaluation-of = Evaluatie van { $date }
plan-evaluation-add = Evaluatie vastleggen
plan-evaluation-add-submit = Evaluatie opslaan
plan-evaluation-scores = Zelfredzaamheid per doel
plan-evaluation-score-for = Doel: { $goal }
plan-recorded-by = Vastgelegd door
label-evaluation-held-on = Datum van de evaluatie
label-evaluation-went-well = Wat ging goed?
label-evaluation-changes = Wat verandert er?
label-evaluation-next-on = Volgende evaluatie
hint-evaluation-next-on = Deze datum komt op de werklijst.
hint-evaluation-scores = Meet de zelfredzaamheid bij elk lopend doel; laat "Niet gemeten" staan waar u nu niet meet.

## Appointments
plan-appointments = Afspraken
plan-appointments-none = Nog geen afspraken.
plan-appointment-add = Afspraak plannen
plan-appointment-add-submit = Afspraak opslaan
label-appointment-starts-at = Datum en tijd
label-appointment-place = Waar
label-appointment-description = Waarover
hint-appointment-description = Het gezin ziet dit in Mijn Buurtteam.

## Agreement
plan-agreement = Akkoord van het gezin
plan-version-current = Het plan is nu bij versie { $version }.
plan-agreed-current = Akkoord met deze versie: { $names }.
plan-agreed-current-none = Nog niemand is akkoord met deze versie.
plan-agreements-caption = Wie met welke versie akkoord ging
plan-col-version = Versie
plan-col-who = Wie
plan-col-how = Hoe vastgelegd
plan-col-when = Wanneer
plan-agreed-in-portal = zelf, in Mijn Buurtteam
plan-agreed-on-behalf = namens het gezinslid, door { $worker }
plan-agree-on-behalf = Akkoord vastleggen namens een gezinslid
plan-agree-on-behalf-intro = Alleen als het gezinslid u zelf heeft gezegd akkoord te zijn met deze versie van het plan.
plan-agree-submit = Akkoord vastleggen
plan-agree-no-goals = Akkoord kan pas als het plan doelen heeft.
label-agreement-person-id = Welk gezinslid is akkoord?

## Mijn Buurtteam invitations
plan-portal = Mijn Buurtteam
plan-portal-intro = Gezinsleden van 12 jaar en ouder kunnen het plan lezen in Mijn Buurtteam. Maak een uitnodiging en geef de code persoonlijk.
plan-portal-invite = { $name } uitnodigen voor Mijn Buurtteam
plan-portal-too-young = Jonger dan 12: geen eigen account; ouders met gezag lezen mee.
plan-portal-invited = De uitnodiging voor { $name } is gemaakt. Geef { $name } deze code:

## History
plan-history-title = Geschiedenis van het gezinsplan
plan-history-intro = Elke wijziging maakt een nieuwe versie. Hier staat wie wat veranderde en wanneer, nieuwste eerst.
plan-history-none = Er is nog niets veranderd aan het plan.
plan-history-by = Door { $who }, { $when }
plan-history-goal = Bij het doel: { $goal }
plan-history-set = { $field }: { $value }
plan-history-changed = { $field }: { $before } werd { $after }
plan-history-score = Zelfredzaamheid { $score }, gemeten op { $date }
plan-history-action = Actie: { $action }
plan-history-evaluation-held = Evaluatie gehouden op { $date }
plan-history-goal-score = Bij “{ $goal }”: zelfredzaamheid { $score }
plan-history-network = Belangrijke ander: { $name }
plan-change-goal-added = Doel toegevoegd
plan-change-goal-changed = Doel gewijzigd
plan-change-goal-sharing-changed = Delen met het gezin gewijzigd
plan-change-goal-scored = Zelfredzaamheid gemeten
plan-change-goal-proposal-accepted = Voorstel van het gezin overgenomen
plan-change-action-added = Actie toegevoegd
plan-change-action-done = Actie klaar
plan-change-action-reopened = Actie weer open
plan-change-evaluation-recorded = Evaluatie vastgelegd
plan-change-network-invited = Belangrijke ander uitgenodigd
plan-change-network-revoked = Uitnodiging van belangrijke ander ingetrokken

## Working notes
plan-notes-title = Werkaantekeningen
plan-notes-staff-only = Alleen voor medewerkers — nooit zichtbaar in Mijn Buurtteam.
plan-notes = Aantekeningen
plan-notes-none = Nog geen werkaantekeningen.
plan-note-add = Werkaantekening toevoegen
plan-note-add-submit = Aantekening opslaan
label-note-body = Aantekening
hint-note-body = Uw eigen professionele aantekening. Het gezin ziet dit niet.

## Access log
access-log-title = Toegangslog
access-log-intro = Wie dit dossier las of wijzigde, wanneer en vanuit welke sessie; nieuwste eerst, de laatste { $limit } regels.
access-log-none = Nog niets vastgelegd.
access-log-caption = Toegang tot dit dossier, nieuwste eerst
access-col-when = Wanneer
access-col-who = Wie
access-col-role = Rol
access-col-what = Wat
access-col-goal = Doel
access-col-about = Over wie
access-col-session = Sessie
access-who = { $name } (account { $account })
access-acting-for = namens { $name }
access-action-case-read = Dossier gelezen
access-action-case-emergency-access-granted = Noodtoegang gegeven
access-action-case-emergency-read = Gelezen met noodtoegang
access-action-emergency-access-reviewed = Noodtoegang beoordeeld
access-action-unusual-access-reviewed = Opvallende inzage beoordeeld
access-action-case-referred = Aanmelding vastgelegd
access-action-case-intake-held = Kennismaking vastgelegd
access-action-case-support-started = Start ondersteuning vastgelegd
access-action-case-closed = Dossier afgesloten
access-action-case-claimed = Aanmelding opgepakt
access-action-case-assigned = Dossier toegewezen
access-action-case-corrected = Datum gecorrigeerd
access-action-case-reopened = Dossier heropend
access-action-case-voided = Aanmelding vervallen
access-action-case-access-refused = Toegang tot het dossier geweigerd
access-action-contact-recorded = Contactmoment vastgelegd
access-action-contact-list = Contactmomenten gelezen
access-action-plan-read = Gezinsplan gelezen
access-action-plan-history-read = Geschiedenis van het plan gelezen
access-action-plan-agreed = Akkoord met het plan vastgelegd
access-action-household-access-refused = Toegang tot het huishouden geweigerd
access-action-team-access-refused = Toegang tot een lijst van het team geweigerd
access-action-kpi-access-refused = Toegang tot stuurinformatie geweigerd
access-action-organisation-access-refused = Beheer van de organisatie geweigerd
access-action-form-access-refused = Formulier geweigerd (beveiligingscode ontbrak, of van een andere site)
access-action-request-replayed = Herhaald verzoek beantwoord zonder het opnieuw uit te voeren
access-action-access-log-read = Toegangslog gelezen
access-action-ldv-exported = Logboek uitgevoerd (Logboek Dataverwerkingen)
access-action-cbs-exported = Levering Beleidsinformatie Jeugd aan het CBS gemaakt
access-action-working-notes-read = Werkaantekeningen gelezen
access-action-working-note-added = Werkaantekening toegevoegd
access-action-goal-added = Doel toegevoegd
access-action-case-client-added = Gezinslid cliënt gemaakt
access-action-goal-changed = Doel gewijzigd
access-action-goal-sharing-changed = Delen met het gezin gewijzigd
access-action-goal-scored = Zelfredzaamheid gemeten
access-action-goal-commented = Reactie geplaatst
access-action-goal-change-proposed = Wijziging voorgesteld
access-action-goal-proposal-accepted = Voorstel overgenomen
access-action-goal-proposal-declined = Voorstel niet overgenomen
access-action-action-added = Actie toegevoegd
access-action-action-done = Actie klaar
access-action-action-reopened = Actie weer open
access-action-evaluation-recorded = Evaluatie vastgelegd
access-action-appointment-planned = Afspraak gepland
access-action-network-invited = Belangrijke ander uitgenodigd
access-action-network-revoked = Uitnodiging ingetrokken
access-action-portal-invited = Uitgenodigd voor Mijn Buurtteam
access-action-portal-activated = Account in Mijn Buurtteam geactiveerd
access-action-auth-login = Ingelogd
access-action-auth-login-failed = Inloggen mislukt
access-action-auth-login-refused-locked = Inloggen geweigerd (account tijdelijk geblokkeerd)
access-action-auth-password-accepted = Wachtwoord geaccepteerd
access-action-auth-password-changed = Wachtwoord gewijzigd
access-action-auth-recovery-code-used = Herstelcode gebruikt
access-action-auth-second-factor-disabled = Tweede stap uitgezet
access-action-auth-second-factor-enabled = Tweede stap aangezet
access-action-case-list = Lijst met dossiers gelezen
access-action-closure-day-added = Sluitingsdag toegevoegd
access-action-closure-day-removed = Sluitingsdag verwijderd
access-action-district-created = Wijk aangemaakt
access-action-district-changed = Wijk gewijzigd
access-action-neighbourhood-created = Buurt aangemaakt
access-action-neighbourhood-changed = Buurt gewijzigd
access-action-code-label-changed = Omschrijving keuzelijst gewijzigd
access-action-processing-activity-changed = Verwerkingsactiviteit gewijzigd
access-action-household-created = Huishouden vastgelegd
access-action-household-read = Huishouden gelezen
access-action-household-search = Huishoudens gezocht
access-action-household-updated = Telefoon of e-mail gewijzigd
access-action-household-merged = Huishoudens samengevoegd
access-action-kpi-read = Stuurinformatie gelezen
access-action-population-imported = Bevolkingscijfers ingelezen
access-action-survey-results-read = Uitkomsten Ervaringswijzer gelezen
access-action-survey-open-answers-read = Open antwoorden Ervaringswijzer gelezen
access-action-portal-activation-failed = Activeren van Mijn Buurtteam mislukt
access-action-portal-exported = Eigen gegevens gedownload (inzage)
access-action-case-inzage-produced = Kopie gemaakt op schriftelijk verzoek (inzage)
access-action-synth-generated = Oefengegevens aangemaakt
access-action-team-created = Team aangemaakt
access-action-team-changed = Team aangepast
access-action-user-created = Gebruiker aangemaakt
access-action-user-changed = Gebruiker aangepast
access-action-user-deactivated = Gebruiker uitgezet
access-action-user-reactivated = Gebruiker weer aangezet
access-action-user-unlocked = Gebruiker gedeblokkeerd
access-action-user-second-factor-reset = Tweede stap gewist
access-action-user-activation-code-issued = Activeringscode gemaakt
access-action-user-activated = Account geactiveerd
access-action-user-activation-failed = Activeren van een medewerkersaccount mislukt
access-action-group-created = Groep aangemaakt
access-action-group-changed = Status van een groep gewijzigd
access-action-group-session-added = Groepsbijeenkomst gepland
access-action-group-participant-enrolled = Aangemeld voor een groep
access-action-group-participant-left = Gestopt met een groep
access-action-group-participant-moved-up = Van de wachtlijst in een groep geplaatst
access-action-group-attendance-recorded = Aanwezigheid bij een groep vastgelegd
access-action-group-participants-read = Deelnemers van een groep bekeken
access-action-survey-invited = Uitgenodigd voor de Ervaringswijzer
access-action-survey-reminded = Herinnerd aan de Ervaringswijzer
access-action-survey-letter-printed = Brief voor de Ervaringswijzer geprint
access-action-survey-paper-entered = Papieren Ervaringswijzer ingevoerd
access-action-survey-questionnaire-changed = Vragenlijst van de Ervaringswijzer aangepast

## Field errors of the plan forms
field-error-score-range = Kies een score van 1 (acute problemen) tot 5 (volledig zelfredzaam).
field-error-not-a-client = Kies het hele gezin of een gezinslid met een eigen hulpvraag (cliënt).
field-error-confidential-reason-required = Schrijf op waarom dit doel vertrouwelijk is.
field-error-not-invited = Kies een belangrijke ander die bij dit doel is uitgenodigd.
field-error-next-after-held = De volgende evaluatie ligt na de datum van deze evaluatie.
field-error-not-a-goal = Dit doel hoort niet bij dit plan.
field-error-invalid-datetime = Vul een datum en tijd in, bijvoorbeeld 2026-12-03 14:30.
field-error-too-young-for-portal = Kinderen onder de 12 krijgen geen eigen account; hun ouders met gezag lezen mee.

## Codes: goal-status
goal-status-open = Loopt
goal-status-achieved = Bereikt
goal-status-stopped = Gestopt

## Codes: performer
performer-family-member = Gezinslid
performer-network-member = Belangrijke ander
performer-family-worker = Gezinswerker
performer-partner = Partnerorganisatie

## Codes: proposal-status
proposal-status-pending = Wacht op de gezinswerker
proposal-status-accepted = Overgenomen
proposal-status-declined = Niet overgenomen
plan-case-closed = Het dossier is afgesloten; het plan kan niet meer veranderen.
access-action-case-group-support-recorded = Groepsaanbod overwogen vastgelegd
access-action-collective-activity-recorded = Bijeenkomst collectieve aanpak vastgelegd
access-action-collective-activity-list = Bijeenkomsten collectieve aanpak gelezen
access-action-outreach-attempt-recorded = Poging om contact te maken vastgelegd
access-action-outreach-signals-destroyed = Signaalgegevens vernietigd
access-action-case-handed-over = Begeleiding overgedragen
access-action-case-transferred = Begeleiding naar ander team
access-action-case-stand-in-set = Waarnemer geregeld
access-action-onward-referral-recorded = Aanvullende hulp ingezet
access-action-onward-referral-changed = Aanvullende hulp bijgewerkt
access-action-onward-referral-list = Aanvullende hulp gelezen
