-- The weighing the outreach work basket is ordered by (decision 0033): one row for the
-- organisation, edited by admins and team managers on /campaigns/weighing. Points per hundred
-- euros of arrears, per signal partner, per month of arrears and per child in a known household.
CREATE TABLE outreach_weighing (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    per_hundred_euros INTEGER NOT NULL,
    per_partner INTEGER NOT NULL,
    per_month INTEGER NOT NULL,
    per_child INTEGER NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO outreach_weighing (id, per_hundred_euros, per_partner, per_month, per_child, updated_at)
    VALUES (1, 1, 10, 5, 5, '2000-01-01T00:00:00Z');

-- The worker's basket: the addresses assigned to one worker.
CREATE INDEX campaign_addresses_worker ON campaign_addresses (assigned_to);
