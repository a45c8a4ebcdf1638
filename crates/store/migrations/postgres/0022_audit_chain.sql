-- The audit log as a hash chain (decision 0021). Each row commits to its content and to the
-- previous row of its chain; `audit_chain_heads` holds where each chain ends. SQLite has one
-- writer and so one chain (0); PostgreSQL gives each server process (pg_backend_pid()) its own
-- chain, so concurrent transactions never wait on each other for the log.
--
-- Rows written before this migration have no hash yet: the server seals them into chain 0
-- (in id order) when it starts, before it serves anything.
ALTER TABLE audit_log ADD COLUMN chain BIGINT;
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- sha256(salt || detail): the chain covers the detail through this digest, so that destroying
-- a file can replace the detail (and forget the salt) without breaking the chain.
ALTER TABLE audit_log ADD COLUMN detail_digest TEXT;
ALTER TABLE audit_log ADD COLUMN detail_salt TEXT;
-- When the detail was replaced because the file it belongs to was destroyed.
ALTER TABLE audit_log ADD COLUMN pseudonymised_at TIMESTAMPTZ;
CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain, seq);

CREATE TABLE audit_chain_heads (
    chain BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);

-- Only two changes of a row are allowed: sealing a row written before the chain existed, and
-- replacing the detail of a destroyed file (the digest, and so the chain, stay as they were).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.action, NEW.object_type,
            NEW.object_id, NEW.case_id, NEW.household_id, NEW.client_id, NEW.acting_for_person_id,
            NEW.goal_id, NEW.session_ref)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.action, OLD.object_type,
            OLD.object_id, OLD.case_id, OLD.household_id, OLD.client_id, OLD.acting_for_person_id,
            OLD.goal_id, OLD.session_ref)
       AND (
           (OLD.hash IS NULL AND NEW.detail IS NOT DISTINCT FROM OLD.detail AND NEW.pseudonymised_at IS NULL)
           OR (OLD.hash IS NOT NULL AND OLD.pseudonymised_at IS NULL AND NEW.pseudonymised_at IS NOT NULL
               AND (NEW.hash, NEW.chain, NEW.seq, NEW.detail_digest)
                   IS NOT DISTINCT FROM (OLD.hash, OLD.chain, OLD.seq, OLD.detail_digest))
       ) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;

-- The head of a chain follows every row appended to it.
CREATE FUNCTION audit_log_advance_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_chain_heads SET hash = NEW.hash WHERE chain = NEW.chain AND seq = NEW.seq;
    RETURN NULL;
END
$$;
CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
    FOR EACH ROW WHEN (NEW.hash IS NOT NULL) EXECUTE FUNCTION audit_log_advance_head();

-- The rows that existed when this migration ran: only these may be sealed (once, at the next
-- start), so that a row slipped into the table later shows as unchained instead of sealed.
CREATE TABLE audit_chain_legacy (
    below_id BIGINT NOT NULL,
    sealed_at TEXT
);
INSERT INTO audit_chain_legacy (below_id) SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log;
