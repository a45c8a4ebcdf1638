# Complaints (issue 17).

# block C: complaints
access-action-complaint-registered = Klacht vastgelegd
access-action-complaint-submitted = Klacht ingediend
access-action-complaint-read = Klacht bekeken
access-action-complaint-list = Klachten bekeken
access-action-complaint-step-recorded = Stap in klachtbehandeling vastgelegd
access-action-complaint-extended = Beslissing op klacht uitgesteld
access-action-complaint-lessons-recorded = Lessen uit klacht vastgelegd
# end of block C
