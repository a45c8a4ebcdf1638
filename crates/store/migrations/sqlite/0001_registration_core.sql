-- Registration core: organisation, users and sessions, households, cases, contacts,
-- closure days, the audit log and idempotency keys.
-- Dates are 'YYYY-MM-DD' text, timestamps RFC 3339 text in UTC (jiff-sqlx encodings).

CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    district_id INTEGER REFERENCES districts (id),
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL
);

CREATE TABLE team_members (
    user_id INTEGER NOT NULL REFERENCES users (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    PRIMARY KEY (user_id, team_id)
);
CREATE INDEX team_members_team ON team_members (team_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    street TEXT NOT NULL,
    house_number TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    district_id INTEGER NOT NULL REFERENCES districts (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX households_address ON households (postcode, house_number);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households (id),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    household_role TEXT NOT NULL,
    bsn TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX persons_household ON persons (household_id);
CREATE INDEX persons_bsn ON persons (bsn);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    household_id INTEGER NOT NULL REFERENCES households (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    status TEXT NOT NULL,
    referred_on TEXT NOT NULL,
    source TEXT NOT NULL,
    request TEXT NOT NULL,
    later_intake_requested_by TEXT,
    requested_intake_on TEXT,
    intake_due_on TEXT NOT NULL,
    intake_held_on TEXT,
    intake_worker_id INTEGER REFERENCES users (id),
    worker_id INTEGER REFERENCES users (id),
    start_due_on TEXT,
    started_on TEXT,
    closed_on TEXT,
    closure_reason TEXT,
    closure_detail TEXT,
    closure_summary TEXT,
    next_due_on TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_worklist ON cases (team_id, next_due_on, id);
CREATE INDEX cases_household ON cases (household_id);
CREATE INDEX cases_worker ON cases (worker_id);

CREATE TABLE case_clients (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (case_id, person_id)
);

CREATE TABLE case_life_domains (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    life_domain TEXT NOT NULL,
    PRIMARY KEY (case_id, life_domain)
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    contact_on TEXT NOT NULL,
    form TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    other_participants TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX contacts_case ON contacts (case_id, contact_on);

CREATE TABLE contact_participants (
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (contact_id, person_id)
);

CREATE TABLE closure_days (
    day TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Append-only: no foreign keys, so the log outlives what it describes.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor_user_id INTEGER,
    actor_role TEXT,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id INTEGER,
    case_id INTEGER,
    household_id INTEGER,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_id, id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE idempotency_keys (
    user_id INTEGER NOT NULL REFERENCES users (id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    response_body TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
