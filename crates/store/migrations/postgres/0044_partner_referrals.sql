-- Partner accounts and referrals from partners (issue 15 part 3; decision 0041).
--
-- A partner account (role `partner`) belongs to one partner organisation: `users.partner_id`,
-- empty for every other role. A referral a partner submits is an ordinary case with the
-- partner as its referrer (`cases.referrer_partner_id`) and the family's consent: who gave it
-- (`consent_by`: parent, guardian, young_person, parent_and_young_person) and on which day
-- (`consent_on`). Without consent nothing is saved, so both are set on every such case.
ALTER TABLE users ADD COLUMN partner_id BIGINT REFERENCES partners (id);
ALTER TABLE cases ADD COLUMN referrer_partner_id BIGINT REFERENCES partners (id);
ALTER TABLE cases ADD COLUMN consent_by TEXT;
ALTER TABLE cases ADD COLUMN consent_on DATE;
CREATE INDEX cases_referrer_partner ON cases (referrer_partner_id, referred_on);
