# Partners and the social map (issue 15).

# block P
access-action-partner-created = Partner toegevoegd
access-action-partner-changed = Partner gewijzigd
access-action-partner-gp-status-recorded = Samenwerkingsstatus huisartsenpraktijk vastgelegd
access-action-partner-workers-changed = Gekoppelde gezinswerkers gewijzigd
# end of block P

nav-partners = Sociale kaart
