# Partners and the social map (issue 15).

# block P
access-action-partner-created = Partner added
access-action-partner-changed = Partner changed
access-action-partner-gp-status-recorded = GP practice collaboration status recorded
access-action-partner-workers-changed = Linked family workers changed
# end of block P

nav-partners = Social map

# The pages.
partner-list-title = Social map
partner-list-intro = The organisations the neighbourhood teams work with: GP practices, schools, early-education locations, specialist care and the community services. Find who our contact is.
partner-new = Add a partner
partner-search = Search partners
partner-search-button = Search
partner-filter-all = All
partner-results = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
partner-none = No partners found. Try other words or fewer filters.
partner-our-contact = Our contact
partner-no-worker = No family worker linked yet
partner-gp-status = Collaboration
partner-gp-status-unknown = Not recorded yet
partner-gp-history = Collaboration over time
partner-gp-history-none = No collaboration status has been recorded yet.
partner-recorded-by = recorded by { $who }
partner-gp-record = Record a new status
partner-gp-save = Record status
partner-links = Linked family workers
partner-link-since = since { $from }
partner-link-period = from { $from } until { $until }
partner-links-save = Save links
partner-edit-title = Change details
partner-new-title = Add a partner
partner-back = Back to the social map
partner-save = Save
partner-choose-kind = Choose a kind
partner-choose-status = Choose a status
label-partner-q = Search by name, address or contact person
hint-partner-q = For example the name of a school or GP, or of a family worker.
label-partner-kind = Kind of organisation
label-partner-district = District
label-partner-district-ids = Districts
label-partner-name = Name
label-partner-contact-person = Contact person at the partner
hint-partner-contact-person = For example the school's care coordinator or the practice nurse.
label-partner-phone = Phone
label-partner-email = E-mail address
label-partner-address = Address
label-partner-ended-on = Ended on
hint-partner-ended-on = Leave empty while the partner is active.
label-partner-status = Status
label-partner-since = Since
hint-partner-since = Not in the future and not before the previous change.
label-partner-worker-ids = Family workers who are the contact here
field-error-partner-unknown-worker = This person is not an active family worker or team manager.
field-error-kind-takes-no-workers = Family workers are linked only to GP practices, schools and early-education locations.
field-error-not-a-gp-practice = A collaboration status belongs to a GP practice only.
field-error-before-previous-status = This date is before the previous change ({ $previous }). Choose { $previous } or later.
done-partner-created = The partner has been added.
done-partner-changed = The partner's details have been saved.
done-partner-gp-status-recorded = The collaboration status has been recorded.
done-partner-workers-changed = The linked family workers have been saved.
partner-kind-gp-practice = GP practice
partner-kind-primary-school = Primary school
partner-kind-secondary-school = Secondary school
partner-kind-vocational-school = Vocational school (mbo)
partner-kind-special-education = Special education
partner-kind-early-education = Early-education location (VE)
partner-kind-youth-health-care = Youth health care (JGZ)
partner-kind-specialist-youth-care = Specialist youth care
partner-kind-safety-team = Safety team (EVU)
partner-kind-debt-services = Debt services
partner-kind-adult-mental-health = Adult mental health
partner-kind-work-and-income = Work and Income
partner-kind-community = Community (welfare, sport, neighbourhood)
gp-status-none = No collaboration
gp-status-in-talks = In talks
gp-status-started = Started
gp-status-alternative-agreement = Alternative agreement
