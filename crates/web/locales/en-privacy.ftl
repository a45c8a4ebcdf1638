# The privacy lifecycle: the privacy officer's pages (/privacy) and the privacy texts elsewhere.
# One block per part; each part's texts go in its own block, before its end line.

## The start page
nav-privacy = Privacy
error-back-to-privacy = To Privacy
privacy-title = Privacy
privacy-intro = How the families' data is handled: emergency access, unusual access, requests for destruction and the check of the log. You see logs and registrations, never the content of a file.
privacy-back = Back to Privacy

## The log's integrity, the processing register, the Logboek Dataverwerkingen export
privacy-section-log = Check the log
privacy-section-log-text = Check that nobody changed the audit log around the application. See the latest checks and download the heads to keep elsewhere.
privacy-log-title = Check the log
privacy-log-intro = Every row of the audit log has a fingerprint (hash) that also covers the row before it. Changing, removing or adding a row around the application breaks that chain. The application checks the chain every day. The latest checks are below.
privacy-log-verify-text = Not waiting for the daily check? Check the log now. A large log takes a while.
privacy-log-verify = Check now
privacy-log-heads-title = Keep the heads
privacy-log-heads-text = The head of a chain is the fingerprint of its last row. Download the heads and keep the file away from this server (with the technical administrator, for example). If someone later removes the last rows, a check against this file shows it.
privacy-log-heads-download = Download the heads (JSON)
privacy-log-verifications = Latest checks
privacy-log-none = No check has been made yet.
privacy-log-col-when = When
privacy-log-col-by = By
privacy-log-col-rows = Rows
privacy-log-col-chains = Chains
privacy-log-col-outcome = Outcome
privacy-log-by-schedule = Daily check
privacy-log-whole = Whole: no row was changed.
privacy-log-row = row { $id } (chain { $chain }, place { $seq })
privacy-log-row-gone = the end of chain { $chain }
privacy-log-problem-unchained = this row belongs to no chain. It was added around the application.
privacy-log-problem-gap = the rows before it are missing from place { $expected }. A row was removed.
privacy-log-problem-altered = its content does not match its fingerprint. The row was changed or added.
privacy-log-problem-detail-altered = its detail does not match its fingerprint. The detail was changed.
privacy-log-problem-head-mismatch = the chain ends at place { $last }, but its head is at place { $head }. Rows at its end were removed, or the head was changed.
privacy-log-problem-out-of-order = the row's number does not fit its place in the chain. Rows' contents were swapped.
privacy-log-problem-exported-head-missing = the kept head at place { $exported } is gone; the chain now ends at place { $last }. Rows at its end were removed.
privacy-log-problem-exported-head-altered = the row at the kept head's place ({ $exported }) is different. The chain was rewritten.
privacy-log-alert-broken-title = The audit log was changed around the application
privacy-log-alert-broken-text = In the check of { $when }, { $row } did not fit: { $problem }
privacy-log-alert-broken-todo = What to do? Change nothing in the database and make a copy of it. Report this at once as a security incident to the privacy officer and the technical administrator. They compare the log with a backup and with the kept heads (see the operations manual).
privacy-log-alert-stale-title = The audit log has not been checked for more than 48 hours
privacy-log-alert-stale-text = The last check was { $when }.
privacy-log-alert-stale-never = The audit log has never been checked.
privacy-log-alert-stale-todo = What to do? Ask the technical administrator whether the server is running and doing its daily jobs. The privacy officer can also check the log on the page Check the log.
done-audit-log-verified = The log was checked: all is well.
done-audit-log-verified-broken = The log was checked: something does not fit. See the alert below.

# end of block A

## Emergency access and unusual access

# end of block B

## Retention, legal holds and destruction (also on request)

# end of block C

## Inzage: a family member's own data, and a copy for a written request

# end of block D

## Secrets at rest and backups

# end of block E
