# The experience survey (issue 17).

# block S1: questionnaires, invitations, answering (link, portal, paper)
# end of block S1

# block S2: results and steering
survey-res-title = Ervaringswijzer: hoe gezinnen de hulp ervaren ({ $period })
survey-res-note = Uit de Ervaringswijzer. Alleen per kwartaal, halfjaar of jaar dat voorbij is. Minder dan 5 antwoorden tonen we als "<5", ook voor het eigen team: zo wijst geen cijfer naar één gezin.
survey-res-responses = Reacties
survey-res-invitations = Uitnodigingen verstuurd
survey-res-response-rate = Respons (%)
survey-res-agree = (Helemaal) eens (%): { $statement }
survey-res-at-least = minstens { $pct }
survey-res-mark = Rapportcijfer (gemiddeld)
survey-res-col-figure = Cijfer
survey-res-col-before = Periode ervoor ({ $period })
survey-res-col-quarter = Kwartaal
survey-res-col-team = Team
survey-res-quarters-title = Ervaringswijzer per kwartaal
survey-res-teams-title = Respons op de Ervaringswijzer per team ({ $period })
# end of block S2
