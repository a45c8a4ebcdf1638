-- Idempotency keys keep what a retry needs, not what the first answer said: the status and
-- where the resource is. The stored response body could hold client data (names, birth
-- dates, BSNs) and was replayed without asking whether the caller may still see it; a
-- replay now reads the resource again through the access rules (docs/api.md).
ALTER TABLE idempotency_keys DROP COLUMN response_body;
-- The URI of the resource the request made or changed (the answer's Location header) ...
ALTER TABLE idempotency_keys ADD COLUMN location TEXT;
-- ... and the URI whose representation the answer was (its Content-Location): a replay
-- answers with a fresh read of it.
ALTER TABLE idempotency_keys ADD COLUMN content_location TEXT;
-- Keys expire 24 hours after they were claimed; expired keys are deleted when keys are claimed.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
