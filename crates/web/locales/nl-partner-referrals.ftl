# Referrals from partners (issue 15, part 3).

role-partner = Partnerorganisatie
nav-partner-referrals = Aanmeldingen
audit-partner-referral-submitted = { $who } heeft namens een partnerorganisatie een aanmelding gedaan.
audit-partner-referral-list = { $who } heeft de status van de aanmeldingen van een partnerorganisatie bekeken.
access-action-partner-referral-submitted = Aanmelding door partner
access-action-partner-referral-list = Aanmeldingen van partner bekeken
field-error-partner-not-partner-role = Alleen een account met de rol partnerorganisatie hoort bij een partner.
field-error-partner-in-team = Een account van een partnerorganisatie hoort bij geen team.
field-error-partner-role-fixed = Een account van een partnerorganisatie houdt zijn rol. Maak voor een andere rol een nieuw account.
field-error-partner-role-new-account = Een medewerker wordt geen partneraccount. Maak voor de partner een nieuw account.
label-partner-id = Partnerorganisatie
field-error-no-team-for-district = In deze wijk werkt nog geen buurtteam; bel het buurtteam.

# The partner's own page, /partner.
partner-start-title = Aanmeldingen van uw organisatie
partner-start-intro = Hier meldt u een gezin aan bij het buurtteam, met toestemming van het gezin, en ziet u hoe ver het buurtteam met uw aanmeldingen is. Wat er in het dossier staat, ziet u niet.
partner-new-referral = Gezin aanmelden
partner-referrals-heading = Uw aanmeldingen
partner-referrals-none = Uw organisatie heeft nog geen gezin aangemeld.
partner-col-number = Nummer
partner-col-referred-on = Aangemeld op
partner-col-status = Status
partner-status-received = ontvangen
partner-status-intake-planned = kennismaking gepland op { $date }
partner-status-intake-held = kennismaking gehouden
partner-status-in-support = in begeleiding
partner-status-closed = afgesloten
partner-referral-title = Gezin aanmelden
partner-referral-intro = Vul het adres en de gezinsleden in, wie een eigen hulpvraag heeft, de hulpvraag en wie toestemming gaf. Het buurtteam van de wijk neemt contact op met het gezin.
partner-referral-submit = Aanmelding versturen
partner-referrals-back = Terug naar de aanmeldingen
partner-consent-heading = Toestemming
partner-consent-intro = Zonder toestemming van het gezin wordt niets opgeslagen. Een jongere van 16 jaar of ouder beslist zelf.
label-client-members = Gezinsleden met een eigen hulpvraag
partner-members-heading = Gezinsleden
partner-members-hint = Eén regel per gezinslid, ouders en kinderen (tot { $rows }). Lege regels tellen niet mee. Vink aan wie een eigen hulpvraag heeft.
label-is-client = Heeft een eigen hulpvraag
partner-district-hint = Deze postcode ligt in geen postcodegebied dat het buurtteam kent. Kies de wijk waar het gezin woont; het buurtteam van die wijk krijgt de aanmelding.
label-consent-by = Toestemming gegeven door
label-consent-on = Datum van de toestemming
hint-partner-referrer-name = Uw naam en functie, bijvoorbeeld "Mw. De Vries, praktijkondersteuner". Leeg: de naam van uw account.
consent-by-parent = Ouder of verzorger
consent-by-guardian = Voogd
consent-by-young-person = De jongere zelf (16 jaar of ouder)
consent-by-parent-and-young-person = Ouder en jongere samen
done-partner-referred = De aanmelding is verstuurd. Het buurtteam neemt contact op met het gezin.
