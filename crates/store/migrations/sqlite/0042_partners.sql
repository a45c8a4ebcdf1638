-- Partners and the social map (issue 15 part 1; decision 0039).
--
-- A partner is an organisation the teams work with: its kind (gp_practice, primary_school, ...,
-- community), the districts it serves, contact details, and whether it is still active
-- (`ended_on`). A GP practice's collaboration status is a dated history (`gp_status_changes`:
-- the latest row by `since`, then id, is the current one); the family workers linked to a
-- practice, school or VE location are kept with their period (`partner_workers`: `ends_on` set
-- when a link ends, never deleted), so who was the contact when stays readable.
--
-- Parts 2 and 3 of the issue attach here: an onward referral names `partners (id)` as the
-- partner it goes to, and a partner account (role `partner`) is a user with a `partner_id`.
CREATE TABLE partners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    ended_on TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX partners_kind ON partners (kind);

CREATE TABLE partner_districts (
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    PRIMARY KEY (partner_id, district_id)
);
CREATE INDEX partner_districts_district ON partner_districts (district_id);

CREATE TABLE gp_status_changes (
    id INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    -- none, in_talks, started, alternative_agreement
    status TEXT NOT NULL,
    since TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX gp_status_changes_partner ON gp_status_changes (partner_id, since);

CREATE TABLE partner_workers (
    id INTEGER PRIMARY KEY,
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX partner_workers_partner ON partner_workers (partner_id);
CREATE INDEX partner_workers_user ON partner_workers (user_id);
