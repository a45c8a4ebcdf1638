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

## Settings
admin-section-settings = Instellingen
admin-section-settings-text = Waarmee de server draait: termijnen, sessietijden, blokkering, tweede factor; alleen te lezen.

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
