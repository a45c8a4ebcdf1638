//! What a log-in checks besides the password: the TOTP second factor and its hashed recovery
//! codes, password changes. Failed attempts and the lock-out they cause: `attempts`.

use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

/// The log-in facts of one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user_id: UserId,
    pub password_hash: String,
    /// The TOTP secret (base32), once enrolment began.
    pub totp_secret: Option<String>,
    /// Set when the second factor is in use.
    pub totp_enabled_at: Option<Timestamp>,
    pub totp_last_step: Option<i64>,
}

type Row = (i64, String, Option<String>, Option<jiff_sqlx::Timestamp>, Option<i64>);

const COLUMNS: &str = "SELECT id, password_hash, totp_secret, totp_enabled_at, totp_last_step FROM users";

fn from_row(r: Row) -> Credentials {
    Credentials {
        user_id: UserId(r.0),
        password_hash: r.1,
        totp_secret: r.2,
        totp_enabled_at: r.3.map(|t| t.to_jiff()),
        totp_last_step: r.4,
    }
}

/// By (lower-case) e-mail address.
pub async fn by_email(tx: &mut Tx, email: &str) -> Result<Option<Credentials>> {
    let sql = format!("{COLUMNS} WHERE email = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(email).fetch_optional(&mut *c).await)?;
    Ok(row.map(from_row))
}

pub async fn by_user(tx: &mut Tx, user: UserId) -> Result<Option<Credentials>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> =
        on!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(user.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(from_row))
}

pub async fn set_password(tx: &mut Tx, user: UserId, hash: &str, now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1")
        .bind(user.0)
        .bind(hash)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Starts (or restarts) enrolment with a new secret; the factor is not in use until enabled.
pub async fn begin_totp(tx: &mut Tx, user: UserId, secret: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1"
    )
    .bind(user.0)
    .bind(secret)
    .execute(&mut *c)
    .await)?;
    Ok(())
}

/// Puts the second factor in use and replaces the recovery codes by `code_hashes`.
pub async fn enable_totp(tx: &mut Tx, user: UserId, step: i64, code_hashes: &[String], now: Timestamp) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE users SET totp_enabled_at = $2, totp_last_step = $3 WHERE id = $1")
        .bind(user.0)
        .bind(sql_ts(now))
        .bind(step)
        .execute(&mut *c)
        .await)?;
    exec!(tx, |c| sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user.0).execute(&mut *c).await)?;
    for hash in code_hashes {
        exec!(tx, |c| sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)")
            .bind(user.0)
            .bind(hash)
            .bind(sql_ts(now))
            .execute(&mut *c)
            .await)?;
    }
    Ok(())
}

pub async fn disable_totp(tx: &mut Tx, user: UserId) -> Result<()> {
    exec!(tx, |c| sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1"
    )
    .bind(user.0)
    .execute(&mut *c)
    .await)?;
    exec!(tx, |c| sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user.0).execute(&mut *c).await)?;
    Ok(())
}

/// Accepts a TOTP time step once: false when this step (or a later one) was used before.
pub async fn use_totp_step(tx: &mut Tx, user: UserId, step: i64) -> Result<bool> {
    let done = exec!(tx, |c| sqlx::query(
        "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)"
    )
    .bind(user.0)
    .bind(step)
    .execute(&mut *c)
    .await)?;
    Ok(done == 1)
}

/// The unused recovery codes of a user: (id, hash).
pub async fn unused_recovery_codes(tx: &mut Tx, user: UserId) -> Result<Vec<(i64, String)>> {
    Ok(on!(tx, |c| sqlx::query_as(
        "SELECT id, code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL ORDER BY id"
    )
    .bind(user.0)
    .fetch_all(&mut *c)
    .await)?)
}

/// Marks a recovery code used; false when it was used meanwhile.
pub async fn use_recovery_code(tx: &mut Tx, id: i64, now: Timestamp) -> Result<bool> {
    let done = exec!(tx, |c| sqlx::query("UPDATE recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id)
        .bind(sql_ts(now))
        .execute(&mut *c)
        .await)?;
    Ok(done == 1)
}
