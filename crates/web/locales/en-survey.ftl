# The experience survey (issue 17).

# block S1: questionnaires, invitations, answering (link, portal, paper)
# end of block S1

# block S2: results and steering
survey-res-title = Experience survey: how families experience the help ({ $period })
survey-res-note = From the experience survey. Only per quarter, half year or year that has ended. Fewer than 5 answers show as "<5", for the team's own staff too: so no figure points at one family.
survey-res-responses = Responses
survey-res-invitations = Invitations sent
survey-res-response-rate = Response rate (%)
survey-res-agree = (Strongly) agree (%): { $statement }
survey-res-at-least = at least { $pct }
survey-res-mark = Report mark (mean)
survey-res-col-figure = Figure
survey-res-col-before = Period before ({ $period })
survey-res-col-quarter = Quarter
survey-res-col-team = Team
survey-res-quarters-title = Experience survey per quarter
survey-res-teams-title = Response to the experience survey per team ({ $period })
survey-res-open-title = Open answers from the experience survey
survey-res-open-col = What families still wanted to tell us
survey-res-open-note = For this team's team managers only. Names and numbers have been removed. Without dates and in random order, so that no answer points at one family.
survey-res-open-withheld = This team had too few responses in this period (fewer than 5 in a quarter). So no open answers are shown: they could point at one family.
# end of block S2
