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

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

# end of block E
