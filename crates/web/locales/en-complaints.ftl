# Complaints (issue 17).

# block C: complaints
# end of block C
