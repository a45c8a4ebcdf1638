-- Single sign-on through OpenID Connect (decision 0017).
-- The subject (`sub`) a provider gave an account, once the account was matched (by e-mail
-- address, a DigiD broker's BSN, or provisioning): later log-ins find the account by it, so an
-- account whose e-mail address changes at the provider stays linked.
CREATE TABLE user_identities (
    provider TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- A log-in under way at a provider: the SHA-256 of its `state`, the `nonce` and the PKCE
-- verifier, and where to go afterwards. Taken (deleted) by the callback, so a state works once.
CREATE TABLE sso_requests (
    state_hash TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sso_requests_created ON sso_requests (created_at);

-- A session opened through a provider: which one, its ID token (the `id_token_hint` of
-- RP-initiated logout), and whether the provider asserted a second factor (then the rule that
-- a role must set up our TOTP does not hold this session up).
ALTER TABLE sessions ADD COLUMN sso_provider TEXT;
ALTER TABLE sessions ADD COLUMN sso_id_token TEXT;
ALTER TABLE sessions ADD COLUMN sso_second_factor BOOLEAN NOT NULL DEFAULT FALSE;
