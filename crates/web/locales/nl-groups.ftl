# Group-based support and the collective approach (issue 19).

# block G1: group offers, sessions, participants, attendance, the portal
nav-groups = Groepen
# end of block G1

# block G2: considered in every case, collective activities, steering
# end of block G2
