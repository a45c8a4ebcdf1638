# Knowledge base (issue 20).

# block K
# end of block K
