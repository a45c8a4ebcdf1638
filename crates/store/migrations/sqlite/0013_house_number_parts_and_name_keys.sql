-- Search that finds people (issue 13).
--
-- The house number as the BAG has it: a number, a letter and an addition apart, so that
-- "12" finds 12, 12a and 12-bis and "12a" finds 12a but not 12b. The old text column keeps
-- the number as written (the application writes the printed form, e.g. 12a-bis, for new
-- rows); the parts of existing rows are filled from it by the application when it opens the
-- database (store::backfill, with domain::address's parser), which looks for house_number 0.
DROP INDEX households_address;
ALTER TABLE households RENAME COLUMN house_number TO house_number_text;
ALTER TABLE households ADD COLUMN house_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE households ADD COLUMN house_letter TEXT;
ALTER TABLE households ADD COLUMN house_number_addition TEXT;
CREATE INDEX households_address ON households (postcode, house_number);

-- A person's name folded to lowercase ASCII (domain::matching::name_key: "priya ozturk"),
-- written with every name by the application; the database never folds. Empty until the
-- application fills it when it opens the database (store::backfill).
ALTER TABLE persons ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- The key's three-letter windows: a search looks a name up by them through the primary key,
-- then compares the whole folded query with the key.
CREATE TABLE person_name_trigrams (
    trigram TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (trigram, person_id)
);
CREATE INDEX person_name_trigrams_person ON person_name_trigrams (person_id);
-- Registration warns of a household that may exist already: a member with the same folded
-- name and birth date.
CREATE INDEX persons_name_key ON persons (name_key, birth_date);
