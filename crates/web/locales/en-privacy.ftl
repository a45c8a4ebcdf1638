# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = To Privacy
privacy-title = Privacy
privacy-intro = How the families' data is handled: emergency access, unusual access, requests for destruction and the check of the log. You see logs and registrations, never the content of a file.
privacy-back = Back to Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export

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
