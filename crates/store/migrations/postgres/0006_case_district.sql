-- The district of a case: that of its household when the case was referred (docs/kpi.md,
-- "Scope"). Stored on the case so that the KPI figures by district need no join with the
-- households: on a million cases that join was most of the city dashboard's time
-- (bench/RESULTS.md, "KPI dashboard"). Households do not move district today; if they ever
-- do, their earlier cases keep the district of their referral.
ALTER TABLE cases ADD COLUMN district_id BIGINT REFERENCES districts (id);

-- The KPI indexes that change are dropped first, so the backfill does not maintain them.
-- household_id leaves the indexes where it only served the join for the district.
DROP INDEX cases_referred_on;
DROP INDEX cases_intake_held_on;
DROP INDEX cases_started_on;
DROP INDEX cases_closed_on;
-- Read only by the district dashboard's join; replaced by cases_district below.
DROP INDEX households_district;

UPDATE cases c SET district_id = h.district_id FROM households h WHERE h.id = c.household_id;
ALTER TABLE cases ALTER COLUMN district_id SET NOT NULL;

-- As in 0003, the indexes cover every column their queries read (index-only scans).
-- Referrals in a period, by team, district and source.
CREATE INDEX cases_referred_on ON cases (referred_on, team_id, district_id, source);
-- Intakes in a period; and the waiting list as of a day (intake none or later, not closed).
CREATE INDEX cases_intake_held_on ON cases
    (intake_held_on, referred_on, closed_on, intake_due_on, later_intake_requested_by, team_id, district_id);
-- Starts of support in a period.
CREATE INDEX cases_started_on ON cases (started_on, intake_held_on, team_id, district_id);
-- Closures in a period; active cases, caseload and reach (households per district) as of a day.
CREATE INDEX cases_closed_on ON cases
    (closed_on, referred_on, intake_held_on, worker_id, team_id, district_id, household_id, closure_reason,
     closure_detail);
-- A district's dashboard: its cases, by referral. Without it the district's contacts were
-- found by scanning every contact of the period and looking up its case (minutes on 28.6 M
-- contacts); with it, the district's cases lead and their contacts follow (0.14 s, measured).
CREATE INDEX cases_district ON cases (district_id, referred_on);
