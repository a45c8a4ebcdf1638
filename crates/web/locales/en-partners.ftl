# Partners and the social map (issue 15).

# block P
access-action-partner-created = Partner added
access-action-partner-changed = Partner changed
access-action-partner-gp-status-recorded = GP practice collaboration status recorded
access-action-partner-workers-changed = Linked family workers changed
# end of block P

nav-partners = Social map
