//! Idempotency keys: a retried `POST` with the same `Idempotency-Key` gets the first
//! response back instead of creating something twice.

use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new and now reserved for this request.
    New,
    /// A request with this key is still being handled.
    InProgress { request_hash: String },
    /// A request with this key completed; here is what it answered.
    Done { request_hash: String, status: u16, body: String },
}

/// Reserves `key` for this user, or reports what an earlier request with it did.
pub async fn claim(tx: &mut Tx, user: UserId, key: &str, request_hash: &str, now: Timestamp) -> Result<Claim> {
    let inserted = exec!(tx, |c| sqlx::query(
        "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, idempotency_key) DO NOTHING"
    )
    .bind(user.0)
    .bind(key)
    .bind(request_hash)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let (request_hash, status, body): (String, Option<i32>, Option<String>) = on!(tx, |c| {
        sqlx::query_as(
        "SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2"
    )
    .bind(user.0)
    .bind(key)
    .fetch_one(&mut *c)
    .await
    })?;
    Ok(match (status, body) {
        (Some(s), Some(body)) => Claim::Done { request_hash, status: u16::try_from(s).unwrap_or(500), body },
        _ => Claim::InProgress { request_hash },
    })
}

/// Stores the response of the request that claimed `key`.
pub async fn complete(tx: &mut Tx, user: UserId, key: &str, status: u16, body: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE user_id = $1 AND idempotency_key = $2"
    )
    .bind(user.0)
    .bind(key)
    .bind(i32::from(status))
    .bind(body)
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Frees `key` after a request that changed nothing (an error), so that a retry may run.
pub async fn release(tx: &mut Tx, user: UserId, key: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "DELETE FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2 AND status_code IS NULL"
    )
    .bind(user.0)
    .bind(key)
    .execute(&mut *c)
    .await)?;
    Ok(())
}
