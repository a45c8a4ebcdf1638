-- How a family reaches its team: an optional phone number and e-mail address per team, set by
-- an admin and shown in Mijn Buurtteam beside the name of the family's worker.
ALTER TABLE teams ADD COLUMN phone TEXT;
ALTER TABLE teams ADD COLUMN email TEXT;
