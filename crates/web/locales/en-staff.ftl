# Staff: absence and capacity, handing cases over (issue 20).

# block A
absence-error-start-in-future = The first day of absence cannot lie in the future.
absence-error-end-in-future = The end date cannot lie in the future.
absence-error-end-before-start = The end date lies before the first day of absence.
absence-error-expected-before-start = The expected return lies before the first day of absence.
absence-error-percentage = The percentage must be between 1 and 100.
# end of block A

# block H
# end of block H
