-- Steering KPIs (docs/kpi.md). Events are counted by their date, stocks as of a date: each
-- index serves the range scan of one KPI query and carries the columns it filters on.
-- Referrals in a period, grouped by team.
CREATE INDEX cases_referred_on ON cases (referred_on, team_id);
-- Intakes in a period; and the waiting list as of a day (intake none or later, not closed).
CREATE INDEX cases_intake_held_on ON cases (intake_held_on, referred_on, closed_on);
-- Starts of support in a period.
CREATE INDEX cases_started_on ON cases (started_on);
-- Closures in a period; and the active cases as of a day (closed none or later).
CREATE INDEX cases_closed_on ON cases (closed_on, referred_on);
-- A district's dashboard: the households living there.
CREATE INDEX households_district ON households (district_id, id);
-- The contact forms of a period.
CREATE INDEX contacts_on ON contacts (contact_on, form);

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
