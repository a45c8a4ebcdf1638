# Outreach: campaigns, signals of payment arrears, attempts (issue 16).

# block O1
access-action-campaign-created = Campaign created
access-action-campaign-changed = Campaign changed
access-action-campaign-signals-imported = Signals imported
access-action-campaign-basket-read = Work basket read
access-action-campaign-address-read = Campaign address read
access-action-campaign-address-assigned = Campaign addresses assigned
access-action-outreach-weighing-changed = Work basket weighing changed
# end of block O1

# block O2
# end of block O2
