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
survey-res-open-title = Open antwoorden uit de Ervaringswijzer
survey-res-open-col = Wat gezinnen ons nog wilden zeggen
survey-res-open-note = Alleen voor teammanagers van dit team. Namen en nummers zijn eruit gehaald. Zonder datum en in willekeurige volgorde, zodat geen antwoord naar één gezin wijst.
survey-res-open-withheld = Dit team had in deze periode te weinig reacties (minder dan 5 in een kwartaal). Daarom tonen we geen open antwoorden: ze zouden naar één gezin kunnen wijzen.
# end of block S2
