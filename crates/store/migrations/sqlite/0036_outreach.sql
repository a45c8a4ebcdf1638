-- Outreach (issue 16): campaigns, signals of payment arrears, the addresses they group into,
-- and the attempts to reach them.
--
-- A campaign covers districts and has assigned outreach workers. Signals come in by CSV per
-- campaign; every signal row is kept once (`row_key`, a hash of its normalised fields, so the
-- same file twice imports nothing twice) and belongs to the address it names. An address is
-- matched to a known household where there is one (`household_id`); the outreach worker sees
-- only that the household is known to a team, never its file. `status` is the furthest stage
-- the address reached (open, reached, offer_made, accepted, declined, unreachable); `case_id`
-- the referral an accepted offer created. Signal data of people who did not become clients are
-- destroyed after the legal term: `destroyed_on` set, the signals deleted and the address
-- fields emptied, the status and attempts kept so the funnel still counts them.
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    -- payment_arrears, benefits_scandal, other
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    -- The help offered, in words.
    help_offered TEXT NOT NULL DEFAULT '',
    -- Comma-separated approach codes the campaign uses (house_visit, phone, ...).
    approaches TEXT NOT NULL DEFAULT '',
    closed_on TEXT,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE campaign_districts (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    PRIMARY KEY (campaign_id, district_id)
);

CREATE TABLE campaign_workers (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_workers_user ON campaign_workers (user_id);

CREATE TABLE signal_imports (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    file_sha256 TEXT NOT NULL,
    rows_total INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    imported_by INTEGER NOT NULL REFERENCES users (id),
    imported_at TEXT NOT NULL
);

CREATE TABLE campaign_addresses (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    district_id INTEGER REFERENCES districts (id),
    street TEXT NOT NULL,
    house_number INTEGER NOT NULL,
    house_letter TEXT NOT NULL DEFAULT '',
    house_number_addition TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL,
    -- A known household at this address (only "known to a team" is shown to outreach).
    household_id INTEGER REFERENCES households (id),
    assigned_to INTEGER REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'open',
    -- The weighing the basket is ordered by, recomputed on import and when the weights change.
    weight INTEGER NOT NULL DEFAULT 0,
    case_id INTEGER REFERENCES cases (id),
    first_signal_on TEXT,
    last_signal_on TEXT,
    destroyed_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- One row per address per campaign while it holds the address.
CREATE UNIQUE INDEX campaign_addresses_address
    ON campaign_addresses (campaign_id, postcode, house_number, house_letter, house_number_addition)
    WHERE destroyed_on IS NULL;
CREATE INDEX campaign_addresses_basket ON campaign_addresses (campaign_id, status, weight);

CREATE TABLE campaign_signals (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
    address_id INTEGER NOT NULL REFERENCES campaign_addresses (id),
    import_id INTEGER NOT NULL REFERENCES signal_imports (id),
    -- landlord, energy, water, health_insurer, municipality, ... as the partner column says
    partner TEXT NOT NULL,
    received_on TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    -- rent, energy, water, health_insurance, other
    kind TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    months INTEGER NOT NULL,
    row_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX campaign_signals_row ON campaign_signals (campaign_id, row_key);
CREATE INDEX campaign_signals_address ON campaign_signals (address_id);

CREATE TABLE outreach_attempts (
    id INTEGER PRIMARY KEY,
    address_id INTEGER NOT NULL REFERENCES campaign_addresses (id),
    -- house_visit, phone, letter, flyer, phone_and_flyer, e_mail
    approach TEXT NOT NULL,
    attempted_on TEXT NOT NULL,
    -- not_home, no_answer, wrong_number, spoken, offer_made, accepted, declined, unreachable
    result TEXT NOT NULL,
    decline_reason TEXT,
    decline_detail TEXT,
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX outreach_attempts_address ON outreach_attempts (address_id);

-- The referral an accepted offer created names its campaign.
ALTER TABLE cases ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id);

INSERT INTO processing_activities (code, version, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active, updated_at)
    VALUES ('outreach', 1, 'Vroegsignalering en outreach', 'Early signalling and outreach', 'Signalen van betalingsachterstanden ontvangen, huishoudens benaderen en hulp aanbieden voordat ze er zelf om vragen; campagnes voor groepen inwoners.', 'AVG art. 6 lid 1 sub e; Wet gemeentelijke schuldhulpverlening art. 3a (vroegsignalering) en het Besluit gemeentelijke schuldhulpverlening.', 'Inwoners met een betalingsachterstand of in een campagne, de medewerkers die hen benaderen.', 'Naam, adres, soort en hoogte van de achterstand, de poging om contact te maken en de uitkomst.', 'Signalen van wie geen cliënt werd: vernietigd na de wettelijke termijn; alleen aantallen blijven.', TRUE, '2000-01-01T00:00:00Z');
INSERT INTO processing_activity_versions (code, version, valid_from, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active)
    SELECT code, version, updated_at, name_nl, name_en, purpose, legal_basis, data_subjects, data_categories, retention, active FROM processing_activities WHERE code = 'outreach';
