-- Log-in protection by account and client address together (decision 0008). A user's failed
-- log-ins lock that account for the address they came from, so one user no longer locks out
-- everyone behind an office's address; an unknown e-mail address is counted exactly like a real
-- one, so the answers do not tell them apart. The same table counts failed portal activations
-- per code and per address.
--
-- `scope` says what is counted (`login`, `login_account`, `activation_code`,
-- `activation_address`); `key_hash` is the SHA-256 of what it is counted for (the e-mail address
-- and the client address, the code ...), so no address is stored in the clear. Times are whole
-- seconds since 1970 (UTC), which both backends compare exactly in SQL.
CREATE TABLE failed_attempts (
    scope TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failed_at BIGINT NOT NULL,
    locked_until BIGINT,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX failed_attempts_last ON failed_attempts (last_failed_at);

-- The per-account count this replaces.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
