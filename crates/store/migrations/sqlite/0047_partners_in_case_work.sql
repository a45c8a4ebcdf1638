-- Partners in the case work (issue 15; decision 0040, "Partners in the plan and in contacts").
--
-- An action of the family plan may be carried out by a partner of the social map
-- (performer 'partner' with `performer_partner_id`; `performer_name` keeps the partner's name
-- as agreed, and stays the only field for an organisation that is not on the social map).
-- A contact moment may have a partner taking part (`contacts.partner_id`): a three-way
-- conversation (driegesprek) with the family and that partner.
ALTER TABLE goal_actions ADD COLUMN performer_partner_id INTEGER REFERENCES partners (id);
ALTER TABLE contacts ADD COLUMN partner_id INTEGER REFERENCES partners (id);
CREATE INDEX contacts_partner ON contacts (partner_id) WHERE partner_id IS NOT NULL;
