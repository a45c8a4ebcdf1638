# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = To Privacy
privacy-title = Privacy
privacy-intro = How the families' data is handled: emergency access, unusual access, requests for destruction and the check of the log. You see logs and registrations, never the content of a file.
privacy-back = Back to Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export

# end of block A

## Emergency access and unusual access

# end of block B

## Retention, legal holds and destruction (also on request)

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

# end of block E
