-- The organisation as an admin sets it up (issue 14, decision 0019): districts with their
-- neighbourhoods and postcode areas, teams serving one or more districts, names with their
-- history, and an end date instead of deletion for anything cases refer to.

-- Nothing that cases refer to is deleted, only ended: from this date on it takes nothing new
-- (no new households, no new referrals) and drops out of the pickers; its cases and figures stay.
ALTER TABLE districts ADD COLUMN ended_on TEXT;
ALTER TABLE teams ADD COLUMN ended_on TEXT;

-- A neighbourhood (buurt) of a district.
CREATE TABLE neighbourhoods (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts (id),
    name TEXT NOT NULL,
    ended_on TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (district_id, name)
);

-- The postcodes of a neighbourhood: closed ranges of six-character postcodes ('3511AA' to
-- '3511ZZ' is PC4 area 3511). Ranges of different neighbourhoods do not overlap (checked by the
-- use case, domain::postcode_area), so a postcode names at most one neighbourhood.
CREATE TABLE postcode_areas (
    id INTEGER PRIMARY KEY,
    neighbourhood_id INTEGER NOT NULL REFERENCES neighbourhoods (id),
    from_postcode TEXT NOT NULL,
    to_postcode TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX postcode_areas_from ON postcode_areas (from_postcode, to_postcode);
CREATE INDEX postcode_areas_neighbourhood ON postcode_areas (neighbourhood_id);

-- The districts a team serves (a team may serve more than one). teams.district_id stays as the
-- first of them, for what reads it.
CREATE TABLE team_districts (
    team_id INTEGER NOT NULL REFERENCES teams (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    PRIMARY KEY (team_id, district_id)
);
CREATE INDEX team_districts_district ON team_districts (district_id);
INSERT INTO team_districts (team_id, district_id) SELECT id, district_id FROM teams WHERE district_id IS NOT NULL;

-- Every name a district, neighbourhood or team has had, from the day it held: renaming keeps
-- history. The current name is also on the row itself, which labels and figures read.
CREATE TABLE organisation_names (
    id INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL,
    object_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX organisation_names_object ON organisation_names (object_type, object_id, valid_from);
INSERT INTO organisation_names (object_type, object_id, name, valid_from, created_at)
    SELECT 'district', id, name, substr(created_at, 1, 10), created_at FROM districts;
INSERT INTO organisation_names (object_type, object_id, name, valid_from, created_at)
    SELECT 'team', id, name, substr(created_at, 1, 10), created_at FROM teams;

-- The organisation's own wording of a code list's label, per language; the catalogue's label
-- where there is none.
CREATE TABLE code_labels (
    code_list TEXT NOT NULL,
    code TEXT NOT NULL,
    lang TEXT NOT NULL,
    label TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (code_list, code, lang)
);

-- Raised with every change of code_labels, so that every node reloads its copy (it checks at
-- most every few seconds).
CREATE TABLE reference_versions (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO reference_versions (name, version) VALUES ('code_labels', 0);
