# Staff: absence and capacity, handing cases over (issue 20).

# block A
absence-error-start-in-future = De eerste ziektedag kan niet in de toekomst liggen.
absence-error-end-in-future = De hersteldatum kan niet in de toekomst liggen.
absence-error-end-before-start = De hersteldatum ligt voor de eerste ziektedag.
absence-error-expected-before-start = De verwachte terugkeer ligt voor de eerste ziektedag.
absence-error-percentage = Het percentage moet tussen 1 en 100 liggen.
# end of block A

# block H
handover-title = Overdragen
handover-link = Overdragen
handover-intro = Draag deze begeleiding over aan een andere gezinswerker van het team, of aan een buurtteam in een andere wijk als het gezin verhuisd is. Het oude team kan het dossier daarna niet meer openen.
handover-to-worker = Naar gezinswerker
handover-to-team = Naar ander buurtteam (verhuisd)
handover-no-team = Hetzelfde team
handover-no-worker = Nog niemand
handover-on = Met ingang van
handover-submit = Overdragen
handover-stand-in-done = De waarnemer is vastgelegd.
handover-done = De begeleiding is overgedragen.
handover-refused = Overdragen lukte niet:
stand-in-title = Waarnemer
stand-in-intro = Laat een collega tijdelijk waarnemen, bijvoorbeeld als de gezinswerker afwezig is.
stand-in-worker = Waarnemer
stand-in-from = Eerste dag
stand-in-until = Laatste dag
stand-in-submit = Waarnemer vastleggen
history-title = Wie had deze begeleiding
history-worker = gezinswerker
history-stand-in = waarnemer
history-period = { $from } tot { $until }
history-since = sinds { $from }
history-teams = Teams
history-none = Nog niemand heeft deze begeleiding gehad.
team-handover-title = Overdracht
team-handover-link = Overdracht van een gezinswerker
team-handover-intro = Draag de open begeleidingen en aanmeldingen van een afwezige of vertrekkende gezinswerker over, allemaal of een keuze. Lukt het voor één dossier niet, dan verandert er niets.
team-handover-from = Van gezinswerker
team-handover-show = Toon dossiers
team-handover-cases = Dossiers
team-handover-none = Deze gezinswerker heeft geen open dossiers.
team-handover-to = Naar gezinswerker
team-handover-until = Alleen waarnemen tot en met (leeg laten om over te dragen)
team-handover-submit = Overdragen
team-handover-done = { $count } dossiers zijn overgedragen.
team-handover-stand-in-done = Voor { $count } dossiers is een waarnemer vastgelegd.
uncovered-title = Dossiers van afwezige gezinswerkers zonder waarnemer
uncovered-intro = Deze gezinnen hebben vandaag niemand: hun gezinswerker is afwezig en er is geen waarnemer.
portal-contact-stand-in = Tot en met { $date } helpt { $name } je, omdat je gezinswerker afwezig is.
field-error-same-team = Het dossier hoort al bij dit team. Kies een ander team.
field-error-same-worker = Kies een andere collega dan de gezinswerker zelf.
field-error-before-start = Deze dag ligt vóór de eerste dag. Kies een latere dag.
field-error-not-carried = Dit dossier is geen open dossier van deze gezinswerker in dit team.
handover-conflict = Het dossier is gesloten, of iemand anders heeft het net gewijzigd. Laad de pagina opnieuw.
# end of block H
uncovered-worklist = { $count ->
    [one] 1 dossier van een afwezige gezinswerker in { $team } heeft vandaag niemand
   *[other] { $count } dossiers van afwezige gezinswerkers in { $team } hebben vandaag niemand
}
access-action-absence-recorded = Verzuimperiode vastgelegd
access-action-absence-changed = Verzuimperiode gewijzigd
access-action-absence-read = Verzuimperiodes bekeken
