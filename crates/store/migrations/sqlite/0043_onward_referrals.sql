-- Onward referrals (inzet aanvullende hulp; issue 15 part 2, decision 0040).
--
-- A case refers a family on to a partner of the social map (`partners`, 0042): its kind
-- (specialist_youth_care, intensive_voluntary_help, debt_assistance, adult_mental_health,
-- work_and_income, community), the day it was referred, started and ended, how it ended
-- (completed, stopped_early, not_started, referred_further), and who coordinates (the family
-- worker by default). `version` counts changes, so a change made on a stale copy is a 409.
-- The clients it is for and the life domains it is about are kept beside it.
CREATE TABLE onward_referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    partner_id INTEGER NOT NULL REFERENCES partners (id),
    kind TEXT NOT NULL,
    referred_on TEXT NOT NULL,
    started_on TEXT,
    ended_on TEXT,
    outcome TEXT,
    coordinator_id INTEGER REFERENCES users (id),
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX onward_referrals_case ON onward_referrals (case_id, referred_on);
CREATE INDEX onward_referrals_partner ON onward_referrals (partner_id);

CREATE TABLE onward_referral_clients (
    onward_referral_id INTEGER NOT NULL REFERENCES onward_referrals (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (onward_referral_id, person_id)
);
CREATE INDEX onward_referral_clients_person ON onward_referral_clients (person_id);

CREATE TABLE onward_referral_life_domains (
    onward_referral_id INTEGER NOT NULL REFERENCES onward_referrals (id),
    life_domain TEXT NOT NULL,
    PRIMARY KEY (onward_referral_id, life_domain)
);
