-- Handing cases over (issue 20, decision 0037).
--
-- Who held a case when: the worker (kind 'worker') from a day until a day (NULL: still), and
-- stand-ins (kind 'stand_in', a *waarnemer*) for a period. A row is written on every change of
-- worker (claim, assignment, intake, handover) and for every stand-in.
CREATE TABLE case_holders (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    worker_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('worker', 'stand_in')),
    from_on TEXT NOT NULL,
    until_on TEXT,
    recorded_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX case_holders_case ON case_holders (case_id, from_on);
CREATE INDEX case_holders_worker ON case_holders (worker_id, kind);

-- Which team a case belonged to when: written on a transfer to another team (the household
-- moved); a case never transferred has no rows and has been its team's since its referral.
CREATE TABLE case_team_history (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    from_on TEXT NOT NULL,
    until_on TEXT,
    recorded_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX case_team_history_case ON case_team_history (case_id, from_on);

-- The cases carried today: the worker from the day they were first held, as far as known.
INSERT INTO case_holders (case_id, worker_id, kind, from_on, until_on, recorded_by, created_at)
SELECT id, worker_id, 'worker', COALESCE(intake_held_on, referred_on), NULL, NULL, updated_at
FROM cases WHERE worker_id IS NOT NULL;
