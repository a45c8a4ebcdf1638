# The experience survey (issue 17).

# block S1: questionnaires, invitations, answering (link, portal, paper)
# end of block S1

# block S2: results and steering
# end of block S2
