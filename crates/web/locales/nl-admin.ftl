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
admin-org-title = Organisatie
admin-org-intro = De wijken met hun buurten en postcodegebieden, en de teams. Een huishouden hoort bij de wijk van de buurt waarin zijn postcode ligt. Wat dossiers gebruiken, wordt nooit verwijderd maar beëindigd: het blijft in de cijfers en in de dossiers staan.
admin-org-districts = Wijken
admin-org-no-districts = Er zijn nog geen wijken. Voeg hieronder de eerste wijk toe.
admin-org-former = Eerder:
admin-org-former-name = { $name } (tot { $until })
admin-org-ended-on = beëindigd op { $date }
admin-org-ends-on = eindigt op { $date }
admin-org-in-use = In gebruik
admin-org-active = Actief
admin-org-district-teams = Teams in deze wijk:
admin-org-no-neighbourhoods = Deze wijk heeft nog geen buurten.
admin-org-neighbourhoods-of = Buurten van { $name }
admin-org-col-neighbourhood = Buurt
admin-org-col-areas = Postcodegebieden
admin-org-col-status = Status
admin-org-change-neighbourhood = Buurt { $name } wijzigen
admin-org-change-district = Wijk { $name } hernoemen of beëindigen
admin-org-add-neighbourhood = Buurt toevoegen aan { $name }
admin-org-add-neighbourhood-button = Buurt toevoegen
admin-org-label-neighbourhood-name = Naam van de buurt
admin-org-label-district-name = Naam van de wijk
admin-org-label-team-name = Naam van het team
admin-org-label-areas = Postcodegebieden
admin-org-hint-areas = Een of meer, gescheiden door komma's of op aparte regels: vier cijfers (3511), een reeks (3511-3514) of een deel van een gebied (3511 AB-3511 AZ). Een postcode hoort bij één buurt.
admin-org-hint-rename = De oude naam blijft zichtbaar in de geschiedenis; cijfers en overzichten tonen de nieuwe naam.
admin-org-save = Opslaan
admin-org-end = { $name } beëindigen
admin-org-reopen = { $name } weer in gebruik nemen
admin-org-end-district-text = Een beëindigde wijk krijgt geen nieuwe huishoudens meer. Dossiers en cijfers blijven.
admin-org-end-team-text = Een beëindigd team krijgt geen nieuwe aanmeldingen meer en staat niet meer in de keuzelijsten. Zijn dossiers en cijfers blijven.
admin-org-add-district = Wijk toevoegen
admin-org-add-district-button = Wijk toevoegen
admin-org-teams = Teams
admin-org-no-teams = Er zijn nog geen teams.
admin-org-teams-caption = Alle teams
admin-org-col-team = Team
admin-org-col-kind = Soort
admin-org-col-districts = Wijken
admin-org-city-wide = Hele stad
admin-org-change-team = Team { $name } wijzigen of beëindigen
admin-org-label-kind = Soort team
admin-org-label-districts = Wijken die het team bedient
admin-org-add-team = Team toevoegen
admin-org-add-team-button = Team toevoegen
team-kind-neighbourhood = Buurtteam
team-kind-secondary-school = Team voortgezet onderwijs
team-kind-vocational-school = Mbo-team
label-district-name = Naam van de wijk
label-neighbourhood-name = Naam van de buurt
label-neighbourhood-postcode-areas = Postcodegebieden
label-team-name = Naam van het team
label-team-kind = Soort team
label-team-district-ids = Wijken die het team bedient
label-team-district-id = Wijk
done-district-saved = De wijk is opgeslagen.
done-neighbourhood-saved = De buurt is opgeslagen.
done-team-saved = Het team is opgeslagen.
field-error-postcode-area-overlap = { $area } overlapt met { $other } van buurt { $neighbourhood }. Een postcode hoort bij één buurt.
field-error-postcode-area-overlap-self = { $area } overlapt met { $other }, dat ook al genoemd is.
field-error-invalid-postcode-area = “{ $area }” is geen postcodegebied. Schrijf vier cijfers (3511), een reeks (3511-3514) of postcodes (3511 AB-3511 AZ).
field-error-reversed-postcode-area = “{ $area }” begint na het einde. Zet de laagste postcode voorop.
field-error-name-taken = Deze naam is al in gebruik.
field-error-district-ended = De wijk { $name } is beëindigd.
field-error-district-required = Kies minstens één wijk voor een buurtteam.
field-error-active-and-ended = Kies een einddatum of weer in gebruik nemen, niet allebei.

## Staff accounts
admin-section-users = Medewerkers
admin-section-users-text = Accounts aanmaken, rollen en teams, contracturen, blokkeren en deblokkeren, een nieuwe activeringscode.

## Reference lists: closure days, labels, populations
admin-section-reference = Lijsten
admin-section-reference-text = Sluitingsdagen, eigen benamingen van keuzelijsten en de inwonertallen per wijk.
admin-ref-title = Lijsten
admin-ref-intro = De sluitingsdagen, de eigen benamingen van keuzelijsten en de inwonertallen per wijk.
admin-ref-closure-days = Sluitingsdagen
admin-ref-closure-days-intro = Dagen waarop de teams dicht zijn, naast de feestdagen (bijvoorbeeld een brugdag). Termijnen van aanmeldingen die nog op hun kennismakingsgesprek wachten, schuiven mee.
admin-ref-no-closure-days = Er zijn geen sluitingsdagen.
admin-ref-col-day = Dag
admin-ref-col-description = Omschrijving
admin-ref-col-remove = Verwijderen
admin-ref-remove-day = { $date } verwijderen
admin-ref-label-day = Dag
admin-ref-label-description = Omschrijving
admin-ref-hint-description = Bijvoorbeeld: Brugdag na Hemelvaart
admin-ref-add-day = Sluitingsdag toevoegen
admin-ref-labels = Eigen benamingen
admin-ref-labels-intro = Noemt uw organisatie iets anders dan de standaard, dan legt u hier de eigen benaming vast, in het Nederlands en in het Engels. Alle pagina's tonen daarna die benaming; zonder eigen benaming geldt de standaard.
admin-ref-no-labels = Er zijn geen eigen benamingen: overal geldt de standaard.
admin-ref-labels-caption = Eigen benamingen
admin-ref-col-list = Lijst
admin-ref-col-standard = Standaard
admin-ref-col-lang = Taal
admin-ref-col-own = Eigen benaming
admin-ref-label-reset = Terug naar de standaard voor “{ $label }”
admin-ref-label-code = Keuze
admin-ref-label-lang = Taal
admin-ref-label-own = Eigen benaming
admin-ref-hint-own = Leeg laten zet de standaard terug.
admin-ref-save-label = Benaming opslaan
admin-ref-lang-nl = Nederlands
admin-ref-lang-en = Engels
admin-ref-list-source = Aanmelder
admin-ref-list-life-domain = Leefgebied
admin-ref-list-contact-form = Vorm van contact
admin-ref-list-closure-reason = Reden van afsluiting
admin-ref-list-closure-detail = Toelichting bij afsluiting
admin-ref-list-household-role = Rol in het huishouden
admin-ref-populations = Inwonertallen per wijk
admin-ref-populations-intro = Het CSV-bestand met de kolommen district, reference_date, residents en eventueel residents_0_17, zoals bij de opdracht buurtteam import populations. Regels die met # beginnen noemen de bron. Eerst controleert u het bestand; pas daarna slaat u het op.
admin-ref-label-file-name = Naam van het bestand
admin-ref-hint-file-name = Wordt de bron als het bestand zelf geen bron noemt, bijvoorbeeld utrecht-2024.csv.
admin-ref-upload = Een bestand controleren
admin-ref-label-csv-file = Het CSV-bestand
admin-ref-hint-csv-file = Kies het bestand op uw computer. Of plak de inhoud hieronder.
admin-ref-label-csv = Of plak de inhoud van het CSV-bestand
admin-ref-hint-csv = Open het bestand, kopieer de hele inhoud en plak die hier (alleen als u hierboven geen bestand kiest).
admin-ref-check-populations = Controleren
admin-ref-preview = Controle van het bestand
admin-ref-preview-source = Bron: { $source }
admin-ref-preview-errors = Het bestand is niet opgeslagen. Verbeter deze regels en controleer opnieuw:
admin-ref-population-line-error = Regel { $line }: { $message }
admin-ref-preview-confirm = Klopt dit? Sla de inwonertallen dan op. Eerdere cijfers van dezelfde wijk en peildatum worden vervangen.
admin-ref-preview-caption = Wat wordt opgeslagen
admin-ref-col-line = Regel
admin-ref-col-district = Wijk
admin-ref-col-reference-date = Peildatum
admin-ref-col-residents = Inwoners
admin-ref-col-residents-0-17 = Waarvan 0-17 jaar
admin-ref-save-populations = Opslaan
label-day = Dag
label-description = Omschrijving
label-label = Eigen benaming
label-lang = Taal
label-csv = Inhoud van het CSV-bestand
label-file-name = Naam van het bestand
done-closure-day-saved = De sluitingsdag is toegevoegd.
done-closure-day-removed = De sluitingsdag is verwijderd.
done-label-saved = De benaming is opgeslagen.
done-populations-saved = De inwonertallen zijn opgeslagen.
field-error-closure-day-taken = Op deze dag is al een sluitingsdag.

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
