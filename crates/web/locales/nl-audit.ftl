## The audit actions (domain::audit::AuditAction), one sentence each for the access log of
## Mijn Buurtteam ("Wie keek in mijn dossier"), addressed to the family member reading it.
## The key is `audit-` and the stored code with dashes. `$who` is the person (and role) who
## did it; `$goal` the goal's title for actions on a goal. Every action needs a sentence in
## both languages: a test in pages/i18n.rs fails otherwise. Plain Dutch (B1), "je" form.

## The case and its contacts
audit-case-referred = { $who } heeft je gezin aangemeld bij het buurtteam.
audit-case-read = { $who } heeft het dossier van je gezin bekeken.
audit-case-list = { $who } heeft een lijst met dossiers bekeken.
audit-case-intake-held = { $who } heeft het kennismakingsgesprek vastgelegd.
audit-case-support-started = { $who } heeft vastgelegd dat de hulp is begonnen.
audit-case-closed = { $who } heeft de hulp afgesloten.
audit-case-claimed = { $who } is je gezinswerker geworden.
audit-case-assigned = { $who } heeft een gezinswerker aan je dossier gekoppeld.
audit-case-corrected = { $who } heeft een datum in je dossier verbeterd.
audit-case-reopened = { $who } heeft je dossier weer geopend.
audit-case-voided = { $who } heeft een aanmelding laten vervallen die per vergissing was geregistreerd.
audit-contact-recorded = { $who } heeft een gesprek of contact vastgelegd.
audit-contact-list = { $who } heeft de gesprekken en contacten bekeken.

## Households
audit-household-created = { $who } heeft de gegevens van je gezin vastgelegd.
audit-household-read = { $who } heeft de gegevens van je gezin bekeken.
audit-household-search = { $who } heeft gezocht naar een gezin.
audit-household-updated = { $who } heeft een telefoonnummer of e-mailadres in je gezin bijgewerkt.
audit-household-merged = { $who } heeft twee registraties van je gezin samengevoegd.

## The family plan
audit-plan-read = { $who } heeft het gezinsplan bekeken.
audit-plan-history-read = { $who } heeft bekeken hoe het gezinsplan is veranderd.
audit-plan-agreed = { $who } heeft vastgelegd dat je akkoord gaat met het gezinsplan.
audit-goal-added = { $who } heeft het doel ‘{ $goal }’ toegevoegd.
audit-case-client-added = { $who } heeft een gezinslid cliënt gemaakt in het plan.
audit-goal-changed = { $who } heeft het doel ‘{ $goal }’ aangepast.
audit-goal-sharing-changed = { $who } heeft veranderd wie het doel ‘{ $goal }’ kan zien.
audit-goal-scored = { $who } heeft opgeschreven hoe het gaat met het doel ‘{ $goal }’.
audit-goal-commented = { $who } heeft gereageerd bij het doel ‘{ $goal }’.
audit-goal-change-proposed = { $who } heeft een wijziging voorgesteld voor het doel ‘{ $goal }’.
audit-goal-proposal-accepted = { $who } heeft een voorstel voor het doel ‘{ $goal }’ overgenomen.
audit-goal-proposal-declined = { $who } heeft een voorstel voor het doel ‘{ $goal }’ niet overgenomen.
audit-action-added = { $who } heeft een actie toegevoegd bij het doel ‘{ $goal }’.
audit-action-done = { $who } heeft een actie afgevinkt bij het doel ‘{ $goal }’.
audit-action-reopened = { $who } heeft een actie weer open gezet bij het doel ‘{ $goal }’.
audit-evaluation-recorded = { $who } heeft een gesprek over hoe het gaat vastgelegd.
audit-appointment-planned = { $who } heeft een afspraak gepland.
# Working notes are never named in Mijn Buurtteam, nor hinted at: a note added is the file
# brought up to date, a read of them is a read of the file.
audit-working-note-added = { $who } heeft het dossier van je gezin bijgewerkt.
audit-working-notes-read = { $who } heeft het dossier van je gezin bekeken.
audit-network-invited = { $who } heeft iemand uitgenodigd bij het doel ‘{ $goal }’.
audit-network-revoked = { $who } heeft een uitnodiging bij het doel ‘{ $goal }’ ingetrokken.
audit-access-log-read = { $who } heeft bekeken wie er in het dossier keek.
audit-ldv-exported = { $who } heeft het logboek uitgevoerd als Logboek Dataverwerkingen.
audit-cbs-exported = { $who } heeft de halfjaarlevering Beleidsinformatie Jeugd voor het CBS gemaakt.

## Mijn Buurtteam
audit-portal-invited = { $who } heeft een code voor Mijn Buurtteam voor je gemaakt.
audit-portal-activated = { $who } heeft een account voor Mijn Buurtteam gemaakt.
audit-portal-activation-failed = { $who } heeft een code voor Mijn Buurtteam ingevuld die niet klopte.
audit-portal-exported = { $who } heeft een kopie van de eigen gegevens gedownload.
audit-case-inzage-produced = { $who } heeft een kopie van gegevens gemaakt, op een schriftelijk verzoek.

## Accounts
audit-auth-login = { $who } is ingelogd.
audit-auth-password-accepted = { $who } heeft het goede wachtwoord ingevuld. De tweede stap van het inloggen moest nog komen.
audit-auth-login-failed = { $who } heeft geprobeerd in te loggen, maar dat lukte niet.
audit-auth-login-refused-locked = { $who } kon niet inloggen, omdat het account even geblokkeerd was.
audit-auth-password-changed = { $who } heeft een nieuw wachtwoord gekozen.
audit-auth-recovery-code-used = { $who } is ingelogd met een herstelcode.
audit-auth-second-factor-enabled = { $who } heeft inloggen in twee stappen aangezet.
audit-auth-second-factor-disabled = { $who } heeft inloggen in twee stappen uitgezet.

## The organisation
audit-district-created = { $who } heeft een wijk toegevoegd.
audit-team-created = { $who } heeft een team toegevoegd.
audit-district-changed = { $who } heeft een wijk hernoemd of beëindigd.
audit-neighbourhood-created = { $who } heeft een buurt toegevoegd.
audit-neighbourhood-changed = { $who } heeft een buurt of haar postcodegebieden gewijzigd.
audit-code-label-changed = { $who } heeft de omschrijving van een keuzelijst aangepast.
audit-processing-activity-changed = { $who } heeft een verwerkingsactiviteit in het verwerkingsregister aangepast.
audit-team-changed = { $who } heeft de gegevens van een team aangepast.
audit-user-created = { $who } heeft een account voor een medewerker gemaakt.
audit-user-changed = { $who } heeft het account van een medewerker aangepast.
audit-user-deactivated = { $who } heeft het account van een medewerker uitgezet.
audit-user-reactivated = { $who } heeft het account van een medewerker weer aangezet.
audit-user-unlocked = { $who } heeft het geblokkeerde account van een medewerker vrijgegeven.
audit-user-second-factor-reset = { $who } heeft de tweede stap bij het inloggen van een medewerker gewist.
audit-user-activation-code-issued = { $who } heeft een activeringscode voor een medewerker gemaakt.
audit-user-activated = { $who } heeft het eigen account geactiveerd met een activeringscode.
audit-user-activation-failed = { $who } probeerde een account van een medewerker te activeren; dat lukte niet.
audit-closure-day-added = { $who } heeft een dag toegevoegd waarop het buurtteam dicht is.
audit-closure-day-removed = { $who } heeft een dag weggehaald waarop het buurtteam dicht zou zijn.

## Steering figures
audit-kpi-read = { $who } heeft cijfers over het werk van de buurtteams bekeken.
audit-population-imported = { $who } heeft het aantal inwoners per wijk ingelezen.
audit-survey-results-read = { $who } heeft de uitkomsten van de Ervaringswijzer bekeken.
audit-survey-open-answers-read = { $who } heeft de open antwoorden van de Ervaringswijzer gelezen.

## Refused attempts (never shown in Mijn Buurtteam, but every action has its sentence)
audit-case-access-refused = { $who } wilde het dossier openen, maar mocht dat niet.
audit-household-access-refused = { $who } wilde de gegevens van een gezin bekijken, maar mocht dat niet.
audit-team-access-refused = { $who } wilde een lijst van een team bekijken, maar mocht dat niet.
audit-kpi-access-refused = { $who } wilde cijfers over het werk bekijken, maar mocht dat niet.
audit-organisation-access-refused = { $who } wilde de organisatie beheren, maar mocht dat niet.
audit-form-access-refused = { $who } stuurde een formulier dat is geweigerd, omdat het niet veilig was verstuurd.

## Emergency access (decision 0023)
audit-case-emergency-access-granted = { $who } heeft met spoed toegang gevraagd tot het dossier van je gezin (noodtoegang). Dat mag alleen bij een dringende reden. De functionaris gegevensbescherming controleert het.
audit-case-emergency-read = { $who } heeft het dossier van je gezin bekeken met noodtoegang.
audit-emergency-access-reviewed = { $who } heeft een noodtoegang gecontroleerd.
audit-unusual-access-reviewed = { $who } heeft opvallende inzage gecontroleerd.

## The system
audit-request-replayed = { $who } stuurde een verzoek nog een keer. Het is niet opnieuw uitgevoerd.
audit-synth-generated = { $who } heeft een oefenomgeving met verzonnen gezinnen gemaakt.
audit-survey-invited = { $who } heeft je uitgenodigd voor de Ervaringswijzer.
audit-survey-reminded = { $who } stuurde je een herinnering voor de Ervaringswijzer.
audit-survey-letter-printed = { $who } heeft de brief voor de Ervaringswijzer geprint.
audit-survey-paper-entered = { $who } heeft een papieren Ervaringswijzer ingevoerd.
audit-survey-questionnaire-changed = { $who } heeft de vragenlijst van de Ervaringswijzer aangepast.

## Retention and destruction
audit-case-destroyed = { $who } heeft het dossier vernietigd. Alleen het dossiernummer en de data zijn bewaard.
audit-case-partially-destroyed = { $who } heeft een deel van het dossier vernietigd.
audit-destruction-requested = { $who } heeft een verzoek om vernietiging van je dossier geregistreerd.
audit-destruction-decided = { $who } heeft een besluit genomen over het verzoek om vernietiging.
audit-legal-hold-placed = { $who } heeft bepaald dat je dossier langer bewaard moet blijven.
audit-legal-hold-lifted = { $who } heeft het langer bewaren van je dossier beëindigd.
audit-group-created = { $who } heeft een groep aangemaakt.
audit-group-changed = { $who } heeft de status van een groep gewijzigd.
audit-group-session-added = { $who } heeft een bijeenkomst van een groep gepland.
audit-group-participant-enrolled = { $who } heeft je aangemeld voor een groep.
audit-group-participant-left = { $who } heeft vastgelegd dat je bent gestopt met een groep.
audit-group-participant-moved-up = { $who } heeft je van de wachtlijst in een groep geplaatst.
audit-group-attendance-recorded = { $who } heeft de aanwezigheid bij een groepsbijeenkomst vastgelegd.
audit-group-participants-read = { $who } heeft de deelnemers van een groep bekeken.
audit-case-group-support-recorded = { $who } heeft vastgelegd of groepsaanbod voor je gezin is overwogen.
audit-collective-activity-recorded = { $who } heeft een bijeenkomst van de collectieve aanpak vastgelegd.
audit-collective-activity-list = { $who } heeft de bijeenkomsten van de collectieve aanpak bekeken.
audit-complaint-registered = { $who } heeft een klacht over de hulp vastgelegd.
audit-complaint-submitted = { $who } heeft een klacht ingediend.
audit-complaint-read = { $who } heeft een klacht bekeken.
audit-complaint-list = { $who } heeft de klachten bekeken.
audit-complaint-step-recorded = { $who } heeft een stap in de behandeling van een klacht vastgelegd.
audit-complaint-extended = { $who } heeft de beslissing over een klacht uitgesteld.
audit-complaint-lessons-recorded = { $who } heeft vastgelegd wat het team van een klacht leerde.
audit-campaign-created = { $who } heeft een outreachcampagne aangemaakt.
audit-campaign-changed = { $who } heeft een outreachcampagne gewijzigd.
audit-campaign-signals-imported = { $who } heeft een bestand met signalen ingelezen.
audit-campaign-basket-read = { $who } heeft de werkbak van een campagne bekeken.
audit-campaign-address-read = { $who } heeft een adres van een campagne bekeken.
audit-campaign-address-assigned = { $who } heeft adressen van een campagne aan een medewerker gegeven.
audit-outreach-weighing-changed = { $who } heeft de weging van de werkbak gewijzigd.
audit-outreach-attempt-recorded = { $who } heeft vastgelegd dat we contact met je zochten.
audit-outreach-signals-destroyed = { $who } heeft de gegevens van een signaal over een betalingsachterstand vernietigd.
audit-case-handed-over = { $who } heeft je begeleiding aan een andere gezinswerker overgedragen.
audit-case-transferred = { $who } heeft je begeleiding overgedragen aan het buurtteam van je nieuwe wijk.
audit-case-stand-in-set = { $who } heeft een waarnemer voor je gezinswerker geregeld.
audit-knowledge-article-created = { $who } heeft een artikel in de kennisbank geschreven.
audit-knowledge-article-changed = { $who } heeft een artikel in de kennisbank gewijzigd.
audit-absence-recorded = { $who } heeft een verzuimperiode van een medewerker vastgelegd.
audit-absence-changed = { $who } heeft een verzuimperiode van een medewerker gewijzigd.
audit-absence-read = { $who } heeft de verzuimperiodes van een medewerker bekeken.
audit-partner-created = { $who } heeft een partnerorganisatie toegevoegd aan de sociale kaart.
audit-partner-changed = { $who } heeft een partnerorganisatie op de sociale kaart gewijzigd.
audit-partner-gp-status-recorded = { $who } heeft de samenwerkingsstatus van een huisartsenpraktijk vastgelegd.
audit-partner-workers-changed = { $who } heeft de gekoppelde gezinswerkers van een partner gewijzigd.
audit-onward-referral-recorded = { $who } heeft vastgelegd dat jullie verder geholpen worden door een andere organisatie.
audit-onward-referral-changed = { $who } heeft de inzet van aanvullende hulp bijgewerkt.
audit-onward-referral-list = { $who } heeft de inzet van aanvullende hulp bekeken.
