# Staff: absence and capacity, handing cases over (issue 20).

# block A
absence-error-start-in-future = De eerste ziektedag kan niet in de toekomst liggen.
absence-error-end-in-future = De hersteldatum kan niet in de toekomst liggen.
absence-error-end-before-start = De hersteldatum ligt voor de eerste ziektedag.
absence-error-expected-before-start = De verwachte terugkeer ligt voor de eerste ziektedag.
absence-error-percentage = Het percentage moet tussen 1 en 100 liggen.
# end of block A

# block H
# end of block H
