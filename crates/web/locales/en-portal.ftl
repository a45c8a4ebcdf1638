## Mijn Buurtteam, the family portal (pages/portal.rs).

## Frame
nav-portal-plan = My plan
nav-portal-log = Who looked at my file
portal-footer-privacy = Your details are confidential. Every time someone looks at the file, this is recorded.
portal-date-time = { $date } at { $time }

## Codes: role (portal accounts)
role-family-member = Family member
role-network-member = Important other

## Field labels and errors of the portal forms
label-portal-comment-body = Your comment
label-portal-proposal-title = What would you call the goal?
label-portal-proposal-description = Explanation (you may leave this empty)
label-portal-network-name = Name
label-portal-network-relation = Who is this person to you?
label-portal-network-email = Email address
field-error-invalid-code = This code does not work. It may have been used already or be too old. Ask your family worker, or whoever invited you, for a new code.
field-error-email-taken = There is already an account with this email address. Enter the password of that account, or choose another email address.

## The plan
portal-title = My Buurtteam
portal-intro-family = Here you see the family plan: the goals you work on together with the neighbourhood team, and who does what. You only see the goals you are allowed to see.
portal-intro-network = A family asked you to help. Here you see the goal you help with. You can comment and say what you have done. You do not see the rest of the plan.
portal-none-family = You have no plan in My Buurtteam yet. Did your family worker give you a code? Then enter it.
portal-none-network = You can no longer see a goal. Your invitation may have been withdrawn, or the support has ended. Did you get a new code? Then enter it.
portal-none-new-code = Enter a code
portal-household = Your household
portal-goals = Goals
portal-goals-network = The goal you help with
portal-goals-none = The plan has no goals yet that you can see.
portal-goal-of-household = Goal of the whole household
portal-goal-of-you = Your goal
portal-goal-of = Goal of { $name }
portal-goal-status-open = In progress
portal-goal-status-achieved = Achieved
portal-goal-status-stopped = Stopped
portal-goal-confidential = Only you and your family worker see this goal.
portal-goal-private = This goal is yours. Your family does not see it: only you and your family worker.
portal-goal-shared = You have shared this goal. Your family can see it too.
portal-share = Share with my family
portal-unshare = Stop sharing
portal-score = How it is going: { $score } out of 5 (on { $date }). 1 means: big problems. 5 means: fully managing on your own.
portal-actions = What are we going to do?
portal-actions-none = There are no actions for this goal yet.
portal-action-who = Who: { $who }
portal-who-you = you
portal-who-worker = your family worker
portal-performer-family-member = a family member
portal-performer-network-member = an important other
portal-performer-family-worker = your family worker
portal-performer-partner = another organisation
portal-action-due = Done by { $date }
portal-action-done-on = Done on { $date }
portal-action-mark-done = Done
portal-action-mark-done-label = Done: { $action }
portal-action-reopen = Not done after all
portal-action-reopen-label = Not done after all: { $action }
portal-comments = Comments
portal-comments-none = No comments yet.
portal-comment-by-you = You
portal-comment-hint = Ask a question or say how it is going. Everyone who sees this goal can read your comment.
portal-comment-submit = Post comment
portal-proposals = Your proposals
portal-proposal-pending = Your family worker is looking at it
portal-proposal-accepted = Accepted
portal-proposal-declined = Not accepted
portal-propose = Propose a change
portal-propose-intro = Would you put the goal differently, or change something? Write your proposal here. Your family worker looks at it and decides whether the goal changes. Afterwards you see the decision here.
portal-propose-title-hint = In your own words.
portal-propose-description-hint = What else would you change, and why?
portal-propose-submit = Send proposal
portal-network = Important others for this goal
portal-network-intro = An important other is someone who helps you, such as a grandparent, a neighbour or a friend. They see only this goal, can comment and can tick off their own actions.
portal-network-state-invited = invited, has not used the code yet
portal-network-state-active = taking part
portal-network-state-revoked = withdrawn, no longer sees the goal
portal-network-revoke = Withdraw
portal-network-revoke-label = Withdraw: { $name }
portal-invite = Invite someone
portal-invite-intro = You get a code. You give it yourself to the person you invite. With the code they make an account. You can always withdraw the invitation.
portal-invite-relation-hint = For example: grandad, neighbour, friend
portal-invite-submit = Invite
portal-code-heading = Code for { $name }
portal-code-how = Give this code to { $name }. { $name } goes to { $address } and makes an account there with the code. The code works for { $days } days and only once. You see the code here only once: write it down or pass it on straight away.
portal-appointments = Appointments
portal-appointments-none = No appointments are planned right now.
portal-appointment-place = Where: { $place }
portal-evaluations = Talks about how it is going
portal-evaluation-next = The next talk is around { $date }.
portal-evaluations-none = There has been no talk about how it is going yet.
portal-evaluation-held = Talk of { $date }
portal-evaluation-went-well = What went well:
portal-evaluation-changes = What will change:
portal-agreement = Agreeing to the plan
portal-agree-intro = Have you read the plan and do you agree? Then say so here. You can also comment or propose a change first.
portal-agree-submit = I agree to this plan (version { $version })
portal-agreed = You have agreed to this plan (version { $version }).
portal-agreed-earlier = You agreed to version { $earlier }. The plan has changed since. It is now version { $version }.
portal-agree-refused = You cannot agree yet: the plan has no goals.
portal-notice-commented = Your comment has been posted.
portal-notice-proposed = Your proposal has been sent. Your family worker will look at it.
portal-notice-action-done = Well done! The action is marked as done.
portal-notice-action-open = The action is open again.
portal-notice-shared = Your family can now see this goal.
portal-notice-unshared = Your family can no longer see this goal.
portal-notice-revoked = The invitation has been withdrawn. That person no longer sees the goal.
portal-notice-agreed = Thank you. We have recorded that you agree to the plan.

## Activating an account with a code
portal-activate-title = Make an account for My Buurtteam
portal-activate-intro = Did you get a code from your family worker, or from someone in a family? Then make your account here. You need the code only once.
portal-activate-code = Code
portal-activate-code-hint = 12 letters and digits, for example ABCD-EFGH-JKLM
portal-activate-email = Email address
portal-activate-email-hint = You log in with this later.
portal-activate-password = Choose a password
portal-activate-password-hint = At least 10 characters. A sentence of a few words is strong and easy to remember.
portal-activate-repeat = Type the password again
portal-activate-submit = Make account
portal-activate-second-factor = Want to protect your account even better? After logging in, turn on a second step under ‘My account’, with an app on your phone. You do not have to.
portal-activate-have-account = Already have an account? Then log in.
portal-activate-expired = The form had expired. Please try again.
portal-activate-held-off = Too many attempts with this code or from this connection. Try again in { $minutes } minutes, or ask your family worker for a new code.
portal-login-activated = Your account is ready. Log in with your email address and password.

## Who looked at my file (the access log in plain words)
portal-log-title = Who looked at my file
portal-log-intro = Here you see who looked at or changed your file or your family's plan, and when. The newest is at the top. What you did yourself is not listed.
portal-log-none = Nobody has looked at your file yet.
portal-log-questions = Does something look wrong, or do you have a question? Ask your family worker or the team manager of the neighbourhood team.
portal-log-forbidden-title = Only for family members
portal-log-forbidden-detail = This page shows who looked at your family's file. It is only for family members.
portal-log-someone = Someone
portal-log-other = { $who } looked at or updated the file.
portal-log-other-goal = { $who } did something with the goal ‘{ $goal }’.
