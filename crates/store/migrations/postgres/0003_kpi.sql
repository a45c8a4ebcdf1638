-- Steering KPIs (docs/kpi.md): events are counted by their date, stocks as of a date.
-- The indexes cover every column their queries read, so no query touches the table rows
-- (measured on a million cases: bench/RESULTS.md, "KPI dashboard").
-- Referrals in a period, by team, source and household.
CREATE INDEX cases_referred_on ON cases (referred_on, team_id, source, household_id);
-- Intakes in a period; and the waiting list as of a day (intake none or later, not closed).
CREATE INDEX cases_intake_held_on ON cases
    (intake_held_on, referred_on, closed_on, intake_due_on, later_intake_requested_by, team_id, household_id);
-- Starts of support in a period.
CREATE INDEX cases_started_on ON cases (started_on, intake_held_on, team_id, household_id);
-- Closures in a period; active cases, caseload and reach as of a day (closed none or later).
CREATE INDEX cases_closed_on ON cases
    (closed_on, referred_on, intake_held_on, worker_id, team_id, household_id, closure_reason, closure_detail);
-- A district's dashboard: the households living there.
CREATE INDEX households_district ON households (district_id, id);
-- The contact forms of a period: one range count per form (no grouping of millions of rows).
CREATE INDEX contacts_form_on ON contacts (form, contact_on);

-- Residents per district on a reference date, imported from a population file
-- (`buurtteam import populations`). The 0-17 count only where the file has it.
CREATE TABLE district_populations (
    district_id BIGINT NOT NULL REFERENCES districts (id),
    reference_date DATE NOT NULL,
    residents BIGINT NOT NULL,
    residents_0_17 BIGINT,
    source TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (district_id, reference_date)
);
