-- Corrections of a case's recorded steps (a wrongly entered intake, start or closure date, or a
-- contact moment's date, duration or form) and
-- reopenings of closed cases: the value before and after, why, by whom and when. The case row
-- holds the corrected values, so the KPIs follow them; this table keeps what was there before.
CREATE TABLE case_corrections (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    -- A corrected contact moment (its field is contact_on, minutes or form).
    contact_id INTEGER REFERENCES contacts (id),
    -- intake_held_on, started_on, closed_on, contact_on, minutes, form, or reopened (before:
    -- the closure, after: the status)
    field TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    reason TEXT NOT NULL,
    corrected_by INTEGER NOT NULL REFERENCES users (id),
    corrected_at TEXT NOT NULL
);
CREATE INDEX case_corrections_case ON case_corrections (case_id, id);
