-- The audit log as a hash chain (decision 0021). Each row commits to its content and to the
-- previous row of its chain; `audit_chain_heads` holds where each chain ends. SQLite has one
-- writer and so one chain (0); PostgreSQL gives each server process its own chain, so
-- concurrent transactions never wait on each other for the log.
--
-- Rows written before this migration have no hash yet: the server seals them into chain 0
-- (in id order) when it starts, before it serves anything.
ALTER TABLE audit_log ADD COLUMN chain INTEGER;
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- sha256(salt || detail): the chain covers the detail through this digest, so that destroying
-- a file can replace the detail (and forget the salt) without breaking the chain.
ALTER TABLE audit_log ADD COLUMN detail_digest TEXT;
ALTER TABLE audit_log ADD COLUMN detail_salt TEXT;
-- When the detail was replaced because the file it belongs to was destroyed.
ALTER TABLE audit_log ADD COLUMN pseudonymised_at TEXT;
CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain, seq);

CREATE TABLE audit_chain_heads (
    chain INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);

-- Only two changes of a row are allowed: sealing a row written before the chain existed, and
-- replacing the detail of a destroyed file (the digest, and so the chain, stay as they were).
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    NEW.id IS OLD.id AND NEW.occurred_at IS OLD.occurred_at AND NEW.actor_user_id IS OLD.actor_user_id
    AND NEW.actor_role IS OLD.actor_role AND NEW.action IS OLD.action AND NEW.object_type IS OLD.object_type
    AND NEW.object_id IS OLD.object_id AND NEW.case_id IS OLD.case_id AND NEW.household_id IS OLD.household_id
    AND NEW.client_id IS OLD.client_id AND NEW.acting_for_person_id IS OLD.acting_for_person_id
    AND NEW.goal_id IS OLD.goal_id AND NEW.session_ref IS OLD.session_ref
    AND (
        (OLD.hash IS NULL AND NEW.detail IS OLD.detail AND NEW.pseudonymised_at IS NULL)
        OR (OLD.hash IS NOT NULL AND OLD.pseudonymised_at IS NULL AND NEW.pseudonymised_at IS NOT NULL
            AND NEW.hash IS OLD.hash AND NEW.chain IS OLD.chain AND NEW.seq IS OLD.seq
            AND NEW.detail_digest IS OLD.detail_digest)
    )
)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The head of a chain follows every row appended to it.
CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log WHEN NEW.hash IS NOT NULL
BEGIN
    UPDATE audit_chain_heads SET hash = NEW.hash WHERE chain = NEW.chain AND seq = NEW.seq;
END;

-- The rows that existed when this migration ran: only these may be sealed (once, at the next
-- start), so that a row slipped into the table later shows as unchained instead of sealed.
CREATE TABLE audit_chain_legacy (
    below_id INTEGER NOT NULL,
    sealed_at TEXT
);
INSERT INTO audit_chain_legacy (below_id) SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log;
