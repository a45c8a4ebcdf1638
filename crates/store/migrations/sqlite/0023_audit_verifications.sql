-- Verifications of the audit log's hash chain (decision 0021, "Exporting the heads"): the
-- daily job `audit.verify` and every check run from /privacy/log or the command line keep
-- their outcome here, so that the admin and privacy pages can raise an alert on a break, or
-- when no verification ran for 48 hours.
CREATE TABLE audit_verifications (
    id INTEGER PRIMARY KEY,
    verified_at TEXT NOT NULL,
    -- Who asked for it; NULL for the scheduled job (or the command line).
    ran_by INTEGER REFERENCES users (id),
    rows_verified INTEGER NOT NULL,
    chains INTEGER NOT NULL,
    pseudonymised INTEGER NOT NULL,
    -- How many chains (and unchained rows) were found broken; 0: the log is whole.
    broken_count INTEGER NOT NULL,
    -- The first broken row (lowest id), if any: its id (NULL where the rows are gone), its
    -- chain and place, and what is wrong (`chain::Problem` as JSON).
    broken_id INTEGER,
    broken_chain INTEGER,
    broken_seq INTEGER,
    problem TEXT,
    -- sha256 over the sorted heads as verified (the digest of the daily head line).
    heads_digest TEXT NOT NULL
);
CREATE INDEX audit_verifications_at ON audit_verifications (verified_at);
