# The administration (functioneel beheer), /admin. One block per section, in the order of the
# start page; each section's own texts go in its block.

## The start page
nav-admin = Beheer
error-back-to-admin = Naar Beheer
admin-title = Beheer
admin-intro = Hier richt u de organisatie in: teams, medewerkers, lijsten en instellingen. Op deze pagina's staan geen gegevens van cliënten.
admin-back = Terug naar Beheer

## Organisation: districts, neighbourhoods, teams
admin-section-organisation = Organisatie
admin-section-organisation-text = Wijken met hun buurten en postcodegebieden, en de teams met de wijken die zij bedienen.

## Staff accounts
admin-section-users = Medewerkers
admin-section-users-text = Accounts aanmaken, rollen en teams, contracturen, blokkeren en deblokkeren, een nieuwe activeringscode.
admin-users-decimal-comma = true
admin-users-title = Medewerkers
admin-users-intro = Alle accounts van medewerkers. Een nieuwe medewerker krijgt een eenmalige activeringscode die u zelf overhandigt; daarmee kiest die persoon een eigen wachtwoord.
admin-users-new = Nieuwe medewerker
admin-users-back = Terug naar Medewerkers
admin-users-filter = Medewerkers filteren
admin-users-filter-any = Alle
admin-users-filter-submit = Filter toepassen
admin-users-count = { $shown } van { $total } medewerkers
admin-users-col-name = Naam en e-mailadres
admin-users-col-role = Rol
admin-users-col-teams = Teams
admin-users-col-hours = Uren per week
admin-users-col-status = Status
admin-users-status-active = Actief
admin-users-status-inactive = Uitgezet
admin-users-status-locked = Geblokkeerd
admin-users-status-not-activated = Nog niet geactiveerd
admin-users-status-second-factor-on = Tweede stap aan
admin-users-status-second-factor-off = Tweede stap uit
admin-users-new-intro = Vul de gegevens van de medewerker in. Na het opslaan ziet u één keer een activeringscode om te overhandigen.
admin-users-label-name = Naam
admin-users-label-email = E-mailadres
admin-users-hint-email = Het werkadres; hiermee logt de medewerker in.
admin-users-label-role = Rol
admin-users-label-teams = Teams
admin-users-hint-teams = Een gezinswerker of teammanager hoort bij minstens één team. Een functioneel beheerder hoort bij geen enkel team: beheerders zien geen dossiers.
admin-users-label-hours = Contracturen per week
admin-users-hint-hours = Van 0 tot 40, bijvoorbeeld 28,8. Mag leeg blijven.
admin-users-new-submit = Medewerker aanmaken
admin-users-code-title = Activeringscode
admin-users-code-created = Het account van { $name } is aangemaakt.
admin-users-code-new = Een nieuwe activeringscode voor { $name }. Eerdere codes werken niet meer; het huidige wachtwoord blijft werken tot de code is gebruikt.
admin-users-code-label = De activeringscode:
admin-users-code-valid = Geldig tot en met { $date }, eenmalig, alleen samen met het e-mailadres { $email }.
admin-users-code-how-title = Zo geeft u de code door
admin-users-code-how-1 = Geef de code persoonlijk of telefonisch door, niet per e-mail samen met het e-mailadres.
admin-users-code-how-2 = De medewerker gaat naar de inlogpagina, kiest ‘Activeringscode ontvangen?’ en vult de code, het e-mailadres en een nieuw wachtwoord in.
admin-users-code-how-3 = Daarna logt de medewerker in; waar uw organisatie dat vraagt, stelt de medewerker eerst de tweede stap in.
admin-users-code-once = U ziet deze code maar één keer. Kwijt? Maak op de pagina van de medewerker een nieuwe code aan.
admin-users-code-to-account = Naar het account van { $name }
admin-users-edit-details = Gegevens
admin-users-edit-own = Dit is uw eigen account. Uw rol en teams kunt u niet zelf wijzigen: zo geeft niemand zichzelf toegang tot dossiers.
admin-users-edit-submit = Gegevens opslaan
admin-users-actions = Acties
admin-users-deactivate = Account uitzetten
admin-users-deactivate-text = De medewerker kan niet meer inloggen en wordt meteen overal uitgelogd. Dossiers en historie blijven bewaard. U kunt het account later weer aanzetten.
admin-users-deactivate-submit = { $name } uitzetten
admin-users-reactivate = Account weer aanzetten
admin-users-reactivate-text = De medewerker kan weer inloggen met het eigen wachtwoord. Eerdere sessies komen niet terug.
admin-users-reactivate-submit = { $name } weer aanzetten
admin-users-unlock = Blokkering opheffen
admin-users-unlock-text = Het account is geblokkeerd na te veel mislukte inlogpogingen. Hef de blokkering alleen op als u zeker weet dat de medewerker het zelf was.
admin-users-unlock-submit = Blokkering opheffen
admin-users-second-factor-reset = Tweede stap wissen
admin-users-second-factor-reset-text = Voor een medewerker met een nieuwe of verloren telefoon: de authenticator-app en de herstelcodes werken niet meer. De medewerker logt daarna in met alleen het wachtwoord.
admin-users-second-factor-reset-required = Voor een medewerker met een nieuwe of verloren telefoon: de authenticator-app en de herstelcodes werken niet meer. Bij de volgende keer inloggen stelt de medewerker de tweede stap opnieuw in.
admin-users-second-factor-reset-submit = Tweede stap wissen
admin-users-new-code = Nieuwe activeringscode
admin-users-new-code-text = Wachtwoord vergeten? Maak een nieuwe eenmalige code; daarmee kiest de medewerker een nieuw wachtwoord. Eerdere codes werken dan niet meer.
admin-users-new-code-not-activated = Code kwijt of verlopen? Maak een nieuwe eenmalige code. Eerdere codes werken dan niet meer.
admin-users-new-code-submit = Nieuwe code maken
admin-users-refused-own-rights = U kunt uw eigen rol en teams niet wijzigen. Vraag een andere functioneel beheerder.
admin-users-refused-own-deactivation = U kunt uw eigen account niet uitzetten.
admin-users-refused-last-admin = Dit is de laatste actieve functioneel beheerder. Maak eerst een andere beheerder aan.
done-user-created = Het account is aangemaakt.
done-user-changed = De gegevens zijn opgeslagen.
done-user-deactivated = Het account is uitgezet; de medewerker is overal uitgelogd.
done-user-reactivated = Het account staat weer aan.
done-user-unlocked = De blokkering is opgeheven.
done-user-second-factor-reset = De tweede stap is gewist.
label-contract-hours = Contracturen per week
label-team-ids = Teams
field-error-contract-hours = Vul een aantal uren per week in van 0 tot 40, met hoogstens twee cijfers achter de komma (bijvoorbeeld 28,8).
field-error-admin-in-team = Een functioneel beheerder hoort bij geen enkel team: beheerders zien geen dossiers.
field-error-team-required = Kies minstens één team voor een gezinswerker of teammanager.
field-error-email-taken = Er is al een account met dit e-mailadres.
field-error-invalid-staff-code = Deze code is onbekend, al gebruikt of verlopen, of hoort niet bij dit e-mailadres. Vraag de functioneel beheerder om een nieuwe code.

## Reference lists: closure days, labels, populations
admin-section-reference = Lijsten
admin-section-reference-text = Sluitingsdagen, eigen benamingen van keuzelijsten en de inwonertallen per wijk.

## Data repair: merging households, voiding referrals
admin-section-repair = Herstel
admin-section-repair-text = Dubbel ingeschreven huishoudens samenvoegen. Een aanmelding die per vergissing is geregistreerd, vervalt via de teammanager.

## Single sign-on
admin-section-sign-in = Inloggen
admin-section-sign-in-text = De aangesloten identiteitsaanbieders (OpenID Connect) voor medewerkers en DigiD voor gezinnen.

## Settings
admin-section-settings = Instellingen
admin-section-settings-text = Waarmee de server draait: termijnen, sessietijden, blokkering, tweede factor; alleen te lezen.
settings-title = Instellingen
settings-intro = Waarmee deze server nu draait. U wijzigt een instelling waar die staat (een omgevingsvariabele of een optie bij het starten); de wijziging geldt na een herstart van de server.
settings-set-with = In te stellen met
settings-or = of
settings-yes = Ja
settings-no = Nee
settings-none = Geen
settings-minutes = { $n } minuten
settings-hours = { $n } uur
settings-weeks = { $n } weken
settings-seconds = { $n } seconden
settings-group-casework = Werkproces en termijnen
settings-intake-target = Streefpercentage kennismaking binnen 5 werkdagen
settings-intake-target-help = De streeflijn op de dashboards.
settings-silent-after = Stil dossier na
settings-silent-after-help = Een dossier in begeleiding zonder contact in deze periode staat op de werklijst als stil.
settings-good-friday = Goede Vrijdag vrij
settings-good-friday-help = Telt mee bij het berekenen van werkdagen voor de termijnen.
settings-liberation-day = Bevrijdingsdag vrij
settings-liberation-day-help = Telt mee bij het berekenen van werkdagen voor de termijnen.
settings-liberation-every-year = Elk jaar
settings-liberation-lustrum-years = Eens per vijf jaar (2025, 2030, …)
settings-liberation-never = Nooit
settings-group-sessions = Sessies en tweede factor
settings-session-idle = Uitloggen na inactiviteit
settings-session-idle-help = Zonder verzoek in deze tijd eindigt de sessie.
settings-session-max = Langste sessie
settings-session-max-help = Zo lang na het inloggen eindigt een sessie, hoe actief ook.
settings-second-factor-roles = Tweede factor verplicht voor
settings-second-factor-roles-help = Deze rollen moeten een authenticator-app instellen voordat zij verder kunnen.
settings-group-lockout = Blokkering bij mislukte pogingen
settings-lock-after = Blokkeren na mislukte inlogpogingen
settings-lock-after-help = Zoveel mislukte pogingen op rij vanaf één adres blokkeren het account voor dat adres.
settings-lock-after-all = Blokkeren na pogingen vanaf alle adressen
settings-lock-after-all-help = Zoveel mislukte pogingen op rij vanaf alle adressen samen blokkeren het account overal.
settings-lock-minutes = Duur van een blokkering
settings-lock-minutes-help = Daarna kan het account weer inloggen; een beheerder kan eerder deblokkeren.
settings-failures-per-address = Mislukte pogingen per adres
settings-failures-per-address-help = Zoveel mislukte pogingen mag één adres doen binnen de blokkeerduur.
settings-activation-per-code = Mislukte activeringen per code
settings-activation-per-code-help = Daarna wacht de code tot de periode voorbij is.
settings-activation-per-address = Mislukte activeringen per adres
settings-activation-per-address-help = Daarna wacht het adres tot de periode voorbij is.
settings-activation-window = Periode voor mislukte activeringen
settings-activation-window-help = Zo lang telt een mislukte activering mee.
settings-group-server = Server
settings-database = Database
settings-database-help = Het adres van de database staat niet op deze pagina.
settings-database-sqlite = SQLite (ingebouwd)
settings-database-postgresql = PostgreSQL
settings-secure-cookies = Alleen via HTTPS
settings-secure-cookies-help = Het sessiecookie gaat alleen over HTTPS en browsers gebruiken alleen HTTPS.
settings-forwarded-for = Clientadres van de proxy
settings-forwarded-for-help = Het adres van de gebruiker komt uit X-Forwarded-For; alleen achter een proxy die dat zet.
settings-theme = Huisstijl
settings-theme-help = De NL Design System-huisstijl van de organisatie.
settings-theme-default = Utrecht (standaard)
settings-header-timeout = Wachttijd voor een verzoek
settings-header-timeout-help = Zo lang mag een verbinding doen over het begin van een verzoek.

## The admin log
admin-section-audit = Logboek beheer
admin-section-audit-text = Elke wijziging in het beheer, met wie, wanneer, en wat ervoor en erna gold.
