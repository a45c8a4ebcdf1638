# The administration (functioneel beheer), /admin. One block per section, in the order of the
# start page; each section's own texts go in its block.

## The start page
nav-admin = Administration
error-back-to-admin = To Administration
admin-title = Administration
admin-intro = Set up the organisation here: teams, staff, lists and settings. These pages hold no client data.
admin-back = Back to Administration

## Organisation: districts, neighbourhoods, teams
admin-section-organisation = Organisation
admin-section-organisation-text = Districts with their neighbourhoods and postcode areas, and the teams with the districts they serve.

## Staff accounts
admin-section-users = Staff
admin-section-users-text = Create accounts, roles and teams, contract hours, deactivate and reactivate, a new activation code.

## Reference lists: closure days, labels, populations
admin-section-reference = Lists
admin-section-reference-text = Closure days, the organisation's own labels for code lists and the population per district.

## Data repair: merging households, voiding referrals
admin-section-repair = Repair
admin-section-repair-text = Merge households registered twice. A referral registered by mistake is voided by its team manager.

## Single sign-on
admin-section-sign-in = Signing in
admin-section-sign-in-text = The connected identity providers (OpenID Connect) for staff, and DigiD for families.

## Settings
admin-section-settings = Settings
admin-section-settings-text = What the server runs with: deadlines, session times, lock-out, second factor; read-only.

## The admin log
admin-section-audit = Admin log
admin-section-audit-text = Every change in the administration, by whom, when, and what held before and after.
