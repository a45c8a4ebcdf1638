## The audit actions (domain::audit::AuditAction), one sentence each for the access log of
## My Buurtteam ("Who looked at my file"), addressed to the family member reading it.
## The key is `audit-` and the stored code with dashes. `$who` is the person (and role) who
## did it; `$goal` the goal's title for actions on a goal. Every action needs a sentence in
## both languages: a test in pages/i18n.rs fails otherwise.

## The case and its contacts
audit-case-referred = { $who } referred your family to the neighbourhood team.
audit-case-read = { $who } viewed your family's file.
audit-case-list = { $who } viewed a list of files.
audit-case-intake-held = { $who } recorded the first meeting.
audit-case-support-started = { $who } recorded that the support has started.
audit-case-closed = { $who } ended the support.
audit-case-claimed = { $who } became your family worker.
audit-case-assigned = { $who } linked a family worker to your file.
audit-case-corrected = { $who } corrected a date in your file.
audit-case-reopened = { $who } opened your file again.
audit-case-voided = { $who } voided a referral that was registered by mistake.
audit-contact-recorded = { $who } recorded a meeting or contact.
audit-contact-list = { $who } viewed the meetings and contacts.

## Households
audit-household-created = { $who } recorded your family's details.
audit-household-read = { $who } viewed your family's details.
audit-household-search = { $who } searched for a family.
audit-household-updated = { $who } updated a phone number or e-mail address in your household.
audit-household-merged = { $who } merged two registrations of your household.

## The family plan
audit-plan-read = { $who } viewed the family plan.
audit-plan-history-read = { $who } viewed how the family plan has changed.
audit-plan-agreed = { $who } recorded that you agree to the family plan.
audit-goal-added = { $who } added the goal ‘{ $goal }’.
audit-case-client-added = { $who } made a household member a client in the plan.
audit-goal-changed = { $who } changed the goal ‘{ $goal }’.
audit-goal-sharing-changed = { $who } changed who can see the goal ‘{ $goal }’.
audit-goal-scored = { $who } wrote down how the goal ‘{ $goal }’ is going.
audit-goal-commented = { $who } commented on the goal ‘{ $goal }’.
audit-goal-change-proposed = { $who } proposed a change to the goal ‘{ $goal }’.
audit-goal-proposal-accepted = { $who } accepted a proposal for the goal ‘{ $goal }’.
audit-goal-proposal-declined = { $who } declined a proposal for the goal ‘{ $goal }’.
audit-action-added = { $who } added an action to the goal ‘{ $goal }’.
audit-action-done = { $who } ticked off an action of the goal ‘{ $goal }’.
audit-action-reopened = { $who } reopened an action of the goal ‘{ $goal }’.
audit-evaluation-recorded = { $who } recorded a talk about how it is going.
audit-appointment-planned = { $who } planned an appointment.
# Working notes are never named in My Buurtteam, nor hinted at: a note added is the file
# brought up to date, a read of them is a read of the file.
audit-working-note-added = { $who } updated your family's file.
audit-working-notes-read = { $who } viewed your family's file.
audit-network-invited = { $who } invited someone to the goal ‘{ $goal }’.
audit-network-revoked = { $who } withdrew an invitation to the goal ‘{ $goal }’.
audit-access-log-read = { $who } viewed who looked at the file.
audit-ldv-exported = { $who } exported the log as a Logboek Dataverwerkingen.
audit-cbs-exported = { $who } made the half-yearly delivery of policy information on youth care for CBS.

## My Buurtteam
audit-portal-invited = { $who } made a code for My Buurtteam for you.
audit-portal-activated = { $who } made an account for My Buurtteam.
audit-portal-activation-failed = { $who } entered a code for My Buurtteam that was not right.
audit-portal-exported = { $who } downloaded a copy of their own data.
audit-case-inzage-produced = { $who } made a copy of data, for a written request.

## Accounts
audit-auth-login = { $who } logged in.
audit-auth-password-accepted = { $who } entered the right password. The second step of logging in was still to come.
audit-auth-login-failed = { $who } tried to log in, but it did not work.
audit-auth-login-refused-locked = { $who } could not log in because the account was locked for a while.
audit-auth-password-changed = { $who } chose a new password.
audit-auth-recovery-code-used = { $who } logged in with a recovery code.
audit-auth-second-factor-enabled = { $who } turned on logging in in two steps.
audit-auth-second-factor-disabled = { $who } turned off logging in in two steps.

## The organisation
audit-district-created = { $who } added a district.
audit-team-created = { $who } added a team.
audit-district-changed = { $who } renamed or ended a district.
audit-neighbourhood-created = { $who } added a neighbourhood.
audit-neighbourhood-changed = { $who } changed a neighbourhood or its postcode areas.
audit-code-label-changed = { $who } changed the wording of a code list.
audit-processing-activity-changed = { $who } changed a processing activity of the processing register.
audit-team-changed = { $who } changed a team's details.
audit-user-created = { $who } made an account for a member of staff.
audit-user-changed = { $who } changed the account of a member of staff.
audit-user-deactivated = { $who } deactivated the account of a member of staff.
audit-user-reactivated = { $who } reactivated the account of a member of staff.
audit-user-unlocked = { $who } unlocked the locked account of a member of staff.
audit-user-second-factor-reset = { $who } reset the second log-in step of a member of staff.
audit-user-activation-code-issued = { $who } issued an activation code for a member of staff.
audit-user-activated = { $who } activated their own account with an activation code.
audit-user-activation-failed = { $who } tried to activate a staff account, without success.
audit-closure-day-added = { $who } added a day on which the neighbourhood team is closed.
audit-closure-day-removed = { $who } removed a day on which the neighbourhood team would have been closed.

## Steering figures
audit-kpi-read = { $who } viewed figures about the work of the neighbourhood teams.
audit-population-imported = { $who } loaded the number of residents per district.
audit-survey-results-read = { $who } viewed the results of the experience survey.
audit-survey-open-answers-read = { $who } read the open answers of the experience survey.

## Refused attempts (never shown in My Buurtteam, but every action has its sentence)
audit-case-access-refused = { $who } wanted to open the file but was not allowed to.
audit-household-access-refused = { $who } wanted to view a family's details but was not allowed to.
audit-team-access-refused = { $who } wanted to view a list of a team but was not allowed to.
audit-kpi-access-refused = { $who } wanted to view figures about the work but was not allowed to.
audit-organisation-access-refused = { $who } wanted to manage the organisation but was not allowed to.
audit-form-access-refused = { $who } sent a form that was refused because it was not sent safely.

## Emergency access (decision 0023)
audit-case-emergency-access-granted = { $who } asked for urgent access to your family's file (emergency access). That is only allowed for an urgent reason. The data protection officer checks it.
audit-case-emergency-read = { $who } viewed your family's file with emergency access.
audit-emergency-access-reviewed = { $who } reviewed an emergency access.
audit-unusual-access-reviewed = { $who } reviewed unusual access.

## The system
audit-request-replayed = { $who } sent a request again. It was not carried out a second time.
audit-synth-generated = { $who } made a practice environment with made-up families.
audit-survey-invited = { $who } invited you for the experience survey.
audit-survey-reminded = { $who } reminded you of the experience survey.
audit-survey-letter-printed = { $who } printed the letter for the experience survey.
audit-survey-paper-entered = { $who } typed in a paper experience survey.
audit-survey-questionnaire-changed = { $who } changed the experience survey's questions.

## Retention and destruction
audit-case-destroyed = { $who } destroyed the file. Only its number and dates were kept.
audit-case-partially-destroyed = { $who } destroyed part of the file.
audit-destruction-requested = { $who } registered a request to destroy your file.
audit-destruction-decided = { $who } decided on the request to destroy your file.
audit-legal-hold-placed = { $who } decided that your file must be kept for longer.
audit-legal-hold-lifted = { $who } ended keeping your file for longer.
audit-group-created = { $who } created a group.
audit-group-changed = { $who } changed the status of a group.
audit-group-session-added = { $who } planned a session of a group.
audit-group-participant-enrolled = { $who } enrolled you in a group.
audit-group-participant-left = { $who } recorded that you stopped taking part in a group.
audit-group-participant-moved-up = { $who } moved you from the waiting list into a group.
audit-group-attendance-recorded = { $who } recorded attendance at a group session.
audit-group-participants-read = { $who } looked at the participants of a group.
audit-case-group-support-recorded = { $who } recorded whether group support was considered for your family.
audit-collective-activity-recorded = { $who } recorded a meeting of the collective approach.
audit-collective-activity-list = { $who } viewed the meetings of the collective approach.
audit-complaint-registered = { $who } recorded a complaint about the help.
audit-complaint-submitted = { $who } submitted a complaint.
audit-complaint-read = { $who } looked at a complaint.
audit-complaint-list = { $who } looked at the complaints.
audit-complaint-step-recorded = { $who } recorded a step in handling a complaint.
audit-complaint-extended = { $who } put off the decision on a complaint.
audit-complaint-lessons-recorded = { $who } recorded what the team learned from a complaint.
audit-campaign-created = { $who } created an outreach campaign.
audit-campaign-changed = { $who } changed an outreach campaign.
audit-campaign-signals-imported = { $who } imported a file of signals.
audit-campaign-basket-read = { $who } looked at a campaign's work basket.
audit-campaign-address-read = { $who } looked at an address of a campaign.
audit-campaign-address-assigned = { $who } assigned addresses of a campaign to a worker.
audit-outreach-weighing-changed = { $who } changed the weighing of the work basket.
audit-outreach-attempt-recorded = { $who } recorded that we tried to reach you.
audit-outreach-signals-destroyed = { $who } destroyed the data of a signal of payment arrears.
audit-case-handed-over = { $who } handed your support over to another family worker.
audit-case-transferred = { $who } handed your support over to the team of your new district.
audit-case-stand-in-set = { $who } arranged a stand-in for your family worker.
audit-knowledge-article-created = { $who } wrote a knowledge base article.
audit-knowledge-article-changed = { $who } changed a knowledge base article.
audit-absence-recorded = { $who } recorded a staff member's absence spell.
audit-absence-changed = { $who } changed a staff member's absence spell.
audit-absence-read = { $who } read a staff member's absence spells.
audit-partner-created = { $who } added a partner organisation to the social map.
audit-partner-changed = { $who } changed a partner organisation on the social map.
audit-partner-gp-status-recorded = { $who } recorded a GP practice's collaboration status.
audit-partner-workers-changed = { $who } changed the family workers linked to a partner.
audit-onward-referral-recorded = { $who } recorded that another organisation will help you further.
audit-onward-referral-changed = { $who } updated the additional help.
audit-onward-referral-list = { $who } viewed the additional help.
