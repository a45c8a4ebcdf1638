# Group-based support and the collective approach (issue 19).

# block G1: group offers, sessions, participants, attendance, the portal
# end of block G1

# block G2: considered in every case, collective activities, steering
## Group support considered in every case (the plan page).
group-support-heading = Group support considered?
group-support-state-considered = Yes, considered
group-support-state-not-considered = No, not considered
group-support-state-not-recorded = Not recorded yet
group-support-takes-part = Takes part in: { $groups }
group-support-why-not = Why no group
group-support-recorded-on = Recorded on { $date }
group-support-record = Record whether group support was considered
group-support-record-submit = Save group support
group-support-considered-yes = Yes, we considered group support
group-support-considered-no = No, not considered yet
group-support-reason-none = (no reason: the family takes part in a group)
group-support-reason-no-suitable-group = No suitable group
group-support-reason-family-declined = The family does not want to
group-support-reason-not-needed-now = Not needed now
group-support-reason-waiting-for-a-group = Waiting for a group
group-support-reason-other = Another reason
label-group-support-considered = Was group support considered?
label-group-support-reason = Why does the family not take part in a group?
label-group-support-reason-text = Explanation
hint-group-support-reason-text = Needed with "Another reason". Short, without names of others.
field-error-reason-required = Choose why the family does not take part in a group.
field-error-reason-without-considering = Give a reason only when group support was considered.
field-error-text-required-for-other = Write briefly what the other reason is.

## Collective activities (/groups/collective).
collective-title = Collective approach
collective-intro = Meetings where parents, young people and professionals work on shared questions in the district. You record numbers only, never names.
collective-new = Record a new meeting
collective-submit = Save meeting
collective-team-any = (my team in this district)
collective-participants = Number of participants
collective-period = Meetings from { $from } to { $to }
collective-none = No meetings in this period yet.
collective-caption = Meetings in { $district }
collective-col-held-on = Date
collective-col-theme = Theme
collective-col-partners = Partners
collective-col-parents = Parents
collective-col-young-people = Young people
collective-col-professionals = Professionals
collective-col-signals = Signals
label-collective-district-id = District
label-collective-team-id = Team
label-collective-held-on = Date
label-collective-theme = Theme or shared question
hint-collective-theme = For example: bullying at school, money worries, divorce.
label-collective-partners = Partners involved
label-collective-parents = Parents
label-collective-young-people = Young people
label-collective-professionals = Professionals
label-collective-signals = Signals
hint-collective-signals = What is going on in the district? Never write about a family by name. Names and numbers are removed.
done-collective-recorded = The meeting was saved.
done-collective-recorded-redacted = The meeting was saved. Names and numbers were removed from the signals.
field-error-no-participants = Enter how many people took part.
field-error-out-of-range = Enter a number from 0 to 10,000.
field-error-too-many = Choose fewer partners (at most 20).
field-error-team-not-in-district = This team does not work in this district.
field-error-from-after-to = The first day lies after the last.
field-error-not-an-id = Choose a district from the list.

## Steering: the group figures on the dashboards, in the exports and the half-year report.
dash-kpi-group-participants = Participants of groups
dash-kpi-group-considered = Group support considered (% of active cases)
dash-kpi-group-used = Group support used (% of active cases)
dash-kpi-group-attendance = Attendance at group sessions (%)
dash-kpi-group-offers = Groups with a session
dash-kpi-collective-activities = Collective approach meetings
dash-kpi-collective-parents = Parents at collective approach meetings
dash-kpi-collective-young-people = Young people at collective approach meetings
dash-kpi-collective-professionals = Professionals at collective approach meetings
dash-table-group-support = Group support and the collective approach
dash-table-group-not-used-reasons = Why no group (considered, not used)
dash-table-group-offers-by-theme = Groups by theme
dash-table-group-offers-by-district = Groups by district
dash-table-collective-by-district = Collective approach by district
dash-col-theme = Theme
dash-group-theme-youth-mental-health = Young people's mental health
dash-group-theme-money = Money worries
dash-group-theme-parenting = Parenting
dash-group-theme-divorce = Divorce
dash-group-theme-first-1000-days = First 1000 days
dash-group-theme-other = Other
# end of block G2
