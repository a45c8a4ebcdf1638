# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = To Privacy
privacy-title = Privacy
privacy-intro = How the families' data is handled: emergency access, unusual access, requests for destruction and the check of the log. You see logs and registrations, never the content of a file.
privacy-back = Back to Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export
privacy-section-log = Check the log
privacy-section-log-text = Check that nobody changed the audit log around the application. See the latest checks and download the heads to keep elsewhere.
privacy-log-title = Check the log
privacy-log-intro = Every row of the audit log has a fingerprint (hash) that also covers the row before it. Changing, removing or adding a row around the application breaks that chain. The application checks the chain every day. The latest checks are below.
privacy-log-verify-text = Not waiting for the daily check? Check the log now. A large log takes a while.
privacy-log-verify = Check now
privacy-log-heads-title = Keep the heads
privacy-log-heads-text = The head of a chain is the fingerprint of its last row. Download the heads and keep the file away from this server (with the technical administrator, for example). If someone later removes the last rows, a check against this file shows it.
privacy-log-heads-download = Download the heads (JSON)
privacy-log-verifications = Latest checks
privacy-log-none = No check has been made yet.
privacy-log-col-when = When
privacy-log-col-by = By
privacy-log-col-rows = Rows
privacy-log-col-chains = Chains
privacy-log-col-outcome = Outcome
privacy-log-by-schedule = Daily check
privacy-log-whole = Whole: no row was changed.
privacy-log-row = row { $id } (chain { $chain }, place { $seq })
privacy-log-row-gone = the end of chain { $chain }
privacy-log-problem-unchained = this row belongs to no chain. It was added around the application.
privacy-log-problem-gap = the rows before it are missing from place { $expected }. A row was removed.
privacy-log-problem-altered = its content does not match its fingerprint. The row was changed or added.
privacy-log-problem-detail-altered = its detail does not match its fingerprint. The detail was changed.
privacy-log-problem-head-mismatch = the chain ends at place { $last }, but its head is at place { $head }. Rows at its end were removed, or the head was changed.
privacy-log-problem-out-of-order = the row's number does not fit its place in the chain. Rows' contents were swapped.
privacy-log-problem-pseudonymised-without-tombstone = the row's detail was removed as if its file was destroyed, but no file was destroyed. The detail was erased.
privacy-log-problem-exported-head-missing = the kept head at place { $exported } is gone; the chain now ends at place { $last }. Rows at its end were removed.
privacy-log-problem-exported-head-altered = the row at the kept head's place ({ $exported }) is different. The chain was rewritten.
privacy-log-alert-broken-title = The audit log was changed around the application
privacy-log-alert-broken-text = In the check of { $when }, { $row } did not fit: { $problem }
privacy-log-alert-broken-todo = What to do? Change nothing in the database and make a copy of it. Report this at once as a security incident to the privacy officer and the technical administrator. They compare the log with a backup and with the kept heads (see the operations manual).
privacy-log-alert-stale-title = The audit log has not been checked for more than 48 hours
privacy-log-alert-stale-text = The last check was { $when }.
privacy-log-alert-stale-never = The audit log has never been checked.
privacy-log-alert-stale-todo = What to do? Ask the technical administrator whether the server is running and doing its daily jobs. The privacy officer can also check the log on the page Check the log.
done-audit-log-verified = The log was checked: all is well.
done-audit-log-verified-broken = The log was checked: something does not fit. See the alert below.

# Part A (register): the processing register and the Logboek Dataverwerkingen export.
admin-section-processing = Processing register
admin-section-processing-text = Which data the team processes, why, on what legal basis and for how long. You edit the texts; every change becomes a new version.
privacy-section-processing = Processing register
privacy-section-processing-text = Every processing activity with its purpose, legal basis, kinds of data and retention. Every row of the log belongs to one activity.
processing-title = Processing register
processing-intro = These are the team's processing activities (GDPR article 30). Every action in the log belongs to one of them.
processing-intro-edit = Choose an activity to edit its texts. The code never changes.
processing-col-name = Activity
processing-col-purpose = Purpose
processing-col-legal-basis = Legal basis
processing-col-retention = Retention
processing-col-status = Status
processing-version = version { $version }
processing-active = In use
processing-inactive = Not in use
processing-back = Back to the processing register
processing-edit-intro = Code { $code }, now version { $version }. Saving makes a new version. Rows already in the log stay with their old version.
processing-label-name-nl = Name (Dutch)
processing-label-name-en = Name (English)
processing-label-purpose = Purpose
processing-hint-purpose = Why does the team process this data?
processing-label-legal-basis = Legal basis
processing-hint-legal-basis = Which law or article does it rest on? For example: GDPR art. 6(1)(e).
processing-label-data-subjects = About whom
processing-hint-data-subjects = Whose data is processed?
processing-label-data-categories = Which data
processing-hint-data-categories = What kinds of data are they?
processing-label-retention = Retention
processing-hint-retention = How long is the data kept?
processing-label-active = Status
processing-submit = Save
label-processing-name-nl = Name (Dutch)
label-processing-name-en = Name (English)
label-processing-purpose = Purpose
label-processing-legal-basis = Legal basis
label-processing-data-subjects = About whom
label-processing-data-categories = Which data
label-processing-retention = Retention
label-processing-active = Status
done-processing-changed = The processing activity has been saved as a new version.

# end of block A

## Emergency access and unusual access

emergency-banner = Emergency access until { $time } — read only
emergency-banner-text = You are reading this file of another team with emergency access. You cannot change anything. Each time you open it is recorded; the data protection officer reviews it.
emergency-link-text = Do you need a file of another team in a crisis?
emergency-link = Ask for emergency access
emergency-title = Emergency access
emergency-intro = Only use this for an urgent reason, for example a crisis call at night. You get read access to the file for { $hours } hours. You cannot change anything.
emergency-warning = Emergency access is always recorded. The data protection officer reviews every emergency access. The family sees that you opened the file.
emergency-submit = Ask for emergency access
label-emergency-case-id = File number
hint-emergency-case-id = The number of the file, for example 1042.
label-emergency-reason = Reason
hint-emergency-reason = Why do you need this file now? At least 10 and at most 500 characters.
field-error-too-short = Write at least { $min } characters.
field-error-own-team = This file is of your own team. Open it from the worklist.
privacy-section-emergency = Emergency access
privacy-section-emergency-text = Who opened a file of another team, for what reason, and how often. Review every emergency access.
privacy-section-unusual = Unusual access
privacy-section-unusual-text = Many files in a short time, files of people with the worker's family name, files of colleagues' households.
privacy-emergency-title = Emergency access
privacy-emergency-intro = Every emergency access, those not yet reviewed first. You see who, which file number, the reason and how often the file was read. You do not see what is in the file.
privacy-emergency-none = No emergency access has been asked for yet.
privacy-col-who = Staff member
privacy-col-case = File
privacy-col-team = Team
privacy-col-reason = Reason
privacy-col-period = From – until
privacy-col-reads = Times read
privacy-col-review = Review
privacy-col-kind = Kind
privacy-col-detail = What stood out
privacy-case-number = no. { $id }
privacy-review-justified = Justified
privacy-review-not-justified = Not justified
privacy-review-by = { $verdict }, by { $name } on { $date }: { $note }
privacy-review-summary = Review
privacy-review-again = Review again
label-privacy-justified = Was this justified?
label-privacy-note = Note
hint-privacy-note = Why? For example what the worker or the team manager said.
privacy-review-submit = Save review
privacy-unusual-title = Unusual access
privacy-unusual-intro = Computed from the log over the chosen period. You see names of staff, file numbers and times; never the content of a file. Unusual access is not always wrong: review each row.
privacy-unusual-rules = Unusual is: more than { $cases } different files within { $minutes } minutes; a file of a household with the worker's family name; a file of a household with the family name of a colleague of the same team.
privacy-unusual-none = Nothing unusual in this period.
privacy-unusual-period = Period
label-privacy-from = From
label-privacy-to = Up to and including
privacy-unusual-show = Show
privacy-kind-many-files = Many files in a short time
privacy-kind-family-name = Same family name as the worker
privacy-kind-colleague = Same family name as a colleague
privacy-detail-many-files = { $count } files: { $cases }
privacy-detail-family-name = Family name { $name }, file { $cases }
privacy-detail-colleague = Family name { $name } (colleague { $colleague }), file { $cases }
done-privacy-reviewed = The review has been saved.
done-emergency-granted = You have emergency access. You can only read this file.

# end of block B

## Retention, legal holds and destruction (also on request)

privacy-section-destruction = Retention and destruction
privacy-section-destruction-text = Requests to destroy a file with their deadline, the decision on them, legal holds, and the files that were destroyed.
settings-retention-years = Retention of files
settings-retention-years-help = A closed file is kept this long after its last change. Then the system destroys it, unless a legal hold keeps it.
settings-years = { $n } years
access-action-case-destroyed = File destroyed
access-action-case-partially-destroyed = Part of file destroyed
access-action-destruction-requested = Request for destruction registered
access-action-destruction-decided = Decision on a request for destruction
access-action-legal-hold-placed = Legal hold placed
access-action-legal-hold-lifted = Legal hold lifted
destruction-outcome-granted = Grant
destruction-outcome-partially-granted = Grant in part
destruction-outcome-refused = Refuse
refusal-ground-others-interest = Someone else's interest weighs more
refusal-ground-legal-duty = The law obliges us to keep the file
destruction-scope-full = The whole file
destruction-scope-partial = A part: working notes, contact summaries, appointments and comments
destruction-reason-retention-expired = Retention period over
destruction-reason-request = On request
requester-relation-parent = Parent with parental authority
requester-relation-young-person = Young person
destruction-requester = { $relation }, { $age } years
field-error-too-young = This person is under 12. A parent with parental authority makes the request.
field-error-not-entitled = This person may not make this request. A parent with parental authority may, or a child or client from 12.
field-error-not-in-household = This person is not a member of this household.
destruction-case-links = Retention and destruction
destruction-register-link = Register a request for destruction
destruction-register-title = Register a request for destruction
destruction-back-to-file = Back to the file
destruction-register-intro = Did a parent with parental authority or a young person from 12 ask in writing to destroy the file? Register the request here. The privacy officer decides within 3 months.
label-destruction-requested-by-person-id = Who asks?
label-destruction-received-on = Received on
hint-destruction-received-on = The day the letter or e-mail came in.
label-destruction-scope = What must go?
destruction-register-submit = Register request
done-destruction-requested = The request for destruction is registered.
destruction-title = Retention and destruction
destruction-intro = A closed file is destroyed { $years } years after its last change. A legal hold keeps it longer. Here you decide on requests for destruction. You see only the file number, who asks and the dates, not the content.
destruction-open = Open requests
destruction-none-open = There are no open requests.
destruction-overdue = Overdue: a decision was due on { $date }
destruction-decide-by = Decision due on { $date }
destruction-requester-label = Asked by
destruction-received-label = Received on
destruction-scope-label = Asked for
label-destruction-outcome = Decision
label-destruction-refusal-ground = Reason for refusal
label-destruction-copy-offered-on = Copy offered on
hint-destruction-copy-offered-on = Needed to grant: first offer the family a copy of the file.
label-destruction-note = Explanation
hint-destruction-note = What did you weigh? Do not write names or content of the file.
destruction-decide-submit = Save decision
destruction-conflict-hold = A legal hold keeps this file. Lift it first, or refuse because the law obliges us to keep it.
destruction-conflict-open = The case is not closed yet. The whole file can only go once it is closed.
destruction-conflict-decided = This request was decided already.
done-destruction-decided = The decision is saved.
hold-title = Legal holds
hold-intro = A legal hold keeps a file longer than its retention period, for example during a court case or a complaint.
hold-none = There are no legal holds.
hold-until = Up to and including: { $until }
hold-until-lifted = until you lift it
hold-lift = Lift the legal hold on { $file }
hold-place-title = Place a legal hold
label-hold-case-id = File number
label-hold-reason = Reason
hint-hold-reason = For example: court case pending, complaint being handled.
label-hold-until = Up to and including
hint-hold-until = Leave empty if you do not know until when. It then holds until you lift it.
hold-place-submit = Place legal hold
hold-unknown-case = There is no file with this number.
done-hold-placed = The legal hold is placed.
done-hold-lifted = The legal hold is lifted.
destruction-decided = Decided requests
destruction-none-decided = No decided requests yet.
tombstones-title = Destroyed files
tombstones-intro = Of a destroyed file only its number, its dates and the reason remain.
tombstones-none = No files have been destroyed yet.
destruction-done-granted = Granted
destruction-done-partially-granted = Granted in part
destruction-done-refused = Refused

# end of block C

## Inzage: a family member's own data, and a copy for a written request

privacy-section-inzage = Inzage and copies
privacy-section-inzage-text = Which copies of data the team made for a written request: case, who asked, when. Never the content.
inzage-privacy-intro = A household member may ask in writing for a copy of their own data. The team then makes it from the case file. Every copy made that way is listed here, newest first. What members download themselves in Mijn Buurtteam is in the access log of their file.
inzage-privacy-none = No copies have been made for a written request yet.
inzage-privacy-caption = Copies for a written request
inzage-col-when = Made on
inzage-col-case = Case
inzage-col-relation = Household member (role)
inzage-col-received = Request received on
inzage-col-by = Made by
inzage-col-format = File

## Mijn Buurtteam: download my data
inzage-portal-link = Download my data
inzage-portal-title = Download my data
inzage-portal-back = Back to my plan
inzage-portal-intro = You may always see which data the neighbourhood team holds about you. Download a copy here. You get exactly what you also see in Mijn Buurtteam.
inzage-portal-in = What is in it?
inzage-portal-in-network = The goal you help with, with its actions and comments, and your own details.
inzage-portal-in-you = Your own details: name, date of birth, phone number and e-mail address.
inzage-portal-in-plan = The family plan as you see it: goals, actions, comments, conversations about how it is going, and appointments.
inzage-portal-in-log = Who looked at your file, and when.
inzage-portal-not-in = The team's working notes are not in it. Nor are goals you may not see, or data of household members you may not see.
inzage-portal-download = Download
inzage-portal-formats = Choose a file. A PDF is easy to read or print. A JSON file is for a computer, for example to take your data elsewhere.
inzage-portal-pdf = Download as PDF
inzage-portal-json = Download as JSON
inzage-portal-logged = The team sees that you downloaded a copy. It also shows in ‘Who looked at my file’.

## Staff: a copy for a written request
file-inzage = Copy for a household member (inzage)
inzage-case-title = Copy of data for a household member
inzage-case-back = Back to the case
inzage-case-intro = Has a household member asked in writing for a copy of their own data? Choose who asked and when the request came in. You get exactly what this member sees in Mijn Buurtteam, also when they have no account. Working notes are never in it. For a child under 12, a parent with authority asks.
inzage-case-submit = Make and download the copy
inzage-case-logged = Every copy goes into the case's log, with the date of the request. The member sees in Mijn Buurtteam that a copy was made. The privacy officer sees which copies were made, not what is in them.
label-inzage-person-id = Who asked for the copy?
label-inzage-received-on = Request received on
hint-inzage-received-on = The day the letter or e-mail came in.
label-inzage-format = File
inzage-format-pdf = PDF (to read or print)
inzage-format-json = JSON (for a computer)
field-error-inzage-too-young = This child is under 12. A parent with authority asks for the data.

## The PDF (always Dutch)
inzage-pdf-title = Data of { $name }
inzage-pdf-made = { $organisation } · made on { $date }
inzage-pdf-intro = This is the data the neighbourhood team holds about you, as you also see it in Mijn Buurtteam. Is something wrong? Ask your family worker. You may ask for a correction.
inzage-pdf-request = Made for your written request of { $date }, by { $who }.
inzage-pdf-you = Your details
inzage-pdf-name = Name: { $value }
inzage-pdf-birth-date = Date of birth: { $value }
inzage-pdf-role = In the household: { $value }
inzage-pdf-client-yes = You get help from the team yourself.
inzage-pdf-client-no = You do not get help yourself; you belong to the household.
inzage-pdf-phone = Phone: { $value }
inzage-pdf-other-phone = Other phone number: { $value }
inzage-pdf-email = E-mail: { $value }
inzage-pdf-relation = You help as: { $value }
inzage-pdf-case = The case
inzage-pdf-case-number = Case number: { $value }
inzage-pdf-case-status = Stage: { $value }
inzage-pdf-referred-on = Referred on: { $value }
inzage-pdf-started-on = Support started on: { $value }
inzage-pdf-closed-on = Closed on: { $value }
inzage-pdf-contact = Your family worker and the team
inzage-pdf-household = Your household
inzage-pdf-is-client = gets help
inzage-pdf-goals = Goals in the family plan
inzage-pdf-none = Nothing yet.
inzage-pdf-goal-of = Goal of { $name }
inzage-pdf-goal-of-household = Goal of the whole household
inzage-pdf-confidential = Only for you. Why: { $reason }
inzage-pdf-action = Action: { $what } (who: { $who })
inzage-pdf-comment = Comment by { $who }: { $text }
inzage-pdf-proposal = Your proposal ‘{ $title }’: { $status }
inzage-pdf-network = Helping: { $name } ({ $relation })
inzage-pdf-evaluations = Conversations about how it is going
inzage-pdf-went-well = What went well: { $text }
inzage-pdf-changes = What we do differently: { $text }
inzage-pdf-appointments = Appointments
inzage-pdf-agreements = Your agreement to the plan
inzage-pdf-agreement = Agreed to version { $version }, on { $date }
inzage-pdf-access-log = Who looked at your file
inzage-pdf-access-log-intro = Newest first. What you did yourself is not listed, except the copies you downloaded.
inzage-pdf-times = { " " }({ $count } times)
inzage-pdf-not-in = What is not in here
inzage-pdf-not-in-text = The team's working notes are not in this overview. Nor are goals that are only for another household member, or data of household members you may not see. Want to know more? Ask your family worker.
inzage-pdf-footer = { $organisation } · Data as of { $date } · Page { $page } of { $pages }

# end of block D

## Secrets at rest and backups

settings-group-secrets = Secrets and the key
settings-secret-key = Key for secrets
settings-secret-key-help = Encrypts what the server must read back, such as the second factor's secrets. Only the key's id is shown here, never the key itself.
settings-secret-key-id = Key { $id }
settings-secret-key-none = None: setting up a second factor and single sign-on do not work
settings-secret-key-old = Old keys
settings-secret-key-old-help = Only needed while the key is rotated: the server still reads with them, but no longer encrypts with them.

# end of block E
