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

## Settings
admin-section-settings = Instellingen
admin-section-settings-text = Waarmee de server draait: termijnen, sessietijden, blokkering, tweede factor; alleen te lezen.

## The admin log
admin-section-audit = Logboek beheer
admin-section-audit-text = Elke wijziging in het beheer, met wie, wanneer, en wat ervoor en erna gold.
