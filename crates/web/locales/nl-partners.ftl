# Partners and the social map (issue 15).

# block P
access-action-partner-created = Partner toegevoegd
access-action-partner-changed = Partner gewijzigd
access-action-partner-gp-status-recorded = Samenwerkingsstatus huisartsenpraktijk vastgelegd
access-action-partner-workers-changed = Gekoppelde gezinswerkers gewijzigd
# end of block P

nav-partners = Sociale kaart

# The pages.
partner-list-title = Sociale kaart
partner-list-intro = De organisaties waarmee de buurtteams samenwerken: huisartsenpraktijken, scholen, VE-locaties, specialistische hulp en de sociale basis. Zoek wie ons contact is.
partner-new = Partner toevoegen
partner-search = Partners zoeken
partner-search-button = Zoeken
partner-filter-all = Alle
partner-results = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
partner-none = Geen partners gevonden. Probeer andere woorden of minder filters.
partner-our-contact = Onze contactpersoon
partner-no-worker = Nog geen gezinswerker gekoppeld
partner-gp-status = Samenwerking
partner-gp-status-unknown = Nog niet vastgelegd
partner-gp-history = Samenwerking door de tijd
partner-gp-history-none = Er is nog geen samenwerkingsstatus vastgelegd.
partner-recorded-by = vastgelegd door { $who }
partner-gp-record = Nieuwe status vastleggen
partner-gp-save = Status vastleggen
partner-links = Gekoppelde gezinswerkers
partner-link-since = sinds { $from }
partner-link-period = van { $from } tot { $until }
partner-links-save = Koppelingen opslaan
partner-edit-title = Gegevens wijzigen
partner-new-title = Partner toevoegen
partner-back = Terug naar de sociale kaart
partner-save = Opslaan
partner-choose-kind = Kies een soort
partner-choose-status = Kies een status
label-partner-q = Zoek op naam, adres of contactpersoon
hint-partner-q = Bijvoorbeeld de naam van een school of huisarts, of van een gezinswerker.
label-partner-kind = Soort organisatie
label-partner-district = Wijk
label-partner-district-ids = Wijken
label-partner-name = Naam
label-partner-contact-person = Contactpersoon bij de partner
hint-partner-contact-person = Bijvoorbeeld de intern begeleider of de praktijkondersteuner.
label-partner-phone = Telefoon
label-partner-email = E-mailadres
label-partner-address = Adres
label-partner-ended-on = Gestopt op
hint-partner-ended-on = Leeg laten zolang de partner actief is.
label-partner-status = Status
label-partner-since = Sinds
hint-partner-since = Niet in de toekomst en niet vóór de vorige wijziging.
label-partner-worker-ids = Gezinswerkers die hier contactpersoon zijn
field-error-partner-unknown-worker = Deze medewerker is geen actieve gezinswerker of teammanager.
field-error-kind-takes-no-workers = Alleen aan huisartsenpraktijken, scholen en VE-locaties koppel je gezinswerkers.
field-error-not-a-gp-practice = Een samenwerkingsstatus hoort alleen bij een huisartsenpraktijk.
field-error-before-previous-status = Deze datum ligt vóór de vorige wijziging ({ $previous }). Kies { $previous } of later.
done-partner-created = De partner is toegevoegd.
done-partner-changed = De gegevens van de partner zijn opgeslagen.
done-partner-gp-status-recorded = De samenwerkingsstatus is vastgelegd.
done-partner-workers-changed = De gekoppelde gezinswerkers zijn opgeslagen.
partner-kind-gp-practice = Huisartsenpraktijk
partner-kind-primary-school = Basisschool
partner-kind-secondary-school = Middelbare school
partner-kind-vocational-school = Mbo-school
partner-kind-special-education = Speciaal onderwijs
partner-kind-early-education = VE-locatie (voorschool)
partner-kind-youth-health-care = Jeugdgezondheidszorg (JGZ)
partner-kind-specialist-youth-care = Specialistische jeugdhulp
partner-kind-safety-team = Veiligheidsteam (EVU)
partner-kind-debt-services = Schuldhulpverlening
partner-kind-adult-mental-health = Volwassenen-ggz
partner-kind-work-and-income = Werk en Inkomen
partner-kind-community = Sociale basis (welzijn, sport, buurt)
gp-status-none = Geen samenwerking
gp-status-in-talks = In gesprek
gp-status-started = Gestart
gp-status-alternative-agreement = Andere afspraak
