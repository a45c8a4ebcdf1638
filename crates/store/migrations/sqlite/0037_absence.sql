-- Staff absence and capacity (issue 20).
--
-- Contract hours per week per staff member (NULL: not recorded, left out of the capacity
-- figures). An absence spell: start, expected return, end (NULL while it lasts) and the part
-- of the contract the person is absent (100 = fully absent). Deliberately NO reason column:
-- Dutch privacy law (AVG art. 9, the UAVG) forbids an employer to register the medical reason
-- of sickness absence.
ALTER TABLE users ADD COLUMN contract_hours REAL;

CREATE TABLE absences (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    starts_on TEXT NOT NULL,
    expected_back_on TEXT,
    ends_on TEXT,
    percentage INTEGER NOT NULL DEFAULT 100,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX absences_user ON absences (user_id, starts_on);
