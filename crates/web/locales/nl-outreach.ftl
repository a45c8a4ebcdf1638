# Outreach: campaigns, signals of payment arrears, attempts (issue 16).

# block O1
# end of block O1

# block O2
# end of block O2
