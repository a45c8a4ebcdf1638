# Group-based support and the collective approach (issue 19).

# block G1: group offers, sessions, participants, attendance, the portal
# end of block G1

# block G2: considered in every case, collective activities, steering
## Group support considered in every case (the plan page).
group-support-heading = Groepsaanbod overwogen?
group-support-state-considered = Ja, overwogen
group-support-state-not-considered = Nee, niet overwogen
group-support-state-not-recorded = Nog niet vastgelegd
group-support-takes-part = Neemt deel aan: { $groups }
group-support-why-not = Waarom geen groep
group-support-recorded-on = Vastgelegd op { $date }
group-support-record = Vastleggen of groepsaanbod is overwogen
group-support-record-submit = Groepsaanbod opslaan
group-support-considered-yes = Ja, we hebben groepsaanbod overwogen
group-support-considered-no = Nee, nog niet overwogen
group-support-reason-none = (geen reden: het gezin doet mee aan een groep)
group-support-reason-no-suitable-group = Geen passende groep
group-support-reason-family-declined = Gezin wil niet
group-support-reason-not-needed-now = Nu niet nodig
group-support-reason-waiting-for-a-group = Wacht op een groep
group-support-reason-other = Andere reden
label-group-support-considered = Is groepsaanbod overwogen?
label-group-support-reason = Waarom doet het gezin niet mee aan een groep?
label-group-support-reason-text = Toelichting
hint-group-support-reason-text = Nodig bij "Andere reden". Kort, zonder namen van anderen.
field-error-reason-required = Kies waarom het gezin niet meedoet aan een groep.
field-error-reason-without-considering = Geef alleen een reden als groepsaanbod is overwogen.
field-error-text-required-for-other = Schrijf kort op wat de andere reden is.

## Collective activities (/groups/collective).
collective-title = Collectieve aanpak
collective-intro = Bijeenkomsten waar ouders, jongeren en professionals samen werken aan gedeelde vragen in de wijk. U legt alleen aantallen vast, geen namen.
collective-new = Nieuwe bijeenkomst vastleggen
collective-submit = Bijeenkomst opslaan
collective-team-any = (mijn team in deze wijk)
collective-participants = Aantal deelnemers
collective-period = Bijeenkomsten van { $from } tot en met { $to }
collective-none = Nog geen bijeenkomsten in deze periode.
collective-caption = Bijeenkomsten in { $district }
collective-col-held-on = Datum
collective-col-theme = Thema
collective-col-partners = Partners
collective-col-parents = Ouders
collective-col-young-people = Jongeren
collective-col-professionals = Professionals
collective-col-signals = Signalen
label-collective-district-id = Wijk
label-collective-team-id = Team
label-collective-held-on = Datum
label-collective-theme = Thema of gedeelde vraag
hint-collective-theme = Bijvoorbeeld: pesten op school, geldzorgen, scheiden.
label-collective-partners = Betrokken partners
label-collective-parents = Ouders
label-collective-young-people = Jongeren
label-collective-professionals = Professionals
label-collective-signals = Signalen
hint-collective-signals = Wat speelt er in de wijk? Schrijf nooit over een gezin met naam. Namen en nummers halen we weg.
done-collective-recorded = De bijeenkomst is opgeslagen.
done-collective-recorded-redacted = De bijeenkomst is opgeslagen. Namen en nummers zijn uit de signalen weggehaald.
field-error-no-participants = Vul in hoeveel mensen er waren.
field-error-out-of-range = Vul een aantal in van 0 tot 10.000.
field-error-too-many = Kies minder partners (hoogstens 20).
field-error-team-not-in-district = Dit team werkt niet in deze wijk.
field-error-from-after-to = De begindatum ligt na de einddatum.
field-error-not-an-id = Kies een wijk uit de lijst.

## Steering: the group figures on the dashboards, in the exports and the half-year report.
dash-kpi-group-participants = Deelnemers aan groepen
dash-kpi-group-considered = Groepsaanbod overwogen (% lopende trajecten)
dash-kpi-group-used = Groepsaanbod gebruikt (% lopende trajecten)
dash-kpi-group-attendance = Opkomst bij groepsbijeenkomsten (%)
dash-kpi-group-offers = Groepen met een bijeenkomst
dash-kpi-collective-activities = Bijeenkomsten collectieve aanpak
dash-kpi-collective-parents = Ouders bij collectieve aanpak
dash-kpi-collective-young-people = Jongeren bij collectieve aanpak
dash-kpi-collective-professionals = Professionals bij collectieve aanpak
dash-table-group-support = Groepsaanbod en collectieve aanpak
dash-table-group-not-used-reasons = Waarom geen groep (overwogen, niet gebruikt)
dash-table-group-offers-by-theme = Groepen per thema
dash-table-group-offers-by-district = Groepen per wijk
dash-table-collective-by-district = Collectieve aanpak per wijk
dash-col-theme = Thema
dash-group-theme-youth-mental-health = Mentale gezondheid jongeren
dash-group-theme-money = Geldzorgen
dash-group-theme-parenting = Opvoeden
dash-group-theme-divorce = Scheiding
dash-group-theme-first-1000-days = Eerste 1000 dagen
dash-group-theme-other = Anders
# end of block G2
