# Staff: absence and capacity, handing cases over (issue 20).

# block A
# end of block A

# block H
# end of block H
