## The family plan in the staff pages (pages/plan.rs).

## Plan pages: frame and navigation
plan-title = Family plan
plan-nav-label = This case
plan-nav-file = Family file
plan-nav-plan = Family plan
plan-nav-history = History of the plan
plan-nav-notes = Working notes
plan-nav-access-log = Access log
plan-at = { $date } at { $time }
plan-version = Version { $version }
plan-current = current version
plan-yes = yes
plan-no = no
next-evaluation = Evaluation due { $date }
file-plan-open = Open the family plan
file-plan-notes = Working notes (staff only)
file-plan-access-log = Access log of this case

## Goals
plan-goals = Goals
plan-goals-none = There are no goals yet. Add the first goal below, in the family's own words.
plan-owner-household = The whole family
plan-owner-not-client = { $name } (not a client)
plan-not-client-note = Not a client of this case: only the team sees this goal; nobody sees it in Mijn Buurtteam. Make this person a client to share the goal with the family under the age rules.
plan-make-client = Make a client too
plan-confidential = Confidential
plan-shared = Shared with the family
plan-self-sufficiency = Self-sufficiency
plan-score-none-yet = Not measured yet.
plan-latest-score = { $score } (measured on { $date })
plan-score-text = { $score } – { $meaning }
plan-score-1 = acute problems
plan-score-2 = not self-sufficient
plan-score-3 = partly self-sufficient
plan-score-4 = sufficiently self-sufficient
plan-score-5 = fully self-sufficient
plan-score-none = Not measured
plan-scores-caption = Self-sufficiency for the goal { $goal }, oldest measurement first
plan-measured-on = Measured on
plan-score = Score
plan-goal-add = Add a goal
plan-goal-add-submit = Add goal
plan-goal-change = Change the goal or mark it confidential
plan-goal-change-submit = Save change
plan-field-title = Goal
plan-field-description = Explanation
plan-field-life-domain = Life domain
plan-field-client-id = Whose
plan-field-status = Status
plan-field-confidential = Confidential
plan-field-confidential-reason = Reason for confidentiality
plan-field-shared = Shared with the family
plan-field-performer = Who does it
label-goal-title = Goal in the family's own words
label-goal-description = Explanation (optional)
label-goal-life-domain = Life domain
label-goal-client-id = Whose goal is it?
label-goal-status = Status
label-goal-confidential = Confidential: not visible to other family members and network members
label-goal-confidential-reason = Reason for confidentiality
label-goal-shared = The client (16 or older) shares this goal with the family
hint-goal-title = As the family says it, for example: "Bram enjoys going to school again."
hint-goal-reason = Only for a confidential goal. Only staff and the client themselves see the reason.

## Actions
plan-actions = Actions
plan-actions-none = No actions yet.
plan-action-due = due { $date }
plan-action-done-on = done on { $date }
plan-action-done = Done
plan-action-reopen = Not done after all
plan-action-add = Add an action
plan-action-add-submit = Add action
label-action-description = What is going to happen?
label-action-performer = Who does it?
label-action-due-on = Due by (optional)
label-action-person-id = Which family member (with Family member)
label-action-network-invitation-id = Which network member (with Network member)
label-action-performer-name = Or: an organisation that is not on the social map

## Scores
plan-score-add = Measure self-sufficiency
plan-score-add-submit = Save score
label-score-score = Self-sufficiency (1 to 5)
label-score-measured-on = Measured on

## Proposals from the family
plan-proposals = Proposals from the family
plan-proposal-by = Proposed by { $author }, { $when }
plan-proposal-accept = Accept
plan-proposal-decline = Decline
plan-proposal-decided = This proposal was decided already. Below is the plan as it is now.

## Network members
plan-network = Network members
plan-network-none = Nobody invited onto this goal yet.
plan-network-state-invited = invited, code not used yet
plan-network-state-active = taking part
plan-network-state-revoked = revoked
plan-network-revoke = Revoke
plan-network-invite = Invite a network member
plan-network-invite-intro = In Mijn Buurtteam a network member sees only this goal, as long as the invitation is not revoked.
plan-network-invite-submit = Create invitation
plan-network-invited = The invitation for { $name } has been created. Give { $name } this code:
label-network-name = Name
label-network-relation = Who are they to the family?
label-network-email = E-mail address
hint-network-relation = For example: neighbour, grandfather, football coach
plan-code-hint = You see this code only once. It is valid for 14 days and works once. Hand it over in person or by phone, not in the same e-mail as the link.

## Comments
plan-comments = Comments
plan-comments-none = No comments yet.
plan-comment-add = Write a comment
plan-comment-add-submit = Post comment
label-comment-body = Comment
hint-comment-body = The family and the network members on this goal read along.

## Evaluations
plan-evaluations = Evaluations
plan-evaluations-none = No evaluations yet.
plan-evaluation-none-planned = No next evaluation is planned.
plan-evaluation-of = Evaluation of { $date }
plan-evaluation-add = Record an evaluation
plan-evaluation-add-submit = Save evaluation
plan-evaluation-scores = Self-sufficiency per goal
plan-evaluation-score-for = Goal: { $goal }
plan-recorded-by = Recorded by
label-evaluation-held-on = Date of the evaluation
label-evaluation-went-well = What went well?
label-evaluation-changes = What changes?
label-evaluation-next-on = Next evaluation
hint-evaluation-next-on = This date appears on the worklist.
hint-evaluation-scores = Measure self-sufficiency for each open goal; leave "Not measured" where you do not measure now.

## Appointments
plan-appointments = Appointments
plan-appointments-none = No appointments yet.
plan-appointment-add = Plan an appointment
plan-appointment-add-submit = Save appointment
label-appointment-starts-at = Date and time
label-appointment-place = Where
label-appointment-description = About
hint-appointment-description = The family sees this in Mijn Buurtteam.

## Agreement
plan-agreement = The family's agreement
plan-version-current = The plan is at version { $version }.
plan-agreed-current = Agreed to this version: { $names }.
plan-agreed-current-none = Nobody has agreed to this version yet.
plan-agreements-caption = Who agreed to which version
plan-col-version = Version
plan-col-who = Who
plan-col-how = How recorded
plan-col-when = When
plan-agreed-in-portal = themselves, in Mijn Buurtteam
plan-agreed-on-behalf = on the family member's behalf, by { $worker }
plan-agree-on-behalf = Record agreement on behalf of a family member
plan-agree-on-behalf-intro = Only when the family member told you themselves that they agree to this version of the plan.
plan-agree-submit = Record agreement
plan-agree-no-goals = Agreement is possible once the plan has goals.
label-agreement-person-id = Which family member agrees?

## Mijn Buurtteam invitations
plan-portal = Mijn Buurtteam
plan-portal-intro = Family members of 12 and older can read the plan in Mijn Buurtteam. Create an invitation and hand over the code in person.
plan-portal-invite = Invite { $name } to Mijn Buurtteam
plan-portal-too-young = Under 12: no account of their own; parents with parental authority read along.
plan-portal-invited = The invitation for { $name } has been created. Give { $name } this code:

## History
plan-history-title = History of the family plan
plan-history-intro = Every change makes a new version. Here is who changed what and when, newest first.
plan-history-none = Nothing has changed in the plan yet.
plan-history-by = By { $who }, { $when }
plan-history-goal = On the goal: { $goal }
plan-history-set = { $field }: { $value }
plan-history-changed = { $field }: { $before } became { $after }
plan-history-score = Self-sufficiency { $score }, measured on { $date }
plan-history-action = Action: { $action }
plan-history-evaluation-held = Evaluation held on { $date }
plan-history-goal-score = On “{ $goal }”: self-sufficiency { $score }
plan-history-network = Network member: { $name }
plan-change-goal-added = Goal added
plan-change-goal-changed = Goal changed
plan-change-goal-sharing-changed = Sharing with the family changed
plan-change-goal-scored = Self-sufficiency measured
plan-change-goal-proposal-accepted = The family's proposal accepted
plan-change-action-added = Action added
plan-change-action-done = Action done
plan-change-action-reopened = Action open again
plan-change-evaluation-recorded = Evaluation recorded
plan-change-network-invited = Network member invited
plan-change-network-revoked = Network member's invitation revoked

## Working notes
plan-notes-title = Working notes
plan-notes-staff-only = Staff only — never shown in Mijn Buurtteam.
plan-notes = Notes
plan-notes-none = No working notes yet.
plan-note-add = Add a working note
plan-note-add-submit = Save note
label-note-body = Note
hint-note-body = Your own professional note. The family does not see it.

## Access log
access-log-title = Access log
access-log-intro = Who read or changed this case, when and from which session; newest first, the last { $limit } rows.
access-log-none = Nothing recorded yet.
access-log-caption = Access to this case, newest first
access-col-when = When
access-col-who = Who
access-col-role = Role
access-col-what = What
access-col-goal = Goal
access-col-about = About whom
access-col-session = Session
access-who = { $name } (account { $account })
access-acting-for = on behalf of { $name }
access-action-case-read = Case file read
access-action-case-emergency-access-granted = Emergency access granted
access-action-case-emergency-read = Read with emergency access
access-action-emergency-access-reviewed = Emergency access reviewed
access-action-unusual-access-reviewed = Unusual access reviewed
access-action-case-referred = Referral recorded
access-action-case-intake-held = Intake recorded
access-action-case-support-started = Start of support recorded
access-action-case-closed = Case closed
access-action-case-claimed = Referral picked up
access-action-case-assigned = Case assigned
access-action-case-corrected = Date corrected
access-action-case-reopened = Case reopened
access-action-case-voided = Referral voided
access-action-case-access-refused = Access to the case refused
access-action-contact-recorded = Contact recorded
access-action-contact-list = Contacts read
access-action-plan-read = Family plan read
access-action-plan-history-read = History of the plan read
access-action-plan-agreed = Agreement to the plan recorded
access-action-household-access-refused = Access to the household refused
access-action-team-access-refused = Access to a list of the team refused
access-action-kpi-access-refused = Access to steering figures refused
access-action-organisation-access-refused = Managing the organisation refused
access-action-form-access-refused = Form refused (security code missing, or sent from another site)
access-action-request-replayed = Repeated request answered without doing it again
access-action-access-log-read = Access log read
access-action-ldv-exported = Log exported (Logboek Dataverwerkingen)
access-action-cbs-exported = Delivery of policy information on youth care to CBS made
access-action-working-notes-read = Working notes read
access-action-working-note-added = Working note added
access-action-goal-added = Goal added
access-action-case-client-added = Household member made a client
access-action-goal-changed = Goal changed
access-action-goal-sharing-changed = Sharing with the family changed
access-action-goal-scored = Self-sufficiency measured
access-action-goal-commented = Comment posted
access-action-goal-change-proposed = Change proposed
access-action-goal-proposal-accepted = Proposal accepted
access-action-goal-proposal-declined = Proposal declined
access-action-action-added = Action added
access-action-action-done = Action done
access-action-action-reopened = Action open again
access-action-evaluation-recorded = Evaluation recorded
access-action-appointment-planned = Appointment planned
access-action-network-invited = Network member invited
access-action-network-revoked = Invitation revoked
access-action-portal-invited = Invited to Mijn Buurtteam
access-action-portal-activated = Mijn Buurtteam account activated
access-action-auth-login = Logged in
access-action-auth-login-failed = Log-in failed
access-action-auth-login-refused-locked = Log-in refused (account temporarily locked)
access-action-auth-password-accepted = Password accepted
access-action-auth-password-changed = Password changed
access-action-auth-recovery-code-used = Recovery code used
access-action-auth-second-factor-disabled = Second step turned off
access-action-auth-second-factor-enabled = Second step turned on
access-action-case-list = List of case files read
access-action-closure-day-added = Closure day added
access-action-closure-day-removed = Closure day removed
access-action-district-created = District created
access-action-district-changed = District changed
access-action-neighbourhood-created = Neighbourhood created
access-action-neighbourhood-changed = Neighbourhood changed
access-action-code-label-changed = Code list wording changed
access-action-processing-activity-changed = Processing activity changed
access-action-household-created = Household recorded
access-action-household-read = Household read
access-action-household-search = Households searched
access-action-household-updated = Phone or e-mail changed
access-action-household-merged = Households merged
access-action-kpi-read = Steering figures read
access-action-population-imported = Population figures imported
access-action-survey-results-read = Experience survey results read
access-action-survey-open-answers-read = Experience survey open answers read
access-action-portal-activation-failed = Activating Mijn Buurtteam failed
access-action-portal-exported = Own data downloaded (inzage)
access-action-case-inzage-produced = Copy made for a written request (inzage)
access-action-synth-generated = Practice data generated
access-action-team-created = Team created
access-action-team-changed = Team changed
access-action-user-created = User created
access-action-user-changed = User changed
access-action-user-deactivated = User deactivated
access-action-user-reactivated = User reactivated
access-action-user-unlocked = User unlocked
access-action-user-second-factor-reset = Second factor reset
access-action-user-activation-code-issued = Activation code issued
access-action-user-activated = Account activated
access-action-user-activation-failed = Staff account activation failed
access-action-group-created = Group created
access-action-group-changed = Group status changed
access-action-group-session-added = Group session planned
access-action-group-participant-enrolled = Enrolled in a group
access-action-group-participant-left = Left a group
access-action-group-participant-moved-up = Moved up from a group's waiting list
access-action-group-attendance-recorded = Group attendance recorded
access-action-group-participants-read = Group participants read
access-action-survey-invited = Invited for the experience survey
access-action-survey-reminded = Reminded of the experience survey
access-action-survey-letter-printed = Experience survey letter printed
access-action-survey-paper-entered = Paper experience survey typed in
access-action-survey-questionnaire-changed = Experience survey questionnaire changed

## Field errors of the plan forms
field-error-score-range = Choose a score from 1 (acute problems) to 5 (fully self-sufficient).
field-error-not-a-client = Choose the whole family or a family member with their own request for help (client).
field-error-confidential-reason-required = Write down why this goal is confidential.
field-error-not-invited = Choose a network member invited onto this goal.
field-error-next-after-held = The next evaluation lies after the date of this evaluation.
field-error-not-a-goal = This goal does not belong to this plan.
field-error-invalid-datetime = Enter a date and time, for example 2026-12-03 14:30.
field-error-too-young-for-portal = Children under 12 get no account of their own; their parents with parental authority read along.

## Codes: goal-status
goal-status-open = Open
goal-status-achieved = Achieved
goal-status-stopped = Stopped

## Codes: performer
performer-family-member = Family member
performer-network-member = Network member
performer-family-worker = Family worker
performer-partner = Partner organisation

## Codes: proposal-status
proposal-status-pending = Waiting for the family worker
proposal-status-accepted = Accepted
proposal-status-declined = Declined
plan-case-closed = The case is closed; its plan can no longer change.
access-action-case-group-support-recorded = Group support considered recorded
access-action-collective-activity-recorded = Collective approach meeting recorded
access-action-collective-activity-list = Collective approach meetings read
access-action-outreach-attempt-recorded = Attempt to make contact recorded
access-action-outreach-signals-destroyed = Signal data destroyed
access-action-case-handed-over = Case handed over
access-action-case-transferred = Case transferred to another team
access-action-case-stand-in-set = Stand-in arranged
access-action-onward-referral-recorded = Additional help arranged
access-action-onward-referral-changed = Additional help updated
access-action-onward-referral-list = Additional help read
