-- Work on a schedule: one row per run of a job. A worker claims a due job (on PostgreSQL with
-- FOR UPDATE SKIP LOCKED, so that of several nodes exactly one takes it), runs it, and marks it
-- done; a failed run is queued again after a back-off, and marked failed after its last attempt.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    -- A recurring job's kind and time slot: nodes that schedule the same slot insert one row.
    dedupe_key TEXT UNIQUE,
    payload TEXT NOT NULL,
    -- queued, running, done, failed
    status TEXT NOT NULL,
    run_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    -- The worker that runs it, and until when its claim holds (a crashed worker's job is taken
    -- over after that).
    claimed_by TEXT,
    claimed_until TEXT,
    last_error TEXT,
    result TEXT,
    created_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX jobs_due ON jobs (status, run_at);
