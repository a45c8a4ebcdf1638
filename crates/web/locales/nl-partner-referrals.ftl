# Referrals from partners (issue 15, part 3).

role-partner = Partnerorganisatie
nav-partner-referrals = Aanmeldingen
audit-partner-referral-submitted = { $who } heeft namens een partnerorganisatie een aanmelding gedaan.
audit-partner-referral-list = { $who } heeft de status van de aanmeldingen van een partnerorganisatie bekeken.
access-action-partner-referral-submitted = Aanmelding door partner
access-action-partner-referral-list = Aanmeldingen van partner bekeken
