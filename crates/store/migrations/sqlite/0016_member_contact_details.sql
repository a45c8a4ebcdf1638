-- How to reach a household member: phone numbers (normalised to +31612345678) and an e-mail
-- address, each optional. Staff see them in the family file; Mijn Buurtteam never shows them.
ALTER TABLE persons ADD COLUMN phone TEXT;
ALTER TABLE persons ADD COLUMN other_phone TEXT;
ALTER TABLE persons ADD COLUMN email TEXT;
