//! What a log-in checks besides the password: failed attempts and the lock-out they cause,
//! the TOTP second factor and its hashed recovery codes, password changes.

use buurtteam_domain::ids::UserId;
use jiff::Timestamp;

use crate::{Result, Tx, sql_ts};

/// The log-in facts of one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user_id: UserId,
    pub password_hash: String,
    pub failed_logins: i32,
    pub locked_until: Option<Timestamp>,
    /// The TOTP secret (base32), once enrolment began.
    pub totp_secret: Option<String>,
    /// Set when the second factor is in use.
    pub totp_enabled_at: Option<Timestamp>,
    pub totp_last_step: Option<i64>,
}

type Row = (i64, String, i32, Option<jiff_sqlx::Timestamp>, Option<String>, Option<jiff_sqlx::Timestamp>, Option<i64>);

const COLUMNS: &str = "SELECT id, password_hash, failed_logins, locked_until, totp_secret, totp_enabled_at, \
                       totp_last_step FROM users";

fn from_row(r: Row) -> Credentials {
    Credentials {
        user_id: UserId(r.0),
        password_hash: r.1,
        failed_logins: r.2,
        locked_until: r.3.map(|t| t.to_jiff()),
        totp_secret: r.4,
        totp_enabled_at: r.5.map(|t| t.to_jiff()),
        totp_last_step: r.6,
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

/// Counts a failed attempt; from the `lock_after`-th failure in a row the account is locked
/// until `lock_until`. Returns the count and the lock now in force.
pub async fn record_failure(
    tx: &mut Tx,
    user: UserId,
    lock_after: i32,
    lock_until: Timestamp,
) -> Result<(i32, Option<Timestamp>)> {
    let row: (i32, Option<jiff_sqlx::Timestamp>) = on!(tx, |c| sqlx::query_as(
        "UPDATE users SET failed_logins = failed_logins + 1, \
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3 ELSE locked_until END \
         WHERE id = $1 RETURNING failed_logins, locked_until"
    )
    .bind(user.0)
    .bind(lock_after)
    .bind(sql_ts(lock_until))
    .fetch_one(&mut *c)
    .await)?;
    Ok((row.0, row.1.map(|t| t.to_jiff())))
}

/// A successful log-in clears the failures and any lock.
pub async fn clear_failures(tx: &mut Tx, user: UserId) -> Result<()> {
    exec!(tx, |c| {
        sqlx::query(
        "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)"
    )
    .bind(user.0)
    .execute(&mut *c)
    .await
    })?;
    Ok(())
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
