# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = To Privacy
privacy-title = Privacy
privacy-intro = How the families' data is handled: emergency access, unusual access, requests for destruction and the check of the log. You see logs and registrations, never the content of a file.
privacy-back = Back to Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export

# Part A (register): the processing register and the Logboek Dataverwerkingen export.
admin-section-processing = Processing register
admin-section-processing-text = Which data the team processes, why, on what legal basis and for how long. You edit the texts; every change becomes a new version.
privacy-section-processing = Processing register
privacy-section-processing-text = Every processing activity with its purpose, legal basis, kinds of data and retention. Every row of the log belongs to one activity.
processing-title = Processing register
processing-intro = These are the team's processing activities (GDPR article 30). Every action in the log belongs to one of them.
processing-intro-edit = Choose an activity to edit its texts. The code never changes.
processing-col-name = Activity
processing-col-purpose = Purpose
processing-col-legal-basis = Legal basis
processing-col-retention = Retention
processing-col-status = Status
processing-version = version { $version }
processing-active = In use
processing-inactive = Not in use
processing-back = Back to the processing register
processing-edit-intro = Code { $code }, now version { $version }. Saving makes a new version. Rows already in the log stay with their old version.
processing-label-name-nl = Name (Dutch)
processing-label-name-en = Name (English)
processing-label-purpose = Purpose
processing-hint-purpose = Why does the team process this data?
processing-label-legal-basis = Legal basis
processing-hint-legal-basis = Which law or article does it rest on? For example: GDPR art. 6(1)(e).
processing-label-data-subjects = About whom
processing-hint-data-subjects = Whose data is processed?
processing-label-data-categories = Which data
processing-hint-data-categories = What kinds of data are they?
processing-label-retention = Retention
processing-hint-retention = How long is the data kept?
processing-label-active = Status
processing-submit = Save
label-processing-name-nl = Name (Dutch)
label-processing-name-en = Name (English)
label-processing-purpose = Purpose
label-processing-legal-basis = Legal basis
label-processing-data-subjects = About whom
label-processing-data-categories = Which data
label-processing-retention = Retention
label-processing-active = Status
done-processing-changed = The processing activity has been saved as a new version.

# end of block A

## Emergency access and unusual access

# end of block B

## Retention, legal holds and destruction (also on request)

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

settings-group-secrets = Secrets and the key
settings-secret-key = Key for secrets
settings-secret-key-help = Encrypts what the server must read back, such as the second factor's secrets. Only the key's id is shown here, never the key itself.
settings-secret-key-id = Key { $id }
settings-secret-key-none = None: setting up a second factor and single sign-on do not work
settings-secret-key-old = Old keys
settings-secret-key-old-help = Only needed while the key is rotated: the server still reads with them, but no longer encrypts with them.

# end of block E
