-- Staff accounts managed by an admin (issue 14, decision 0018).
-- Contract hours per week in hundredths of an hour (28.8 hours = 2880), unknown for accounts
-- made before.
ALTER TABLE users ADD COLUMN contract_hours_hundredths INTEGER;

-- One-time activation codes for staff, handed over by an admin: for a new account without a
-- password, and for a forgotten password. Only the hash of the code is kept. A new code for the
-- same account revokes the ones before it.
CREATE TABLE staff_activation_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX staff_activation_codes_user ON staff_activation_codes (user_id);

-- The account (hashed e-mail address) a failed log-in from one address counted against, so that
-- an admin can unlock the account from every address at once.
ALTER TABLE failed_attempts ADD COLUMN account_key TEXT;
CREATE INDEX failed_attempts_account ON failed_attempts (account_key);
