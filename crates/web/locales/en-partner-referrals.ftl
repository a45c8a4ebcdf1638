# Referrals from partners (issue 15, part 3).

role-partner = Partner organisation
nav-partner-referrals = Referrals
audit-partner-referral-submitted = { $who } made a referral on behalf of a partner organisation.
audit-partner-referral-list = { $who } read the status of a partner organisation's referrals.
access-action-partner-referral-submitted = Referral by a partner
access-action-partner-referral-list = Partner's referrals read
field-error-partner-not-partner-role = Only an account with the role partner organisation belongs to a partner.
field-error-partner-in-team = A partner organisation's account belongs to no team.
field-error-unknown-partner = This partner does not exist.
field-error-partner-ended = This partner has ended.
field-error-no-team-for-district = No neighbourhood team works in this district yet; call the team.
