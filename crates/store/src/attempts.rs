//! Failed attempts counted per key (migration 0010): the log-in lock-out per account and client
//! address, and the throttle on portal activations. In the database, so a count holds across the
//! nodes of a cluster and across restarts. Keys arrive hashed; times are whole seconds since
//! 1970, compared in SQL.

use crate::{Result, Tx};

/// Counts one more failure for `key_hash` in `scope` and returns the count and the lock now
/// on it. Failures count in a row: a count whose last failure was before `forget_before` starts
/// again at one. From the `limit`-th failure on, every failure locks the key until `lock_until`.
/// One statement, so concurrent failures on PostgreSQL are all counted.
pub async fn record(
    tx: &mut Tx,
    scope: &str,
    key_hash: &str,
    now: i64,
    forget_before: i64,
    limit: i32,
    lock_until: i64,
) -> Result<(i32, Option<i64>)> {
    Ok(on!(tx, |c| sqlx::query_as(
        "INSERT INTO failed_attempts (scope, key_hash, failures, last_failed_at, locked_until) \
         VALUES ($1, $2, 1, $3, CASE WHEN $5 <= 1 THEN $6 ELSE NULL END) \
         ON CONFLICT (scope, key_hash) DO UPDATE SET \
           failures = CASE WHEN failed_attempts.last_failed_at < $4 THEN 1 ELSE failed_attempts.failures + 1 END, \
           last_failed_at = $3, \
           locked_until = CASE \
             WHEN (CASE WHEN failed_attempts.last_failed_at < $4 THEN 1 ELSE failed_attempts.failures + 1 END) >= $5 \
               THEN $6 \
             WHEN failed_attempts.last_failed_at < $4 THEN NULL \
             ELSE failed_attempts.locked_until END \
         RETURNING failures, locked_until"
    )
    .bind(scope)
    .bind(key_hash)
    .bind(now)
    .bind(forget_before)
    .bind(limit)
    .bind(lock_until)
    .fetch_one(&mut *c)
    .await)?)
}

/// The lock on `key_hash` in `scope` while it lasts beyond `now`.
pub async fn locked_until(tx: &mut Tx, scope: &str, key_hash: &str, now: i64) -> Result<Option<i64>> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "SELECT locked_until FROM failed_attempts WHERE scope = $1 AND key_hash = $2 AND locked_until > $3"
    )
    .bind(scope)
    .bind(key_hash)
    .bind(now)
    .fetch_optional(&mut *c)
    .await)?)
}

/// Forgets the count of one key (a successful log-in).
pub async fn clear(tx: &mut Tx, scope: &str, key_hash: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query("DELETE FROM failed_attempts WHERE scope = $1 AND key_hash = $2")
        .bind(scope)
        .bind(key_hash)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// Deletes counts whose last failure was before `before` and that hold no lock at `now`, so
/// the table does not grow with every address that ever mistyped.
pub async fn forget(tx: &mut Tx, before: i64, now: i64) -> Result<u64> {
    Ok(exec!(tx, |c| sqlx::query(
        "DELETE FROM failed_attempts WHERE last_failed_at < $1 AND (locked_until IS NULL OR locked_until <= $2)"
    )
    .bind(before)
    .bind(now)
    .execute(&mut *c)
    .await)?)
}

/// Notes which account (`account_key`) the count of `key_hash` in `scope` is for, so that
/// [`clear_account`] finds it.
pub async fn tag_account(tx: &mut Tx, scope: &str, key_hash: &str, account_key: &str) -> Result<()> {
    exec!(tx, |c| sqlx::query("UPDATE failed_attempts SET account_key = $3 WHERE scope = $1 AND key_hash = $2")
        .bind(scope)
        .bind(key_hash)
        .bind(account_key)
        .execute(&mut *c)
        .await)?;
    Ok(())
}

/// The latest lock on an account in force at `now`: its own count (`key_hash = account_key` in
/// `account_scope`) or any count tagged with it.
pub async fn account_locked_until(
    tx: &mut Tx,
    account_scope: &str,
    account_key: &str,
    now: i64,
) -> Result<Option<i64>> {
    Ok(on!(tx, |c| sqlx::query_scalar(
        "SELECT MAX(locked_until) FROM failed_attempts \
         WHERE ((scope = $1 AND key_hash = $2) OR account_key = $2) AND locked_until > $3"
    )
    .bind(account_scope)
    .bind(account_key)
    .bind(now)
    .fetch_one(&mut *c)
    .await)?)
}

/// Forgets every count of an account (an admin unlocked it); how many there were.
pub async fn clear_account(tx: &mut Tx, account_scope: &str, account_key: &str) -> Result<u64> {
    Ok(exec!(tx, |c| sqlx::query(
        "DELETE FROM failed_attempts WHERE (scope = $1 AND key_hash = $2) OR account_key = $2"
    )
    .bind(account_scope)
    .bind(account_key)
    .execute(&mut *c)
    .await)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn failures_in_a_row_lock_and_are_forgotten_after_a_quiet_spell() {
        let dir = tempfile::tempdir().expect("dir");
        let db = crate::Db::connect(&format!("sqlite://{}", dir.path().join("t.db").display())).await.expect("db");
        db.migrate().await.expect("migrate");
        let mut tx = db.begin().await.expect("tx");
        let t0 = 1_800_000_000;
        for n in 1..=2 {
            let got = record(&mut tx, "login", "k", t0 + n, t0 - 100, 3, t0 + 900).await.expect("record");
            assert_eq!(got, (i32::try_from(n).expect("n"), None));
        }
        assert_eq!(locked_until(&mut tx, "login", "k", t0).await.expect("read"), None);
        let got = record(&mut tx, "login", "k", t0 + 3, t0 - 100, 3, t0 + 903).await.expect("record");
        assert_eq!(got, (3, Some(t0 + 903)));
        assert_eq!(locked_until(&mut tx, "login", "k", t0 + 10).await.expect("read"), Some(t0 + 903));
        assert_eq!(locked_until(&mut tx, "login", "k", t0 + 903).await.expect("read"), None, "over");
        assert_eq!(locked_until(&mut tx, "login", "other", t0).await.expect("read"), None);
        // Much later the count starts again, lock and all.
        let later = t0 + 100_000;
        let got = record(&mut tx, "login", "k", later, later - 1_000, 3, later + 900).await.expect("record");
        assert_eq!(got, (1, None));
        assert_eq!(forget(&mut tx, later, later).await.expect("forget"), 0, "the fresh count stays");
        clear(&mut tx, "login", "k").await.expect("clear");
        assert_eq!(record(&mut tx, "login", "k", later, later - 1_000, 3, later + 900).await.expect("r").0, 1);
        assert_eq!(forget(&mut tx, later + 1, later + 1).await.expect("forget"), 1);
        tx.commit().await.expect("commit");
    }
}
