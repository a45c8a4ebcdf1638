# Data repair by team managers (decision 0020): a referral registered by mistake voided, a
# household registered twice merged. The admin area's texts are in en-admin.ftl.

status-voided = Voided
event-voided = Referral voided
voided-banner = This referral was voided on { $date }: { $reason }. It counts in no list or figure; the file stays readable.
void-reason-duplicate = Registered twice
void-reason-wrong-household = With the wrong family or person
void-reason-wrong-team = Registered with the wrong team
void-reason-test = Test or practice
void-reason-other = Another mistake
repair-links = Repair
repair-void-link = Void this referral (registered by mistake)
repair-merge-link = Merge a family registered twice
void-title = Void the referral
void-back = Back to the file
void-intro = Use this only for a referral registered by mistake, before any intake. The referral stays readable for the team but no longer counts in the worklist, the waiting list or the figures. This cannot be undone.
label-reason-code = Kind of mistake
label-void-reason = Explanation
hint-void-reason = What went wrong? This goes into the file's history.
void-submit = Void the referral
done-voided = The referral was voided.
merge-title = Merge a family registered twice
merge-intro = Choose the household that is the same family. Its members and cases move to this household; the other household points here from then on. People who appear twice are both kept: check them afterwards.
merge-keep = Household { $id } (remains)
merge-none-found = No household with the same members was found. Enter the other household's number if you know it.
merge-candidates = Possibly the same family
merge-candidates-hint = Found by the same name and date of birth or the same BSN, among the families of your teams.
merge-candidate = Household { $id }
merge-same-person = Possibly the same person: { $here } (here) and { $there } (there). Both are kept.
label-merged-household-id = Number of the other household
hint-merged-household-id = The household that merges into this one.
merge-submit = Merge
done-merged = The households were merged.
field-error-same-household = Choose another household than this one.
field-error-already-merged = This household was merged into another one already.
field-error-before-from = This date lies before the start date.
