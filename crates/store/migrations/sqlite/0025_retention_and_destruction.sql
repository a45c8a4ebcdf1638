-- Retention, legal holds and destruction (decision 0024).
--
-- A destroyed case leaves only its tombstone: the file number, its dates, its team, why and by
-- whom it was destroyed, and how many rows of each kind went (no names, no content). The case
-- id is kept as the file number without a foreign key: the case row is gone.
CREATE TABLE case_tombstones (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    referred_on TEXT NOT NULL,
    closed_on TEXT,
    last_change_on TEXT NOT NULL,
    -- retention_expired or request
    reason TEXT NOT NULL,
    request_id INTEGER,
    -- NULL: the scheduled job.
    destroyed_by INTEGER REFERENCES users (id),
    destroyed_at TEXT NOT NULL,
    -- Whether the household and its members went too (no other case of theirs remained).
    household_destroyed BOOLEAN NOT NULL,
    -- How many rows of each table were deleted, as JSON ({"contacts": 3, ...}).
    deleted_counts TEXT NOT NULL
);

-- The households destroyed with a case (and the records merged into them), so that the
-- verification of the audit chain knows their pseudonymised rows are meant to be so.
CREATE TABLE destroyed_households (
    household_id INTEGER PRIMARY KEY,
    tombstone_id INTEGER NOT NULL REFERENCES case_tombstones (id)
);

-- A legal hold keeps a case past its retention date: until a date, or until lifted.
CREATE TABLE legal_holds (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    reason TEXT NOT NULL,
    -- NULL: until lifted.
    until_on TEXT,
    placed_by INTEGER NOT NULL REFERENCES users (id),
    placed_at TEXT NOT NULL,
    lifted_by INTEGER REFERENCES users (id),
    lifted_at TEXT
);
CREATE INDEX legal_holds_case ON legal_holds (case_id);

-- A written request to destroy a file (AVG art. 17, Jeugdwet art. 7.3.9): who asked (their
-- relation and age, the person while the file exists), when it came in, the decision within
-- three months. The request outlives the file: case_id and requested_by_person_id are cleared
-- when it is destroyed, case_number stays.
CREATE TABLE destruction_requests (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases (id),
    case_number INTEGER NOT NULL,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    requested_by_person_id INTEGER REFERENCES persons (id),
    -- parent or young_person
    requester_relation TEXT NOT NULL,
    requester_age INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    decide_by TEXT NOT NULL,
    -- full or partial
    scope TEXT NOT NULL,
    registered_by INTEGER NOT NULL REFERENCES users (id),
    registered_at TEXT NOT NULL,
    -- granted, partially_granted, refused; NULL while open.
    outcome TEXT,
    -- others_interest or legal_duty (refusals)
    refusal_ground TEXT,
    note TEXT,
    copy_offered_on TEXT,
    decided_by INTEGER REFERENCES users (id),
    decided_at TEXT,
    tombstone_id INTEGER REFERENCES case_tombstones (id)
);
CREATE INDEX destruction_requests_open ON destruction_requests (outcome, decide_by);
CREATE INDEX destruction_requests_case ON destruction_requests (case_id);
