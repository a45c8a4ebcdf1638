# Referrals from partners (issue 15, part 3).

role-partner = Partnerorganisatie
nav-partner-referrals = Aanmeldingen
audit-partner-referral-submitted = { $who } heeft namens een partnerorganisatie een aanmelding gedaan.
audit-partner-referral-list = { $who } heeft de status van de aanmeldingen van een partnerorganisatie bekeken.
access-action-partner-referral-submitted = Aanmelding door partner
access-action-partner-referral-list = Aanmeldingen van partner bekeken
field-error-partner-not-partner-role = Alleen een account met de rol partnerorganisatie hoort bij een partner.
field-error-partner-in-team = Een account van een partnerorganisatie hoort bij geen team.
field-error-unknown-partner = Deze partner bestaat niet.
field-error-partner-ended = Deze partner is beëindigd.
field-error-no-team-for-district = In deze wijk werkt nog geen buurtteam; bel het buurtteam.
