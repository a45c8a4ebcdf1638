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

## The admin log
admin-section-audit = Logboek beheer
admin-section-audit-text = Elke wijziging in het beheer, met wie, wanneer, en wat ervoor en erna gold.
