//! Idempotency keys: a retried `POST` with the same `Idempotency-Key` is not done twice.
//!
//! A key remembers the request's hash, and once it succeeded its status and where its
//! resource is, never the answer's body (it may hold client data, and a retry must go
//! through the access rules again). Keys expire [`KEY_LIFETIME`] after they were claimed.

use buurtteam_domain::ids::UserId;
use jiff::{SignedDuration, Timestamp};

use crate::{Result, Tx, sql_ts};

/// How long a key is remembered; a key used again later is a new request.
pub const KEY_LIFETIME: SignedDuration = SignedDuration::from_hours(24);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is new (or had expired) and is now reserved for this request.
    New,
    /// A request with this key is still being handled.
    InProgress { request_hash: String },
    /// A request with this key completed; this is what it answered.
    Done { request_hash: String, outcome: Outcome },
}

/// What a completed request answered, as far as a retry needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: u16,
    /// The resource the request made or changed (its `Location` header).
    pub location: Option<String>,
    /// The resource whose representation the answer was (its `Content-Location` header).
    pub content_location: Option<String>,
}

/// Deletes every key claimed [`KEY_LIFETIME`] or longer before `now`; returns how many. Runs
/// before each claim and as the hourly `idempotency.expire` job, so keys do not outlive their
/// day when nobody claims a new one.
pub async fn expire(tx: &mut Tx, now: Timestamp) -> Result<u64> {
    let expired_before = now.checked_sub(KEY_LIFETIME).unwrap_or(now);
    exec!(tx, |c| sqlx::query("DELETE FROM idempotency_keys WHERE created_at <= $1")
        .bind(sql_ts(expired_before))
        .execute(&mut *c)
        .await)
    .map_err(Into::into)
}

/// Reserves `key` for this user, or reports what an earlier request with it did. Keys older
/// than [`KEY_LIFETIME`] (this one and everybody's) are deleted first, so an expired key
/// counts as new.
pub async fn claim(tx: &mut Tx, user: UserId, key: &str, request_hash: &str, now: Timestamp) -> Result<Claim> {
    expire(tx, now).await?;
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
    type Raw = (String, Option<i32>, Option<String>, Option<String>);
    let (request_hash, status, location, content_location): Raw = on!(tx, |c| {
        sqlx::query_as(
            "SELECT request_hash, status_code, location, content_location FROM idempotency_keys \
             WHERE user_id = $1 AND idempotency_key = $2",
        )
        .bind(user.0)
        .bind(key)
        .fetch_one(&mut *c)
        .await
    })?;
    Ok(match status {
        Some(s) => Claim::Done {
            request_hash,
            outcome: Outcome { status: u16::try_from(s).unwrap_or(500), location, content_location },
        },
        None => Claim::InProgress { request_hash },
    })
}

/// Stores the outcome of the request that claimed `key`.
pub async fn complete(tx: &mut Tx, user: UserId, key: &str, outcome: &Outcome) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE idempotency_keys SET status_code = $3, location = $4, content_location = $5 \
         WHERE user_id = $1 AND idempotency_key = $2"
    )
    .bind(user.0)
    .bind(key)
    .bind(i32::from(outcome.status))
    .bind(&outcome.location)
    .bind(&outcome.content_location)
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
