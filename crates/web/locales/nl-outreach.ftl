# Outreach: campaigns, signals of payment arrears, attempts (issue 16).

# block O1
access-action-campaign-created = Campagne aangemaakt
access-action-campaign-changed = Campagne gewijzigd
access-action-campaign-signals-imported = Signalen ingelezen
access-action-campaign-basket-read = Werkbak gelezen
access-action-campaign-address-read = Campagne-adres gelezen
access-action-campaign-address-assigned = Campagne-adressen toegewezen
access-action-outreach-weighing-changed = Weging werkbak gewijzigd
campaign-list-title = Campagnes
campaign-list-none = Er zijn nog geen campagnes voor jou.
campaign-new = Nieuwe campagne
campaign-create = Campagne maken
campaign-form-errors = Verbeter deze velden:
campaign-open = Loopt
campaign-closed = Gesloten
campaign-from = vanaf { $date }
campaign-period = Periode
campaign-close = Campagne sluiten
campaign-reopen = Campagne weer openen
campaign-field-kind = Soort campagne
campaign-field-name = Naam
campaign-field-district_ids = Wijken
campaign-field-starts_on = Begint op
campaign-field-ends_on = Eindigt op
campaign-field-help_offered = Hulp die we aanbieden
campaign-field-approaches = Aanpak
campaign-field-worker_ids = Outreachmedewerkers
campaign-field-address_ids = Adressen
campaign-field-worker_id = Medewerker
campaign-field-file = Bestand
campaign-field-csv = Bestand
campaign-kind-payment-arrears = Vroegsignalering betalingsachterstanden
campaign-kind-benefits-scandal = Hersteloperatie toeslagen
campaign-kind-other = Andere campagne
campaign-approach-house-visit = Huisbezoek
campaign-approach-phone = Telefoon
campaign-approach-letter = Brief
campaign-approach-flyer = Flyer
campaign-approach-phone-and-flyer = Telefoon en flyer
campaign-approach-e-mail = E-mail
campaign-arrears-rent = Huur
campaign-arrears-energy = Energie
campaign-arrears-water = Water
campaign-arrears-health-insurance = Zorgverzekering
campaign-arrears-other = Anders
campaign-grouping-single = Eén signaal
campaign-grouping-several-partners = Meer partners
campaign-grouping-consecutive-months = Maanden achter elkaar
campaign-status-open = Nog niet benaderd
campaign-status-reached = Bereikt
campaign-status-offer-made = Hulp aangeboden
campaign-status-accepted = Hulp aangenomen
campaign-status-declined = Hulp afgeslagen
campaign-status-unreachable = Niet bereikbaar
campaign-col-status = Stand
campaign-col-addresses = Adressen
campaign-col-signals = Signalen
campaign-col-choose = Kies
campaign-col-address = Adres
campaign-col-amount = Achterstand
campaign-col-known = Bekend bij
campaign-col-weight = Gewicht
campaign-col-partner = Partner
campaign-col-received = Ontvangen
campaign-col-name = Naam
campaign-col-kind = Soort
campaign-months = { $months ->
    [one] 1 maand
   *[other] { $months } maanden
}
campaign-known-to = bekend bij { $team }
campaign-not-known = Niet bekend bij een buurtteam
campaign-no-district = Geen wijk
campaign-unassigned = Nog niemand
campaign-upload-title = Signalen inlezen
campaign-upload-intro = Kies het CSV-bestand van de signaalpartner. De eerste regel noemt de kolommen: partner, received_on, given_name, family_name, street, house_number, postcode, kind, amount_eur, months. Een bestand met een fout lezen we niet in. Een signaal dat er al is, lezen we niet nog een keer in.
campaign-upload-file = CSV-bestand
campaign-upload-submit = Bestand inlezen
campaign-upload-done = { $imported } nieuwe signalen ingelezen, bij { $grouped } adressen. { $duplicates } signalen waren er al.
campaign-upload-refused = We hebben niets ingelezen. Verbeter het bestand en lees het opnieuw in:
campaign-upload-line = Regel
campaign-upload-closed = De campagne is gesloten. Je kunt geen signalen meer inlezen.
campaign-basket-title = Werkbak
campaign-basket-count = { $count ->
    [one] 1 adres
   *[other] { $count } adressen
}, het zwaarste eerst.
campaign-filter-district = Wijk
campaign-filter-worker = Medewerker
campaign-filter-status = Stand
campaign-filter-all = Alle
campaign-filter-submit = Toon
campaign-assign-to = Geef de gekozen adressen aan
campaign-assign-submit = Adressen toewijzen
campaign-signals-title = Signalen
campaign-weighing-title = Weging van de werkbak
campaign-weighing-intro = De werkbak toont het adres met het hoogste gewicht eerst. Kies hoeveel punten elk onderdeel telt.
campaign-weighing-amount = Punten per 100 euro achterstand
campaign-weighing-partner = Punten per signaalpartner
campaign-weighing-month = Punten per maand achterstand
campaign-weighing-child = Punten per kind in een bekend gezin
campaign-weighing-save = Weging opslaan
done-weighing-saved = De weging is opgeslagen.
done-campaign-created = De campagne is gemaakt.
done-addresses-assigned = De adressen zijn toegewezen.
# end of block O1

# block O2
field-error-decline-reason-required = Kies waarom het gezin de hulp afslaat.
field-error-decline-reason-not-declined = Een reden om af te slaan hoort alleen bij "Hulp afgeslagen".
field-error-decline-detail-required = Schrijf kort op waarom, bij "Andere reden".
field-error-decline-detail-not-declined = Een toelichting op het afslaan hoort alleen bij "Hulp afgeslagen".
field-error-birth-date-required = Vul de geboortedatum in: dit huishouden is nog niet bekend.
field-error-empty-file = Het bestand is leeg.
field-error-missing-column = Er ontbreekt een kolom in de kopregel.
field-error-too-many-errors = Er zijn te veel fouten; verbeter eerst deze.
field-error-unknown-address = Dit adres hoort niet bij deze campagne.
field-error-unknown-worker = Deze medewerker is niet aan de campagne gekoppeld.
# end of block O2
