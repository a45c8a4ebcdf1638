# Referrals from partners (issue 15, part 3).

role-partner = Partner organisation
nav-partner-referrals = Referrals
audit-partner-referral-submitted = { $who } made a referral on behalf of a partner organisation.
audit-partner-referral-list = { $who } read the status of a partner organisation's referrals.
access-action-partner-referral-submitted = Referral by a partner
access-action-partner-referral-list = Partner's referrals read
