# Staff: absence and capacity, handing cases over (issue 20).

# block A
absence-error-start-in-future = The first day of absence cannot lie in the future.
absence-error-end-in-future = The end date cannot lie in the future.
absence-error-end-before-start = The end date lies before the first day of absence.
absence-error-expected-before-start = The expected return lies before the first day of absence.
absence-error-percentage = The percentage must be between 1 and 100.
# end of block A

# block H
handover-title = Hand over
handover-link = Hand over
handover-intro = Hand this case over to another family worker of the team, or to the team of another district when the family moved. The old team can no longer open the file after that.
handover-to-worker = To family worker
handover-to-team = To another team (moved)
handover-no-team = The same team
handover-no-worker = Nobody yet
handover-on = As of
handover-submit = Hand over
handover-stand-in-done = The stand-in was recorded.
handover-done = The case was handed over.
handover-refused = The handover did not go through:
stand-in-title = Stand-in
stand-in-intro = Let a colleague stand in for a while, for instance while the family worker is away.
stand-in-worker = Stand-in
stand-in-from = First day
stand-in-until = Last day
stand-in-submit = Save stand-in
history-title = Who held this case
history-worker = family worker
history-stand-in = stand-in
history-period = { $from } to { $until }
history-since = since { $from }
history-teams = Teams
history-none = Nobody has held this case yet.
team-handover-title = Handover
team-handover-link = Handover of a family worker
team-handover-intro = Hand the open cases and referrals of an absent or leaving family worker over, all of them or a choice. If one of them cannot be handed over, nothing changes.
team-handover-from = From family worker
team-handover-show = Show cases
team-handover-cases = Cases
team-handover-none = This family worker has no open cases.
team-handover-to = To family worker
team-handover-until = Only stand in until (leave empty to hand over)
team-handover-submit = Hand over
team-handover-done = { $count } cases were handed over.
team-handover-stand-in-done = A stand-in was set on { $count } cases.
uncovered-title = Cases of absent family workers without a stand-in
uncovered-intro = These families have nobody today: their family worker is away and there is no stand-in.
portal-contact-stand-in = Until { $date }, { $name } helps you, because your family worker is away.
field-error-same-team = The file already belongs to this team. Choose another team.
field-error-same-worker = Choose a colleague other than the family worker.
field-error-before-start = This day is before the first day. Choose a later day.
field-error-not-carried = This file is not an open file of this family worker in this team.
handover-conflict = The file is closed, or someone else changed it just now. Reload the page.
# end of block H
uncovered-worklist = { $count ->
    [one] 1 case of an absent family worker in { $team } has nobody today
   *[other] { $count } cases of absent family workers in { $team } have nobody today
}
access-action-absence-recorded = Absence spell recorded
access-action-absence-changed = Absence spell changed
access-action-absence-read = Absence spells read
