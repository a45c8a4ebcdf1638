-- The experience survey (Ervaringswijzer, issue 17).
--
-- A questionnaire is versioned: an admin's change makes a new version, and every response keeps
-- the version it was given on. A statement keeps its `key` across versions, so results can be
-- followed over time while its wording changes.
CREATE TABLE survey_questionnaires (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL UNIQUE,
    -- Whether the report mark (1-10) is asked.
    report_mark BOOLEAN NOT NULL,
    -- The one open question, in Dutch and English (NULL: none).
    open_question_nl TEXT,
    open_question_en TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL
);

CREATE TABLE survey_statements (
    id INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES survey_questionnaires (id),
    position INTEGER NOT NULL,
    -- Stable across versions (helped_quickly, helped_well, solution_together, doing_better, ...).
    key TEXT NOT NULL,
    text_nl TEXT NOT NULL,
    text_en TEXT NOT NULL,
    UNIQUE (questionnaire_id, key)
);

-- An invitation of one person (a parent, or a young person from 12) of a case, at one moment
-- (six_months, closure): once per person per case per moment. The code is kept as its hash
-- only; it is valid until `expires_at` and takes one response.
CREATE TABLE survey_invitations (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    -- six_months, closure
    moment TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    invited_on TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    reminded_at TEXT,
    -- When the one response came in (the response itself is not linked to the invitation).
    responded_at TEXT,
    -- NULL: the scheduled job.
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (case_id, person_id, moment)
);
CREATE INDEX survey_invitations_open ON survey_invitations (expires_at) WHERE responded_at IS NULL;

-- A response. Deliberately not linked to its invitation, case or person: it carries only what
-- the aggregates need (team, district, moment, who answered as what, the channel, the day), so
-- no page or query can put one family's answers next to its file.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES survey_questionnaires (id),
    team_id INTEGER NOT NULL REFERENCES teams (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    moment TEXT NOT NULL,
    -- parent, young_person
    respondent TEXT NOT NULL,
    -- portal, link, paper (typed in by staff)
    channel TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    report_mark INTEGER CHECK (report_mark BETWEEN 1 AND 10),
    -- The open answer with names and numbers already removed (domain::survey::redact).
    comment TEXT
);
CREATE INDEX survey_responses_team ON survey_responses (team_id, submitted_on);
CREATE INDEX survey_responses_district ON survey_responses (district_id, submitted_on);

CREATE TABLE survey_answers (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id),
    statement_id INTEGER NOT NULL REFERENCES survey_statements (id),
    agree INTEGER NOT NULL CHECK (agree BETWEEN 1 AND 5),
    PRIMARY KEY (response_id, statement_id)
);

-- The first version: the four statements of the seeds' Ervaringswijzer, a report mark and one
-- open question. Admins change them from /admin (a change makes version 2, and so on).
INSERT INTO survey_questionnaires (version, report_mark, open_question_nl, open_question_en, created_by, created_at)
VALUES (1, TRUE, 'Wat wil je ons nog zeggen?', 'Is there anything else you would like to tell us?', NULL, '2026-01-01T00:00:00Z');
INSERT INTO survey_statements (questionnaire_id, position, key, text_nl, text_en)
SELECT q.id, s.column1, s.column2, s.column3, s.column4 FROM survey_questionnaires q, (VALUES
    (1, 'helped_quickly', 'We zijn snel geholpen.', 'We were helped quickly.'),
    (2, 'helped_well', 'We worden goed geholpen door het buurtteam.', 'We are helped well by the team.'),
    (3, 'solution_together', 'De medewerker en wij hebben samen naar een oplossing gezocht.', 'The worker and we looked for a solution together.'),
    (4, 'doing_better', 'Het gaat nu beter met ons gezin.', 'Our family is doing better now.')
) AS s WHERE q.version = 1;
