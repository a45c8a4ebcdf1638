# Referrals from partners (issue 15, part 3).

role-partner = Partner organisation
nav-partner-referrals = Referrals
audit-partner-referral-submitted = { $who } made a referral on behalf of a partner organisation.
audit-partner-referral-list = { $who } read the status of a partner organisation's referrals.
access-action-partner-referral-submitted = Referral by a partner
access-action-partner-referral-list = Partner's referrals read
field-error-partner-not-partner-role = Only an account with the role partner organisation belongs to a partner.
field-error-partner-in-team = A partner organisation's account belongs to no team.
field-error-partner-role-fixed = A partner organisation's account keeps its role. Create a new account for another role.
field-error-partner-role-new-account = A member of staff does not become a partner account. Create a new account for the partner.
label-partner-id = Partner organisation
field-error-no-team-for-district = No neighbourhood team works in this district yet; call the team.

# The partner's own page, /partner.
partner-start-title = Your organisation's referrals
partner-start-intro = Here you refer a family to the neighbourhood team, with the family's consent, and see how far the team is with your referrals. You do not see what is in the file.
partner-new-referral = Refer a family
partner-referrals-heading = Your referrals
partner-referrals-none = Your organisation has not referred a family yet.
partner-col-number = Number
partner-col-referred-on = Referred on
partner-col-status = Status
partner-status-received = received
partner-status-intake-planned = introductory meeting planned on { $date }
partner-status-intake-held = introductory meeting held
partner-status-in-support = in support
partner-status-closed = closed
partner-referral-title = Refer a family
partner-referral-intro = Fill in the address and the household members, who has their own request for help, the request and who gave consent. The team of the district contacts the family.
partner-referral-submit = Send the referral
partner-referrals-back = Back to the referrals
partner-consent-heading = Consent
partner-consent-intro = Without the family's consent nothing is saved. A young person of 16 or older decides for themselves.
label-client-members = Members with their own request for help
partner-members-heading = Household members
partner-members-hint = One row per household member, parents and children (up to { $rows }). Empty rows do not count. Tick who has a request for help of their own.
label-is-client = Has a request for help of their own
partner-district-hint = This postcode lies in no postcode area the team knows. Choose the district the family lives in; the team of that district receives the referral.
label-consent-by = Consent given by
label-consent-on = Date of consent
hint-partner-referrer-name = Your name and role, e.g. "Ms De Vries, practice nurse". Empty: your account's name.
consent-by-parent = Parent or carer
consent-by-guardian = Guardian
consent-by-young-person = The young person (16 or older)
consent-by-parent-and-young-person = Parent and young person together
done-partner-referred = The referral has been sent. The neighbourhood team will contact the family.
