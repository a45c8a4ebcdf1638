# buurtteam: message catalogue (English). Keys are English; every key exists in nl.ftl and en.ftl (a test checks).


## Frame
app-name = Buurtteam
skip-to-content = Skip to content
nav-label = Main menu
nav-worklist = Worklist
nav-new-referral = New referral
nav-search = Search
nav-account = My account
nav-logout = Log out
switch-language = Nederlands
footer-privacy = This system holds confidential data about families. Every time you open a file, that is recorded.
choose = Choose
choose-optional = None (optional)
form-error-summary = Something is not right. Check these fields:

## Errors
error-back-to-worklist = Back to the worklist
error-back-to-portal = Back to Mijn Buurtteam
error-back-to-dashboards = To Steering
error-back-to-account = To My account
error-not-found-title = Not found
error-not-found-detail = This page does not exist, or you may not see it.
error-forbidden-title = No access
error-forbidden-detail = Your role may not do this.
error-conflict-title = Not possible now
error-conflict-detail = Someone else just changed this file, or this step does not fit the current phase. Open the file again.
error-csrf-title = Form expired
error-csrf-detail = This form has expired or did not come from this site. Go back, reload the page and try again. Nothing was saved.
error-form-title = Form could not be read
error-form-detail = This form could not be read. Go back, reload the page and try again. Nothing was saved.
error-unavailable-title = Temporarily unavailable
error-unavailable-detail = The database cannot take this request right now; nothing was saved. Try again in a minute.
error-internal-title = Something went wrong
error-internal-detail = Something went wrong on our side. It has been logged; please try again.
step-refused-changed = Someone else has just changed this case. Reload the page and try again.
step-refused-state = This step is no longer possible: the case is now "{ $status }". Reload the page to see what changed.
field-error-before-referral = This date is before the referral ({ $date }). Choose { $date } or later.
field-error-before-last-handover = This date is before the last handover of this case ({ $date }). Choose { $date } or later.
field-error-before-intake = This date is before the intake ({ $date }). Choose { $date } or later.
field-error-before-support-started = This date is before the start of support ({ $date }). Choose { $date } or later.
field-error-source-other-required = Say who or what referred, as you chose "Other".
field-error-source-other-not-other = This field belongs to "Other" only. Choose "Other" or empty this field.
field-error-not-your-staff = This family worker is not one of your teams' staff.

## Field errors (beside the field)
field-error-invalid = This value is not valid.
field-error-required = Fill this in.
field-error-too-long = At most { $max } characters.
field-error-invalid-date = This is not an existing date.
field-error-future-date = This date lies in the future. Choose today or earlier.
field-error-unknown-choice = Choose one of the options.
field-error-required-life-domain = Choose at least one life domain.
field-error-requested-date-required = Fill in the date that was asked for the intake.
field-error-requested-by-required = Choose who asked for a later intake.
field-error-requested-before-referral = This date is before the referral.
field-error-requested-not-later = A later intake lies after the normal deadline ({ $date }). Choose a date after { $date }, or do not ask for a later intake.
field-error-client-required = Choose at least one household member with their own request for help.
field-error-unknown-team = This team does not exist.
field-error-unknown-household = This household does not exist or is not your team's.
field-error-not-household-member = This person is not a member of this household.
field-error-not-your-team = This is not one of your teams.
field-error-worker-not-in-team = Choose a family worker or team manager of this file's team.
field-error-detail-not-for-reason = This detail does not belong to the chosen reason.
field-error-minutes-required = Fill in the duration in minutes.
field-error-minutes-range = Fill in a duration between 1 and 1440 minutes.
field-error-member-required = Fill in at least one household member.
field-error-too-many-members = At most { $max } household members.
field-error-invalid-name = This name contains characters that are not allowed.
field-error-date-too-early = This date lies too far back. Choose { $min } or later.
field-error-date-too-late = This date lies too far ahead. Choose { $max } or earlier.
field-error-line-break = Write this on one line, without line breaks or tabs.
field-error-control-character = This text contains an invisible control character (such as NUL or escape). Type the text again or paste it without formatting.
field-error-invalid-bsn = This is not a valid BSN (9 digits, eleven test).
field-error-invalid-postcode = Fill in a postcode like 3511 AB.
field-error-unknown-district = This district does not exist.
field-error-not-your-district = You can only add or remove districts of your own teams. Not of your teams: { $districts }.
field-error-district-follows-postcode = This postcode lies in district { $name }. Leave the district empty or choose { $name }.
field-error-district-required-no-area = Choose the district: this postcode lies in no known postcode area.
field-error-team-ended = This team ended on { $date } and takes no new referrals.
field-error-unknown-district-name = No district is named { $name }.
field-error-invalid-email = Fill in an e-mail address like name@example.nl.
field-error-password-too-short = Choose a password of at least { $min } characters.
field-error-password-too-long = This password is too long. Choose a shorter one.
field-error-password-common = This password is common or has leaked (also with digits after it). Choose another, for instance a sentence of a few words.
field-error-password-pattern = This password is one character repeated or an obvious sequence (like abcdef, qwerty or 123456). Choose something harder to guess.
field-error-password-personal = This password is made of the account's name or e-mail address, or of the name of this service. Choose something else.
field-error-password-current = This is the current password (perhaps with other digits). Choose a new one.
field-error-password-mismatch = This is not the same as the new password.
field-error-wrong-password = This is not your current password.
field-error-wrong-code = This code is not right. Wait for the next code and try again.
field-error-name-too-short = Type at least 2 letters.
field-error-postcode-with-house-number = Fill in the postcode with a house number.
field-error-invalid-house-number = Fill in a house number from 1 to 99999, like 12, 12a or 12-bis.
field-error-invalid-house-letter = Fill in one letter, like the a of 12a.
field-error-invalid-house-number-addition = Fill in at most 4 letters or digits, like bis of 12-bis.
field-error-bsn-in-url = A BSN does not belong in a URL; search by BSN on the search page.
field-error-search-empty = Fill in at least one search field.
field-error-whole-calendar-period = Choose a whole month, quarter, half year or year: from its first day to its last.
field-error-period-not-ended = This period has not ended yet. Choose a period that has ended.

## Field labels (also named in the error summary)
label-email = E-mail address
label-password = Password
label-code = Code
label-name = Name
label-birth-date = Date of birth
label-postcode = Postcode
label-house-number = House number
label-house-letter = House letter
label-house-number-addition = Addition
label-bsn = BSN
label-phone = Phone number
hint-phone = For example 06-12345678 or 030 123 45 67. Optional.
label-other-phone = Other phone number
label-member-email = E-mail address
field-error-invalid-phone = This is not a phone number. Write it as 06-12345678, 030 123 45 67 or with a country code, like +32 2 123 45 67.
label-street = Street
label-city = Town
label-district-id = District
label-given-name = Given name
label-family-name = Family name
label-role = Role
label-teams = Teams
label-client-ids = Who has their own request for help? (clients)
label-team-id = Team
label-referred-on = Date of referral
label-source = Referred by
label-source-other = Other, namely
hint-source-other = Only with "Other": who or what referred.
label-referrer-organisation = Referrer's organisation
hint-referrer-organisation = For example the name of the school or GP practice. Not needed when the family came by itself.
label-referrer-name = Referrer's name
hint-referrer-name = With their role, for example "Ms Jansen, school counsellor".
label-contact-summary = Short summary
hint-contact-summary = What was discussed, in a few sentences. For the team only; the family does not see this in Mijn Buurtteam.
label-request = Request for help
label-life-domains = Life domains
label-later-intake-requested-by = Who asked for a later intake?
label-requested-intake-on = Date asked for the intake
label-held-on = Date of the intake
label-worker-id = Family worker who held the intake and carries on
label-started-on = Date support started
label-contact-on = Date
label-form = Form
label-minutes = Duration in minutes
label-participants = Who took part?
label-other-participants = Others who took part
label-closed-on = Date of closure
label-reason = Reason for closure
label-reason-detail = Detail of the reason
label-summary = Summary
label-current-password = Current password
label-new-password = New password
label-repeat-password = Repeat the new password
label-members = Household members
label-address = Address
hint-search-name = Given name, family name or both; part of a name works too.
hint-postcode = For example 3511 AB
hint-district-from-postcode = The district follows from the postcode. Choose one only where the postcode lies in no known postcode area.
hint-house-number = For example 12, 12a or 12-bis
hint-house-number-only = Only the number, for example 12
hint-house-letter = One letter, for example a (of 12a)
hint-house-number-addition = For example bis (of 12-bis)
hint-bsn = 9 digits
hint-request = In the words of the family or the referrer.
hint-later-intake = Only fill this in when the referrer or the family asked for an intake later than within 5 working days.
hint-other-participants = For example: school mentor
hint-summary = Optional. What was achieved, and how do things continue?
hint-new-password = At least 10 characters. A sentence of a few words is strong and easy to remember.
hint-disable-second-factor = Fill in your password to turn off the second step.
hint-totp-code = The 6 digits the app shows now.

## Log-in
login-title = Log in
login-submit = Log in
login-help = Forgot your password or account locked? Contact your organisation's administrator.
login-activation-code = Received an activation code?
staff-activate-title = Activate your account
staff-activate-intro = Did your admin give you an activation code, for a new account or after a forgotten password? Choose your password here. The code works once.
staff-activate-code = Activation code
staff-activate-code-hint = 12 letters and digits, e.g. ABCD-EFGH-JKLM
staff-activate-email = E-mail address
staff-activate-email-hint = The e-mail address of your account.
staff-activate-password = Choose a password
staff-activate-password-hint = At least 10 characters. A sentence of a few words is strong and easy to remember.
staff-activate-repeat = Type the password again
staff-activate-submit = Set password and log in
staff-activate-have-password = Know your password? Log in.
staff-activate-expired = The form had expired. Please try again.
staff-activate-held-off = Too many attempts with this code or from this connection. Try again in { $minutes } minutes, or ask your admin for a new code.
login-failed = The e-mail address or the password is not right.
login-expired-form = The log-in form had expired. Please try again.
login-locked =
    { $minutes ->
        [one] This account is locked for a while after too many failed attempts. Try again in { $minutes } minute, or contact your administrator.
       *[other] This account is locked for a while after too many failed attempts. Try again in { $minutes } minutes, or contact your administrator.
    }
login-throttled =
    { $minutes ->
        [one] Too many failed attempts from this address. Try again in { $minutes } minute.
       *[other] Too many failed attempts from this address. Try again in { $minutes } minutes.
    }
login-logged-out = You are logged out.
second-factor-title = Second step: code
second-factor-intro = Open the authenticator app on your phone and fill in the code you see there. No phone at hand? Use one of your recovery codes.
second-factor-hint = 6 digits from the app, or a recovery code
second-factor-submit = Confirm

## Worklist and waiting list
worklist-title = Worklist
worklist-empty = No files in this list.
filter-worker = Family worker
filter-more = More filters: team, family worker, section
filter-all-workers = All family workers
filter-section = Section
filter-all-sections = Everything
worklist-section-appointments = Appointments today and this week
worklist-section-actions = Actions falling due
worklist-section-proposals = Proposals from the family
worklist-section-comments = Comments from the family waiting for an answer
worklist-section-evaluations = Evaluations coming up
worklist-section-silent = Silent cases: no contact for a long time
worklist-show-all = Show all { $count }
worklist-range = { $range } of { $total }
worklist-pages-of = Pages of { $section }
worklist-back-to-overview = Back to the whole worklist
done-claimed = You picked up the referral: you are now its family worker.
done-assigned = The case has been assigned.
done-held = Someone else has just picked up this referral; the list shows who.
file-corrections = Corrections
action-correct = Correct a date
correct-intro = Entered wrongly? Fill in only the date that is wrong, and why. The old date stays in the case's history; deadlines and figures use the corrected one.
label-correct-intake = Intake (now { $date })
label-correct-start = Start of support (now { $date })
label-correct-closure = Closure (now { $date })
label-correct-intake-held-on = Intake
label-correct-started-on = Start of support
label-correct-closed-on = Closure
label-correct-reason = Why
hint-correct-reason = For example "typo: 20 instead of 7 February".
action-correct-submit = Save correction
action-reopen = Reopen the case
label-reopen-reason = Why
hint-reopen-reason = The case goes back to the last step before the closure; the closure stays in the history.
action-reopen-submit = Reopen the case
event-corrected = Corrected: { $what }
event-corrected-detail = { $after } (was { $before })
event-reopened = Reopened
corrected-intake-held-on = intake
corrected-started-on = start of support
corrected-closed-on = closure
done-corrected = Correction saved.
done-reopened = Case reopened.
file-reach = Phone and e-mail
reach-of = { $name }
reach-submit = Save
done-reach-saved = Phone and e-mail saved.
action-correct-contact = Correct a contact moment
correct-contact-intro = Choose the contact moment and fill in only what is wrong: the date, the duration or the form, and why.
label-correct-contact-id = Contact moment
corrected-contact = contact moment
done-contact-corrected = Correction of the contact moment saved.
field-error-unknown-contact = Choose a contact moment of this case.
minutes-short = { $minutes } min.
unchanged = Unchanged
field-error-nothing-to-correct = Fill in the date that is wrong.
field-error-not-recorded = This step has not been recorded yet; record it instead of correcting it.
field-error-no-change = This is the date already recorded.
done-intake-held = Intake saved.
done-support-started = Start of support saved.
done-contact-recorded = Contact moment saved.
done-case-closed = Case closed.
done-plan-saved = Saved in the family plan.
done-note-added = Working note saved.
done-referred = Referral saved.
done-household-saved = Household saved. Now fill in the referral.
done-password-changed = Your password has been changed. Your other sessions have ended.
done-second-factor-off = The second step at log-in is off.
worklist-nothing = Nothing to do for: { $parts }.
assign-label = Family worker for { $clients }
assign-button = Assign
caseload-of = Caseload { $team }
caseload-intro = Who carries which cases: per family worker the open cases by phase, how many are past their deadline and the next deadline. Whoever has the fewest cases is at the top.
caseload-caption = Open cases per family worker
caseload-referred = New referrals
caseload-intake-held = Intake held
caseload-in-support = In support
caseload-open = Open
caseload-overdue = Overdue
caseload-next-due = Next deadline
caseload-unassigned = Not picked up by anyone yet
caseload-reassign = Assign cases
caseload-show-cases =
    { $count ->
        [one] Show { $count } case
       *[other] Show { $count } cases
    }
caseload-none = No open cases.
page-previous = Previous page
page-next = Next page
card-referred-on = Referred { $date }
card-worker = Family worker: { $name }
card-worker-none = Not picked up by anyone yet
card-goal = Goal: { $title }
card-written = { $name }, { $when }
card-action-due = due { $date }
card-last-contact = Last contact { $date }
card-weeks-silent =
    { $weeks ->
        [one] { $weeks } week without contact
       *[other] { $weeks } weeks without contact
    }
claim-button = Pick up
claim-button-label = Pick up { $clients }
claim-hint = Picking up makes you the family worker of this referral, so your colleagues see that you are calling the family.
countdown-tomorrow = tomorrow
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
worklist-bad-filter = This filter is not possible; you see the whole worklist.
filter-scope = Which files
filter-scope-mine = My files and new referrals
filter-scope-team = All files of the team
filter-team = Team
filter-all-teams = All teams
filter-status = Phase
filter-all-statuses = All phases
filter-apply = Apply filter
col-clients = Client(s)
col-team = Team
col-referred-on = Referred on
col-next = Next step
col-worker = Family worker
col-waiting = Waiting for
col-requested = Later date asked
worker-none = Nobody yet
next-intake = Intake by { $date }
next-intake-requested = Intake around { $date } (later date asked by: { $by })
next-start = Support to start by { $date }
last-activity = Last changed { $date }
countdown-today = today
countdown-left =
    { $days ->
        [one] { $days } working day left
       *[other] { $days } working days left
    }
countdown-late =
    { $days ->
        [one] { $days } working day late
       *[other] { $days } working days late
    }
countdown-days-left =
    { $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }
countdown-days-late =
    { $days ->
        [one] { $days } day late
       *[other] { $days } days late
    }
overdue = Overdue
overdue-count =
    { $count ->
        [one] { $count } overdue
       *[other] { $count } overdue
    }
waiting-list-of = Waiting list { $team }
waiting-list-intro = Referred, no intake yet. Whoever has waited longest is at the top.
waiting-list-caption = Waiting list, longest waiting first
waiting-list-other-teams = Waiting lists of your other teams
waiting-list-count =
    { $count ->
        [one] { $count } family waits for an intake
       *[other] { $count } families wait for an intake
    }
days-waiting =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }

## Search
search-title = Search
search-intro = Find a household by name, date of birth, postcode and house number, or BSN. You only find families of your own teams.
search-submit = Search
search-results =
    { $count ->
        [one] { $count } household found
       *[other] { $count } households found
    }
search-none = Nothing found. Check the spelling, or search by fewer details.
search-no-cases = No file yet.
search-new-referral = New referral for this household
case-number = File { $id }

## Referral and household
referral-title = New referral
referral-find-intro = First check whether your team already knows the household. That way no second file is made.
referral-find-heading = Step 1: find the household
referral-choose-household = Choose this household
referral-new-household-heading = Not found?
referral-new-household-intro = Then register the household with its members.
referral-new-household = Register a new household
referral-for-household = Referral for the household at { $address }.
referral-other-household = Choose another household
referral-later-intake = Later intake (optional)
requested-by-none = Nobody: within 5 working days
referral-submit = Save referral
household-title = New household
household-intro = Fill in the address and the household members. Empty rows are skipped.
household-address = Address
household-member = Household member { $number }
household-add-member = Another household member
household-submit = Save household
household-save-anyway = Save as a new household anyway
household-duplicates-heading = This household may exist already
household-duplicates-intro = Your teams already have a household with a member of the same name and birth date, or the same BSN. Choose it if it is the same household; otherwise save a new household anyway.

## Family file
file-title = File
file-facts = Details
file-household = Household
file-actions = Next step
file-plan = Family plan
file-plan-none = There is no family plan yet.
file-timeline = Timeline
fact-status = Phase
fact-team = Team
fact-worker = Family worker
fact-referred-on = Referred on
fact-source = Referred by
fact-request = Request for help
fact-life-domains = Life domains
fact-intake-due = Intake due by
fact-later-intake = Later intake
later-intake-text = asked by { $by }, for { $date }
fact-intake-held = Intake held
fact-start-due = Start due by
fact-started = Support started
fact-closed = Closed
on-time = on time
not-on-time = late
client = client
age-years =
    { $years ->
        [one] { $years } year
       *[other] { $years } years
    }
event-referred = Referred
event-intake = Intake
event-started = Support started
event-contact = Contact: { $form }
event-contact-detail = { $minutes } min. { $with }
event-closed = Closed
action-intake = Record the intake
action-intake-submit = Save intake
action-start = Record the start of support
action-start-submit = Save start
action-contact = Add a contact
action-contact-submit = Save contact
action-close = Close the file
action-close-submit = Close file

## Account
account-title = My account
account-password = Change password
account-password-submit = Change password
account-second-factor = Second step at log-in
account-second-factor-on = On: you log in with your password and a code from the authenticator app.
account-second-factor-off = Off: you log in with your password only. A second step makes your account much safer.
account-second-factor-enable = Set up the second step
account-second-factor-disable = Turn off the second step
account-second-factor-required = Your organisation requires the second step for your role; you cannot turn it off.
setup-title = Set up the second step
setup-required = Your organisation requires a second step at log-in for your role. Set it up now; then you can carry on working.
setup-step-app = Install an authenticator app on your phone, for example the one your organisation recommends.
setup-step-scan = Scan the QR code with the app, or type in the secret key.
setup-step-code = Fill in the code the app shows.
setup-qr-label = QR code to scan with the authenticator app
setup-secret = Secret key:
setup-submit = Turn on the second step
setup-done = The second step is on.
setup-recovery-codes = Your recovery codes
setup-recovery-intro = Keep these codes somewhere safe. Each code works once, when you do not have your phone at hand. You see them only once.
setup-continue = Continue to the worklist

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Case statuses
status-referred = Referred
status-intake-held = Intake held
status-in-support = In support
status-closed = Closed
worklist-section-referred = New referrals: plan the intake
worklist-section-intake-held = Intake held: start support
worklist-section-in-support = In support, most recently active first
worklist-section-closed = Closed

## Codes: role
role-family-worker = Family worker
role-team-manager = Team manager
role-analyst = Analyst
role-admin = Administrator
role-privacy-officer = Privacy officer
role-hr = HR adviser

## Codes: household-role
household-role-parent = Parent
household-role-child = Child
household-role-other = Other household member

## Codes: source
source-self = Self-referral
source-gp = GP
source-school = School / core partner
source-youth-health = Youth health care
source-safe-at-home = Veilig Thuis (domestic violence service)
source-municipality = Municipality
source-outreach = Outreach / early signalling
source-other = Other

## Codes: requested-by
requested-by-referrer = The referrer
requested-by-family = The family

## Codes: life-domain
life-domain-finances = Finances
life-domain-work-education = Work and education
life-domain-time-use = Use of time
life-domain-housing = Housing
life-domain-domestic-relations = Domestic relations
life-domain-mental-health = Mental health
life-domain-physical-health = Physical health
life-domain-substance-use = Substance use
life-domain-basic-adl = Basic daily living
life-domain-instrumental-adl = Instrumental daily living
life-domain-social-network = Social network
life-domain-social-participation = Social participation
life-domain-justice = Justice
life-domain-parenting = Parenting
life-domain-development-school = Development and school
life-domain-safety = Safety

## Codes: contact-form
contact-form-home-visit = Home visit
contact-form-office = At the office
contact-form-school = At school
contact-form-gp-practice = At the GP practice
contact-form-phone = Phone
contact-form-video = Video call
contact-form-chat = Chat
contact-form-group = Group

## Codes: closure-reason
closure-reason-result-achieved = Fitting result
closure-reason-external-circumstances = External circumstances
closure-reason-other = Other reasons

## Codes: closure-detail
closure-detail-goals-achieved = Goals achieved
closure-detail-no-help-needed = No (further) help needed
closure-detail-referred-onward = Helped further by other services
closure-detail-social-base = Continues in the social base
closure-detail-moved = Moved away
closure-detail-deceased = Deceased
closure-detail-other-external = Other external circumstance
closure-detail-unreachable = No contact possible any more
closure-detail-declined = Family wants no (further) help
closure-detail-trust-broken = Lost trust in the help
closure-detail-other-reason = Other reason

## Home for roles without client records
home-no-cases-title = Welcome
home-no-cases-detail = Your role does not work with families' files, so there is no worklist. On My account you can manage your password and the second step at log-in.

## Dashboards
nav-dashboards = Steering
nav-complaints = Complaints
nav-outreach = Outreach
nav-knowledge = Knowledge base
dash-title = Steering
dash-bad-selection = Part of the selection was not valid (an unknown period, a date in the future or an unknown area). The default selection is shown below.
dash-scope = Area
dash-period = Kind of period
dash-start = A day in the period
dash-start-hint = The month, quarter, half year or year this day falls in.
dash-show = Show figures
dash-report-link = Half-year report, half { $half } of { $year } (to print or save as PDF)
dash-period-month = Month
dash-period-quarter = Quarter
dash-period-half = Half year
dash-period-year = Year
dash-scope-city = The whole city
dash-scope-district = District { $name }
dash-scope-team = Team { $name }
dash-period-range = { $from } to { $to }
dash-period-now = This period: { $period }.
dash-period-before = Compared with the previous period: { $period }.
dash-running = The period has not ended: the figures run up to today.
dash-suppressed-note = Counts below 5 show as "<5". Figures of 5 or more from which such a count could be worked out show as "protected". That way no figure points at a family.
dash-period-refused-title = This period has not ended
dash-period-refused-detail = You see figures in which small counts are hidden. Those are only available over whole months, quarters, half years and years that have ended: figures that grow every day would, compared from one day to the next, show what happened on a single day. Choose an earlier period.
dash-protected = protected
dash-tiles-heading = Key figures
dash-tile-previous = Previous period: { $value }
dash-map-heading = Map: reach per 1,000 residents per district
dash-legend = Legend of the map
dash-legend-range = { $from } to { $to } per 1,000 residents
dash-legend-none = not shown (fewer than 5 households or no population figure)
dash-map-unknown = unknown
dash-show-table = Table: { $title }
dash-download = Download:
dash-download-csv = { $title } as CSV
dash-download-xlsx = { $title } as Excel (XLSX)
dash-report-title = Half-year report, half { $half } of { $year }: { $scope }
dash-report-back = Back to the steering figures
dash-report-intro = The figures of this half year beside those of the half year before. The definitions are in the description of the key figures (docs/kpi.md).
dash-this-period = This period
dash-previous-period = Previous period
dash-report-print = Print or save as PDF
dash-download-all = Download everything (Excel)
dash-download-all-hint = Every table of this overview in one workbook, with the area and the period.
dash-chart-empty-period = No chart: there are no figures for this period.
dash-chart-empty-suppressed = No chart: every count in this period is below 5 and therefore hidden.
dash-chart-empty-population = No chart: no population figures have been imported with a reference date before the end of this period, so reach per 1,000 residents cannot be computed. An administrator imports them with "buurtteam import populations".
dash-xlsx-about = About this export
dash-xlsx-scope = Area
dash-xlsx-period = Period
dash-xlsx-previous = Compared with
dash-xlsx-running = still running, figures up to today
dash-xlsx-made-on = Made on
dash-xlsx-suppression = Small counts
dash-xlsx-sheets = Sheets
dash-no-data = No data
dash-target = Target { $pct }%
dash-diff-none = Cannot be compared
dash-diff-same = Equal to the previous period
dash-diff-more = { $diff } more than the previous period
dash-diff-less = { $diff } fewer than the previous period
dash-diff-pp-up = { $diff } percentage points higher than the previous period
dash-diff-pp-down = { $diff } percentage points lower than the previous period
dash-diff-days-up = { $diff } days longer than the previous period
dash-diff-days-down = { $diff } days shorter than the previous period
dash-kpi-referrals = Referrals
dash-kpi-intakes-held = Intakes held
dash-kpi-intake-on-time = Intake within 5 working days
dash-kpi-intake-on-time-excl = Intake within 5 working days, later intakes on request excluded
dash-kpi-intake-median = Days to intake (median)
dash-kpi-starts = Starts of support
dash-kpi-start-2-weeks = Start within 2 weeks of the intake
dash-kpi-waiting = Waiting list at the end
dash-kpi-waiting-median = Waiting time in days (median)
dash-kpi-active = Active cases at the end
dash-kpi-long-running = Cases running longer than 12 months
dash-kpi-closures = Closed cases
dash-kpi-duration-median = Duration of closed cases in days (median)
dash-kpi-caseload-mean = Cases per family worker (mean)
dash-kpi-contacts = Contacts
dash-kpi-households-reached = Households reached
dash-table-kpis = Key figures
dash-table-intake = Intake within 5 working days
dash-table-referrals-by-source = Referrals by referrer
dash-table-referrals-by-life-domain = Referrals by life domain
dash-table-referrals-by-team = Referrals by team
dash-table-referrals-by-district = Referrals by district
dash-table-waiting-by-days = Waiting list by waiting time
dash-table-case-duration = Closed cases by duration
dash-table-contact-forms = Contacts by form
dash-table-closures-by-reason = Closures by reason
dash-table-reach = Reach per district
dash-table-absence = Absence and capacity (absence target { $pct }%)
dash-col-month = Month
dash-col-absence-pct = Absence (%)
dash-col-absence-target = Against the target
dash-col-absence-frequency = Frequency (spells per person per year)
dash-col-long-absence = Long absence (spells > 6 weeks)
dash-col-caseload-per-fte = Caseload per FTE
dash-absence-above = Above the target of { $pct }%
dash-absence-not-above = Not above the target
dash-absence-whole-period = Whole period
dash-table-gp = Working with GP practices (target { $pct }%)
dash-col-gp-practices = Practices
dash-col-gp-started = Started
dash-col-gp-alternative = Other agreement
dash-col-gp-in-talks = In talks
dash-col-gp-none = None
dash-col-gp-share-now = Working together, this period (%)
dash-col-gp-share-before = Working together, previous period (%)
dash-col-gp-target = Against the target
dash-gp-below = Below the target of { $pct }%
dash-gp-not-below = At or above the target of { $pct }%
dash-gp-all = All districts together
dash-gp-target-line = Target { $pct }%
dash-gp-none-recorded = No GP practices have been recorded for this area (yet).
dash-table-ve = VE locations with a linked family worker
dash-col-ve-locations = VE locations
dash-col-ve-linked = With a linked family worker
dash-col-ve-share = Share (%)
dash-col-figure = Figure
dash-col-now = This period
dash-col-before = Previous period
dash-col-difference = Difference
dash-col-count-now = Count this period
dash-col-pct-now = Share this period (%)
dash-col-count-before = Count previous period
dash-col-pct-before = Share previous period (%)
dash-col-source = Referrer
dash-col-life-domain = Life domain
dash-col-team = Team
dash-col-district = District
dash-col-waiting = Waiting time
dash-col-duration = Duration
dash-col-contact-form = Form
dash-col-reason = Reason
dash-col-households-now = Households this period
dash-col-residents = Residents
dash-col-per-1000-now = Per 1,000 residents this period
dash-col-households-before = Households previous period
dash-col-per-1000-before = Per 1,000 residents previous period
dash-range-0-7-days = 0-7 days
dash-range-8-14-days = 8-14 days
dash-range-15-28-days = 15-28 days
dash-range-over-28-days = more than 28 days
dash-range-up-to-3-months = up to 3 months
dash-range-3-to-6-months = 3-6 months
dash-range-6-to-12-months = 6-12 months
dash-range-over-12-months = more than 12 months

## Family variants (`<key>--je`, see nl.ftl): English has one "you"; only what differs.
login-help--je = Forgot your password, or cannot log in? Ask your family worker for help.
login-locked--je =
    { $minutes ->
        [one] This account is locked for a while after too many failed attempts. Try again in { $minutes } minute, or ask your family worker for help.
       *[other] This account is locked for a while after too many failed attempts. Try again in { $minutes } minutes, or ask your family worker for help.
    }
account-second-factor-required--je = The second step is required; you cannot switch it off.
setup-required--je = First set up a second step for logging in. Then you can continue.
setup-continue--je = Continue to Mijn Buurtteam
footer-privacy--je = Your details are confidential. Every time someone looks at the file, it is recorded.
account-second-factor-off--je = Off: you log in with your password only. A second step makes your account much safer.
account-second-factor-on--je = On: you log in with your password and a code from the authenticator app.
done-password-changed--je = Your password has been changed. Your other sessions have ended.
error-forbidden-detail--je = Your role may not do this.
error-not-found-detail--je = This page does not exist, or you may not see it.
field-error-wrong-password--je = This is not your current password.
hint-disable-second-factor--je = Fill in your password to turn off the second step.
hint-new-password--je = At least 10 characters. A sentence of a few words is strong and easy to remember.
login-logged-out--je = You are logged out.
second-factor-intro--je = Open the authenticator app on your phone and fill in the code you see there. No phone at hand? Use one of your recovery codes.
setup-recovery-codes--je = Your recovery codes
setup-recovery-intro--je = Keep these codes somewhere safe. Each code works once, when you do not have your phone at hand. You see them only once.
setup-step-app--je = Install an authenticator app on your phone, for example the one your organisation recommends.
setup-step-code--je = Fill in the code the app shows.
setup-step-scan--je = Scan the QR code with the app, or type in the secret key.

## Single sign-on (pages::sso, decision 0017)
sso-button = Log in with { $provider }
sso-or-password = Or log in with your e-mail address and password
sso-or-password--je = Or log in with your e-mail address and password
login-password-off = Logging in with a password is switched off for staff of this organisation. Use the button above to log in through the organisation.
sso-again = Back to logging in
sso-use-code = Make an account with the code from your family worker
sso-unknown-account-title = You do not have an account yet
sso-unknown-account-detail = You are logged in at { $provider }, but there is no account for you in Buurtteam yet. Ask your application administrator to make one for you.
sso-deactivated-title = Your account is deactivated
sso-deactivated-detail = You are logged in at { $provider }, but your account in Buurtteam is deactivated. Ask your application administrator to turn it back on.
sso-deactivated-detail--je = You are logged in with { $provider }, but your Mijn Buurtteam account is deactivated. Ask your family worker what you can do.
sso-not-invited-title = We cannot find you
sso-not-invited-detail = You are logged in with { $provider }, but there is no invitation to Mijn Buurtteam waiting for you. Use the code your family worker gave you to make your account, or ask your family worker for an invitation.
sso-state-title = Logging in took too long
sso-state-detail = Logging in took too long, or was started in another window. Please try again.
sso-refused-title = Logging in did not work
sso-refused-detail = { $provider } did not confirm the log-in. Please try again. If it fails again, contact your application administrator.
sso-refused-detail--je = { $provider } did not confirm the log-in. Please try again. If it fails again, ask your family worker for help.
sso-unavailable-title = { $provider } cannot be reached right now
sso-unavailable-detail = Please try again in a few minutes.
sso-logout-title = You are logged out
sso-logout-detail = You are logged out of Buurtteam. You are now being logged out at { $provider } too.
sso-logout-continue = Continue to { $provider }
