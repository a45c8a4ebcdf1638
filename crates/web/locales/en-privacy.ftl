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

# end of block D

## Secrets at rest and backups

# end of block E
