-- Group-based support (issue 19): group offers with their districts, facilitators, sessions,
-- participants (clients from their case, or people who are not clients) and attendance.
-- A group belongs to the team that runs it (its team manager manages it); it may serve more
-- districts than that team's own.
CREATE TABLE group_offers (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    -- youth_mental_health, money, parenting, divorce, first_1000_days, other
    theme TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Who the group is for, in the team's words ("ouders van pubers").
    target_group TEXT NOT NULL DEFAULT '',
    min_age INTEGER,
    max_age INTEGER,
    location TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL,
    -- planned, running, ended
    status TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX group_offers_team ON group_offers (team_id, status);

CREATE TABLE group_offer_districts (
    group_id INTEGER NOT NULL REFERENCES group_offers (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    PRIMARY KEY (group_id, district_id)
);
CREATE INDEX group_offer_districts_district ON group_offer_districts (district_id);

-- A facilitator is one of our staff (user_id) or someone of a partner (partner_name).
CREATE TABLE group_facilitators (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES group_offers (id),
    user_id INTEGER REFERENCES users (id),
    partner_name TEXT,
    CHECK ((user_id IS NULL) <> (partner_name IS NULL))
);
CREATE INDEX group_facilitators_group ON group_facilitators (group_id);
CREATE INDEX group_facilitators_user ON group_facilitators (user_id);

CREATE TABLE group_sessions (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES group_offers (id),
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    -- People present who are not registered as participants (anonymous count).
    anonymous_present INTEGER NOT NULL DEFAULT 0,
    -- When attendance was recorded (NULL: not yet).
    attendance_recorded_at TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX group_sessions_group ON group_sessions (group_id, starts_at);

-- A participant: a client enrolled from their case (person_id and case_id, optionally linked to
-- one of the plan's goals), or someone who is not a client (name only, no link to any file).
CREATE TABLE group_participants (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES group_offers (id),
    person_id INTEGER REFERENCES persons (id),
    case_id INTEGER REFERENCES cases (id),
    goal_id INTEGER REFERENCES goals (id),
    name TEXT,
    -- On the waiting list (the group was full when they were enrolled).
    waiting BOOLEAN NOT NULL DEFAULT FALSE,
    enrolled_on TEXT NOT NULL,
    left_on TEXT,
    leave_reason TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    CHECK ((person_id IS NOT NULL AND case_id IS NOT NULL) OR (person_id IS NULL AND case_id IS NULL AND goal_id IS NULL AND name IS NOT NULL))
);
CREATE INDEX group_participants_group ON group_participants (group_id, waiting, left_on);
CREATE INDEX group_participants_case ON group_participants (case_id);
CREATE INDEX group_participants_person ON group_participants (person_id);

CREATE TABLE group_attendance (
    session_id INTEGER NOT NULL REFERENCES group_sessions (id),
    participant_id INTEGER NOT NULL REFERENCES group_participants (id),
    present BOOLEAN NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX group_attendance_participant ON group_attendance (participant_id);
