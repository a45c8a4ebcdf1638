-- Group support considered in every case, and the collective approach (issue 19, part G2).
--
-- Whether group support was considered in a case and, if it is not used, why: one row per case,
-- the state as it is now (who recorded it, when); its history is the audit log
-- (`case.group_support_recorded`, with the state before and after). "Used" is not stored: it is
-- whether the case has a participant of a group who is not on a waiting list.
CREATE TABLE case_group_support (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    considered BOOLEAN NOT NULL,
    -- Why it is not used: no_suitable_group, family_declined, not_needed_now, waiting_for_a_group,
    -- other (NULL: not considered, or used).
    reason TEXT,
    -- Free text beside the reason (required with `other`).
    reason_text TEXT NOT NULL DEFAULT '',
    -- The day it was recorded, in the organisation's time zone: the KPIs count it from then.
    recorded_on TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
);

-- A meeting of the collective approach: parents, young people and professionals (with youth health
-- care and the municipality) around a shared question, in one district. Counts of participants by
-- kind only, never names; the signals gathered are stored only with names and numbers removed
-- (decision 0029).
CREATE TABLE collective_activities (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    held_on TEXT NOT NULL,
    theme TEXT NOT NULL,
    -- The partners involved, one per line (JGZ, the municipality's MO, a school ...).
    partners TEXT NOT NULL DEFAULT '',
    parents INTEGER NOT NULL CHECK (parents >= 0),
    young_people INTEGER NOT NULL CHECK (young_people >= 0),
    professionals INTEGER NOT NULL CHECK (professionals >= 0),
    signals TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX collective_activities_district ON collective_activities (district_id, held_on);
CREATE INDEX collective_activities_held_on ON collective_activities (held_on);
