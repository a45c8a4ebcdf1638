-- Emergency access ("break the glass", decision 0023): a family worker or team manager reads a
-- file of another team for a limited time, with a reason. Each grant is kept (never deleted)
-- with how many reads were made under it, and the privacy officer's review of it.
CREATE TABLE emergency_grants (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    -- The case's team when the grant was made.
    team_id INTEGER NOT NULL REFERENCES teams (id),
    reason TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    -- Reads made under the grant (each is also a case.emergency_read row in the audit log).
    reads INTEGER NOT NULL DEFAULT 0,
    -- The privacy officer's review: justified or not, with a note.
    reviewed_by INTEGER REFERENCES users (id),
    reviewed_at TEXT,
    justified BOOLEAN,
    review_note TEXT
);
CREATE INDEX emergency_grants_user_case ON emergency_grants (user_id, case_id);
CREATE INDEX emergency_grants_granted_at ON emergency_grants (granted_at);

-- The privacy officer's reviews of the reports of unusual access. The reports themselves are
-- computed from the audit log; a review names its row by kind, the staff member and a subject
-- (the case id, or for many files in a short time the window's start).
CREATE TABLE unusual_access_reviews (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    subject TEXT NOT NULL,
    justified BOOLEAN NOT NULL,
    note TEXT NOT NULL,
    reviewed_by INTEGER NOT NULL REFERENCES users (id),
    reviewed_at TEXT NOT NULL,
    UNIQUE (kind, user_id, subject)
);
