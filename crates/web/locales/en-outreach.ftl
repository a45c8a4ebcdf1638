# Outreach: campaigns, signals of payment arrears, attempts (issue 16).

# block O1
access-action-campaign-created = Campaign created
access-action-campaign-changed = Campaign changed
access-action-campaign-signals-imported = Signals imported
access-action-campaign-basket-read = Work basket read
access-action-campaign-address-read = Campaign address read
access-action-campaign-address-assigned = Campaign addresses assigned
access-action-outreach-weighing-changed = Work basket weighing changed
campaign-list-title = Campaigns
campaign-list-none = There are no campaigns for you yet.
campaign-new = New campaign
campaign-create = Create campaign
campaign-form-errors = Correct these fields:
campaign-open = Running
campaign-closed = Closed
campaign-from = from { $date }
campaign-period = Period
campaign-close = Close campaign
campaign-reopen = Open campaign again
campaign-field-kind = Kind of campaign
campaign-field-name = Name
campaign-field-district_ids = Districts
campaign-field-starts_on = Starts on
campaign-field-ends_on = Ends on
campaign-field-help_offered = Help we offer
campaign-field-approaches = Approach
campaign-field-worker_ids = Outreach workers
campaign-field-address_ids = Addresses
campaign-field-worker_id = Worker
campaign-field-file = File
campaign-field-csv = File
campaign-kind-payment-arrears = Early signalling of payment arrears
campaign-kind-benefits-scandal = Childcare benefits recovery
campaign-kind-other = Other campaign
campaign-approach-house-visit = House visit
campaign-approach-phone = Phone
campaign-approach-letter = Letter
campaign-approach-flyer = Flyer
campaign-approach-phone-and-flyer = Phone and flyer
campaign-approach-e-mail = E-mail
campaign-arrears-rent = Rent
campaign-arrears-energy = Energy
campaign-arrears-water = Water
campaign-arrears-health-insurance = Health insurance
campaign-arrears-other = Other
campaign-grouping-single = One signal
campaign-grouping-several-partners = Several partners
campaign-grouping-consecutive-months = Consecutive months
campaign-status-open = Not yet approached
campaign-status-reached = Reached
campaign-status-offer-made = Help offered
campaign-status-accepted = Help accepted
campaign-status-declined = Help declined
campaign-status-unreachable = Unreachable
campaign-col-status = State
campaign-col-addresses = Addresses
campaign-col-signals = Signals
campaign-col-choose = Choose
campaign-col-address = Address
campaign-col-amount = Arrears
campaign-col-known = Known to
campaign-col-weight = Weight
campaign-col-partner = Partner
campaign-col-received = Received
campaign-col-name = Name
campaign-col-kind = Kind
campaign-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
campaign-known-to = known to { $team }
campaign-not-known = Not known to a team
campaign-no-district = No district
campaign-unassigned = Nobody yet
campaign-upload-title = Import signals
campaign-upload-intro = Choose the signal partner's CSV file. The first line names the columns: partner, received_on, given_name, family_name, street, house_number, postcode, kind, amount_eur, months. A file with an error is not imported. A signal we already hold is not imported again.
campaign-upload-file = CSV file
campaign-upload-submit = Import file
campaign-upload-done = { $imported } new signals imported, at { $grouped } addresses. { $duplicates } signals were held already.
campaign-upload-refused = Nothing was imported. Correct the file and import it again:
campaign-upload-line = Line
campaign-upload-closed = The campaign is closed. No more signals can be imported.
campaign-basket-title = Work basket
campaign-basket-count = { $count ->
    [one] 1 address
   *[other] { $count } addresses
}, heaviest first.
campaign-filter-district = District
campaign-filter-worker = Worker
campaign-filter-status = State
campaign-filter-all = All
campaign-filter-submit = Show
campaign-assign-to = Give the chosen addresses to
campaign-assign-submit = Assign addresses
campaign-signals-title = Signals
campaign-weighing-title = Weighing of the work basket
campaign-weighing-intro = The work basket shows the address with the highest weight first. Choose how many points each part counts.
campaign-weighing-amount = Points per 100 euros of arrears
campaign-weighing-partner = Points per signal partner
campaign-weighing-month = Points per month of arrears
campaign-weighing-child = Points per child in a known family
campaign-weighing-save = Save weighing
done-weighing-saved = The weighing is saved.
done-campaign-created = The campaign is created.
done-addresses-assigned = The addresses are assigned.
# end of block O1

# block O2
field-error-decline-reason-required = Choose why the family declines the help.
field-error-decline-reason-not-declined = A reason to decline belongs only with "declined".
field-error-decline-detail-required = Write briefly why, with "other reason".
field-error-decline-detail-not-declined = An explanation of declining belongs only with "declined".
field-error-birth-date-required = Fill in the date of birth: this household is not known yet.
field-error-empty-file = The file is empty.
field-error-missing-column = A column is missing from the header row.
field-error-too-many-errors = There are too many errors; correct these first.
field-error-unknown-address = This address does not belong to this campaign.
field-error-unknown-worker = This worker is not linked to the campaign.
# end of block O2
