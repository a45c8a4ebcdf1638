//! Server-side sessions. Only a hash of the session token is stored, so a copy of the
//! database does not let anyone log in.

use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user_id: UserId,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
    /// Password accepted, second factor still to come: the session opens nothing else yet.
    pub second_factor_pending: bool,
}

pub async fn insert(
    tx: &mut Tx,
    token_hash: &str,
    user: UserId,
    now: Timestamp,
    expires_at: Timestamp,
    second_factor_pending: bool,
) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, second_factor_pending) \
         VALUES ($1, $2, $3, $3, $4, $5)"
    )
    .bind(token_hash)
    .bind(user.0)
    .bind(sql_ts(now))
    .bind(sql_ts(expires_at))
    .bind(second_factor_pending)
    .execute(&mut *c)
    .await)?;
    Ok(())
}

pub async fn get(tx: &mut Tx, token_hash: &str) -> Result<Option<Session>> {
    let row: Option<(i64, jiff_sqlx::Timestamp, jiff_sqlx::Timestamp, bool)> = on!(tx, |c| sqlx::query_as(
        "SELECT user_id, last_seen_at, expires_at, second_factor_pending FROM sessions WHERE token_hash = $1"
    )
    .bind(token_hash)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(row.map(|(u, seen, exp, pending)| Session {
        user_id: UserId(u),
        last_seen_at: seen.to_jiff(),
        expires_at: exp.to_jiff(),
        second_factor_pending: pending,
    }))
}

pub async fn touch(tx: &mut Tx, token_hash: &str, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, token_hash: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut *c).await)?;
    Ok(())
}

/// The second factor was given: the session becomes a full one.
pub async fn confirm_second_factor(tx: &mut Tx, token_hash: &str, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE sessions SET second_factor_pending = FALSE, last_seen_at = $2 WHERE token_hash = $1"
    )
    .bind(token_hash)
    .bind(sql_ts(now))
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Ends every session of `user` except the one with `keep` (after a password change).
pub async fn delete_others(tx: &mut Tx, user: UserId, keep: &str) -> Result<u64> {
    exec!(tx, |c| sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user.0)
        .bind(keep)
        .execute(&mut *c)
        .await)
    .map_err(Into::into)
}

/// The session and its user in one query (every request asks this), teams in a second.
pub async fn get_with_user(tx: &mut Tx, token_hash: &str) -> Result<Option<(Session, crate::organisation::User)>> {
    type Row = (i64, jiff_sqlx::Timestamp, jiff_sqlx::Timestamp, bool, String, String, String, bool, bool, Option<i64>);
    let row: Option<Row> = on!(tx, |c| sqlx::query_as(
        "SELECT s.user_id, s.last_seen_at, s.expires_at, s.second_factor_pending, \
                u.email, u.name, u.role, u.active, (u.totp_enabled_at IS NOT NULL), u.person_id \
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
    )
    .bind(token_hash)
    .fetch_optional(&mut *c)
    .await)?;
    let Some((user_id, seen, expires, pending, email, name, role, active, second_factor, person)) = row else {
        return Ok(None);
    };
    let session = Session {
        user_id: UserId(user_id),
        last_seen_at: seen.to_jiff(),
        expires_at: expires.to_jiff(),
        second_factor_pending: pending,
    };
    let user = crate::organisation::User {
        id: UserId(user_id),
        email,
        name,
        role: crate::parse_code("users.role", &role, buurtteam_domain::codes::Role::parse)?,
        active,
        team_ids: crate::organisation::team_ids_of(tx, UserId(user_id)).await?,
        second_factor,
        person_id: person.map(buurtteam_domain::ids::PersonId),
    };
    Ok(Some((session, user)))
}
