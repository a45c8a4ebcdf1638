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
admin-repair-title = Data repair
admin-repair-intro = What was repaired: merged households and voided referrals. Only numbers and counts, no client data.
admin-repair-how = How repair works
admin-repair-how-merge = A family registered twice is merged by the team manager from the case file ("Merge a family registered twice"), when every case of both households belongs to their teams.
admin-repair-how-void = A referral registered by mistake is voided by the team manager from the case file, with a reason, until the intake; after that, the case is closed.
admin-repair-done = Repairs made
admin-repair-none = Nothing has been repaired yet.
admin-repair-voided = Referral { $id } voided
admin-repair-merged = Household { $from } merged into household { $into }
admin-repair-moved = { $members ->
    [one] 1 member
   *[other] { $members } members
} and { $cases ->
    [one] 1 case
   *[other] { $cases } cases
} moved

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
settings-title = Settings
settings-intro = What this server runs with now. A setting is changed where it is set (an environment variable or a start option); the change takes effect when the server restarts.
settings-set-with = Set with
settings-or = or
settings-yes = Yes
settings-no = No
settings-none = None
settings-minutes = { $n } minutes
settings-hours = { $n } hours
settings-weeks = { $n } weeks
settings-seconds = { $n } seconds
settings-group-casework = Casework and deadlines
settings-intake-target = Target share of intakes within 5 working days
settings-intake-target-help = The target line on the dashboards.
settings-silent-after = Silent case after
settings-silent-after-help = A case in support without a contact for this long shows on the worklist as silent.
settings-good-friday = Good Friday off
settings-good-friday-help = Counts when working days are computed for the deadlines.
settings-liberation-day = Liberation Day off
settings-liberation-day-help = Counts when working days are computed for the deadlines.
settings-liberation-every-year = Every year
settings-liberation-lustrum-years = Once every five years (2025, 2030, …)
settings-liberation-never = Never
settings-group-sessions = Sessions and second factor
settings-session-idle = Log out after inactivity
settings-session-idle-help = A session without a request for this long ends.
settings-session-max = Longest session
settings-session-max-help = A session ends this long after log-in, however active.
settings-second-factor-roles = Second factor required for
settings-second-factor-roles-help = These roles must set up an authenticator app before they go on.
settings-group-lockout = Lock-out after failed attempts
settings-lock-after = Lock after failed log-ins
settings-lock-after-help = This many failed attempts in a row from one address lock the account for that address.
settings-lock-after-all = Lock after attempts from all addresses
settings-lock-after-all-help = This many failed attempts in a row from all addresses together lock the account everywhere.
settings-lock-minutes = Length of a lock-out
settings-lock-minutes-help = After it the account can log in again; an admin can unlock it sooner.
settings-failures-per-address = Failed attempts per address
settings-failures-per-address-help = One address may fail this often within the lock-out length.
settings-activation-per-code = Failed activations per code
settings-activation-per-code-help = After that the code waits until the window has passed.
settings-activation-per-address = Failed activations per address
settings-activation-per-address-help = After that the address waits until the window has passed.
settings-activation-window = Window for failed activations
settings-activation-window-help = How long a failed activation counts.
settings-group-server = Server
settings-database = Database
settings-database-help = The database's address is not on this page.
settings-database-sqlite = SQLite (embedded)
settings-database-postgresql = PostgreSQL
settings-secure-cookies = HTTPS only
settings-secure-cookies-help = The session cookie travels over HTTPS only and browsers use HTTPS only.
settings-forwarded-for = Client address from the proxy
settings-forwarded-for-help = The user's address comes from X-Forwarded-For; only behind a proxy that sets it.
settings-theme = House style
settings-theme-help = The organisation's NL Design System house style.
settings-theme-default = Utrecht (default)
settings-header-timeout = Waiting time for a request
settings-header-timeout-help = How long a connection may take to send the start of a request.

## The admin log
admin-section-audit = Admin log
admin-section-audit-text = Every change in the administration, by whom, when, and what held before and after.
admin-audit-title = Admin log
admin-audit-intro = Every change made in the administration: who, when, what, and for each field what held before and after. Reads of client files are not in it.
admin-audit-from = From
admin-audit-to = Up to and including
admin-audit-actor = By
admin-audit-everyone = Everyone
admin-audit-action = Kind of change
admin-audit-every-action = All changes
admin-audit-show = Show
admin-audit-count = { $count ->
    [one] 1 change found.
   *[other] { $count } changes found.
}
admin-audit-page-of = Page { $page } of { $pages }.
admin-audit-caption = Changes in the administration, newest first
admin-audit-col-when = When
admin-audit-col-who = Who
admin-audit-col-what = What
admin-audit-col-change = Before → after
admin-audit-before-after = { $before } → { $after }
admin-audit-pages = Pages of the log
admin-audit-system = The system
admin-audit-yes = yes
admin-audit-no = no
admin-audit-object-team = Team
admin-audit-object-district = District
admin-audit-object-user = Staff member
admin-audit-object-closure-day = Closure day
admin-audit-object-population = Population figures
admin-audit-field-name = Name
admin-audit-field-active = Active
admin-audit-field-day = Day
admin-audit-field-description = Description
admin-audit-field-kind = Kind
admin-audit-field-district-id = District (number)
admin-audit-field-district-ids = Districts (numbers)
admin-audit-field-team-ids = Teams (numbers)
admin-audit-field-phone = Phone
admin-audit-field-email = E-mail address
admin-audit-field-role = Role
admin-audit-field-contract-hours = Contract hours
admin-audit-field-deadlines-recomputed = Deadlines recomputed
admin-audit-field-residents = Residents
