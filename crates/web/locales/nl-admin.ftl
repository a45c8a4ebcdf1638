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

## Reference lists: closure days, labels, populations
admin-section-reference = Lijsten
admin-section-reference-text = Sluitingsdagen, eigen benamingen van keuzelijsten en de inwonertallen per wijk.

## Data repair: merging households, voiding referrals
admin-section-repair = Herstel
admin-section-repair-text = Dubbel ingeschreven huishoudens samenvoegen. Een aanmelding die per vergissing is geregistreerd, vervalt via de teammanager.
admin-repair-title = Herstel van gegevens
admin-repair-intro = Hier ziet u welke gegevens zijn hersteld: samengevoegde huishoudens en vervallen aanmeldingen. U ziet alleen nummers en aantallen, geen gegevens van cliënten.
admin-repair-how = Hoe gaat herstel?
admin-repair-how-merge = Een gezin dat twee keer is ingeschreven, voegt de teammanager samen vanuit het dossier ("Dubbel geregistreerd gezin samenvoegen"). Dat kan als alle begeleidingen van beide huishoudens bij zijn of haar teams horen.
admin-repair-how-void = Een aanmelding die per vergissing is geregistreerd, laat de teammanager vervallen vanuit het dossier, met een reden. Dat kan tot het kennismakingsgesprek; daarna wordt de begeleiding afgesloten.
admin-repair-done = Uitgevoerd herstel
admin-repair-none = Er is nog niets hersteld.
admin-repair-voided = Aanmelding { $id } vervallen
admin-repair-merged = Huishouden { $from } samengevoegd met huishouden { $into }
admin-repair-moved = { $members ->
    [one] 1 gezinslid
   *[other] { $members } gezinsleden
} en { $cases ->
    [one] 1 begeleiding
   *[other] { $cases } begeleidingen
} verplaatst

## Single sign-on
admin-section-sign-in = Inloggen
admin-section-sign-in-text = De aangesloten identiteitsaanbieders (OpenID Connect) voor medewerkers en DigiD voor gezinnen.
admin-sign-in-title = Inloggen
admin-sign-in-back = Terug naar Beheer
admin-sign-in-intro = Hoe medewerkers en gezinnen inloggen. Deze instellingen staan in de configuratie van de server (omgevingsvariabelen); u wijzigt ze daar, niet hier. Geheimen worden nooit getoond.
admin-sign-in-passwords = Wachtwoorden van medewerkers
admin-sign-in-passwords-on = Toegestaan
admin-sign-in-passwords-off = Uitgeschakeld: medewerkers loggen in via de identiteitsaanbieder
admin-sign-in-passwords-admins = Alleen voor functioneel beheerders
admin-sign-in-public-url = Adres van Buurtteam
admin-sign-in-none = Er is geen identiteitsaanbieder aangesloten. Iedereen logt in met e-mailadres en wachtwoord.
admin-sign-in-setting = Instelling
admin-sign-in-value = Waarde
admin-sign-in-source = Ingesteld in
admin-sign-in-default = standaard ({ $variable } niet gezet)
admin-sign-in-kind = Voor wie
admin-sign-in-kind-staff = Medewerkers
admin-sign-in-kind-digid = Gezinsleden (DigiD via een broker)
admin-sign-in-issuer = Uitgever (issuer)
admin-sign-in-client-id = Client-id
admin-sign-in-redirect-uri = Redirect-URI (registreer deze bij de aanbieder)
admin-sign-in-match = Account gevonden op claim
admin-sign-in-provision = Onbekende medewerkers
admin-sign-in-provision-on = Krijgen een account in { $team } als { $role }
admin-sign-in-provision-off = Worden geweigerd
admin-sign-in-mfa-acr = acr-waarden die als tweede factor tellen
admin-sign-in-bsn-claim = Claim met het BSN
admin-sign-in-secrets = Het clientgeheim van elke aanbieder staat in de configuratie van de server en wordt hier niet getoond.

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
admin-audit-title = Logboek beheer
admin-audit-intro = Elke wijziging in het beheer: wie, wanneer, wat, en per gegeven wat ervoor en erna gold. Inzage in dossiers staat hier niet in.
admin-audit-from = Vanaf
admin-audit-to = Tot en met
admin-audit-actor = Door
admin-audit-everyone = Iedereen
admin-audit-action = Soort wijziging
admin-audit-every-action = Alle wijzigingen
admin-audit-show = Tonen
admin-audit-count = { $count ->
    [one] 1 wijziging gevonden.
   *[other] { $count } wijzigingen gevonden.
}
admin-audit-page-of = Pagina { $page } van { $pages }.
admin-audit-caption = Wijzigingen in het beheer, nieuwste eerst
admin-audit-col-when = Wanneer
admin-audit-col-who = Wie
admin-audit-col-what = Wat
admin-audit-col-change = Ervoor → erna
admin-audit-before-after = { $before } → { $after }
admin-audit-pages = Pagina's van het logboek
admin-audit-system = Het systeem
admin-audit-yes = ja
admin-audit-no = nee
admin-audit-object-team = Team
admin-audit-object-district = Wijk
admin-audit-object-user = Medewerker
admin-audit-object-closure-day = Sluitingsdag
admin-audit-object-population = Inwonertallen
admin-audit-field-name = Naam
admin-audit-field-active = Actief
admin-audit-field-day = Dag
admin-audit-field-description = Omschrijving
admin-audit-field-kind = Soort
admin-audit-field-district-id = Wijk (nummer)
admin-audit-field-district-ids = Wijken (nummers)
admin-audit-field-team-ids = Teams (nummers)
admin-audit-field-phone = Telefoon
admin-audit-field-email = E-mailadres
admin-audit-field-role = Rol
admin-audit-field-contract-hours = Contracturen
admin-audit-field-deadlines-recomputed = Termijnen opnieuw berekend
admin-audit-field-residents = Inwoners
