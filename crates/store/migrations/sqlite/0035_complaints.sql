-- Complaints (klachten, issue 17; decision 0032).
--
-- A complaint belongs to one case (and so to the case's household); `team_id` is the case's
-- team when it was received, so the steering counts stay with the team that handled it.
-- `against_user_id` is the worker complained about (for `against = 'worker'`), who then sees
-- the complaint and its steps, never the notes kept with them. The decision deadline is six
-- weeks after receipt, once put off by four weeks with notice (`extended_on`, the notice date).
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    subject TEXT NOT NULL,
    -- worker, team, organisation
    against TEXT NOT NULL,
    against_user_id INTEGER REFERENCES users (id),
    -- What the complainant wants.
    wish TEXT NOT NULL,
    -- The household member who complains (NULL: registered by staff without naming one).
    complainant_person_id INTEGER REFERENCES persons (id),
    -- staff, portal
    channel TEXT NOT NULL,
    received_on TEXT NOT NULL,
    decide_by TEXT NOT NULL,
    extended_on TEXT,
    extension_reason TEXT,
    -- The outcome in force and the day it was reached (from the steps).
    outcome TEXT,
    decided_on TEXT,
    -- What the team learned.
    lessons TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX complaints_case ON complaints (case_id);
CREATE INDEX complaints_team ON complaints (team_id, received_on);

CREATE TABLE complaint_steps (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    -- received, worker_conversation, team_manager_mediation, management, external_committee
    step TEXT NOT NULL,
    step_on TEXT NOT NULL,
    outcome TEXT,
    -- For the team managers only (the worker complained about does not read it).
    note TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (complaint_id, step)
);

INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('complaints-handling', 1, 'Klachtenbehandeling', 'Handling complaints', 'Klachten van gezinnen over de hulp, een medewerker of de organisatie vastleggen, behandelen binnen de wettelijke termijn en ervan leren.', 'AVG art. 6 lid 1 sub c; Jeugdwet art. 4.2.1 en 4.2.2 (klachtregeling van de jeugdhulpaanbieder).', 'Gezinsleden die klagen, de medewerker over wie geklaagd wordt, de medewerkers die de klacht behandelen.', 'Onderwerp en wens van de klacht, de stappen met datum en uitkomst, aantekeningen van de teammanager, wat het team leerde.', 'Zo lang als het dossier van de begeleiding waar de klacht bij hoort.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active)
    SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active FROM processing_activities WHERE code = 'complaints-handling';
