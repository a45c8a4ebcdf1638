-- Data repair (decision 0020): a referral registered by mistake is voided by a team manager
-- with a reason, and two households registered twice are merged.
--
-- A voided case stays (its team still reads it, and its access log), but it is left out of
-- every list and figure: each reader of `cases` adds `voided_on IS NULL`.
ALTER TABLE cases ADD COLUMN voided_on TEXT;
ALTER TABLE cases ADD COLUMN voided_at TEXT;
ALTER TABLE cases ADD COLUMN voided_by INTEGER REFERENCES users (id);
ALTER TABLE cases ADD COLUMN void_reason_code TEXT;
ALTER TABLE cases ADD COLUMN void_reason TEXT;

-- The household merged into another one: its members and cases moved there, and old links
-- follow this pointer. The row itself stays, so the log rows that name it keep their meaning.
ALTER TABLE households ADD COLUMN merged_into INTEGER REFERENCES households (id);
ALTER TABLE households ADD COLUMN merged_at TEXT;

-- The KPI indexes hold only cases that count (partial indexes), and end in voided_on: the
-- queries name `voided_on IS NULL`, which SQLite only answers from an index that holds the
-- column, so they stay answerable from the index alone (as in 0003 and 0006).
DROP INDEX cases_referred_on;
DROP INDEX cases_intake_held_on;
DROP INDEX cases_started_on;
DROP INDEX cases_closed_on;
DROP INDEX cases_district;
CREATE INDEX cases_referred_on ON cases (referred_on, team_id, district_id, source, voided_on)
    WHERE voided_on IS NULL;
CREATE INDEX cases_intake_held_on ON cases
    (intake_held_on, referred_on, closed_on, intake_due_on, later_intake_requested_by, team_id, district_id, voided_on)
    WHERE voided_on IS NULL;
CREATE INDEX cases_started_on ON cases (started_on, intake_held_on, team_id, district_id, voided_on)
    WHERE voided_on IS NULL;
CREATE INDEX cases_closed_on ON cases
    (closed_on, referred_on, intake_held_on, worker_id, team_id, district_id, household_id, closure_reason,
     closure_detail, voided_on)
    WHERE voided_on IS NULL;
CREATE INDEX cases_district ON cases (district_id, referred_on, voided_on) WHERE voided_on IS NULL;
-- The few voided cases, for taking their contacts off the city's contact figures.
CREATE INDEX cases_voided ON cases (voided_on, id) WHERE voided_on IS NOT NULL;

-- The admin log: admin changes by period (and actor).
CREATE INDEX audit_log_occurred ON audit_log (occurred_at, id);
