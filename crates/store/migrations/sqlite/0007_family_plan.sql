-- The family plan (gezinsplan) and the Mijn Buurtteam portal: goals with their actions,
-- self-sufficiency scores, comments and proposed changes; evaluations, appointments and
-- working notes; every version of the plan and the family's agreement to one; invitations
-- into the portal for household members and onto one goal for network members.
-- Dates are 'YYYY-MM-DD' text, timestamps RFC 3339 text in UTC.

-- A portal account of a household member points at that person.
ALTER TABLE users ADD COLUMN person_id INTEGER REFERENCES persons (id);
CREATE INDEX users_person ON users (person_id);

-- Parental authority (gezag) over the household's children. Parents registered so far are
-- taken to hold it; the worker corrects it where a parent does not.
ALTER TABLE persons ADD COLUMN parental_authority BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE persons SET parental_authority = TRUE WHERE household_role = 'parent';

-- The access log is the audit log with what NEN 7513 asks besides: which client a row
-- concerns (NULL: the household or case as a whole), for whom the actor acted, the goal it
-- concerns, and the session (a reference, not the token).
ALTER TABLE audit_log ADD COLUMN client_id INTEGER;
ALTER TABLE audit_log ADD COLUMN acting_for_person_id INTEGER;
ALTER TABLE audit_log ADD COLUMN goal_id INTEGER;
ALTER TABLE audit_log ADD COLUMN session_ref TEXT;

-- The plan's version counter, and the next evaluation for the worklist.
ALTER TABLE cases ADD COLUMN plan_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN next_evaluation_on TEXT;
CREATE INDEX cases_next_evaluation ON cases (team_id, next_evaluation_on) WHERE next_evaluation_on IS NOT NULL;

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    -- NULL: a goal of the household as a whole.
    client_id INTEGER REFERENCES persons (id),
    life_domain TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    confidential BOOLEAN NOT NULL DEFAULT FALSE,
    confidential_reason TEXT,
    shared BOOLEAN NOT NULL DEFAULT FALSE,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX goals_case ON goals (case_id, id);

CREATE TABLE network_invitations (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    name TEXT NOT NULL,
    relation TEXT NOT NULL,
    email TEXT NOT NULL,
    -- SHA-256 of the one-time code; the code itself is shown once.
    code_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id),
    activated_at TEXT,
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES users (id)
);
CREATE INDEX network_invitations_goal ON network_invitations (goal_id);
CREATE INDEX network_invitations_user ON network_invitations (user_id);

CREATE TABLE goal_actions (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    description TEXT NOT NULL,
    -- family_member, network_member, family_worker, partner
    performer TEXT NOT NULL,
    performer_person_id INTEGER REFERENCES persons (id),
    performer_invitation_id INTEGER REFERENCES network_invitations (id),
    -- A partner organisation, in words.
    performer_name TEXT,
    due_on TEXT,
    done_on TEXT,
    done_by INTEGER REFERENCES users (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX goal_actions_goal ON goal_actions (goal_id, id);

CREATE TABLE goal_scores (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    measured_on TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX goal_scores_goal ON goal_scores (goal_id, measured_on);

CREATE TABLE goal_comments (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    author_id INTEGER NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX goal_comments_goal ON goal_comments (goal_id, id);

CREATE TABLE goal_proposals (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    proposed_by INTEGER NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    -- pending, accepted, declined
    status TEXT NOT NULL,
    decided_by INTEGER REFERENCES users (id),
    decided_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX goal_proposals_goal ON goal_proposals (goal_id, id);

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    held_on TEXT NOT NULL,
    went_well TEXT NOT NULL,
    changes TEXT NOT NULL,
    next_on TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX evaluations_case ON evaluations (case_id, held_on);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX appointments_case ON appointments (case_id, starts_at);

-- Staff only; never read by a portal query.
CREATE TABLE working_notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    body TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX working_notes_case ON working_notes (case_id, id);

-- One row per change of the plan: the version it made, who, what (a code and the item's
-- state before and after, as JSON), when.
CREATE TABLE plan_versions (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL,
    changed_by INTEGER NOT NULL REFERENCES users (id),
    change TEXT NOT NULL,
    goal_id INTEGER,
    state_before TEXT,
    state_after TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE plan_agreements (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL,
    -- The household member who agreed.
    person_id INTEGER NOT NULL REFERENCES persons (id),
    -- Who recorded it: the member themselves in the portal, or the worker on their behalf.
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX plan_agreements_case ON plan_agreements (case_id, version);

CREATE TABLE portal_invitations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    user_id INTEGER REFERENCES users (id)
);
CREATE INDEX portal_invitations_person ON portal_invitations (person_id);
