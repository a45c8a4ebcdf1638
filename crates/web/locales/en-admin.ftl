# The administration (functioneel beheer), /admin. One block per section, in the order of the
# start page; each section's own texts go in its block.

## The start page
nav-admin = Administration
error-back-to-admin = To Administration
admin-title = Administration
admin-intro = Set up the organisation here: teams, staff, lists and settings. These pages hold no client data.
admin-back = Back to Administration

## Organisation: districts, neighbourhoods, teams
admin-section-organisation = Organisation
admin-section-organisation-text = Districts with their neighbourhoods and postcode areas, and the teams with the districts they serve.
admin-org-title = Organisation
admin-org-intro = The districts with their neighbourhoods and postcode areas, and the teams. A household belongs to the district of the neighbourhood its postcode lies in. Nothing that cases use is deleted, only ended: it stays in the figures and the case files.
admin-org-districts = Districts
admin-org-no-districts = There are no districts yet. Add the first one below.
admin-org-former = Before:
admin-org-former-name = { $name } (until { $until })
admin-org-ended-on = ended on { $date }
admin-org-ends-on = ends on { $date }
admin-org-in-use = In use
admin-org-active = Active
admin-org-district-teams = Teams in this district:
admin-org-no-neighbourhoods = This district has no neighbourhoods yet.
admin-org-neighbourhoods-of = Neighbourhoods of { $name }
admin-org-col-neighbourhood = Neighbourhood
admin-org-col-areas = Postcode areas
admin-org-col-status = Status
admin-org-change-neighbourhood = Change neighbourhood { $name }
admin-org-change-district = Rename or end district { $name }
admin-org-add-neighbourhood = Add a neighbourhood to { $name }
admin-org-add-neighbourhood-button = Add neighbourhood
admin-org-label-neighbourhood-name = Name of the neighbourhood
admin-org-label-district-name = Name of the district
admin-org-label-team-name = Name of the team
admin-org-label-areas = Postcode areas
admin-org-hint-areas = One or more, separated by commas or on separate lines: four digits (3511), a range (3511-3514) or part of an area (3511 AB-3511 AZ). A postcode belongs to one neighbourhood.
admin-org-hint-rename = The old name stays visible in the history; figures and overviews show the new name.
admin-org-save = Save
admin-org-end = End { $name }
admin-org-reopen = Take { $name } back into use
admin-org-end-district-text = An ended district takes no new households. Cases and figures stay.
admin-org-end-team-text = An ended team takes no new referrals and leaves the pickers. Its cases and figures stay.
admin-org-add-district = Add a district
admin-org-add-district-button = Add district
admin-org-teams = Teams
admin-org-no-teams = There are no teams yet.
admin-org-teams-caption = All teams
admin-org-col-team = Team
admin-org-col-kind = Kind
admin-org-col-districts = Districts
admin-org-city-wide = Whole city
admin-org-change-team = Change or end team { $name }
admin-org-label-kind = Kind of team
admin-org-label-districts = Districts the team serves
admin-org-add-team = Add a team
admin-org-add-team-button = Add team
team-kind-neighbourhood = Neighbourhood team
team-kind-secondary-school = Secondary school team
team-kind-vocational-school = Vocational school team
label-district-name = Name of the district
label-neighbourhood-name = Name of the neighbourhood
label-neighbourhood-postcode-areas = Postcode areas
label-team-name = Name of the team
label-team-kind = Kind of team
label-team-district-ids = Districts the team serves
label-team-district-id = District
done-district-saved = The district has been saved.
done-neighbourhood-saved = The neighbourhood has been saved.
done-team-saved = The team has been saved.
field-error-postcode-area-overlap = { $area } overlaps { $other } of neighbourhood { $neighbourhood }. A postcode belongs to one neighbourhood.
field-error-postcode-area-overlap-self = { $area } overlaps { $other }, given already.
field-error-invalid-postcode-area = “{ $area }” is no postcode area. Write four digits (3511), a range (3511-3514) or postcodes (3511 AB-3511 AZ).
field-error-reversed-postcode-area = “{ $area }” begins after its end. Put the lower postcode first.
field-error-name-taken = This name is in use already.
field-error-district-ended = The district { $name } has ended.
field-error-district-required = Choose at least one district for a neighbourhood team.
field-error-active-and-ended = Give an end date or take it back into use, not both.

## Staff accounts
admin-section-users = Staff
admin-section-users-text = Create accounts, roles and teams, contract hours, deactivate and reactivate, a new activation code.

## Reference lists: closure days, labels, populations
admin-section-reference = Lists
admin-section-reference-text = Closure days, the organisation's own labels for code lists and the population per district.
admin-ref-title = Reference lists
admin-ref-intro = The closure days, the organisation's own wording of code lists, and the residents per district.
admin-ref-closure-days = Closure days
admin-ref-closure-days-intro = Days on which the teams are closed, besides public holidays (a bridge day, say). Deadlines of referrals still waiting for their intake move with them.
admin-ref-no-closure-days = There are no closure days.
admin-ref-col-day = Day
admin-ref-col-description = Description
admin-ref-col-remove = Remove
admin-ref-remove-day = Remove { $date }
admin-ref-label-day = Day
admin-ref-label-description = Description
admin-ref-hint-description = For example: Bridge day after Ascension
admin-ref-add-day = Add closure day
admin-ref-labels = Own wording
admin-ref-labels-intro = Where your organisation words something differently from the standard, record its own label here, in Dutch and in English. Every page shows it from then on; without one the standard label applies.
admin-ref-no-labels = There is no own wording: the standard labels apply everywhere.
admin-ref-labels-caption = Own wording
admin-ref-col-list = List
admin-ref-col-standard = Standard
admin-ref-col-lang = Language
admin-ref-col-own = Own label
admin-ref-label-reset = Back to the standard for “{ $label }”
admin-ref-label-code = Choice
admin-ref-label-lang = Language
admin-ref-label-own = Own label
admin-ref-hint-own = Leave empty to restore the standard.
admin-ref-save-label = Save label
admin-ref-lang-nl = Dutch
admin-ref-lang-en = English
admin-ref-list-source = Referrer
admin-ref-list-life-domain = Life domain
admin-ref-list-contact-form = Form of contact
admin-ref-list-closure-reason = Closure reason
admin-ref-list-closure-detail = Closure detail
admin-ref-list-household-role = Role in the household
admin-ref-populations = Residents per district
admin-ref-populations-intro = The CSV file with the columns district, reference_date, residents and optionally residents_0_17, as the command buurtteam import populations takes it. Lines starting with # name the source. First check the file; only then save it.
admin-ref-label-file-name = Name of the file
admin-ref-hint-file-name = Becomes the source where the file names none, for example utrecht-2024.csv.
admin-ref-upload = Check a file
admin-ref-label-csv-file = The CSV file
admin-ref-hint-csv-file = Choose the file on your computer. Or paste its contents below.
admin-ref-label-csv = Or paste the contents of the CSV file
admin-ref-hint-csv = Open the file, copy all of it and paste it here (only where you choose no file above).
admin-ref-check-populations = Check
admin-ref-preview = Check of the file
admin-ref-preview-source = Source: { $source }
admin-ref-preview-errors = The file has not been saved. Correct these lines and check again:
admin-ref-population-line-error = Line { $line }: { $message }
admin-ref-preview-confirm = Is this right? Then save the residents. Earlier figures of the same district and reference date are replaced.
admin-ref-preview-caption = What will be saved
admin-ref-col-line = Line
admin-ref-col-district = District
admin-ref-col-reference-date = Reference date
admin-ref-col-residents = Residents
admin-ref-col-residents-0-17 = Of whom 0-17
admin-ref-save-populations = Save
label-day = Day
label-description = Description
label-label = Own label
label-lang = Language
label-csv = Contents of the CSV file
label-file-name = Name of the file
done-closure-day-saved = The closure day has been added.
done-closure-day-removed = The closure day has been removed.
done-label-saved = The label has been saved.
done-populations-saved = The residents have been saved.
field-error-closure-day-taken = There is a closure day on this day already.

## Data repair: merging households, voiding referrals
admin-section-repair = Repair
admin-section-repair-text = Merge households registered twice. A referral registered by mistake is voided by its team manager.

## Single sign-on
admin-section-sign-in = Signing in
admin-section-sign-in-text = The connected identity providers (OpenID Connect) for staff, and DigiD for families.

## Settings
admin-section-settings = Settings
admin-section-settings-text = What the server runs with: deadlines, session times, lock-out, second factor; read-only.

## The admin log
admin-section-audit = Admin log
admin-section-audit-text = Every change in the administration, by whom, when, and what held before and after.
