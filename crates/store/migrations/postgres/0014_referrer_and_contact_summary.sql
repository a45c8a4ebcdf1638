-- Who referred, not only the kind of referrer: the organisation and the person (both optional,
-- a family referring itself has neither), and for the source "other" what it was, in words.
ALTER TABLE cases ADD COLUMN referrer_organisation TEXT;
ALTER TABLE cases ADD COLUMN referrer_name TEXT;
ALTER TABLE cases ADD COLUMN source_other TEXT;
-- A contact moment's short summary, for the team only: shown on the case's timeline, never in
-- Mijn Buurtteam.
ALTER TABLE contacts ADD COLUMN summary TEXT;
