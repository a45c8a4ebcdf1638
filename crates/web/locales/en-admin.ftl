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
admin-sign-in-title = Signing in
admin-sign-in-back = Back to Administration
admin-sign-in-intro = How staff and families sign in. These settings are in the server's configuration (environment variables); you change them there, not here. Secrets are never shown.
admin-sign-in-passwords = Staff passwords
admin-sign-in-passwords-on = Allowed
admin-sign-in-passwords-off = Switched off: staff sign in through the identity provider
admin-sign-in-passwords-admins = Only for application administrators
admin-sign-in-public-url = Address of Buurtteam
admin-sign-in-none = No identity provider is connected. Everyone signs in with e-mail address and password.
admin-sign-in-setting = Setting
admin-sign-in-value = Value
admin-sign-in-source = Set in
admin-sign-in-default = default ({ $variable } not set)
admin-sign-in-kind = For whom
admin-sign-in-kind-staff = Staff
admin-sign-in-kind-digid = Family members (DigiD through a broker)
admin-sign-in-issuer = Issuer
admin-sign-in-client-id = Client id
admin-sign-in-redirect-uri = Redirect URI (register it at the provider)
admin-sign-in-match = Account found by claim
admin-sign-in-provision = Unknown staff
admin-sign-in-provision-on = Get an account in { $team } as { $role }
admin-sign-in-provision-off = Are refused
admin-sign-in-mfa-acr = acr values that count as a second factor
admin-sign-in-bsn-claim = Claim holding the BSN
admin-sign-in-secrets = Each provider's client secret is in the server's configuration and is not shown here.

## Settings
admin-section-settings = Settings
admin-section-settings-text = What the server runs with: deadlines, session times, lock-out, second factor; read-only.

## The admin log
admin-section-audit = Admin log
admin-section-audit-text = Every change in the administration, by whom, when, and what held before and after.
