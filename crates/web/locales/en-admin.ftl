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
admin-section-users-text = Create accounts, roles and teams, contract hours, deactivate and unlock, a new activation code.
admin-users-decimal-comma = false
admin-users-title = Staff
admin-users-intro = All staff accounts. A new member of staff gets a one-time activation code that you hand over yourself; with it they choose their own password.
admin-users-new = New member of staff
admin-users-back = Back to Staff
admin-users-filter = Filter staff
admin-users-filter-any = All
admin-users-filter-submit = Apply filter
admin-users-count = { $shown } of { $total } members of staff
admin-users-col-name = Name and e-mail address
admin-users-col-role = Role
admin-users-col-teams = Teams
admin-users-col-hours = Hours a week
admin-users-col-status = Status
admin-users-status-active = Active
admin-users-status-inactive = Deactivated
admin-users-status-locked = Locked
admin-users-status-not-activated = Not activated yet
admin-users-status-second-factor-on = Second step on
admin-users-status-second-factor-off = Second step off
admin-users-new-intro = Fill in the details of the member of staff. After saving you see an activation code to hand over, once.
admin-users-label-name = Name
admin-users-label-email = E-mail address
admin-users-hint-email = The work address; they log in with it.
admin-users-label-role = Role
admin-users-label-teams = Teams
admin-users-hint-teams = A family worker or team manager belongs to at least one team. An admin belongs to none: admins see no case files.
admin-users-label-hours = Contract hours per week
admin-users-hint-hours = From 0 to 40, e.g. 28.8. May stay empty.
admin-users-new-submit = Create member of staff
admin-users-code-title = Activation code
admin-users-code-created = The account of { $name } has been created.
admin-users-code-new = A new activation code for { $name }. Earlier codes no longer work; the current password keeps working until the code is used.
admin-users-code-label = The activation code:
admin-users-code-valid = Valid up to and including { $date }, once, only together with the e-mail address { $email }.
admin-users-code-how-title = How to hand it over
admin-users-code-how-1 = Give the code in person or by phone, not by e-mail together with the e-mail address.
admin-users-code-how-2 = They go to the log-in page, choose ‘Received an activation code?’ and enter the code, their e-mail address and a new password.
admin-users-code-how-3 = Then they log in; where your organisation asks for it, they first set up the second step.
admin-users-code-once = You see this code only once. Lost it? Make a new code on the account's page.
admin-users-code-to-account = To the account of { $name }
admin-users-edit-details = Details
admin-users-edit-own = This is your own account. You cannot change your own role and teams: so nobody gives themselves access to case files.
admin-users-edit-submit = Save details
admin-users-actions = Actions
admin-users-deactivate = Deactivate account
admin-users-deactivate-text = They can no longer log in and are logged out everywhere at once. Case files and history are kept. You can reactivate the account later.
admin-users-deactivate-submit = Deactivate { $name }
admin-users-reactivate = Reactivate account
admin-users-reactivate-text = They can log in again with their own password. Earlier sessions do not come back.
admin-users-reactivate-submit = Reactivate { $name }
admin-users-unlock = Unlock
admin-users-unlock-text = The account is locked after too many failed log-ins. Unlock it only when you are sure it was them.
admin-users-unlock-submit = Unlock
admin-users-second-factor-reset = Reset the second step
admin-users-second-factor-reset-text = For someone with a new or lost phone: the authenticator app and the recovery codes stop working. They then log in with their password alone.
admin-users-second-factor-reset-required = For someone with a new or lost phone: the authenticator app and the recovery codes stop working. At their next log-in they set up the second step again.
admin-users-second-factor-reset-submit = Reset the second step
admin-users-new-code = New activation code
admin-users-new-code-text = Forgotten password? Make a new one-time code; with it they choose a new password. Earlier codes stop working.
admin-users-new-code-not-activated = Code lost or expired? Make a new one-time code. Earlier codes stop working.
admin-users-new-code-submit = Make a new code
admin-users-refused-own-rights = You cannot change your own role and teams. Ask another admin.
admin-users-refused-own-deactivation = You cannot deactivate your own account.
admin-users-refused-last-admin = This is the last active admin. Create another admin first.
done-user-created = The account has been created.
done-user-changed = The details have been saved.
done-user-deactivated = The account is deactivated; they are logged out everywhere.
done-user-reactivated = The account is active again.
done-user-unlocked = The account is unlocked.
done-user-second-factor-reset = The second step has been reset.
label-contract-hours = Contract hours per week
label-team-ids = Teams
field-error-contract-hours = Enter a number of hours a week from 0 to 40, with at most two decimals (e.g. 28.8).
field-error-admin-in-team = An admin belongs to no team: admins see no case files.
field-error-team-required = Choose at least one team for a family worker or team manager.
field-error-email-taken = An account with this e-mail address exists already.
field-error-invalid-staff-code = This code is unknown, used or expired, or not for this e-mail address. Ask your admin for a new code.

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
