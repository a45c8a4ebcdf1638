# The experience survey (issue 17).

# block S1: questionnaires, invitations, answering (link, portal, paper)
## The public survey page, the portal and the letter
survey-title = Experience survey
survey-intro = You have had help from the neighbourhood team. How was it? For each sentence, choose what fits you best. It takes about 3 minutes.
survey-privacy = Your answers are not linked to your name or your file. Your family worker does not see what you filled in.
survey-submit = Send my answers
survey-agree-1 = Strongly disagree
survey-agree-2 = Disagree
survey-agree-3 = Neither agree nor disagree
survey-agree-4 = Agree
survey-agree-5 = Strongly agree
survey-report-mark = What mark do you give the team? (1 is very bad, 10 is very good)
survey-mark-none = No mark
survey-comment-hint = You may leave this empty. We remove names and numbers.
survey-error-choose = Choose an answer for: { $statement }
survey-error-code = This is not a code. A code has 8 letters and digits, like ACDE-FGHJ.
survey-code = Code
survey-code-hint = The code is in the letter, for example ACDE-FGHJ.
survey-code-submit = Continue
survey-start-title = Experience survey
survey-start-text = Type the code from your letter. You do not need an account.
survey-thanks-title = Thank you!
survey-thanks-text = Your answers have been sent. You are helping the team get better.
survey-expired-title = This code does not work
survey-expired-text = The code is unknown or older than 30 days. Check that you copied it correctly, or ask your family worker for a new letter.
survey-answered-title = Already filled in
survey-answered-text = The survey has already been filled in with this code. It can be used only once.
survey-held-off-title = Please wait
survey-held-off-text = Too many wrong codes were typed. Try again in an hour.
survey-moment-six-months = After half a year of help
survey-moment-closure = At the end of the help
survey-portal-title = Experience survey
survey-portal-none = There is no survey waiting for you now.
survey-portal-intro = We would like to hear how the help was for you.
survey-portal-open = Fill in the survey ({ $moment })
survey-portal-until = open until { $date }
survey-portal-reminder = Reminder
survey-portal-back = Back to My Buurtteam
survey-back = Back
survey-letter-heading = How was the help of the neighbourhood team?
survey-letter-dear = Dear { $name },
survey-letter-why = We would like to know what you think of the help of the neighbourhood team, so that we can get better. Would you fill in the experience survey? It takes about 3 minutes.
survey-letter-how = Scan the QR code with your phone.
survey-letter-or = Or go to
survey-letter-code = and type this code:
survey-letter-until = The code works until { $date }, once.
survey-letter-paper = Prefer paper? Ask your family worker for a paper form.
survey-letter-no-code = The code can no longer be shown. It was used, is too old, or was only shown when it was made.
survey-letter-private = Your answers are not linked to your name. Your family worker does not see what you fill in.
survey-letter-thanks = Thank you!
survey-letter-other-language = Deze vragenlijst is er ook in het Nederlands: kies "Nederlands" bovenaan de pagina.

## Staff: the case file, the letter, paper
survey-case-title = Experience survey
survey-back-to-case = Back to the file
survey-case-intro = Who was invited and whether they answered. What anyone answered is never shown with the file.
survey-invitations = Invitations
survey-no-invitations = Nobody invited yet. The system invites after half a year of help and at closure.
survey-col-person = Who
survey-col-moment = Moment
survey-col-invited = Invited on
survey-col-state = State
survey-col-letter = Letter
survey-state-open = Open, code valid until { $date }
survey-state-reminded = Reminded, code valid until { $date }
survey-state-answered = Answered
survey-state-expired = Expired without an answer
survey-hand-over = Hand the letter over again.
survey-print-letter = Print letter
survey-invite = Invite
survey-invite-intro = Parents and clients from 12. After inviting, the letter with the code opens.
survey-person = Who
survey-moment = Moment
survey-invite-submit = Invite and make the letter
survey-already-invited = This person was already invited at this moment.
survey-not-started = Support has not started: the half-year invitation comes after that.
survey-paper = Type in a paper form
survey-paper-intro = Copy the code and the answers from the paper form. The answer is kept as paper, apart from the file.
survey-letter-title = Survey letter
survey-letter-print-hint = Print with Ctrl+P: only the letter goes on paper.
done-survey-paper = The paper form has been saved.
survey-settings-months = { $n } months after the start
settings-survey-after = Experience survey after
settings-survey-after-help = This long after the start of support the system invites parents and young people from 12; also at closure.

## Admin: the questionnaire
admin-section-survey = Experience survey
admin-section-survey-text = The statements, the report mark and the open question. Every change is a new version.
survey-admin-title = Experience survey questionnaire
survey-admin-back = Back to the administration
survey-admin-intro = Version { $version } is current. Saving a change makes a new version; answers keep the version they were given on.
survey-admin-statement = Statement { $n }
survey-admin-key = Key (stays the same across versions, e.g. helped_quickly)
survey-admin-text-nl = Text in Dutch (B1)
survey-admin-text-en = Text in English
survey-admin-rows-hint = To remove a statement, empty all three fields. After saving, two empty rows are added.
survey-admin-report-mark = Ask for a report mark (1 to 10)
survey-admin-open-nl = Open question in Dutch (empty: no open question)
survey-admin-open-en = Open question in English
survey-admin-save = Save as a new version
survey-admin-versions = Versions
survey-admin-col-version = Version
survey-admin-col-date = Date
survey-admin-col-by = By
survey-admin-col-statements = Statements
survey-admin-by-system = First version
done-survey-saved = The questionnaire has been saved.
field-error-not-asked-for-survey = Only parents and clients from 12 get the experience survey.
field-error-invalid-moment = Choose a moment.
field-error-unknown-code = This code does not belong to this file. Check the code on the form.
field-error-expired-code = This code is older than 30 days.
field-error-statement-count = Give 1 to 12 statements.
field-error-duplicate-key = Each statement needs its own key.
field-error-invalid-key = Use lower case letters, digits and _ (at most 40).
field-error-invalid-text = Write 1 to 200 characters.
field-error-open-question-language = Give the open question in both languages, or leave both empty.
field-error-survey-choose = Choose an answer for: { $statement }
# end of block S1

# block S2: results and steering
# end of block S2
